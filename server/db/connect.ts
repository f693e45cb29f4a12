// One code path for both drivers: embedded PGlite when no DATABASE_URL is set, PostgreSQL otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';
import { discardTemplate, findTemplate, isNewDataDir, saveTemplate } from './pglite-template.js';
import { countPoolDemand, type PoolGauge } from './pool-gauge.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * One SQL statement with positional parameters ($1, $2, …), straight to the driver. On PostgreSQL
 * it is a named prepared statement (parsed and planned once per connection), for the hot path;
 * everything else goes through drizzle.
 */
export type RawQuery = <T = Record<string, unknown>>(text: string, params: unknown[]) => Promise<T[]>;

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  query: RawQuery;
  close(): Promise<void>;
  /** embedded only: the data directory, and a consistent copy of it into `to` (for `npm run backup`) */
  dataDir?: string;
  copyDataDir?: (to: string) => Promise<void>;
  /** PostgreSQL only: how busy the pool is (for /metrics) */
  pool?: PoolGauge;
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 20) : openPglite(opts.dataDir ?? './data');
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dir = dataDir.startsWith('memory://') ? dataDir : path.resolve(dataDir);
  const template = isNewDataDir(dir) ? findTemplate(migrationsFolder) : null;
  let client = new PGlite(dir, template?.blob ? { loadDataDir: template.blob } : {});
  try {
    await client.waitReady;
  } catch (err) {
    if (!template?.blob) throw err;
    // A damaged copy: drop it and make the database the long way (the copy is written again below).
    console.warn(`the empty-database copy ${template.file} could not be restored (${(err as Error).message}); making the database anew`);
    discardTemplate(template, dir);
    client = new PGlite(dir);
    await client.waitReady;
  }
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder });
  if (template && !template.blob) await saveTemplate(client, template);
  const query: RawQuery = async <T>(text: string, params: unknown[]) => (await client.query<T>(text, params)).rows;
  // The copy is made inside a transaction, which PGlite runs alone: no other statement runs while the files
  // are copied, after a checkpoint has written every committed row to them (what is left is in the WAL, copied
  // too). PGlite's own dumpDataDir builds the archive in WebAssembly memory, which a county's photos outgrow.
  const copyDataDir = (to: string) => client.transaction(async (tx) => {
    await tx.query('checkpoint');
    fs.cpSync(dir, to, { recursive: true, filter: (src) => path.basename(src) !== '.ops.sock' });
  });
  return { db: db as unknown as Db, driver: 'pglite', query, close: () => client.close(), dataDir: dir, copyDataDir };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // Several server processes may start at once: one migrates while the others wait on the lock.
  const single = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await single`select pg_advisory_lock(7310001)`;
    await migrate(drizzle({ client: single, schema }), { migrationsFolder });
  } finally {
    await single.end({ timeout: 5 });
  }
  // postgres.js waits before reconnecting a pooled connection, longer after every failed attempt of
  // any connection of the pool (up to 10–20 s by default): after a database restart a query could
  // sit that long on a connection waiting to reconnect. Half a second at most keeps answers prompt
  // (503 while the database is down, a commit as soon as it is back).
  const client = postgres(url, {
    max, onnotice: () => {}, connection: { application_name: 'minsheng' },
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
  });
  const pool = countPoolDemand(client, max);
  const db = drizzle({ client, schema });
  const query: RawQuery = async <T>(text: string, params: unknown[]) =>
    (await client.unsafe(text, params as never[], { prepare: true })) as unknown as T[];
  return { db: db as unknown as Db, driver: 'postgres', query, pool, close: () => client.end({ timeout: 5 }) };
}

/** Rows of a raw `db.execute` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
