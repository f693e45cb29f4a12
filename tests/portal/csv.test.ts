// server/portal/csv.ts: RFC 4180 quoting and OWASP "CSV Injection" neutralising, field by field (pure).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvField, csvLine } from '../../server/portal/csv.js';

const back = (fields: unknown[]) => (parse(csvLine(fields), { relax_column_count: false }) as string[][])[0];

describe('CSV fields', () => {
  it('prefixes text a spreadsheet would run as a formula with a single quote', () => {
    for (const s of ['=1+1', '+A1', '-2+3', '@SUM(A1:A9)', '\tx', '\r=cmd', '=HYPERLINK("http://x","点我")', '-', '-5,=cmd', '- 5']) {
      expect(back([s])).toEqual([`'${s}`]);
    }
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=A1,"x"')).toBe(`"'=A1,""x"""`);
  });

  it('leaves numbers, plain-number strings and other text as they are', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField('-5')).toBe('-5');
    expect(csvField('+3.25')).toBe('+3.25');
    expect(csvField(false)).toBe('false');
    expect(csvField(null)).toBe('');
    for (const s of ['幸福路口信号灯', '2027-03-01', 'a=b', 'x-1', "'already"]) expect(csvField(s)).toBe(s);
    expect(csvField(' 1+1')).toBe('" 1+1"'); // outer space: quoted, and not a formula (it does not start with one of them)
  });

  it('any text parses back to itself, or to itself behind one added quote when it starts like a formula', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', 'a', '1', '.', '点') }), { minLength: 1, maxLength: 5 }), (fields) => {
      const parsed = back(fields);
      fields.forEach((f, k) => {
        const dangerous = /^[=+\-@\t\r]/.test(f) && !/^[+-]?\d+(\.\d+)?$/.test(f);
        expect(parsed[k]).toBe(dangerous ? `'${f}` : f);
        expect(/^[=+\-@\t\r]/.test(parsed[k]) && !/^[+-]?\d+(\.\d+)?$/.test(parsed[k])).toBe(false);
      });
    }));
  });
});
