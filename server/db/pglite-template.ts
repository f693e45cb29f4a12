// A new embedded database spends ~2 s in PGlite's initdb (WebAssembly) before the migrations; restoring a
// copy of an empty, migrated data directory takes ~0.5 s. The copy is a cache, not state: it holds no row
// of anybody's (secrets, users and demo are made after it, per database), it is named by the migrations and
// the PGlite version it was made from, and when it is missing or unreadable the database is made the long way
// (and the copy written for next time). `npm start` on a fresh data directory and every test file's in-memory
// database start from it. MINSHENG_PGLITE_TEMPLATE=0 turns it off.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/** Beside the repository's other caches, whatever the working directory. */
const cacheDir = (migrationsFolder: string) => process.env.MINSHENG_PGLITE_CACHE ?? path.resolve(migrationsFolder, '../node_modules/.cache/minsheng-pglite');

/** The installed PGlite's version (its package.json is not among its exports: found from its entry file). */
function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Named by every migration file and the PGlite version: a new migration or PGlite makes a new copy. */
function templateName(migrationsFolder: string, pgliteVersion: string): string {
  const hash = crypto.createHash('sha256').update(pgliteVersion);
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (!entry.name.endsWith('_snapshot.json')) hash.update(entry.name).update(fs.readFileSync(p));
    }
  };
  walk(migrationsFolder);
  return `empty-${hash.digest('hex').slice(0, 16)}.tar`;
}

export interface Template { file: string; blob: Blob | null }

export function findTemplate(migrationsFolder: string): Template | null {
  if (process.env.MINSHENG_PGLITE_TEMPLATE === '0') return null;
  try {
    const file = path.join(cacheDir(migrationsFolder), templateName(migrationsFolder, pgliteVersion()));
    return { file, blob: fs.existsSync(file) ? new Blob([fs.readFileSync(file)]) : null };
  } catch {
    return null;
  }
}

/** In memory, or a directory that is not there yet or empty: a new database, which may start from the copy. */
export function isNewDataDir(dataDir: string): boolean {
  if (dataDir.startsWith('memory://')) return true;
  try {
    return fs.readdirSync(dataDir).length === 0;
  } catch {
    return !fs.existsSync(dataDir);
  }
}

/** Writes the copy of a just-migrated empty database; never fails the caller (it is only a cache). */
export async function saveTemplate(client: PGlite, template: Template): Promise<void> {
  try {
    const dump = await client.dumpDataDir('none');
    const dir = path.dirname(template.file);
    fs.mkdirSync(dir, { recursive: true });
    // Written aside and renamed: test files start in parallel, and none may read half a copy.
    const tmp = `${template.file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, template.file);
    for (const old of fs.readdirSync(dir)) {
      if (old.startsWith('empty-') && old.endsWith('.tar') && path.join(dir, old) !== template.file) fs.rmSync(path.join(dir, old), { force: true });
    }
  } catch (err) {
    console.warn(`could not keep an empty-database copy in ${path.dirname(template.file)}: ${(err as Error).message}`);
  }
}

/** Forgets a copy that would not restore, and what it left in the data directory (empty or absent before: isNewDataDir). */
export function discardTemplate(template: Template, dataDir: string): void {
  template.blob = null;
  fs.rmSync(template.file, { force: true });
  if (!dataDir.startsWith('memory://')) fs.rmSync(dataDir, { recursive: true, force: true });
}
