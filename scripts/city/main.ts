// `npm run seed:city`: generates QUALITY.md's demo-sized city on PostgreSQL (DATABASE_URL) or on the
// embedded PGlite in DATA_DIR (default ./data-city), migrating first as the server does.
//   options: --counties N (10) --townships N (10 per county) --years N (5) --projects N (400 selected a year)
//            --suggestions N (50000) --seed N
import { loadSecrets } from '../../server/secrets.js';
import { seedCity } from './seed.js';
import type { CityOptions } from './options.js';
import { main, numArg, runSeed } from './cli.js';

main(() => runSeed('city', './data-city', async (db) => {
  const secrets = await loadSecrets(db);
  const opts: Partial<CityOptions> = { log: (l) => console.log(l) };
  const map: [string, keyof CityOptions][] = [['--counties', 'counties'], ['--townships', 'townships'], ['--years', 'years'], ['--projects', 'projectsPerYear'], ['--suggestions', 'suggestions'], ['--seed', 'seed']];
  for (const [flag, key] of map) if (numArg(flag) !== undefined) (opts as Record<string, unknown>)[key] = numArg(flag);
  return seedCity(db, secrets.codeKey, opts);
}));
