import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxDigest, canonicalJson, sortEntries } from '../../shared/digest.js';
import type { BoxEntry } from '../../shared/types.js';

const sha256hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('canonicalJson', () => {
  it('sorts keys at every depth by code unit, keeps array order, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: null, c: true }], B: 'x' })).toBe('{"B":"x","a":[3,{"c":true,"d":null}],"b":1}');
  });

  it('orders by UTF-16 code unit, not by code point or locale', () => {
    // U+1F600 is stored as the surrogate pair D83D DE00, which sorts before U+FF01.
    expect(canonicalJson({ '\uFF01': 1, '\u{1F600}': 2, a: 3, Z: 4 })).toBe('{"Z":4,"a":3,"\u{1F600}":2,"\uFF01":1}');
  });

  it('writes strings and numbers exactly as JSON.stringify does', () => {
    const value = { s: '引号"与\\反斜杠\n', n: 0.1 + 0.2, e: 1e21, neg: -0 };
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
    expect(canonicalJson('引号"\n')).toBe(JSON.stringify('引号"\n'));
  });

  it('keeps an own "__proto__" key as data', () => {
    expect(canonicalJson(JSON.parse('{"__proto__":1,"a":2}'))).toBe('{"__proto__":1,"a":2}');
  });

  it('refuses values JSON cannot carry rather than writing null', () => {
    expect(() => canonicalJson({ a: NaN })).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('is independent of key insertion order and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(reverseKeys(value))).toBe(text);
      }),
    );
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}

const entries: BoxEntry[] = [
  { receipt: 'Z9Y8X7W6V5', choices: { vote: 'yes' } },
  { receipt: 'A1B2C3D4E5', choices: { 项目: 'abstain', a: 'yes', B: 'no' } as BoxEntry['choices'] },
];

describe('boxDigest', () => {
  it('matches a vector computed independently with node:crypto', () => {
    const expectedText =
      '[{"choices":{"B":"no","a":"yes","项目":"abstain"},"receipt":"A1B2C3D4E5"},{"choices":{"vote":"yes"},"receipt":"Z9Y8X7W6V5"}]';
    expect(canonicalJson(sortEntries(entries))).toBe(expectedText);
    expect(boxDigest(entries)).toBe(sha256hex(expectedText));
    // Pinned as well, so a change in both the code and this test's text cannot pass unnoticed.
    expect(boxDigest(entries)).toBe('cc28caaa38968047ff594909945e1547efd626cc3c08846cda60ea569bcbe041');
  });

  it('of an empty box is the hash of "[]"', () => {
    expect(boxDigest([])).toBe('4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945');
  });

  it('ignores anything in an entry besides receipt and choices', () => {
    const withExtra = entries.map((e) => ({ ...e, castAt: '2025-01-01T00:00:00Z' }));
    expect(boxDigest(withExtra)).toBe(boxDigest(entries));
  });

  it('does not depend on entry order or key order', () => {
    const arbEntries = fc.uniqueArray(
      fc.record({ receipt: fc.stringMatching(/^[0-9A-Z]{10,16}$/), choices: fc.dictionary(fc.string(), fc.constantFrom('yes', 'no', 'abstain')) }),
      { selector: (e) => e.receipt, maxLength: 20 },
    );
    fc.assert(
      fc.property(arbEntries, fc.func(fc.integer()), (list, key) => {
        const shuffled = [...list].sort((a, b) => key(a.receipt) - key(b.receipt)).map((e) => ({ receipt: e.receipt, choices: reverseKeys(e.choices) as BoxEntry['choices'] }));
        expect(boxDigest(shuffled)).toBe(boxDigest(list));
        expect(boxDigest(list)).toMatch(/^[0-9a-f]{64}$/);
      }),
    );
  });

  it('changes when any choice changes', () => {
    const changed: BoxEntry[] = [entries[0], { ...entries[1], choices: { 项目: 'abstain', a: 'no', B: 'no' } as BoxEntry['choices'] }];
    expect(boxDigest(changed)).not.toBe(boxDigest(entries));
  });

  it('sortEntries sorts by receipt code unit and keeps only receipt and choices', () => {
    const sorted = sortEntries([{ receipt: 'b', choices: { vote: 'no' } }, { receipt: 'B', choices: { vote: 'yes' } }, { receipt: 'A', choices: { vote: 'yes' } }]);
    expect(sorted.map((e) => e.receipt)).toEqual(['A', 'B', 'b']);
  });
});
