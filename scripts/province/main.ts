// `npm run seed:province -- --scale 1|0.01 [--years 5] [--seed N]`: QUALITY.md's province scale on
// PostgreSQL (DATABASE_URL) or on the embedded PGlite in DATA_DIR (default ./data-province), migrating
// first as the server does; prints the rows, the time and the database's size.
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../../server/db/connect.js';
import { CityExists } from '../city/seed.js';
import { seedProvince } from './seed.js';

const argv = process.argv.slice(2);
const num = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : fallback;
};

async function main() {
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || './data-province';
  const scale = num('--scale', 1);
  console.log(`province at scale ${scale}: ${url ? `PostgreSQL ${url.replace(/\/\/[^@]*@/, '//')}` : `embedded PGlite in ${dataDir}`}`);
  const database = await openDatabase({ databaseUrl: url, dataDir, poolSize: 2 });
  try {
    const r = await seedProvince({ scale, years: num('--years', 5), seed: num('--seed', 20240101), db: database.db, log: (l) => console.log(l) });
    console.log(`city ${r.cityId}: ${r.countyIds.length} districts and counties, ${r.townshipIds.length} townships; ${r.counts.suggestions} suggestions (body ${r.suggestionsBodyId}, year ${r.suggestionsYear})`);
    console.log(Object.entries(r.counts).map(([k, v]) => `${k} ${v}`).join(', '));
    const [size] = rowsOf<{ bytes: string }>(await database.db.execute(sql`select pg_database_size(current_database())::text as bytes`));
    console.log(`done in ${(r.ms / 1000).toFixed(1)} s; database size ${(Number(size?.bytes ?? 0) / 2 ** 20).toFixed(0)} MiB`);
  } catch (err) {
    if (err instanceof CityExists) {
      console.error(err.message);
      process.exitCode = 2;
    } else throw err;
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
