// `npm run seed:city`: generates QUALITY.md's demo-sized city on PostgreSQL (DATABASE_URL) or on the
// embedded PGlite in DATA_DIR (default ./data-city), migrating first as the server does.
//   options: --counties N (10) --townships N (10 per county) --years N (5) --projects N (400 selected a year)
//            --suggestions N (50000) --seed N
import { openDatabase } from '../../server/db/connect.js';
import { loadSecrets } from '../../server/secrets.js';
import { CityExists, seedCity } from './seed.js';
import type { CityOptions } from './options.js';

const argv = process.argv.slice(2);
const num = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : undefined;
};

async function main() {
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || './data-city';
  console.log(`city: ${url ? `PostgreSQL ${url.replace(/\/\/[^@]*@/, '//')}` : `embedded PGlite in ${dataDir}`}`);
  const database = await openDatabase({ databaseUrl: url, dataDir, poolSize: 2 });
  try {
    const secrets = await loadSecrets(database.db);
    const opts: Partial<CityOptions> = { log: (l) => console.log(l) };
    const map: [string, keyof CityOptions][] = [['--counties', 'counties'], ['--townships', 'townships'], ['--years', 'years'], ['--projects', 'projectsPerYear'], ['--suggestions', 'suggestions'], ['--seed', 'seed']];
    for (const [flag, key] of map) if (num(flag) !== undefined) (opts as Record<string, unknown>)[key] = num(flag);
    const r = await seedCity(database.db, secrets.codeKey, opts);
    console.log(`city ${r.cityId}: ${r.countyIds.length} counties; suggestions in body ${r.suggestionsBodyId}, year ${r.suggestionsYear}`);
    console.log(Object.entries(r.counts).map(([k, v]) => `${k} ${v}`).join(', '));
    console.log(`done in ${(r.ms / 1000).toFixed(1)} s`);
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
