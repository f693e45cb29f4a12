// The HTTP application: middleware, then one router per domain. Handlers validate, call a service, map errors.
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppContext, AppEnv } from './context.js';
import { DomainError } from './core/errors.js';
import { errorBody } from './http/errors.js';
import { mapDatabaseError } from './db/errors.js';
import { principalMiddleware } from './http/auth.js';
import { securityHeaders } from './http/headers.js';
import { bodyLimit } from './http/body-limit.js';
import { maxPhotoBytes } from './files/photos.js';
import { maxDocumentBytes } from './files/documents.js';
import { serveClient } from './publication/client-shell.js';
import { publicWriteQueue } from './http/public-writes.js';
import { mountRoutes } from './http/route.js';
import { apiRoutes } from './routes.js';
import type { Metrics } from './ops/metrics.js';
import { mountMetrics } from './ops/metrics-routes.js';

export function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  const mapped = mapDatabaseError(err);
  if (mapped) return mapped;
  // A body that could not be read as text (bad encoding, aborted upload) is the client's problem.
  if (err instanceof SyntaxError || err instanceof TypeError && /body|decode/i.test(err.message)) {
    return new DomainError(422, 'invalid_input', '请求体无法读取 / unreadable body');
  }
  return new DomainError(500, 'internal_error', '服务器内部错误 / internal error');
}

export interface AppOptions {
  clientDir?: string | null;
  securityHeadersSetByServer?: boolean;
  /** request rates and latencies for /metrics (server.ts); `metricsToken` opens /metrics on this app */
  metrics?: Metrics;
  metricsToken?: string;
}

export function createApp(ctx: AppContext, opts: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  if (opts.metrics) app.use('*', opts.metrics.middleware);
  // server.ts sets these on the Node response itself (cheaper); an app served any other way sets them here.
  if (!opts.securityHeadersSetByServer) app.use('*', securityHeaders());
  // The rest of a body too large is never read, so the connection cannot carry another request: say so,
  // or a keep-alive client would send its next request on a socket the server is about to close.
  const tooLarge = (c: Context) => c.json(errorBody(new DomainError(413, 'payload_too_large', '请求体过大 / payload too large')), 413, { Connection: 'close' });
  const jsonLimit = bodyLimit({ maxSize: 2 * 1024 * 1024, onError: tooLarge });
  const photoLimit = bodyLimit({ maxSize: maxPhotoBytes, onError: tooLarge });
  const documentLimit = bodyLimit({ maxSize: maxDocumentBytes, onError: tooLarge });
  app.use('/api/*', (c, next) => (c.req.path === '/api/files' ? photoLimit(c, next) : c.req.path === '/api/files/documents' ? documentLimit(c, next) : jsonLimit(c, next)));
  app.use('/api/*', principalMiddleware(ctx));
  app.use('/api/*', publicWriteQueue(Number(process.env.PUBLIC_WRITES_IN_FLIGHT) || 4));
  const api = new Hono<AppEnv>();
  mountRoutes(api, ctx, apiRoutes);
  app.route('/api', api);
  app.all('/api/*', (c) => c.json(errorBody(new DomainError(404, 'not_found', '接口不存在 / no such endpoint')), 404));

  app.onError((err, c) => {
    const e = toDomainError(err);
    if (e.status >= 500 && e.code === 'internal_error') console.error(err);
    return c.json(errorBody(e), e.status);
  });

  if (opts.metrics) mountMetrics(app, opts.metrics, opts.metricsToken);
  if (opts.clientDir) serveClient(app, opts.clientDir, ctx);
  return app;
}
