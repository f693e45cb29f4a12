// Counters that every server process shares (live_version, public_changes, resident_changes): PostgreSQL
// sequences, which move without locks and outside transactions.
import { sql } from 'drizzle-orm';
import type { Db } from './connect.js';
import { rowsOf } from './connect.js';

/** The sequence's next value (taken, whatever becomes of the caller's transaction). */
export async function nextValue(db: Db, sequence: string): Promise<number> {
  const [row] = rowsOf<{ v: string | number }>(await db.execute(sql`select nextval(${sequence}) as v`));
  return Number(row.v);
}

/** Each sequence's last value, in one query; 0 for one never used (PostgreSQL says 1 there, with is_called false). */
export async function currentValues(db: Db, sequences: readonly string[]): Promise<number[]> {
  const columns = sequences.map((s, i) => sql`(select case when is_called then last_value else 0 end from ${sql.identifier(s)}) as ${sql.identifier(`v${i}`)}`);
  const [row] = rowsOf<Record<string, string | number>>(await db.execute(sql`select ${sql.join(columns, sql`, `)}`));
  return sequences.map((_, i) => Number(row[`v${i}`]));
}
