import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultQuorum, quorumMet } from '../../shared/counting/index.js';

describe('defaultQuorum', () => {
  it('is two thirds inclusive for a congress and more than half for a committee', () => {
    expect(defaultQuorum('congress')).toEqual({ num: 2, den: 3, strict: false });
    expect(defaultQuorum('committee')).toEqual({ num: 1, den: 2, strict: true });
  });
});

describe('quorumMet boundaries', () => {
  const congress = defaultQuorum('congress');
  const committee = defaultQuorum('committee');

  it('congress: 199 of 300 is not enough, 200 of 300 is (以上 includes the number)', () => {
    expect(quorumMet(199, 300, congress)).toBe(false);
    expect(quorumMet(200, 300, congress)).toBe(true);
  });

  it('congress: rosters not divisible by 3 round up', () => {
    // 2/3 of 301 = 200.67, so 201 is needed.
    expect(quorumMet(200, 301, congress)).toBe(false);
    expect(quorumMet(201, 301, congress)).toBe(true);
  });

  it('committee: exactly half (15 of 30) is not enough, 16 of 30 is', () => {
    expect(quorumMet(15, 30, committee)).toBe(false);
    expect(quorumMet(16, 30, committee)).toBe(true);
  });

  it('an empty roster never meets a quorum', () => {
    expect(quorumMet(0, 0, congress)).toBe(false);
    expect(quorumMet(0, 0, committee)).toBe(false);
    expect(quorumMet(0, 0, { num: 0, den: 1, strict: false })).toBe(false);
  });

  it('refuses nonsense counts', () => {
    expect(() => quorumMet(-1, 10, congress)).toThrow(RangeError);
    expect(() => quorumMet(1.5, 10, congress)).toThrow(RangeError);
    expect(() => quorumMet(1, 10, { num: 1, den: 0, strict: false })).toThrow(RangeError);
  });

  it('congress quorum equals present ≥ ceil(2·roster/3) for every roster', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (roster, p) => {
        const present = p % (roster + 1);
        expect(quorumMet(present, roster, congress)).toBe(present >= Math.ceil((2 * roster) / 3));
      }),
    );
  });

  it('committee quorum equals present ≥ floor(roster/2) + 1 for every roster', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (roster, p) => {
        const present = p % (roster + 1);
        expect(quorumMet(present, roster, committee)).toBe(present >= Math.floor(roster / 2) + 1);
      }),
    );
  });

  it('is monotone: one more member present never loses a quorum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        (roster, p, a, b, strict) => {
          const present = p % roster;
          const q = { num: Math.min(a, b), den: Math.max(a, b), strict };
          if (quorumMet(present, roster, q)) expect(quorumMet(present + 1, roster, q)).toBe(true);
        },
      ),
    );
  });
});
