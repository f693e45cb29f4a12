import { describe, expect, it } from 'vitest';
import { asValue } from '../../client/src/forms/Field';

// react-hook-form passes a field's default through the same function as what is typed: a null default of a
// number field once became 0 (a blank 进度 sent as 0%, a blank investment as 0 万元).
describe('a text input as its schema reads it', () => {
  it('keeps a blank number blank, typed or by default', () => {
    for (const v of ['', null, undefined]) {
      expect(asValue(v, 'number', true)).toBeNull();
      expect(asValue(v, 'number', false)).toBeNull();
    }
    expect(asValue('0', 'number', true)).toBe(0);
    expect(asValue('35', 'number')).toBe(35);
  });
  it('keeps blank required text as too short, optional text as none', () => {
    expect(asValue('', 'text', true)).toBe('');
    expect(asValue('', 'text', false)).toBeNull();
    expect(asValue(' 县级财政 ', 'text', true)).toBe(' 县级财政 ');
  });
});
