// npm run restore -- <file>: into an EMPTY database (DATABASE_URL) or data directory (DATA_DIR); a non-empty one →
// exit 1, nothing changed. A backup of either database restores into either; one of an earlier release restores
// and the next start migrates it. `npm run restore -- --check <file>` verifies it (digest, structure, passphrase)
// without restoring. BACKUP_PASSPHRASE for an encrypted file. The last line printed is the manifest (JSON).
import { checkBackup, restoreBackup } from '../server/db/backup/restore.js';
import { BackupError } from '../server/db/backup/format.js';

const args = process.argv.slice(2);
const check = args.includes('--check');
const file = args.find((a) => !a.startsWith('-'));
if (!file) {
  console.error('usage: npm run restore -- [--check] <file>   (DATABASE_URL or DATA_DIR: the empty target; BACKUP_PASSPHRASE if encrypted)');
  process.exit(1);
}
const passphrase = process.env.BACKUP_PASSPHRASE || undefined;
const started = Date.now();
try {
  const manifest = check
    ? await checkBackup(file, passphrase)
    : await restoreBackup(file, process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: process.env.DATA_DIR ?? './data' }, passphrase);
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.error(`${check ? 'verified' : 'restored'}: ${file} (release ${manifest.release}, ${manifest.migration}), ${rows} rows, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify(manifest));
} catch (err) {
  console.error(`${check ? 'check' : 'restore'} failed: ${err instanceof BackupError ? err.message : (err as Error).stack}`);
  process.exit(1);
}
