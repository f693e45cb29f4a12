// /metrics (docs/DEPLOY.md "What to watch"): the Prometheus text format with request rates and latencies by route
// pattern, open sessions, sockets, the outbox's backlog and (PostgreSQL) the pool; never open to the public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/server.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { onPostgres } from '../helpers/database.js';
import { createHall } from '../helpers/fixtures.js';

const token = 'scrape-token-0123456789abcdef';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ metricsToken: token, metricsPort: 0 });
}, 60_000);
afterAll(async () => { await server?.close(); });

async function scrape(url = `${server.url}/metrics`, auth: string | null = `Bearer ${token}`) {
  const res = await fetch(url, auth ? { headers: { authorization: auth } } : {});
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** the value of one series, e.g. `minsheng_outbox_backlog` or `name{label="x"}` (labels matched as written) */
function value(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
}

describe('who may read it', () => {
  it('no token, a wrong token or a cookie-less guess: 401, and no figure in the answer', async () => {
    for (const auth of [null, 'Bearer wrong', `Bearer ${token}x`, token]) {
      const r = await scrape(undefined, auth);
      expect(r.status).toBe(401);
      expect(r.text).not.toContain('minsheng_');
      expect(JSON.parse(r.text).error.code).toBe('unauthorized');
    }
  });

  it('a server without METRICS_TOKEN has no /metrics on its public port', async () => {
    // a second server process on the same database (one database per test file)
    const bare = await startServer({ port: 0, database: server.database, clientDir: null });
    try {
      const r = await fetch(`${bare.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(404);
      expect(await r.text()).not.toContain('minsheng_');
    } finally {
      await bare.close();
    }
  });

  it('the port of its own answers /metrics without a token, and nothing else', async () => {
    expect(server.metricsPort).toBeGreaterThan(0);
    const r = await scrape(`http://127.0.0.1:${server.metricsPort}/metrics`, null);
    expect(r.status).toBe(200);
    expect(r.text).toContain('minsheng_http_requests_total');
    const other = await fetch(`http://127.0.0.1:${server.metricsPort}/api/public/bodies`);
    expect(other.status).toBe(404);
  });
});

describe('what it says', () => {
  it('counts answers by route pattern and status, with latency buckets, never by raw path', async () => {
    const hall = await createHall(server, { members: 3, projects: 2, checkIn: 'all' });
    const before = await scrape();
    const pattern = 'method="GET",route="/api/sessions/:id",status="200"';
    const n0 = value(before.text, `minsheng_http_requests_total{${pattern}}`) ?? 0;
    for (let i = 0; i < 3; i++) expect((await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken })).status).toBe(200);
    expect((await server.call('GET', '/api/no/such/thing')).status).toBe(404);
    const r = await scrape();
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/plain');
    expect(r.type).toContain('version=0.0.4');
    expect(value(r.text, `minsheng_http_requests_total{${pattern}}`)).toBe(n0 + 3);
    expect(r.text).not.toContain(hall.sessionId);
    expect(r.text).toMatch(/minsheng_http_requests_total\{method="GET",route="\/api\/\*",status="404"\} [1-9]/);
    expect(r.text).toMatch(/minsheng_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/sessions\/:id"\} \d+/);
    expect(r.text).toMatch(/minsheng_http_request_duration_seconds_count\{method="GET",route="\/api\/sessions\/:id"\} [1-9]/);
    expect(value(r.text, 'minsheng_sessions_open')).toBeGreaterThanOrEqual(1);
    expect(r.text).toContain('minsheng_process_resident_memory_bytes');
  });

  it('the outbox backlog is the notices waiting, and a connected socket is counted', async () => {
    const b0 = value((await scrape()).text, 'minsheng_outbox_backlog')!;
    await server.ctx.query(
      "insert into outbox (id, kind, \"to\", text, next_at) values ($1, 'task', '13800000000', '测试', now() + interval '1 day'), ($2, 'task', '13800000000', '测试', now() + interval '1 day')",
      [`m-${Date.now()}-a`, `m-${Date.now()}-b`],
    );
    const hall = await createHall(server, { members: 1, projects: 1 });
    const s0 = value((await scrape()).text, 'minsheng_sockets_connected')!;
    await server.socket(hall.presiderToken);
    const r = await scrape();
    expect(value(r.text, 'minsheng_outbox_backlog')).toBe(b0 + 2);
    expect(value(r.text, 'minsheng_sockets_connected')).toBe(s0 + 1);
    expect(value(r.text, 'minsheng_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(0);
  });

  it.runIf(onPostgres)('on PostgreSQL, the pool: its size, connections in use, callers waiting', async () => {
    const r = await scrape();
    expect(value(r.text, 'minsheng_db_pool_size')).toBeGreaterThan(0);
    expect(value(r.text, 'minsheng_db_pool_in_use')).toBeGreaterThanOrEqual(0);
    expect(value(r.text, 'minsheng_db_pool_waiting')).toBe(0);
  });
});

describe('the pool gauge (PostgreSQL)', () => {
  it.runIf(onPostgres)('counts what waits beyond the pool while statements and transactions run, and nothing once they end', async () => {
    const { default: postgres } = await import('postgres');
    const { countPoolDemand } = await import('../../server/db/pool-gauge.js');
    const client = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {}, max_pipeline: 1 } as never);
    const gauge = countPoolDemand(client, 2);
    try {
      const running = [
        // a statement goes to the pool when awaited (postgres.js is lazy): execute() sends it now
        ...[0, 1, 2, 3].map(() => client.unsafe('select pg_sleep(0.3)').execute()),
        client.begin(async (tx) => { await tx.unsafe('select pg_sleep(0.3)'); }),
      ];
      await new Promise((r) => setTimeout(r, 100));
      expect(gauge.inUse()).toBe(2);
      expect(gauge.waiting()).toBe(3);
      await Promise.all(running);
      expect(gauge.inUse()).toBe(0);
      expect(gauge.waiting()).toBe(0);
      await expect(client.unsafe('select nonsense_column')).rejects.toThrow();
      expect(gauge.inUse()).toBe(0);
    } finally {
      await client.end({ timeout: 5 });
    }
  });
});
