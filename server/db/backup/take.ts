// `npm run backup -- <file>`: a backup of the database the server uses (DATABASE_URL, else DATA_DIR), consistent
// as of one instant while the server keeps serving. On PostgreSQL, from a REPEATABLE READ READ ONLY transaction
// of its own (the server never waits for it). On the embedded database, from the running server's own copy of
// its data directory (ops-socket.ts), read at leisure; with no server running, from the data directory itself. The backup is then recorded in the database it was taken from (the staff screens show it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { BackupError, type Manifest } from './format.js';
import { askServer } from './ops-socket.js';
import { pgliteRunner, type SqlRunner } from './source.js';
import { writeBackup } from './write.js';

export interface BackupOptions { file: string; databaseUrl?: string; dataDir?: string; passphrase?: string; release: string }

const record = (m: Manifest, encrypted: boolean) => ({
  file: path.basename(m.file), bytes: m.bytes, sha256: m.sha256, release: m.release, migration: m.migration, encrypted,
});
/** Records the backup in the database it was taken from; one an earlier release made (no table yet) goes without. */
async function recordIn(db: SqlRunner, m: Manifest, encrypted: boolean) {
  const [{ ok }] = await db.query<{ ok: boolean }>(`select to_regclass('public.backups') is not null as ok`);
  if (!ok) return;
  const r = record(m, encrypted);
  await db.query('insert into backups (file, bytes, sha256, release, migration, encrypted) values ($1, $2, $3, $4, $5, $6)', [r.file, r.bytes, r.sha256, r.release, r.migration, r.encrypted]);
}

async function fromPostgres(url: string, o: BackupOptions): Promise<Manifest> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'minsheng-backup' } });
  try {
    const manifest = await sql.begin('isolation level repeatable read read only', async (tx) => {
      // Before the snapshot (LOCK takes none): a close TRUNCATEs its slot, which is not MVCC-safe; holding
      // the slots shared makes a close either visible in the snapshot or wait for the backup to end, so the
      // snapshot never sees an open ballot whose votes have already left. Absent before migration 0015.
      await tx.savepoint((sp) => sp.unsafe('lock table ballot_roll_live, ballot_box_live in access share mode')).catch(() => {});
      const db: SqlRunner = { query: async (text, params) => (await tx.unsafe(text, (params ?? []) as never[])) as never };
      return writeBackup(db, o.file, { release: o.release, source: 'postgres', passphrase: o.passphrase });
    }) as Manifest;
    await recordIn({ query: async (text, params) => (await sql.unsafe(text, (params ?? []) as never[])) as never }, manifest, !!o.passphrase);
    return manifest;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function dumpPglite(pg: PGlite, o: BackupOptions): Promise<Manifest> {
  return pg.transaction(async (tx) => writeBackup(pgliteRunner(tx as unknown as PGlite), o.file, { release: o.release, source: 'pglite', passphrase: o.passphrase }));
}

async function fromDataDir(dataDir: string, o: BackupOptions): Promise<Manifest> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) throw new BackupError(`no embedded database in ${dataDir}`);
  const { PGlite } = await import('@electric-sql/pglite');
  const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-backup-copy-'));
  const to = path.join(copyDir, 'pgdata');
  try {
    const answer = await askServer(path.resolve(dataDir), { op: 'copy', to });
    if (answer && answer.toString() !== 'ok\n') throw new BackupError(`the server could not copy its database: ${answer.toString().trim()}`);
    if (answer) {
      // The running server's copy: the server went on serving, and the copy is read at leisure.
      const pg = new PGlite(to);
      let manifest: Manifest;
      try {
        manifest = await dumpPglite(pg, o);
      } finally {
        await pg.close();
      }
      const recorded = await askServer(path.resolve(dataDir), { op: 'record', backup: record(manifest, !!o.passphrase) });
      if (recorded?.toString() !== 'ok\n') console.warn(`the backup is complete, but the server did not record it: ${recorded?.toString().trim()}`);
      return manifest;
    }
  } finally {
    fs.rmSync(copyDir, { recursive: true, force: true });
  }
  const pg = new PGlite(dataDir);
  try {
    const manifest = await dumpPglite(pg, o);
    await recordIn(pgliteRunner(pg), manifest, !!o.passphrase);
    return manifest;
  } finally {
    await pg.close();
  }
}

export async function takeBackup(o: BackupOptions): Promise<Manifest> {
  if (fs.existsSync(o.file)) throw new BackupError(`${o.file} exists: a backup never overwrites a file`);
  try {
    return o.databaseUrl ? await fromPostgres(o.databaseUrl, o) : await fromDataDir(o.dataDir ?? './data', o);
  } catch (err) {
    fs.rmSync(o.file, { force: true });
    throw err;
  }
}
