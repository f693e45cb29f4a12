// An earlier release's own data (tests/db/fixtures/release-<commit>.*: its demo county after a whole session),
// loaded into a database migrated only as far as that release went — what a county running that release has.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const migrationsFolder = path.resolve(here, '../../drizzle');

export type Fixture = {
  release: string; migrations: string[]; memberId: string; keys: unknown;
  logins: { admin: { username: string; password: string }; presider: { username: string; password: string }; memberCode: string };
  ballots: { id: string; digest: string; entries: number; firstReceipt: string | null; jws: string }[];
};

export function releaseFixture(release: string): { fixture: Fixture; dump: string } {
  return {
    fixture: JSON.parse(fs.readFileSync(path.join(here, `../db/fixtures/release-${release}.json`), 'utf8')) as Fixture,
    dump: fs.readFileSync(path.join(here, `../db/fixtures/release-${release}.sql`), 'utf8'),
  };
}

/** The migrations folder as that release shipped it: the same files, the journal cut at its last one. */
export function releaseMigrations(fixture: Fixture, dir: string) {
  fs.cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8'));
  journal.entries = journal.entries.filter((e: { tag: string }) => fixture.migrations.includes(e.tag));
  if (journal.entries.map((e: { tag: string }) => e.tag).join() !== fixture.migrations.join()) throw new Error(`release ${fixture.release}: its migrations are not all here`);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
}

/** An embedded data directory holding the release's rows, migrated as that release left it. */
export async function releaseDataDir(release: string, tmp: string): Promise<{ dataDir: string; fixture: Fixture; dump: string }> {
  const { fixture, dump } = releaseFixture(release);
  const oldMigrations = path.join(tmp, `drizzle-${release}`);
  releaseMigrations(fixture, oldMigrations);
  const dataDir = path.join(tmp, `pgdata-${release}`);
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = new PGlite(dataDir);
  await migrate(drizzle({ client }), { migrationsFolder: oldMigrations });
  await client.exec(dump);
  await client.close();
  return { dataDir, fixture, dump };
}

/** Rows per table in the release's dump. */
export function dumpedRows(dump: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of dump.matchAll(/^INSERT INTO public\.(\w+) /gm)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return counts;
}
