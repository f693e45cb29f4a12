// `npm run seed:province -- --scale 1|0.01 [--years 5] [--seed N]`: QUALITY.md's province scale on
// PostgreSQL (DATABASE_URL) or on the embedded PGlite in DATA_DIR (default ./data-province), migrating
// first as the server does; prints the rows, the time and the database's size.
import { seedProvince } from './seed.js';
import { main, numArg, runSeed } from '../city/cli.js';

const scale = numArg('--scale') ?? 1;
main(() => runSeed(`province at scale ${scale}`, './data-province', (db) =>
  seedProvince({ scale, years: numArg('--years') ?? 5, seed: numArg('--seed'), db, log: (l) => console.log(l) })));
