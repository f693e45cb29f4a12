// Where a backup reads from and a restore writes to: one SQL connection, PostgreSQL (postgres.js) or embedded
// (PGlite), behind the same two functions, so the dump and the load are one code path for both.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { BackupError } from './format.js';

export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

interface JournalEntry { idx: number; tag: string; when: number }
export function journal(): JournalEntry[] {
  return (JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;
}

/** How far a database has been migrated: how many of the journal's migrations, and the last one's tag. */
export async function migrationLevel(db: SqlRunner): Promise<{ migrations: number; migration: string }> {
  const [row] = await db.query<{ last: string | null }>('select max(created_at)::text as last from drizzle.__drizzle_migrations');
  const last = Number(row?.last ?? 0);
  const done = journal().filter((e) => e.when <= last);
  if (!done.length) throw new BackupError('the database has no migration applied');
  return { migrations: done.length, migration: done.at(-1)!.tag };
}

/** A copy of the migrations folder holding only the first `count` (a restore builds the schema of the backup's release). */
export function migrationsUpTo(count: number): string {
  const all = journal();
  if (count > all.length) throw new BackupError(`the backup was made by a later release (${count} migrations; this one knows ${all.length})`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  const kept = all.slice(0, count);
  for (const e of kept) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  const full = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...full, entries: full.entries.slice(0, count) }));
  return dir;
}

export const pgliteRunner = (pg: PGlite): SqlRunner => ({
  query: async <T>(text: string, params?: unknown[]) => (await pg.query<T>(text, params)).rows,
});

/**
 * Tables of the public schema that hold rows, in name order. A partitioned table (the open ballots' votes,
 * ballot_roll_live / ballot_box_live) is dumped through its parent, its partitions not again on their own.
 */
export async function tablesOf(db: SqlRunner): Promise<string[]> {
  const rows = await db.query<{ name: string }>(`select c.relname::text as name from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`);
  return rows.map((r) => r.name);
}

export async function columnsOf(db: SqlRunner, table: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>(`select column_name as name from information_schema.columns
    where table_schema = 'public' and table_name = $1 order by ordinal_position`, [table]);
  return rows.map((r) => r.name);
}

/** The primary key's columns (rows are dumped and restored in its order: a closed ballot's box stays sorted). */
export async function keyOf(db: SqlRunner, table: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>(`select a.attname as name from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = ('public.' || quote_ident($1))::regclass and i.indisprimary
    order by array_position(i.indkey::int2[], a.attnum)`, [table]);
  return rows.map((r) => r.name);
}

export async function sequencesOf(db: SqlRunner): Promise<Record<string, string | null>> {
  const rows = await db.query<{ name: string; value: string | null }>(`select sequencename as name, last_value::text as value
    from pg_sequences where schemaname = 'public' order by sequencename`);
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
