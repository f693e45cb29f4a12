// QUALITY.md "bad input", CI size: a few thousand generated malformed requests over every endpoint
// (`npm run fuzz` runs 100,000). No answer is a 5xx, every refusal carries {error: {code, message}},
// nothing built to be refused is accepted, and a dump of every table is the same before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, adminPassword, type TestServer } from '../helpers/server.js';
import { apiRoutes } from '../../server/routes.js';
import { Api } from '../helpers/api.js';
import { buildWorld, diffStates, dumpState, endpoints, formatReport, fuzzSockets, requestArbitrary, runFuzz, type World } from '../../scripts/reliability/fuzz/index.js';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20270315);

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer({ today: '2027-08-15' });
  world = await buildWorld(new Api(server.url), server.ctx.secrets.tokenKey, adminPassword, server.ctx.db);
  await new Promise((r) => setTimeout(r, 500)); // let the live hub flush what the setup changed
}, 90_000);
afterAll(async () => { await server?.close(); });

describe('generated malformed requests', () => {
  it('walks exactly the API routes, callers and inputs from their definitions', () => {
    // endpoints() throws on a hand spec for no route, a narrowing beyond a route's roles, a JSON spec for no body
    const list = endpoints(world);
    const fuzzed = new Set(list.map((e) => `${e.method} ${e.path}`));
    const defined = new Set(apiRoutes.map((d) => `${d.method} /api${d.path}`));
    expect([...defined].filter((k) => !fuzzed.has(k))).toEqual([]);
    expect([...fuzzed].filter((k) => !defined.has(k))).toEqual([]);
    // a route with a body or query schema and no hand spec for it gets one derived from the schema
    for (const d of apiRoutes) {
      const mine = list.filter((e) => e.method === d.method && e.path === `/api${d.path}`);
      if (d.query) expect(mine.every((e) => e.query && e.derived.query)).toBe(true);
      if (d.body) expect(mine.every((e) => e.json?.length)).toBe(true);
    }
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
