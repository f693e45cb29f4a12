// Multi-row inserts: a few thousand rows per statement, under PostgreSQL's 65,535 bind parameters.
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/connect.js';

export async function insertMany<T extends PgTable>(tx: DbOrTx, table: T, rows: T['$inferInsert'][]): Promise<number> {
  if (!rows.length) return 0;
  const columns = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.min(5000, Math.floor(30_000 / columns)));
  for (let i = 0; i < rows.length; i += size) await tx.insert(table).values(rows.slice(i, i + size) as never);
  return rows.length;
}
