// Reads a backup file record by record: the head, the (decrypted) gunzipped lines, and at the end the checks —
// the GCM tag (a wrong passphrase or a flipped byte fails here), the end record's digest over every line,
// and the row counts. Nothing a reader did with the records may stand until `read` has returned: a restore
// keeps them in one transaction and commits only then.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { BackupError, decipherFor, parseHead, type BackupRecord, type Manifest } from './format.js';

export interface ReadSummary { begin: Extract<BackupRecord, { t: 'begin' }>; end: Extract<BackupRecord, { t: 'end' }>; manifest: Manifest }

/** Calls `each` for every record in order, then checks the file whole; answers its manifest. */
/** `each` may answer 'stop' to end the reading there (nothing is verified then: for a first look only). */
export async function readBackup(file: string, passphrase: string | undefined, each: (r: BackupRecord) => Promise<void | 'stop'> | void | 'stop'): Promise<ReadSummary | null> {
  if (!fs.existsSync(file)) throw new BackupError(`no such file: ${file}`);
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(Math.min(size, 64 * 1024));
  fs.readSync(fd, head, 0, head.length, 0);
  const { header, payloadStart } = parseHead(head);
  const decipher = await decipherFor(header, passphrase);
  let payloadEnd = size;
  if (decipher) {
    if (size - payloadStart < 16) throw new BackupError('the file is cut short');
    const tag = Buffer.alloc(16);
    fs.readSync(fd, tag, 0, 16, size - 16);
    decipher.setAuthTag(tag);
    payloadEnd = size - 16;
  }
  fs.closeSync(fd);

  const fileHash = createHash('sha256');
  const raw = fs.createReadStream(file);
  raw.on('data', (chunk) => fileHash.update(chunk as Buffer));
  const payload = fs.createReadStream(file, { start: payloadStart, end: payloadEnd - 1 });
  const gunzip = createGunzip();
  const failures: Error[] = [];
  const fail = (e: Error) => failures.push(e.message.includes('auth') || e.message.includes('Unsupported state')
    ? new BackupError('the file does not decrypt: a wrong passphrase, or the file was changed') : new BackupError(`the file is damaged (${e.message})`));
  const plain = decipher ? payload.pipe(decipher).pipe(gunzip) : payload.pipe(gunzip);
  const lines = createInterface({ input: plain, crlfDelay: Infinity });
  // A stream that fails mid-way never ends: close the reading, so the loop below stops and reports it.
  for (const s of [payload, gunzip, decipher]) s?.on('error', (e: Error) => { fail(e); lines.close(); });

  const lineHash = createHash('sha256');
  const counts: Record<string, number> = {};
  let begin: ReadSummary['begin'] | null = null;
  let end: ReadSummary['end'] | null = null;
  try {
    for await (const line of lines) {
      if (end) throw new BackupError('records after the end record');
      let r: BackupRecord;
      try {
        r = JSON.parse(line) as BackupRecord;
      } catch {
        throw new BackupError('a record is not readable');
      }
      if (r.t === 'end') { end = r; continue; }
      lineHash.update(`${line}\n`);
      if (r.t === 'begin') begin = r;
      else if (!begin) throw new BackupError('the file does not start with its begin record');
      if (r.t === 'rows') counts[r.table] = (counts[r.table] ?? 0) + r.rows.length;
      if ((await each(r)) === 'stop') {
        plain.destroy();
        raw.destroy();
        return null;
      }
    }
  } catch (err) {
    // Encrypted, a wrong key yields noise that fails to unzip or parse before the tag is ever checked.
    if (decipher) throw new BackupError('the file does not decrypt: a wrong passphrase, or the file was changed');
    if (failures.length) throw failures[0];
    throw err instanceof BackupError ? err : new BackupError(`the file is damaged (${(err as Error).message})`);
  }
  await new Promise<void>((resolve) => (raw.closed ? resolve() : raw.on('close', () => resolve())));
  if (failures.length) throw failures[0];
  if (!begin || !end) throw new BackupError('the file is cut short: no end record');
  if (end.sha256 !== lineHash.digest('hex')) throw new BackupError('the content does not match its digest');
  for (const [table, n] of Object.entries(end.tables)) {
    if ((counts[table] ?? 0) !== n) throw new BackupError(`table ${table}: ${counts[table] ?? 0} rows, the end record says ${n}`);
  }
  return { begin, end, manifest: { file, bytes: size, sha256: fileHash.digest('hex'), release: begin.release, migration: begin.migration, tables: end.tables } };
}
