// The masking every list of numbers uses (shared/phone.ts): the first three and the last four digits stay, the
// middle never shows, the length is kept, and a short string shows nothing of itself.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskPhone } from '../../shared/phone.js';

const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

describe('maskPhone', () => {
  it('masks a mainland mobile number as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps the first three and last four digits and the length, and stars everything between', () => {
    fc.assert(fc.property(digits(11, 11), (n) => {
      const m = maskPhone(n);
      expect(m).toHaveLength(11);
      expect(m.slice(0, 3)).toBe(n.slice(0, 3));
      expect(m.slice(-4)).toBe(n.slice(-4));
      expect(m.slice(3, 7)).toBe('****');
    }));
  });

  it('never shows a longer number\'s middle, and never shows a short one at all', () => {
    fc.assert(fc.property(digits(7, 20), (n) => {
      const m = maskPhone(n);
      expect(m.replace(/\*/g, '')).toBe(n.slice(0, 3) + n.slice(-4));
      expect((m.match(/\*/g) ?? []).length).toBeGreaterThanOrEqual(4);
    }));
    fc.assert(fc.property(digits(0, 6), (n) => { expect(maskPhone(n)).toBe('****'); }));
  });
});
