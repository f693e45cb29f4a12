// Writes a backup: every table's rows, every sequence, the migration level, from one connection whose
// transaction the caller opened as a snapshot (REPEATABLE READ on PostgreSQL; a dump of the data directory
// for the embedded database). Streamed: rows are read a batch at a time through a cursor and written through
// gzip (and the cipher) to the file, so memory does not grow with the database.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { magic, newHeader, type BackupRecord, type Manifest } from './format.js';
import { columnsOf, keyOf, migrationLevel, quoteIdent, sequencesOf, tablesOf, type SqlRunner } from './source.js';

/** Rows a batch: photos are large, so their table goes a few at a time. */
const batchOf = (table: string) => (table === 'files' ? 2 : 500);

async function* records(db: SqlRunner, meta: { release: string; source: 'postgres' | 'pglite' }): AsyncGenerator<string> {
  const level = await migrationLevel(db);
  const begin: BackupRecord = { t: 'begin', ...meta, ...level, createdAt: new Date().toISOString() };
  yield JSON.stringify(begin);
  const tables: Record<string, number> = {};
  for (const table of await tablesOf(db)) {
    const columns = await columnsOf(db, table);
    yield JSON.stringify({ t: 'table', name: table, columns } satisfies BackupRecord);
    const key = await keyOf(db, table);
    const order = (key.length ? key : columns).map(quoteIdent).join(', ');
    const cursor = `backup_${table}`;
    await db.query(`declare ${quoteIdent(cursor)} no scroll cursor for
      select row_to_json(t)::text as j from (select * from ${quoteIdent(table)} order by ${order}) t`);
    let count = 0;
    for (;;) {
      const rows = await db.query<{ j: string }>(`fetch ${batchOf(table)} from ${quoteIdent(cursor)}`);
      if (!rows.length) break;
      count += rows.length;
      // Each row is already JSON text (row_to_json: bytea as \x hex, instants with their zone): written as is.
      yield `{"t":"rows","table":${JSON.stringify(table)},"rows":[${rows.map((r) => r.j).join(',')}]}`;
    }
    await db.query(`close ${quoteIdent(cursor)}`);
    tables[table] = count;
  }
  const sequences = await sequencesOf(db);
  for (const [name, value] of Object.entries(sequences)) yield JSON.stringify({ t: 'sequence', name, value } satisfies BackupRecord);
  // The end record carries the digest of every line before it (added by `lines` below).
  yield JSON.stringify({ t: 'end', tables, sequences, sha256: '' } satisfies BackupRecord);
}

/** Newline-delimited records, the end record stamped with the SHA-256 of all that came before it. */
async function* lines(source: AsyncGenerator<string>): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  for await (const line of source) {
    if (line.startsWith('{"t":"end"')) {
      const end = JSON.parse(line) as Extract<BackupRecord, { t: 'end' }>;
      yield Buffer.from(`${JSON.stringify({ ...end, sha256: hash.digest('hex') })}\n`);
      return;
    }
    const bytes = Buffer.from(`${line}\n`);
    hash.update(bytes);
    yield bytes;
  }
}

/**
 * Writes the backup of `db` to `file` (created anew; with a passphrase, encrypted) and answers its manifest.
 * `db` must be inside a transaction (the cursors need one), and that transaction is the snapshot.
 */
export async function writeBackup(db: SqlRunner, file: string, opts: { release: string; source: 'postgres' | 'pglite'; passphrase?: string }): Promise<Manifest> {
  const { header, cipher } = await newHeader(opts.passphrase);
  const fileHash = createHash('sha256');
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) { fileHash.update(chunk); bytes += chunk.length; done(null, chunk); },
  });
  const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const head = Buffer.from(`${magic}${JSON.stringify(header)}\n`);
  count.write(head);
  let summary: Extract<BackupRecord, { t: 'end' }> | null = null;
  let begin: Extract<BackupRecord, { t: 'begin' }> | null = null;
  const source = records(db, opts);
  async function* watched() {
    for await (const b of lines(source)) {
      if (!begin && b.subarray(0, 12).toString() === '{"t":"begin"') begin = JSON.parse(b.toString());
      if (b.subarray(0, 10).toString() === '{"t":"end"') summary = JSON.parse(b.toString());
      yield b;
    }
  }
  const stages: NodeJS.ReadWriteStream[] = [createGzip({ level: 6 })];
  if (cipher) {
    stages.push(cipher, new Transform({
      transform(chunk, _e, done) { done(null, chunk); },
      flush(done) { done(null, cipher.getAuthTag()); },
    }));
  }
  await pipeline(Readable.from(watched()), ...stages, count, out);
  const end = summary as Extract<BackupRecord, { t: 'end' }> | null;
  const first = begin as Extract<BackupRecord, { t: 'begin' }> | null;
  if (!end || !first) throw new Error('the backup ended before its last record');
  return { file, bytes, sha256: fileHash.digest('hex'), release: first.release, migration: first.migration, tables: end.tables };
}
