// A real server on a free port for a test file, with helpers that speak the API like an outside client.
import { io as connect, type Socket } from 'socket.io-client';
import { startServer, type RunningServer } from '../../server/server.js';
import { createThrottle } from '../../server/auth/throttle.js';
import type { PublicLimitOptions } from '../../server/http/public-limits.js';
import { openTestDatabase } from './database.js';
import { Api } from './api.js';
import type { Deliver, OutboxMessage, SenderOptions } from '../../server/outbox/sender.js';

export interface Reply<T = any> { status: number; body: T; headers: Headers }

export interface TestServer extends RunningServer {
  call<T = any>(method: string, path: string, opts?: { token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> }): Promise<Reply<T>>;
  adminToken: string;
  /** moves the server's today (Asia/Shanghai, YYYY-MM-DD): a test walks a year without waiting for it */
  setToday(day: string): void;
  socket(token: string): Promise<Socket>;
  /** notices to people the server handed over (unless the test gave its own `deliver`) */
  delivered: OutboxMessage[];
}

export const adminPassword = 'test-admin-password';

/**
 * `today`: the day (Asia/Shanghai) the server's rules take as today — a test about a year's work states the
 * day it looks at the year from (reports dated in 2027 need a 2027 today), so its answers do not move with the
 * calendar. Default: the real clock.
 */
export async function startTestServer(opts: { throttlePoints?: number; publicLimits?: PublicLimitOptions; today?: string; trustedProxies?: number; redisUrl?: string; throttle?: boolean; deliver?: Deliver; outbox?: SenderOptions; publicUrl?: string; metricsToken?: string; metricsPort?: number } = {}): Promise<TestServer> {
  let today = opts.today;
  const delivered: OutboxMessage[] = [];
  const database = await openTestDatabase();
  const server = await startServer({
    port: 0, database, adminPassword, clientDir: null,
    // `throttle: false`: the server's own sign-in throttle (its real limits, in Redis with redisUrl)
    ...(opts.throttle === false ? {} : { throttle: createThrottle({ points: opts.throttlePoints ?? 1000, duration: 60 }) }),
    trustedProxies: opts.trustedProxies, redisUrl: opts.redisUrl,
    deliver: opts.deliver ?? (async (m) => { delivered.push(m); }), outbox: opts.outbox, publicUrl: opts.publicUrl,
    metricsToken: opts.metricsToken, metricsPort: opts.metricsPort,
    publicLimits: { suggestionsPerHour: 100_000, lookupsPerMinute: 100_000, ratingsPerHour: 100_000, ...opts.publicLimits },
    now: () => (today ? new Date(`${today}T12:00:00+08:00`) : new Date()),
  });
  const sockets: Socket[] = [];
  const api = new Api(server.url);
  const call: TestServer['call'] = async (method, path, o = {}) => {
    const { status, body, headers } = await api.call(method, path, { ...o, timeoutMs: 0 });
    return { status, body, headers };
  };
  const login = await call('POST', '/api/auth/login', { json: { username: 'admin', password: adminPassword } });
  if (login.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(login.body)}`);
  return {
    ...server,
    call,
    setToday(day) { today = day; },
    adminToken: login.body.token,
    delivered,
    async socket(token) {
      const s = connect(server.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(s);
      await new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', (e) => reject(e));
      });
      return s;
    },
    async close() {
      for (const s of sockets) s.close();
      await server.close();
      await database.close();
    },
  };
}
