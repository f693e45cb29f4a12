// What an operator watches (docs/DEPLOY.md "What to watch"), in the Prometheus text format, through prom-client.
// Each server process has its own registry (tests run several servers in one process) and is scraped on its own:
// the figures are per process, and Prometheus adds them up across processes.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { RawQuery } from '../db/connect.js';

export interface MetricsSources {
  query: RawQuery;
  /** connected sockets (tablets, consoles, screens) on this process */
  sockets: () => number;
  /** the database pool: connections in use and callers waiting for one (PostgreSQL only) */
  pool?: { size: number; inUse(): number; waiting(): number };
}

export interface Metrics {
  registry: Registry;
  /** times and counts every answer by its route's pattern (never the raw path: ids would make endless series) */
  middleware: MiddlewareHandler;
  render(): Promise<string>;
}

export function createMetrics(src: MetricsSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'minsheng_' });
  const requests = new Counter({
    name: 'minsheng_http_requests_total', help: 'HTTP answers by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const, registers: [registry],
  });
  const latency = new Histogram({
    name: 'minsheng_http_request_duration_seconds', help: 'time to answer, by method and route pattern',
    labelNames: ['method', 'route'] as const, registers: [registry],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });
  const one = async (text: string) => Number((await src.query<{ n: number | string }>(text, []))[0]?.n ?? 0);
  new Gauge({
    name: 'minsheng_sessions_open', help: 'sessions (会议) not yet ended, deployment-wide', registers: [registry],
    async collect() { this.set(await one("select count(*)::int as n from sessions where state = 'open'")); },
  });
  new Gauge({
    name: 'minsheng_ballots_open', help: 'ballots open for voting now, deployment-wide', registers: [registry],
    async collect() { this.set(await one("select count(*)::int as n from ballots where state = 'open'")); },
  });
  new Gauge({
    name: 'minsheng_sockets_connected', help: 'live sockets connected to this process', registers: [registry],
    collect() { this.set(src.sockets()); },
  });
  new Gauge({
    name: 'minsheng_outbox_backlog', help: 'notices to people waiting to be sent (pending), deployment-wide', registers: [registry],
    async collect() { this.set(await one("select count(*)::int as n from outbox where status = 'pending'")); },
  });
  new Gauge({
    name: 'minsheng_outbox_oldest_pending_seconds', help: 'age of the oldest notice still waiting', registers: [registry],
    async collect() {
      this.set(await one("select coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as n from outbox where status = 'pending'"));
    },
  });
  if (src.pool) {
    const pool = src.pool;
    new Gauge({ name: 'minsheng_db_pool_size', help: 'connections the pool may open', registers: [registry], collect() { this.set(pool.size); } });
    new Gauge({ name: 'minsheng_db_pool_in_use', help: 'pool connections busy with a query or transaction', registers: [registry], collect() { this.set(pool.inUse()); } });
    new Gauge({ name: 'minsheng_db_pool_waiting', help: 'queries and transactions waiting for a free connection', registers: [registry], collect() { this.set(pool.waiting()); } });
  }

  // The series of a route are looked up once: a vote pays for two increments, not for hashing its labels.
  const series = new Map<string, { observe(seconds: number): void }>();
  const seriesOf = (method: string, route: string, status: number) => {
    const key = `${method} ${route} ${status}`;
    let one = series.get(key);
    if (!one) {
      const timer = latency.labels(method, route);
      const counter = requests.labels(method, route, String(status));
      one = { observe(seconds) { timer.observe(seconds); counter.inc(); } };
      series.set(key, one);
    }
    return one;
  };
  const middleware: MiddlewareHandler = async (c, next) => {
    const start = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const route = routeOf(c);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      seriesOf(c.req.method, route, c.res.status).observe(seconds);
    }
  };
  return { registry, middleware, render: () => registry.metrics() };
}

/** The pattern of the route that answered (`/api/ballots/:id/votes`); middleware and the catch-alls count as what they are. */
function routeOf(c: Parameters<MiddlewareHandler>[0]): string {
  const handlers = matchedRoutes(c).filter((r) => r.method !== 'ALL');
  const last = handlers[handlers.length - 1];
  if (last) return last.path;
  return c.req.path.startsWith('/api/') ? '/api/*' : 'site';
}
