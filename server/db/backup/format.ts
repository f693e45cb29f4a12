// The backup file: one file with everything the server keeps, readable by either database.
//
//   MSBACKUP 1\n                      the magic line
//   {"format":1,"encrypted":…}\n      the header (with BACKUP_PASSPHRASE: scrypt's salt and parameters, GCM's IV)
//   payload                          gzip of newline-delimited JSON records (below); encrypted, AES-256-GCM of
//                                    that gzip followed by its 16-byte tag
//
// Records: {"t":"begin", release, migration, migrations, source, createdAt}, then per table
// {"t":"table", name, columns} and {"t":"rows", table, rows: [row JSON…]}, each sequence {"t":"sequence", name,
// value}, and last {"t":"end", tables: {name: rows}, sequences, sha256} — the SHA-256 of every record line
// before it, so a file whose content was changed or cut short does not verify. The scheme is the standard
// construction of Node's crypto (scrypt for the key, AES-256-GCM, authenticated): nothing home-made.
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type CipherGCM, type DecipherGCM } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

export const magic = 'MSBACKUP 1\n';
export const formatVersion = 1;

export interface Header {
  format: number;
  encrypted: boolean;
  kdf?: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher?: { name: 'aes-256-gcm'; iv: string };
}

export type BackupRecord =
  | { t: 'begin'; release: string; migration: string; migrations: number; source: 'postgres' | 'pglite'; createdAt: string }
  | { t: 'table'; name: string; columns: string[] }
  | { t: 'rows'; table: string; rows: unknown[] }
  | { t: 'sequence'; name: string; value: string | null }
  | { t: 'end'; tables: Record<string, number>; sequences: Record<string, string | null>; sha256: string };

/** What `npm run backup` prints as its last line (and `restore` likewise, from the file). */
export interface Manifest {
  file: string;
  bytes: number;
  sha256: string;
  release: string;
  migration: string;
  tables: Record<string, number>;
}

/** A problem with a backup file or its target, said in words; the commands exit 1 with it. */
export class BackupError extends Error {}

const kdfParams = { N: 2 ** 15, r: 8, p: 1 };
const maxmem = 128 * 1024 * 1024;

async function keyFrom(passphrase: string, kdf: NonNullable<Header['kdf']>): Promise<Buffer> {
  return scrypt(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem });
}

/** A header for a new file, and with a passphrase the cipher that encrypts its payload. */
export async function newHeader(passphrase: string | undefined): Promise<{ header: Header; cipher: CipherGCM | null }> {
  if (!passphrase) return { header: { format: formatVersion, encrypted: false }, cipher: null };
  const kdf = { name: 'scrypt' as const, ...kdfParams, salt: randomBytes(16).toString('base64') };
  const iv = randomBytes(12);
  const key = await keyFrom(passphrase, kdf);
  return { header: { format: formatVersion, encrypted: true, kdf, cipher: { name: 'aes-256-gcm', iv: iv.toString('base64') } }, cipher: createCipheriv('aes-256-gcm', key, iv) };
}

/** The decipher for a file's payload; its tag (the file's last 16 bytes) is checked when it ends. */
export async function decipherFor(header: Header, passphrase: string | undefined): Promise<DecipherGCM | null> {
  if (!header.encrypted) return null;
  if (!header.kdf || !header.cipher || header.kdf.name !== 'scrypt' || header.cipher.name !== 'aes-256-gcm') throw new BackupError('unknown encryption in the header');
  if (!passphrase) throw new BackupError('the file is encrypted: set BACKUP_PASSPHRASE');
  const key = await keyFrom(passphrase, header.kdf);
  return createDecipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'));
}

/** Splits the file's head (magic line and header line) from its payload. */
export function parseHead(head: Buffer): { header: Header; payloadStart: number } {
  if (!head.subarray(0, magic.length).equals(Buffer.from(magic))) throw new BackupError('not a Minsheng backup file');
  const end = head.indexOf(0x0a, magic.length);
  if (end < 0) throw new BackupError('the header is cut short');
  let header: Header;
  try {
    header = JSON.parse(head.subarray(magic.length, end).toString('utf8')) as Header;
  } catch {
    throw new BackupError('the header is not readable');
  }
  if (header.format !== formatVersion) throw new BackupError(`format ${header.format} is not one this release reads (${formatVersion})`);
  return { header, payloadStart: end + 1 };
}
