// Where /metrics is answered: on the site's own port behind a bearer token (METRICS_TOKEN), and/or on a port of
// its own (METRICS_PORT, bound to 127.0.0.1 unless METRICS_HOST says otherwise) that only the scraper reaches.
// With neither configured it does not exist: figures about a deployment are not for the public.
import { createServer, type Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { DomainError } from '../core/errors.js';
import { errorBody } from '../http/errors.js';
import type { Metrics } from './metrics.js';

const contentType = 'text/plain; version=0.0.4; charset=utf-8';

export function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** `GET /metrics` on the app: 404 unless a token is configured, 401 unless the caller presents it. */
export function mountMetrics(app: Hono<AppEnv>, metrics: Metrics, token: string | undefined) {
  app.get('/metrics', async (c) => {
    if (!token) return c.json(errorBody(new DomainError(404, 'not_found', '页面不存在 / not found')), 404);
    if (!tokenMatches(c.req.header('authorization'), token)) {
      return c.json(errorBody(new DomainError(401, 'unauthorized', '需要监控令牌 / a metrics token is required')), 401, { 'WWW-Authenticate': 'Bearer' });
    }
    return c.body(await metrics.render(), 200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  });
}

/** A listener of its own that answers /metrics and nothing else. */
export async function serveMetricsPort(metrics: Metrics, port: number, host: string): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    metrics.render().then(
      (text) => res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(text),
      (err: Error) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`metrics failed: ${err.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, host, () => resolve()); });
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : port };
}
