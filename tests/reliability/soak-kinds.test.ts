// The soak's own recount (scripts/reliability/soak-kinds.ts) agrees with the shared counting on random boxes,
// and its distance sees one moved vote: otherwise a soak reporting 0 errors would prove nothing.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FLAGS, distance, recount, type Normal } from '../../scripts/reliability/soak-kinds.js';
import { scoreResult } from '../../shared/counting/score.js';

const ids = ['a', 'b', 'c', 'd', 'e'];
const scores = fc.array(fc.tuple(...ids.map(() => fc.integer({ min: 0, max: 100 }))), { minLength: 1, maxLength: 40 });

it('recounts a scored evaluation as the shared rule does: count, mean, rank, flag', () => {
  fc.assert(fc.property(scores, (rows) => {
    const ballots: Normal[] = rows.map((r) => Object.fromEntries(ids.map((id, k) => [id, r[k]])));
    const mine = recount('score', ids, ballots);
    const shared = scoreResult(ids.map((id, k) => ({ id, title: id, count: rows.length, sum: rows.reduce((s, r) => s + r[k], 0) })), FLAGS);
    for (const o of shared) expect(distance(mine.get(o.id)!, o as unknown as Record<string, unknown>)).toBe(0);
  }));
});

it('sees a graded or scored vote that moved', () => {
  const graded: Normal[] = [{ a: 'satisfied', b: 'basic' }, { a: 'unsatisfied', b: 'basic' }];
  const published = { satisfied: 1, basic: 0, unsatisfied: 1 };
  expect(distance(recount('grade', ['a', 'b'], graded).get('a')!, published)).toBe(0);
  expect(distance(recount('grade', ['a', 'b'], graded).get('a')!, { satisfied: 2, basic: 0, unsatisfied: 0 })).toBe(2);
  const scored: Normal[] = [{ a: 90, b: 10, c: 50 }, { a: 80, b: 20, c: 50 }];
  const r = recount('score', ['a', 'b', 'c'], scored);
  expect(r.get('a')).toEqual({ count: 2, mean: 85, rank: 1, flag: 'red' });
  expect(distance(r.get('a')!, { count: 2, mean: 85.5, rank: 1, flag: 'red' })).toBe(1);
  expect(r.get('b')).toEqual({ count: 2, mean: 15, rank: 3, flag: 'black' });
});
