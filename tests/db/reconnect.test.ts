// After the database has been away, the pool must be back within a moment of its return, not after
// postgres.js's default back-off, which grows with every failed attempt of any pooled connection
// (up to 10–20 s; seen as ~10 s without answers after a PostgreSQL restart in `npm run chaos`).
// The database "restarts" behind a TCP proxy: all connections cut, new ones refused, then accepted.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../server/db/connect.js';
import { onPostgres, openTestDatabase } from '../helpers/database.js';

class Proxy {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  port = 0;

  constructor(private target: { host: string; port: number }) {}

  async listen(port = 0) {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** The database goes away: every connection cut, new ones refused. */
  async down() {
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

describe.skipIf(!onPostgres)('the pool after the database was away (PostgreSQL)', () => {
  let owner: Awaited<ReturnType<typeof openTestDatabase>>;
  let proxy: Proxy;
  let database: Database;

  beforeAll(async () => {
    owner = await openTestDatabase();
    const url = new URL(owner.url!);
    proxy = new Proxy({ host: url.hostname, port: Number(url.port || 5432) });
    await proxy.listen();
    url.host = `127.0.0.1:${proxy.port}`;
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 8 });
  }, 60_000);

  afterAll(async () => {
    await database?.close().catch(() => {});
    await owner?.close();
  });

  const ping = async () => {
    const started = performance.now();
    try {
      await database.db.execute(sql`select 1`);
      return { ok: true, ms: performance.now() - started };
    } catch {
      return { ok: false, ms: performance.now() - started };
    }
  };

  it('answers promptly while it is away and commits again within a second of its return', async () => {
    expect((await Promise.all(Array.from({ length: 8 }, ping))).every((p) => p.ok)).toBe(true);

    await proxy.down();
    // Two seconds of an outage with requests coming in: every query fails, and fails fast.
    const during: { ok: boolean; ms: number }[] = [];
    const until = performance.now() + 2000;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (performance.now() < until) {
        during.push(await ping());
        await new Promise((r) => setTimeout(r, 20));
      }
    }));
    expect(during.length).toBeGreaterThan(20);
    expect(during.every((p) => !p.ok)).toBe(true);
    expect(Math.max(...during.map((p) => p.ms))).toBeLessThan(1500);

    await proxy.listen(proxy.port);
    const after = await Promise.all(Array.from({ length: 8 }, ping));
    expect(after.every((p) => p.ok)).toBe(true);
    expect(Math.max(...after.map((p) => p.ms))).toBeLessThan(1000);
  }, 60_000);
});
