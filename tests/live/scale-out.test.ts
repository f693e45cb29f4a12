// Two server processes behind one database and one Redis: a vote cast through one shows live on a
// socket connected to the other, and a result published through one shows on the other's public pages.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { openTestDatabase, onPostgres } from '../helpers/database.js';
import { apiClient, spawnServer, type ServerProcess } from '../helpers/process.js';
import { createHall, ok, submissionKey } from '../helpers/fixtures.js';
import type { TestServer } from '../helpers/server.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const { hostname, port } = new URL(redisUrl);
  return new Promise((resolve) => {
    const s = net.connect(Number(port || 6379), hostname, () => { s.end(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

const canRun = onPostgres && (await redisReachable());

describe.skipIf(!canRun)('two server processes (PostgreSQL + Redis adapter)', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  const sockets: Socket[] = [];
  let shared: { hall: Awaited<ReturnType<typeof createHall>>; ballotId: string; callA: ReturnType<typeof apiClient>; callB: ReturnType<typeof apiClient> } | undefined;

  beforeAll(async () => {
    database = await openTestDatabase();
    const env = { DATABASE_URL: database.url!, REDIS_URL: redisUrl, ADMIN_PASSWORD: 'scale-out-admin' };
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 90_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.close();
  });

  it('shows a vote cast through A on a presider socket connected to B', async () => {
    const callA = apiClient(a.url);
    const admin = ok(await callA('POST', '/api/auth/login', { json: { username: 'admin', password: 'scale-out-admin' } })).token;
    const viaA = { call: callA, adminToken: admin } as unknown as TestServer;
    const hall = await createHall(viaA, { members: 12, projects: 3, checkIn: 'all' });

    const socket = connect(b.url, { auth: { token: hall.presiderToken }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('connect_error', reject); });
    const updates: { cast: number; version: number; ballotId: string }[] = [];
    const tallies: unknown[] = [];
    socket.on('ballot:update', (u) => updates.push(u));
    socket.on('ballot:tally', (t) => tallies.push(t));
    const ack = await socket.timeout(5000).emitWithAck('session:join', { sessionId: hall.sessionId });
    expect(ack.ok).toBe(true);

    const ballot = ok(await callA('POST', `/api/sessions/${hall.sessionId}/ballots`, {
      token: hall.presiderToken, json: { kind: 'selection', title: '跨进程', projectIds: hall.projectIds, seats: 1 },
    }));
    ok(await callA('POST', `/api/ballots/${ballot.id}/open`, { token: hall.presiderToken }));
    for (const m of hall.members.slice(0, 5)) {
      ok(await callA('POST', `/api/ballots/${ballot.id}/votes`, { token: m.token, json: { submissionKey: submissionKey(), choices: { [hall.projectIds[0]]: 'yes' } } }));
    }
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && !updates.some((u) => u.ballotId === ballot.id && u.cast === 5)) await new Promise((r) => setTimeout(r, 50));
    const last = updates.filter((u) => u.ballotId === ballot.id).at(-1);
    expect(last?.cast).toBe(5);
    expect(tallies.length).toBeGreaterThan(0);
    const versions = updates.map((u) => u.version);
    expect([...versions].sort((x, y) => x - y)).toEqual(versions);
    shared = { hall, ballotId: ballot.id, callA, callB: apiClient(b.url) };
  }, 60_000);

  it("shows a result published through A on B's public project list within a second (B had the list in memory)", async () => {
    const { hall, ballotId, callA, callB } = shared!;
    const list = () => callB('GET', `/api/public/bodies/${hall.bodyId}/projects`);
    const before = ok(await list());
    // A draft is not public; once the ballot over it is published, it is (selected or not: 5 yes of 12 do not pass).
    const listed = (rows: { id: string }[]) => rows.some((p) => p.id === hall.projectIds[0]);
    expect(listed(before)).toBe(false);
    ok(await list()); // from B's memory now
    ok(await callA('POST', `/api/ballots/${ballotId}/close`, { token: hall.presiderToken }));
    ok(await callA('POST', `/api/ballots/${ballotId}/publish`, { token: hall.presiderToken }));
    const published = Date.now();
    let shownAfter = -1;
    while (Date.now() - published < 3000) {
      const now = ok(await list());
      if (listed(now)) { shownAfter = Date.now() - published; break; }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(shownAfter).toBeGreaterThanOrEqual(0);
    expect(shownAfter).toBeLessThan(1000);
  }, 30_000);
});
