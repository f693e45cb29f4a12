// 无记名打分 (means, ranks with shared ranks, 红黄黑旗), the combined satisfaction and 子项 grades: examples
// at the edges the rules name, and properties over random inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compositeSatisfaction, gradeFromItems, gradeProject, meanOf, scoreResult, weightsValid, type ScoreRow } from '../../shared/counting/index.js';

const row = (id: string, scores: number[]): ScoreRow => ({ id, title: id, count: scores.length, sum: scores.reduce((a, b) => a + b, 0) });

describe('scores', () => {
  it('rounds the mean to two decimals, half away from zero', () => {
    expect(meanOf(256, 3)).toBe(85.33);
    expect(meanOf(257, 3)).toBe(85.67);
    expect(meanOf(1, 8)).toBe(0.13); // 0.125
    expect(meanOf(-1, 8)).toBe(-0.13);
    expect(meanOf(0, 0)).toBe(0);
  });

  it('shares a rank between equal means and skips the next (1, 1, 3)', () => {
    const r = scoreResult([row('a', [90, 80]), row('b', [85, 85]), row('c', [70, 71]), row('d', [99, 60])]);
    expect(r.map((o) => [o.id, o.mean, o.rank])).toEqual([['a', 85, 1], ['b', 85, 1], ['c', 70.5, 4], ['d', 79.5, 3]]);
  });

  it('ranks by the exact mean, not the rounded one', () => {
    // 85.333… and 85.334 both show 85.33, yet one is higher
    const r = scoreResult([row('x', [85, 85, 86]), { id: 'y', title: 'y', count: 1000, sum: 85_334 }]);
    expect(r.map((o) => o.mean)).toEqual([85.33, 85.33]);
    expect(r.map((o) => o.rank)).toEqual([2, 1]);
  });

  it('flags red for rank ≤ red, black for rank > options − black, else yellow; ties share the flag', () => {
    const r = scoreResult([row('a', [95]), row('b', [90]), row('c', [80]), row('d', [60]), row('e', [60])], { red: 1, black: 1 });
    expect(r.map((o) => o.flag)).toEqual(['red', 'yellow', 'yellow', 'yellow', 'yellow']);
    // d and e share rank 4, which is not > 5 − 1: neither is black
    const s = scoreResult([row('a', [95]), row('b', [90]), row('c', [80]), row('d', [70]), row('e', [60])], { red: 2, black: 2 });
    expect(s.map((o) => o.flag)).toEqual(['red', 'red', 'yellow', 'black', 'black']);
    expect(scoreResult([row('a', [1])]).map((o) => o.flag)).toEqual([undefined]);
  });

  const scores = fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 15 });
  it('property: ranks depend only on the means; a higher mean never ranks below a lower one; rank 1 exists', () => {
    fc.assert(fc.property(scores, (lists) => {
      const rows = lists.map((l, i) => row(`o${i}`, l));
      const r = scoreResult(rows);
      expect(r.some((o) => o.rank === 1)).toBe(true);
      for (let i = 0; i < rows.length; i++) {
        for (let j = 0; j < rows.length; j++) {
          const mi = rows[i].sum / rows[i].count;
          const mj = rows[j].sum / rows[j].count;
          if (rows[i].sum * rows[j].count > rows[j].sum * rows[i].count) expect(r[i].rank).toBeLessThan(r[j].rank);
          if (rows[i].sum * rows[j].count === rows[j].sum * rows[i].count) expect(r[i].rank).toBe(r[j].rank);
          expect(Math.abs(r[i].mean - mi)).toBeLessThanOrEqual(0.005 + 1e-9);
          void mj;
        }
        // the rank is one more than how many score strictly higher
        expect(r[i].rank).toBe(1 + rows.filter((o) => o.sum * rows[i].count > rows[i].sum * o.count).length);
      }
    }));
  });

  it('property: a reordered ballot gives every option the same mean, rank and flag', () => {
    fc.assert(fc.property(scores, fc.nat(), (lists, seed) => {
      const rows = lists.map((l, i) => row(`o${i}`, l));
      const flags = { red: Math.min(1, rows.length), black: Math.min(1, rows.length) };
      const shuffled = [...rows].sort((a, b) => ((a.id.charCodeAt(1) * 31 + seed) % 7) - ((b.id.charCodeAt(1) * 31 + seed) % 7));
      const one = new Map(scoreResult(rows, flags).map((o) => [o.id, o]));
      for (const o of scoreResult(shuffled, flags)) expect(o).toEqual(one.get(o.id));
    }));
  });
});

describe('the combined satisfaction', () => {
  const w = { members: 0.3, public: 0.6, survey: 0.1 };
  it('weighs the parts present and rounds to four decimals', () => {
    const c = compositeSatisfaction({ members: { satisfied: 20, basic: 5, unsatisfied: 5 }, public: { satisfied: 30, basic: 10, unsatisfied: 10 }, survey: null }, w)!;
    expect(c.parts).toEqual({ members: 25 / 30, public: 40 / 50 });
    expect(c.rate).toBe(Math.round(((0.3 * 25 / 30 + 0.6 * 0.8) / 0.9) * 10_000) / 10_000);
    expect(c.weights).toEqual(w);
  });
  it('is null without a rule, without any part, or when only weightless parts are present', () => {
    const counts = { members: { satisfied: 1, basic: 0, unsatisfied: 0 } };
    expect(compositeSatisfaction(counts, null)).toBeNull();
    expect(compositeSatisfaction({ members: { satisfied: 0, basic: 0, unsatisfied: 0 } }, w)).toBeNull();
    expect(compositeSatisfaction(counts, { members: 0, public: 1, survey: 0 })).toBeNull();
  });
  it('checks the weights: each ≥ 0, summing to 1 within 0.001', () => {
    expect(weightsValid(w)).toBe(true);
    expect(weightsValid({ members: 0.333, public: 0.333, survey: 0.333 })).toBe(true);
    expect(weightsValid({ members: 0.5, public: 0.5, survey: 0.01 })).toBe(false);
    expect(weightsValid({ members: -0.1, public: 1, survey: 0.1 })).toBe(false);
    expect(weightsValid({ members: Number.NaN, public: 1, survey: 0 })).toBe(false);
  });
  const counts = fc.record({ satisfied: fc.nat(500), basic: fc.nat(500), unsatisfied: fc.nat(500) });
  it('property: the rate lies between the smallest and the largest part present', () => {
    fc.assert(fc.property(counts, counts, counts, fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100)), (m, p, s, [a, b, c]) => {
      const total = a + b + c || 1;
      const weights = { members: a / total, public: b / total, survey: (a + b + c === 0 ? 1 : c / total) };
      const r = compositeSatisfaction({ members: m, public: p, survey: s }, weights);
      if (!r) return;
      const parts = Object.values(r.parts);
      expect(r.rate).toBeGreaterThanOrEqual(Math.min(...parts) - 0.00005);
      expect(r.rate).toBeLessThanOrEqual(Math.max(...parts) + 0.00005);
    }));
  });
});

describe('子项 grades', () => {
  it('grades the project from the summed counts against the base times the number of items', () => {
    // 3 items, roster 30: base 90; 满意 46 of 90 is more than half
    const g = gradeFromItems([{ satisfied: 16, basic: 10, unsatisfied: 4 }, { satisfied: 15, basic: 10, unsatisfied: 5 }, { satisfied: 15, basic: 10, unsatisfied: 5 }], 30);
    expect(g).toMatchObject({ satisfied: 46, basic: 30, unsatisfied: 14, grade: '满意' });
    expect(gradeFromItems([{ satisfied: 15, basic: 10, unsatisfied: 5 }, { satisfied: 15, basic: 10, unsatisfied: 5 }], 30).grade).toBe('基本满意');
  });
  it('property: one item grades exactly as the project would', () => {
    fc.assert(fc.property(fc.record({ satisfied: fc.nat(60), basic: fc.nat(60), unsatisfied: fc.nat(60) }), fc.integer({ min: 1, max: 200 }), (c, base) => {
      expect(gradeFromItems([c], base)).toEqual({ ...c, ...gradeProject(c, base) });
    }));
  });
});
