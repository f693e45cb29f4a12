// QUALITY.md "bad input", CI size: a few thousand generated malformed requests over every endpoint
// (`npm run fuzz` runs 100,000). No answer is a 5xx, every refusal carries {error: {code, message}},
// nothing built to be refused is accepted, and a dump of every table is the same before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, adminPassword, type TestServer } from '../helpers/server.js';
import { createApp } from '../../server/app.js';
import { Api } from '../../scripts/reliability/http.js';
import { buildWorld, diffStates, dumpState, endpoints, formatReport, fuzzSockets, requestArbitrary, runFuzz, type World } from '../../scripts/reliability/fuzz/index.js';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20270315);

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(new Api(server.url), server.ctx.secrets.tokenKey, adminPassword);
  await new Promise((r) => setTimeout(r, 500)); // let the live hub flush what the setup changed
}, 90_000);
afterAll(async () => { await server?.close(); });

describe('generated malformed requests', () => {
  it('has a fuzz description for every API route the server registers', () => {
    const app = createApp(server.ctx, { clientDir: null });
    const routes = new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.endsWith('*')).map((r) => `${r.method} ${r.path}`));
    const fuzzed = new Set(endpoints(world).map((e) => `${e.method} ${e.path}`));
    const missing = [...routes].filter((r) => !fuzzed.has(r));
    // A new endpoint needs its entry in scripts/reliability/fuzz-lib.ts `endpoints()` (and in tests/security/roles.test.ts).
    expect(missing).toEqual([]);
    expect([...fuzzed].filter((r) => !routes.has(r))).toEqual([]);
  });

  it(`answers ${REQUESTS} malformed requests without a 5xx, always with an error code, and changes nothing`, async () => {
    const before = await dumpState(server.database.db);
    const report = await runFuzz({ base: server.url, arbitrary: requestArbitrary({ world, endpoints: endpoints(world) }), count: REQUESTS, seed: SEED, concurrency: 8 });
    const after = await dumpState(server.database.db);
    const summary = formatReport(report);
    if (report.failures.length || process.env.FUZZ_VERBOSE) console.log(`seed ${SEED}\n${summary}`);
    expect(report.failures.map((f) => `${f.why}: ${f.request} → ${f.status} ${f.answer}`)).toEqual([]);
    expect(diffStates(before, after)).toEqual([]);
    expect(report.byEndpoint.size).toBe(endpoints(world).length === 0 ? 0 : new Set(endpoints(world).map((e) => `${e.method} ${e.path}`)).size);
  }, 120_000);

  it('refuses bad socket handshakes and malformed or forbidden session:join, with a code, changing nothing', async () => {
    const before = await dumpState(server.database.db);
    const report = await fuzzSockets(server.url, world, { count: 300, seed: SEED });
    const after = await dumpState(server.database.db);
    expect(report.failures).toEqual([]);
    expect(report.handshakesRefused).toBe(report.handshakes);
    expect(report.joinsRefused).toBe(report.joins);
    expect(diffStates(before, after)).toEqual([]);
  }, 60_000);
});
