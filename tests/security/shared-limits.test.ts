// docs/QUALITY.md "behind a proxy": with REDIS_URL every server process counts against the same limits, so two
// processes never double an allowance (and a restart resets none). Runs where Redis answers (as on the CI
// machine: 127.0.0.1:6379, or REDIS_URL); elsewhere it says so and passes nothing off as tested.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok } from '../helpers/fixtures.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const reachable = await new Promise<boolean>((resolve) => {
  const u = new URL(redisUrl);
  const s = net.connect(Number(u.port || 6379), u.hostname, () => { s.end(); resolve(true); });
  s.on('error', () => resolve(false));
  s.setTimeout(1000, () => { s.destroy(); resolve(false); });
});

describe.runIf(reachable)('limits shared through Redis by two server processes', () => {
  let a: TestServer;
  let b: TestServer;
  let bodyId = '';
  // An address of this run alone: Redis keeps its counts between runs for as long as the limit's window.
  const address = `203.0.113.${randomBytes(1)[0]}-${randomBytes(4).toString('hex')}`;
  const headers = { 'x-forwarded-for': address };

  beforeAll(async () => {
    const opts = { redisUrl, trustedProxies: 1, publicLimits: { suggestionsPerHour: 3 } };
    a = await startTestServer(opts);
    b = await startTestServer(opts);
    bodyId = ok(await a.call('POST', '/api/bodies', { token: a.adminToken, json: { name: `限流县${randomBytes(3).toString('hex')}`, level: 'county' } })).id;
    const now = Date.now();
    ok(await a.call('POST', `/api/bodies/${bodyId}/collection`, { token: a.adminToken, json: { year: 2030, opensAt: new Date(now - 86_400_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString() } }));
  }, 60_000);
  afterAll(async () => { await a?.close(); await b?.close(); });

  it('lets one address send three suggestions an hour in all, whichever process takes them', async () => {
    const send = (s: TestServer, i: number) => s.call('POST', `/api/bodies/${bodyId}/suggestions`, { json: { title: `建议${i}`, description: '说明', category: '其他' }, headers });
    // Each server has its own database here: the body exists only on the first, so the second refuses with 404
    // once past the limit check — what matters is which refusal comes first.
    const statuses = [(await send(a, 1)).status, (await send(b, 2)).status, (await send(a, 3)).status, (await send(b, 4)).status, (await send(a, 5)).status];
    expect(statuses).toEqual([201, 404, 201, 429, 429]);
  });
});

describe.runIf(!reachable)('limits shared through Redis', () => {
  it('are not tested here: no Redis answers at ' + redisUrl, () => { expect(reachable).toBe(false); });
});
