// Bulk inserts. On PostgreSQL (postgres.js) rows go in by COPY … FROM STDIN in text format: the province's
// millions of rows would spend most of their time building multi-row INSERTs (measured: members 0.7 ms a
// row on a busy machine). On PGlite, and for anything COPY cannot carry, multi-row inserts: a few thousand
// rows per statement, under PostgreSQL's 65,535 bind parameters.
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/connect.js';

interface CopySql { unsafe(query: string): { writable(): Promise<NodeJS.WritableStream> } }

/** The postgres.js connection under a drizzle database or transaction, when that is the driver. */
function postgresJsOf(tx: DbOrTx): CopySql | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  // postgres.js: a function with `unsafe` and `array` helpers; PGlite has no `array` and is not callable
  const helpers = client as { unsafe?: unknown; array?: unknown } | undefined;
  return typeof client === 'function' && typeof helpers?.unsafe === 'function' && typeof helpers.array === 'function' ? (client as unknown as CopySql) : null;
}

const copyEscape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const arrayElement = (v: unknown) => (v === null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);

function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return copyEscape(v);
  throw new TypeError(`no COPY text for a ${typeof v}`);
}

export async function insertMany<T extends PgTable>(tx: DbOrTx, table: T, rows: T['$inferInsert'][]): Promise<number> {
  if (!rows.length) return 0;
  const pg = postgresJsOf(tx);
  if (pg) await copyRows(pg, table, rows as Record<string, unknown>[]);
  else {
    const columns = Object.keys(rows[0] as object).length;
    const size = Math.max(1, Math.min(5000, Math.floor(30_000 / columns)));
    for (let i = 0; i < rows.length; i += size) await tx.insert(table).values(rows.slice(i, i + size) as never);
  }
  return rows.length;
}

async function copyRows(pg: CopySql, table: PgTable, rows: Record<string, unknown>[]) {
  const all = getTableColumns(table);
  // every key any row sets; a row without one writes NULL, so a key only some rows set must be nullable
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  for (const k of keys) {
    const c = all[k];
    if (!c) throw new Error(`no column ${k}`);
    if (c.notNull && rows.some((r) => r[k] === undefined)) throw new Error(`column ${c.name} is NOT NULL but some rows leave it out`);
  }
  const name = getTableName(table);
  const encode = (k: string, v: unknown): string => {
    if (v === null || v === undefined) return '\\N';
    const c = all[k];
    if (c.columnType === 'PgJsonb' || c.columnType === 'PgJson') return copyEscape(JSON.stringify(v));
    if (Array.isArray(v)) return copyEscape(`{${v.map(arrayElement).join(',')}}`);
    return copyValue(c.mapToDriverValue(v));
  };
  const stream = await pg.unsafe(`copy "${name}" (${keys.map((k) => `"${all[k].name}"`).join(', ')}) from stdin`).writable();
  const done = new Promise<void>((resolve, reject) => { stream.on('finish', resolve); stream.on('error', reject); });
  let chunk = '';
  for (const r of rows) {
    chunk += `${keys.map((k) => encode(k, r[k])).join('\t')}\n`;
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
      chunk = '';
    }
  }
  stream.end(chunk);
  await done;
}
