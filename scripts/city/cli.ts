// What `npm run seed:city` and `npm run seed:province` share: options from the command line, the database
// (PostgreSQL from DATABASE_URL, else the embedded PGlite in DATA_DIR, migrated first as the server does),
// the summary, the time and the database's size, and exit status 2 when the city is already there.
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Db } from '../../server/db/connect.js';
import { CityExists, type CitySeeded } from './seed.js';

const argv = process.argv.slice(2);

/** The number after `--name` on the command line, if any. */
export function numArg(name: string): number | undefined {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : undefined;
}

export async function runSeed(what: string, defaultDataDir: string, seed: (db: Db) => Promise<CitySeeded>): Promise<void> {
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || defaultDataDir;
  console.log(`${what}: ${url ? `PostgreSQL ${url.replace(/\/\/[^@]*@/, '//')}` : `embedded PGlite in ${dataDir}`}`);
  const database = await openDatabase({ databaseUrl: url, dataDir, poolSize: 2 });
  try {
    const r = await seed(database.db);
    console.log(`city ${r.cityId}: ${r.countyIds.length} districts and counties, ${r.townshipIds.length} townships; ${r.counts.suggestions} suggestions (${r.suggestionsYear}), the most in body ${r.suggestionsBodyId}`);
    console.log(Object.entries(r.counts).map(([k, v]) => `${k} ${v}`).join(', '));
    const [size] = rowsOf<{ bytes: string }>(await database.db.execute(sql`select pg_database_size(current_database())::text as bytes`));
    console.log(`done in ${(r.ms / 1000).toFixed(1)} s; database size ${(Number(size?.bytes ?? 0) / 2 ** 20).toFixed(0)} MiB`);
  } catch (err) {
    if (!(err instanceof CityExists)) throw err;
    console.error(err.message);
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}

export function main(run: () => Promise<void>) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
