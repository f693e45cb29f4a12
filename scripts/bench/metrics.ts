// `npm run bench -- --metrics`: what /metrics costs each request. The app's own route table (every path of
// server/routes.ts, with handlers that answer at once) is asked the same requests with and without the metrics
// middleware, in this process, alternating rounds; printed: µs per request each way and the difference.
import { Hono } from 'hono';
import { apiRoutes } from '../../server/routes.js';
import { createMetrics } from '../../server/ops/metrics.js';
import { fmt } from './lib.js';

function appWith(withMetrics: boolean) {
  const app = new Hono();
  if (withMetrics) app.use('*', createMetrics({ query: async () => [], sockets: () => 0 }).middleware);
  const api = new Hono();
  for (const def of apiRoutes) api.on(def.method, def.path, (c) => c.json({ ok: true }));
  app.route('/api', api);
  return app;
}

export async function metricsBench(say: (s: string) => void, opts: { requests: number; rounds: number }) {
  const paths = apiRoutes.filter((d) => d.method === 'GET').map((d) => `/api${d.path}`.replace(/:(\w+)/g, 'x1y2z3'));
  const votes = apiRoutes.find((d) => d.path === '/ballots/:id/votes');
  const requests = paths.map((p) => new Request(`http://h${p}`));
  if (votes) requests.push(new Request('http://h/api/ballots/b1/votes', { method: 'POST' }));
  const apps = { bare: appWith(false), metrics: appWith(true) };
  const times: Record<keyof typeof apps, number[]> = { bare: [], metrics: [] };
  say(`/metrics middleware: ${apiRoutes.length} routes, ${opts.requests} requests a round over ${requests.length} paths, ${opts.rounds} rounds each way`);
  for (let round = 0; round < opts.rounds + 1; round++) {
    for (const name of ['bare', 'metrics'] as const) {
      const app = apps[name];
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < opts.requests; i++) await app.fetch(requests[i % requests.length].clone());
      const us = Number(process.hrtime.bigint() - t0) / 1e3 / opts.requests;
      if (round > 0) times[name].push(us); // the first round warms both up
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const bare = median(times.bare);
  const withMetrics = median(times.metrics);
  say(`  µs per request (median of rounds): without ${fmt(bare, 1)}, with ${fmt(withMetrics, 1)}, cost ${fmt(withMetrics - bare, 1)} µs`);
}
