// Restores a backup into an empty target — a PostgreSQL database or an embedded data directory, whichever the
// backup came from: the target is given the schema of the backup's release (its migrations, no later one),
// every row and sequence goes in inside one transaction, and that transaction commits only once the whole
// file has verified (tag, digest, counts). The next start migrates it forward like any older database.
import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import { BackupError, type BackupRecord, type Manifest } from './format.js';
import { readBackup } from './read.js';
import { migrationsUpTo, pgliteRunner, quoteIdent, type SqlRunner } from './source.js';

export type Target = { databaseUrl: string } | { dataDir: string };

/** The begin record alone (which release made the file), before anything is restored. */
async function beginOf(file: string, passphrase: string | undefined): Promise<Extract<BackupRecord, { t: 'begin' }>> {
  let begin: Extract<BackupRecord, { t: 'begin' }> | null = null;
  await readBackup(file, passphrase, (r) => {
    if (r.t === 'begin') begin = r;
    return 'stop';
  });
  if (!begin) throw new BackupError('the file has no begin record');
  return begin;
}

/** Loads every record into `db` (inside a transaction the caller commits when this returns). */
async function load(db: SqlRunner, file: string, passphrase: string | undefined) {
  const tables = new Set((await db.query<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = 'public'`)).map((r) => r.t));
  // The open ballots' votes are partitioned by slot (migration 0015): a slot's partitions are made before its rows go in.
  const partitioned = new Set((await db.query<{ t: string }>(`select relname::text as t from pg_class where relnamespace = 'public'::regnamespace and relkind = 'p'`)).map((r) => r.t));
  const summary = await readBackup(file, passphrase, async (r) => {
    if (r.t === 'table' && !tables.has(r.name)) throw new BackupError(`table ${r.name} is not in the schema of the backup's release`);
    if (r.t === 'rows' && r.rows.length) {
      const t = quoteIdent(r.table);
      if (partitioned.has(r.table)) {
        await db.query(`select ballot_live_slot(s) from (select distinct (e->>'slot')::int as s from json_array_elements($1::json) e) x`, [JSON.stringify(r.rows)]);
      }
      await db.query(`insert into ${t} select * from json_populate_recordset(null::${t}, $1::json)`, [JSON.stringify(r.rows)]);
    }
    if (r.t === 'sequence' && r.value !== null) await db.query('select setval($1::regclass, $2::bigint, true)', [`public.${quoteIdent(r.name)}`, r.value]);
  });
  return summary!.manifest;
}

async function restorePostgres(url: string, file: string, passphrase: string | undefined, migrations: number): Promise<Manifest> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const sql: Sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`;
    if (n > 0) throw new BackupError('the target database is not empty: restore goes into an empty one only (nothing was changed)');
    const folder = migrationsUpTo(migrations);
    try {
      await migrate(drizzle({ client: sql }), { migrationsFolder: folder });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    return await sql.begin(async (tx) => load({ query: async (text, params) => (await tx.unsafe(text, (params ?? []) as never[])) as never }, file, passphrase)) as Manifest;
  } catch (err) {
    // A restore that did not finish leaves the schema it made: drop it, so the target is empty again.
    await sql.unsafe('drop schema if exists drizzle cascade; drop schema public cascade; create schema public').catch(() => {});
    throw err;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function restorePglite(dataDir: string, file: string, passphrase: string | undefined, migrations: number): Promise<Manifest> {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length) throw new BackupError(`the data directory ${dataDir} is not empty: restore goes into an empty one only (nothing was changed)`);
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const existed = fs.existsSync(dataDir);
  const pg: PGlite = new PGlite(dataDir);
  let ok = false;
  try {
    await pg.waitReady;
    const folder = migrationsUpTo(migrations);
    try {
      await migrate(drizzle({ client: pg }), { migrationsFolder: folder });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    const manifest = await pg.transaction(async (tx) => load(pgliteRunner(tx as unknown as PGlite), file, passphrase));
    ok = true;
    return manifest;
  } finally {
    await pg.close();
    if (!ok) fs.rmSync(dataDir, { recursive: true, force: true }), existed && fs.mkdirSync(dataDir);
  }
}

export async function restoreBackup(file: string, target: Target, passphrase?: string): Promise<Manifest> {
  const begin = await beginOf(file, passphrase);
  return 'databaseUrl' in target
    ? restorePostgres(target.databaseUrl, file, passphrase, begin.migrations)
    : restorePglite(target.dataDir, file, passphrase, begin.migrations);
}

/** `restore --check`: reads and verifies the whole file, restores nothing. */
export async function checkBackup(file: string, passphrase?: string): Promise<Manifest> {
  return (await readBackup(file, passphrase, () => {}))!.manifest;
}
