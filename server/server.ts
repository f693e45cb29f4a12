// Starts one server process: database, secrets, HTTP, socket.io on the same port.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { openDatabase, type Database } from './db/connect.js';
import { loadSecrets } from './secrets.js';
import { LiveHub } from './live/hub.js';
import { createSocketServer } from './live/socket.js';
import { frameCollector } from './live/frame.js';
import { createThrottle, type Throttle } from './auth/throttle.js';
import { createPublicLimits, type PublicLimitOptions } from './http/public-limits.js';
import type { LimitStore } from './http/limiter.js';
import { createApp } from './app.js';
import { securityHeaderEntries } from './http/headers.js';
import type { AppContext } from './context.js';
import { ensureAdmin } from './demo/admin.js';
import { stageEvents } from './wiring.js';
import { OutboxSender, deliverFromEnv, type Deliver, type SenderOptions } from './outbox/sender.js';
import { serveOps } from './db/backup/ops-socket.js';
import { startTaskSweep, type SweepTimers, type TaskSweep } from './supervision/schedule.js';
import { createMetrics } from './ops/metrics.js';
import { serveMetricsPort } from './ops/metrics-routes.js';

export interface ServerOptions {
  port?: number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
  adminPassword?: string;
  redisUrl?: string;
  clientDir?: string | null;
  /** reverse proxies in front (TRUST_PROXY) */
  trustedProxies?: number;
  /** the clock of the year's rules (tests: a fixed day); default the real one */
  now?: () => Date;
  /** PUBLIC_URL: where residents open the site (links in notices, QR codes); default the listening address */
  publicUrl?: string;
  /** how notices to people are delivered (tests: a local webhook); default from NOTIFY_SENDER */
  deliver?: Deliver;
  /** the sender's waits and lease (tests shorten them); default retryWaits and OUTBOX_LEASE_SECONDS or 30 s */
  outbox?: SenderOptions;
  throttle?: Throttle;
  publicLimits?: PublicLimitOptions;
  /** Reuse an open database (tests share one PGlite per file). */
  database?: Database;
  poolSize?: number;
  /** the timers of the 督办单 sweep after each Shanghai midnight (tests pass their own); default setTimeout */
  sweepTimers?: SweepTimers;
  /** METRICS_TOKEN: /metrics on the site's port for a caller with this bearer token */
  metricsToken?: string;
  /** METRICS_PORT: /metrics on a port of its own (0: any free port), on `metricsHost` (default 127.0.0.1) */
  metricsPort?: number;
  metricsHost?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  ctx: AppContext;
  database: Database;
  /** the 督办单 sweep (at start and after each Shanghai midnight): tests run it by hand after moving the clock */
  taskSweep: TaskSweep;
  /** the port /metrics listens on by itself, when `metricsPort` was given */
  metricsPort?: number;
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultClientDir = path.resolve(here, '../dist/client');

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const database = opts.database ?? (await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, poolSize: opts.poolSize }));
  const { db } = database;
  const secrets = await loadSecrets(db);
  if (opts.adminPassword) await ensureAdmin(db, opts.adminPassword);
  const live = new LiveHub(db);
  // With Redis, the live channel's events go through it to every process, and so do the limits' counts.
  let adapter: Parameters<typeof createSocketServer>[3] = {};
  let limitStore: LimitStore = null;
  let closeRedis = async () => {};
  if (opts.redisUrl) {
    const { createClient } = await import('redis');
    const { createAdapter } = await import('@socket.io/redis-adapter');
    const pub = createClient({ url: opts.redisUrl });
    const sub = pub.duplicate();
    pub.on('error', (e) => console.warn('redis:', e.message));
    sub.on('error', (e) => console.warn('redis:', e.message));
    await Promise.all([pub.connect(), sub.connect()]);
    adapter = { adapter: createAdapter(pub, sub) };
    limitStore = { client: pub };
    closeRedis = async () => { await Promise.allSettled([pub.quit(), sub.quit()]); };
  }
  const ctx: AppContext = {
    db, query: database.query, driver: database.driver, secrets, live, events: stageEvents(), trustedProxies: opts.trustedProxies ?? 0, now: opts.now ?? (() => new Date()),
    throttle: opts.throttle ?? createThrottle({}, limitStore), publicLimits: createPublicLimits(opts.publicLimits, limitStore),
    outbox: new OutboxSender(db, opts.deliver ?? deliverFromEnv(), { leaseSeconds: Number(process.env.OUTBOX_LEASE_SECONDS) || undefined, ...opts.outbox }),
    publicUrl: (opts.publicUrl ?? process.env.PUBLIC_URL ?? '').replace(/\/+$/, ''),
  };
  // Notices written before a restart go out now.
  ctx.outbox.wake();
  const clientDir = opts.clientDir === undefined ? (fs.existsSync(defaultClientDir) ? defaultClientDir : null) : opts.clientDir;
  let io: ReturnType<typeof createSocketServer> | null = null;
  const metrics = createMetrics({ query: database.query, pool: database.pool, sockets: () => io?.engine.clientsCount ?? 0 });
  const app = createApp(ctx, { clientDir, securityHeadersSetByServer: true, metrics, metricsToken: opts.metricsToken || undefined });
  const http = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  // The security headers of http/headers.ts on every answer, set on the Node response before anything
  // else runs (an answer's own headers, set later, take precedence).
  const securityHeaders = await securityHeaderEntries();
  http.prependListener('request', (req, res) => {
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
    // A sign-in's answer and anything answered to a signed-in caller is for them alone: no cache keeps it. An
    // answer that says otherwise (a public page, a photo) sets its own Cache-Control, which wins.
    if (req.headers.authorization || req.headers.cookie?.includes('minsheng_token=') || req.url?.startsWith('/api/auth/')) res.setHeader('Cache-Control', 'no-store');
  });
  http.keepAliveTimeout = 65_000;

  io = createSocketServer(ctx, live, http, adapter);
  const stopOps = serveOps(database);
  live.attach(io, frameCollector(db, database.query));

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port ?? 3000, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  // red projects without a 督办单 get one now and after each midnight (what time alone made red)
  const taskSweep = startTaskSweep(ctx, opts.sweepTimers);
  const metricsListener = opts.metricsPort === undefined ? null : await serveMetricsPort(metrics, opts.metricsPort, opts.metricsHost ?? '127.0.0.1');
  const host = opts.host && opts.host !== '0.0.0.0' && opts.host !== '::' ? opts.host : '127.0.0.1';
  ctx.publicUrl ||= `http://${host}:${port}`;
  return {
    url: `http://${host}:${port}`,
    port,
    ctx,
    database,
    taskSweep,
    metricsPort: metricsListener?.port,
    async close() {
      metricsListener?.server.close();
      await taskSweep.stop();
      live.close();
      await (ctx.outbox as OutboxSender).close();
      await stopOps();
      await new Promise<void>((resolve) => io!.close(() => resolve()));
      await closeRedis();
      if (!opts.database) await database.close();
    },
  };
}
