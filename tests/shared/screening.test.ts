// The 差额 warning and the notice text: pure rules shared by server and client.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differentialWarnings } from '../../shared/screening.js';
import { chineseDate, chineseNumber, noticeText, noticeTitle } from '../../shared/notice-text.js';
import { computeResult, tallyChoices } from '../../shared/counting/index.js';

describe('differentialWarnings', () => {
  it('warns exactly when candidates < ratio × seats (12 for 10 at 1.2× is enough, 11 is not)', () => {
    expect(differentialWarnings(12, 10)).toEqual([]);
    expect(differentialWarnings(11, 10)).toHaveLength(1);
    expect(differentialWarnings(11, 10)[0].needed).toBe(12);
    expect(differentialWarnings(6, 5)).toEqual([]);
    expect(differentialWarnings(5, 5)).toHaveLength(1);
    expect(differentialWarnings(15, 10, 1.5)).toEqual([]);
    expect(differentialWarnings(14, 10, 1.5)).toHaveLength(1);
  });

  it('agrees with exact rational arithmetic for every ratio in tenths', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 10, max: 30 }), (candidates, seats, tenths) => {
      const warned = differentialWarnings(candidates, seats, tenths / 10).length > 0;
      expect(warned).toBe(candidates * 10 < tenths * seats);
      if (warned) expect(differentialWarnings(candidates, seats, tenths / 10)[0].needed).toBe(Math.ceil((tenths * seats) / 10));
    }));
  });
});

describe('notice text', () => {
  it('writes Chinese numerals and Shanghai dates', () => {
    expect([1, 10, 11, 20, 21, 99].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十一', '九十九']);
    expect(chineseDate('2027-01-14T17:00:00Z')).toBe('2027年1月15日');
    expect(chineseDate('2027-01-14 15:59:00.5+00')).toBe('2027年1月14日');
  });

  it('lists every selected project with its 赞成 count, nothing else as selected', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 8 }), fc.integer({ min: 1, max: 3 }), (yes, seatsWanted) => {
      const seats = Math.min(seatsWanted, yes.length);
      const options = yes.map((_, i) => ({ id: `p${i}`, title: `项目${i}` }));
      const def = { kind: 'selection' as const, form: 'per_candidate' as const, seats, options };
      const ballots = Array.from({ length: 9 }, (_, k) => Object.fromEntries(yes.map((y, i) => [`p${i}`, k < y ? 'yes' : 'no'])) as Record<string, 'yes' | 'no'>);
      const result = computeResult(def, tallyChoices(def, ballots), { ballotId: 'b', base: 9, baseRule: 'roster', eligible: 9, cast: 9 });
      if (result.kind !== 'selection') throw new Error('selection expected');
      const text = noticeText({ sessionName: '某县人大会议', sessionKind: 'congress', ballotTitle: '票决', publishedAt: '2027-01-15T02:00:00Z', number: 3, result });
      for (const o of result.options) {
        expect(text.includes(`${o.title}（赞成 ${o.yes} 票`)).toBe(o.status === 'selected');
      }
      expect(text).toContain('现予公告');
      expect(noticeTitle({ sessionName: '某县人大会议', sessionKind: 'congress', ballotTitle: '票决', publishedAt: '', number: 3, result })).toBe('某县人大会议主席团公告（第3号）');
    }));
  });
});
