// npm run backup -- <file>: everything the server keeps (rows, photos, keys), consistent as of one instant, in
// one file; BACKUP_PASSPHRASE encrypts it. Uses DATABASE_URL, else the embedded database in DATA_DIR (./data),
// as the server does. The last line printed is the manifest (JSON). Exit 1 with the reason on any failure.
import { takeBackup } from '../server/db/backup/take.js';
import { BackupError } from '../server/db/backup/format.js';
import packageJson from '../package.json' with { type: 'json' };

const file = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (!file) {
  console.error('usage: npm run backup -- <file>   (DATABASE_URL or DATA_DIR as for the server; BACKUP_PASSPHRASE to encrypt)');
  process.exit(1);
}
const started = Date.now();
try {
  const manifest = await takeBackup({
    file, databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR ?? './data',
    passphrase: process.env.BACKUP_PASSPHRASE || undefined, release: packageJson.version,
  });
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.error(`backup written: ${file}, ${(manifest.bytes / 1e6).toFixed(1)} MB, ${rows} rows in ${Object.keys(manifest.tables).length} tables, ${((Date.now() - started) / 1000).toFixed(1)} s${process.env.BACKUP_PASSPHRASE ? ', encrypted' : ''}`);
  if (!process.env.BACKUP_PASSPHRASE) console.error('it holds the signing keys: keep it where only administrators can read it, or set BACKUP_PASSPHRASE');
  console.log(JSON.stringify(manifest));
} catch (err) {
  console.error(`backup failed: ${err instanceof BackupError ? err.message : (err as Error).stack}`);
  process.exit(1);
}
