// 无记名打分: secret integer scores per option, counted into a mean, a rank and the 红黄黑旗 (API.md "Evaluation").
// Everything is integer arithmetic on sums and counts, so the server, the browser and the verifier agree to the
// last digit: means are compared exactly (a·d vs c·b), and the published mean is rounded half away from zero.

import type { ScoreOptionResult } from '../types.js';

export type { ScoreOptionResult };
export interface ScoreRow { id: string; title: string; count: number; sum: number }
export type Flag = NonNullable<ScoreOptionResult['flag']>;
export interface ScoreFlags { red: number; black: number }

/** sum / count to two decimals, half away from zero, without a float ever holding an unrounded mean. */
export function meanOf(sum: number, count: number): number {
  if (count === 0) return 0;
  const sign = sum < 0 ? -1 : 1;
  const hundredths = Math.floor((2 * Math.abs(sum) * 100 + count) / (2 * count));
  return (sign * hundredths) / 100;
}

/** Exact comparison of two means: negative when a's mean is higher (it ranks first). */
function byMeanDescending(a: ScoreRow, b: ScoreRow): number {
  const ca = Math.max(a.count, 1);
  const cb = Math.max(b.count, 1);
  const ma = a.count === 0 ? 0 : a.sum;
  const mb = b.count === 0 ? 0 : b.sum;
  return mb * ca - ma * cb;
}

/**
 * Means, ranks and, with `flags`, flags: `red` for rank ≤ red, `black` for rank > options − black, else
 * `yellow`. Options keep their ballot order; a tie at a flag's edge gives every tied option the flag its rank earns.
 */
export function scoreResult(rows: readonly ScoreRow[], flags?: ScoreFlags): ScoreOptionResult[] {
  const n = rows.length;
  return rows.map((row) => {
    const rank = 1 + rows.filter((other) => byMeanDescending(other, row) < 0).length;
    const out: ScoreOptionResult = { id: row.id, title: row.title, count: row.count, mean: meanOf(row.sum, row.count), rank };
    if (flags) out.flag = rank <= flags.red ? 'red' : rank > n - flags.black ? 'black' : 'yellow';
    return out;
  });
}
