// `npm run fuzz`: the full generated-request fuzzer (QUALITY.md "bad input"): ≥ 100,000 malformed requests
// over every endpoint; 0 answers of 5xx, every refusal with {error: {code, message}}, 0 changes of state
// (a dump of every table and sequence, compared with the one taken before, after every batch).
// The CI-sized run is tests/reliability/fuzz.test.ts; the generators are in scripts/reliability/fuzz/.
//
//   tsx scripts/fuzz.ts --requests 100000 [--seed 1] [--concurrency 8]
// With DATABASE_URL set it runs on a fresh PostgreSQL database, else on embedded PGlite (in memory).
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../server/db/connect.js';
import { startServer } from '../server/server.js';
import { createFreshDatabase } from './reliability/pg.js';
import { Api, sleep } from '../tests/helpers/api.js';
import { buildWorld, diffStates, dumpState, endpoints, formatReport, requestArbitrary, runFuzz } from './reliability/fuzz/index.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    concurrency: { type: 'string', default: '8' },
    batch: { type: 'string', default: '1000' },
  },
});
const adminPassword = 'fuzz-admin-password';

async function main() {
  const count = Number(values.requests);
  const seed = Number(values.seed);
  let database: Database;
  let drop = async () => {};
  let where: string;
  if (process.env.DATABASE_URL) {
    const fresh = await createFreshDatabase('minsheng_fuzz', process.env.DATABASE_URL);
    database = await openDatabase({ databaseUrl: fresh.url, poolSize: 10 });
    drop = () => fresh.drop();
    where = `PostgreSQL (${fresh.name})`;
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
    where = 'embedded PGlite (memory)';
  }
  const server = await startServer({ port: 0, database, adminPassword, clientDir: null });
  let exitCode = 1;
  try {
    const world = await buildWorld(new Api(server.url), server.ctx.secrets.tokenKey, adminPassword, server.ctx.db);
    await sleep(500); // let the live hub flush what the setup changed
    const list = endpoints(world);
    console.log(`fuzz: ${count.toLocaleString('en')} requests, seed ${seed}, ${new Set(list.map((e) => `${e.method} ${e.path}`)).size} endpoints, on ${where}`);
    const before = await dumpState(database.db);
    const changes: string[] = [];
    let shown = 0;
    const report = await runFuzz({
      base: server.url, arbitrary: requestArbitrary({ world, endpoints: list }), count, seed,
      concurrency: Number(values.concurrency), batch: Number(values.batch),
      onProgress: async (done, r) => {
        for (const f of r.failures.slice(shown)) console.log(`  FAILURE ${f.why}: ${f.request}\n      → ${f.status} ${f.answer}`);
        shown = r.failures.length;
        if (done % 10_000 === 0) console.log(`  ${done.toLocaleString('en')} sent, ${(done / r.seconds).toFixed(0)}/s, 5xx: ${[...r.byStatus].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0)}, failures: ${r.failures.length}`);
      },
    });
    await sleep(300);
    const after = await dumpState(database.db);
    changes.push(...diffStates(before, after));
    console.log(formatReport(report));
    const fivexx = [...report.byStatus].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
    const refusals = [...report.byStatus].filter(([s]) => s >= 400).reduce((a, [, n]) => a + n, 0);
    console.log('');
    console.log('fuzz summary');
    console.log(`  requests:                   ${report.requests.toLocaleString('en')} in ${report.seconds.toFixed(0)} s over ${report.byEndpoint.size} endpoints, seed ${seed}, ${where}`);
    console.log(`  answers of 5xx:             ${fivexx}`);
    console.log(`  refusals:                   ${refusals.toLocaleString('en')}, without {error: {code, message}}: ${report.failures.filter((f) => f.why.includes('without')).length}`);
    console.log(`  malformed input accepted:   ${report.failures.filter((f) => f.why.includes('accepted')).length}`);
    console.log(`  changes of state:           ${changes.length}${changes.length ? `\n    ${changes.join('\n    ')}` : ''} (${Object.keys(before).length} tables and sequences compared)`);
    console.log(`  failures:                   ${report.failures.length}`);
    exitCode = report.failures.length || changes.length ? 1 : 0;
  } finally {
    await server.close();
    await database.close();
    await drop();
  }
  process.exit(exitCode);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
