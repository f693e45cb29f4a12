// Live updates over socket.io: join with a snapshot, versioned and coalesced session updates, refusals.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';


// Machines here are shared and noisy: generous limits, while every promised bound (e.g. 1 s) is still asserted.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });
let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

interface SessionUpdate { sessionId: string; rosterSize: number; present: number; quorumMet: boolean; state: string; version: number }

/** Records every session:update a socket receives, with the time it arrived. */
function record(s: Socket) {
  const updates: (SessionUpdate & { at: number })[] = [];
  s.on('session:update', (u: SessionUpdate) => updates.push({ ...u, at: Date.now() }));
  return updates;
}

async function until(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

const checkIn = async (hall: Hall, i: number) => ok(await server.call('POST', `/api/sessions/${hall.sessionId}/checkin`, { token: hall.members[i].token }));

describe('joining a session', () => {
  let hall: Hall;
  beforeAll(async () => { hall = await createHall(server, { members: 9, checkIn: 5 }); });

  it('answers the join with a snapshot of the session and a version', async () => {
    const s = await server.socket(hall.presiderToken);
    const ack = await s.emitWithAck('session:join', { sessionId: hall.sessionId });
    expect(ack.ok).toBe(true);
    expect(ack.session).toEqual({ sessionId: hall.sessionId, rosterSize: 9, present: 5, quorumMet: false, state: 'open', version: expect.any(Number) });
    expect(Number.isSafeInteger(ack.session.version) && ack.session.version > 0).toBe(true);
    expect(ack.ballots).toEqual([]);
    expect(ack.tallies).toEqual([]);
    expect(ack.results).toEqual([]);
    // A later join sees a later version.
    const again = await s.emitWithAck('session:join', { sessionId: hall.sessionId });
    expect(again.session.version).toBeGreaterThan(ack.session.version);
    s.close();
  });

  it('lets a member on the roster join, and the admin', async () => {
    const m = await server.socket(hall.members[8].token);
    expect((await m.emitWithAck('session:join', { sessionId: hall.sessionId })).ok).toBe(true);
    m.close();
    const a = await server.socket(server.adminToken);
    expect((await a.emitWithAck('session:join', { sessionId: hall.sessionId })).ok).toBe(true);
    a.close();
  });

  it('refuses a member of another body, not on the roster, and another body\'s presider', async () => {
    const other = await createHall(server, { members: 1 });
    const m = await server.socket(other.members[0].token);
    const ack = await m.emitWithAck('session:join', { sessionId: hall.sessionId });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    // Refused means not in the room: a change to the session reaches it not.
    const updates = record(m);
    await checkIn(hall, 5);
    await new Promise((r) => setTimeout(r, 400));
    expect(updates).toEqual([]);
    m.close();
    const p = await server.socket(other.presiderToken);
    expect((await p.emitWithAck('session:join', { sessionId: hall.sessionId })).error.code).toBe('other_body');
    p.close();
  });

  it('answers bad payloads with {ok:false, error:{code}} and stays usable', async () => {
    const s = await server.socket(hall.presiderToken);
    const payloads: unknown[] = [
      null, 42, 'just a string', [], {}, [hall.sessionId], { sessionId: 42 }, { sessionId: null }, { sessionId: { $ne: null } },
      { sessionId: 'NOT AN ID' }, { sessionId: '../../etc/passwd' }, { sessionId: 'x'.repeat(5000) }, { sessionId: 'a\u0000b' },
      { sessionId: 'zzzzzzzzzzzzzzzz' }, { sessionId: `${hall.sessionId}' or '1'='1` },
    ];
    for (const p of payloads) {
      const ack = await s.timeout(2000).emitWithAck('session:join', p);
      expect(ack.ok, JSON.stringify(p)).toBe(false);
      expect(ack.error.code, JSON.stringify(p)).toMatch(/^[a-z_]+$/);
      expect(ack.error.code).not.toBe('internal_error');
    }
    expect((await s.timeout(2000).emitWithAck('session:join')).ok).toBe(false);
    // Without an ack callback, and with unknown events: nothing breaks.
    s.emit('session:join', { sessionId: 42 });
    s.emit('session:join');
    s.emit('no-such-event', { a: 1 });
    s.emit('session:leave', 42);
    const good = await s.timeout(2000).emitWithAck('session:join', { sessionId: hall.sessionId });
    expect(good.ok).toBe(true);
    expect(s.connected).toBe(true);
    s.close();
  });
});

describe('session updates', () => {
  it('a check-in produces a session:update with the new count and a higher version within 1 s', async () => {
    const hall = await createHall(server, { members: 6, checkIn: 3 });
    const s = await server.socket(hall.presiderToken);
    const updates = record(s);
    const ack = await s.emitWithAck('session:join', { sessionId: hall.sessionId });
    expect(ack.session.present).toBe(3);
    await checkIn(hall, 3);
    const acknowledged = Date.now();
    expect(await until(() => updates.some((u) => u.present === 4), 1000)).toBe(true);
    const u = updates.find((x) => x.present === 4)!;
    expect(u.at - acknowledged).toBeLessThanOrEqual(1000);
    expect(u).toMatchObject({ sessionId: hall.sessionId, rosterSize: 6, present: 4, quorumMet: true, state: 'open' });
    expect(u.version).toBeGreaterThan(ack.session.version);
    // The presider's attendance change is live too.
    await server.call('PUT', `/api/sessions/${hall.sessionId}/attendance/${hall.members[0].id}`, { token: hall.presiderToken, json: { present: false, note: '请假' } });
    expect(await until(() => updates.at(-1)!.present === 3, 1000)).toBe(true);
    expect(updates.at(-1)!.quorumMet).toBe(false);
    expect(updates.at(-1)!.version).toBeGreaterThan(u.version);
    s.close();
  });

  it('coalesces 50 rapid check-ins into far fewer updates, the last one with the final count', async () => {
    const hall = await createHall(server, { members: 60 });
    const sockets = await Promise.all([server.socket(hall.presiderToken), server.socket(hall.members[59].token)]);
    const recorded = sockets.map(record);
    for (const s of sockets) expect((await s.emitWithAck('session:join', { sessionId: hall.sessionId })).ok).toBe(true);
    await Promise.all(Array.from({ length: 50 }, (_, i) => checkIn(hall, i)));
    const lastAck = Date.now();
    for (const updates of recorded) {
      expect(await until(() => updates.some((u) => u.present === 50), 1000)).toBe(true);
      expect(updates.find((u) => u.present === 50)!.at - lastAck).toBeLessThanOrEqual(1000);
    }
    await new Promise((r) => setTimeout(r, 400)); // anything still coming would arrive now
    for (const updates of recorded) {
      expect(updates.length).toBeGreaterThan(0);
      expect(updates.length).toBeLessThanOrEqual(15);
      expect(updates.at(-1)!.present).toBe(50);
      const versions = updates.map((u) => u.version);
      expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
      const counts = updates.map((u) => u.present);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    }
    const s = ok(await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken }));
    expect(s.present).toBe(50);
    expect(s.version).toBeGreaterThanOrEqual(recorded[0].at(-1)!.version);
    for (const s2 of sockets) s2.close();
  });

  it('sends nothing about a session the socket has not joined, nor after leaving', async () => {
    const [a, b] = await Promise.all([createHall(server, { members: 3 }), createHall(server, { members: 3 })]);
    const s = await server.socket(server.adminToken);
    const updates = record(s);
    expect((await s.emitWithAck('session:join', { sessionId: a.sessionId })).ok).toBe(true);
    await checkIn(b, 0);
    await checkIn(a, 0);
    expect(await until(() => updates.some((u) => u.sessionId === a.sessionId && u.present === 1), 1000)).toBe(true);
    s.emit('session:leave', { sessionId: a.sessionId });
    await new Promise((r) => setTimeout(r, 150));
    const seen = updates.length;
    await checkIn(a, 1);
    await new Promise((r) => setTimeout(r, 400));
    expect(updates.every((u) => u.sessionId === a.sessionId)).toBe(true);
    expect(updates.length).toBe(seen);
    s.close();
  });
});
