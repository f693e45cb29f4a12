// An inverted index of one body-year's suggestions by bigram, kept in memory to find likely duplicates
// fast (QUALITY.md "duplicates": p95 < 50 ms at 50,000). It is a cache of what PostgreSQL holds, never the
// record: built from the table on first use, brought up to date with the rows added since at every use,
// so every process (and a restarted one) answers the same. Suggestions are never deleted; their state
// (merged, supporters) is read fresh from the table for the few that are answered.
import { and, eq, gte } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { suggestions } from '../db/schema.js';
import { suggestionGrams, type SuggestionGrams, type SuggestionText } from '../../shared/similarity.js';

interface Doc extends SuggestionText { id: string; grams: SuggestionGrams }

class BodyYearIndex {
  readonly docs: Doc[] = [];
  readonly seen = new Set<string>();
  readonly postings = new Map<string, number[]>();
  /**
   * Every row created before this instant has been read: the start of the last read less the time a
   * submission may take to commit (created_at is its transaction's start).
   */
  settled = 0;
  /** when the whole body-year was last read: now and then it is read again, so nothing can stay missed */
  fullReadAt = 0;

  add(row: { id: string; title: string; description: string; area: string | null }) {
    if (this.seen.has(row.id)) return;
    this.seen.add(row.id);
    const doc: Doc = { id: row.id, title: row.title, description: row.description, area: row.area, grams: suggestionGrams(row) };
    const n = this.docs.push(doc) - 1;
    for (const g of doc.grams.all) {
      const list = this.postings.get(g);
      if (list) list.push(n); else this.postings.set(g, [n]);
    }
  }

  /**
   * The `limit` documents sharing the most weight of the text's grams, a gram weighing more the fewer
   * documents hold it (a place name shared by thousands says little; "信号灯" says much).
   */
  candidates(grams: Set<string>, limit: number, excludeId?: string): Doc[] {
    const total = this.docs.length;
    const score = new Float64Array(total);
    const touched: number[] = [];
    for (const g of grams) {
      const list = this.postings.get(g);
      if (!list) continue;
      const weight = Math.log(1 + total / list.length);
      for (const n of list) {
        if (score[n] === 0) touched.push(n);
        score[n] += weight;
      }
    }
    // Only the best `limit` matter: keep those above a cut found on a sample before sorting.
    let pool = touched;
    if (touched.length > limit * 8) {
      const sample = Float64Array.from({ length: 1024 }, (_, i) => score[touched[Math.floor((i * touched.length) / 1024)]]).sort();
      const cut = sample[Math.max(0, 1024 - Math.ceil((1024 * limit * 4) / touched.length))];
      pool = touched.filter((n) => score[n] >= cut);
    }
    return pool.sort((a, b) => score[b] - score[a]).slice(0, limit + 1)
      .map((n) => this.docs[n]).filter((d) => d.id !== excludeId).slice(0, limit);
  }
}

const indexes = new Map<string, { index: BodyYearIndex; refresh: Promise<void> | null }>();
const maxIndexes = 32;
/** A submission commits within milliseconds of its created_at; rows are read again from this long before the newest. */
const lateCommit = 5_000;
const fullReadEvery = 10 * 60_000;

/** The index of a body-year, brought up to date with the table. */
export async function similarIndex(db: DbOrTx, bodyId: string, year: number): Promise<BodyYearIndex> {
  const key = `${bodyId}:${year}`;
  let entry = indexes.get(key);
  if (!entry) {
    if (indexes.size >= maxIndexes) indexes.delete(indexes.keys().next().value!);
    entry = { index: new BodyYearIndex(), refresh: null };
    indexes.set(key, entry);
  }
  // One refresh at a time per index; callers arriving meanwhile wait for it.
  entry.refresh ??= (async () => {
    const started = Date.now();
    const full = started - entry.index.fullReadAt > fullReadEvery;
    if (full) entry.index.fullReadAt = started;
    const since = new Date(full ? 0 : entry.index.settled).toISOString();
    const rows = await db.select({
      id: suggestions.id, title: suggestions.title, description: suggestions.description, area: suggestions.area, createdAt: suggestions.createdAt,
    }).from(suggestions).where(and(eq(suggestions.bodyId, bodyId), eq(suggestions.year, year), gte(suggestions.createdAt, since)));
    for (const r of rows) entry.index.add(r);
    entry.index.settled = started - lateCommit;
  })().finally(() => { entry.refresh = null; });
  await entry.refresh;
  return entry.index;
}

/** Forget every index (tests that rebuild a database under the same ids). */
export function clearSimilarIndexes() {
  indexes.clear();
}
