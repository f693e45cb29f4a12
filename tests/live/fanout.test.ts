// Many halls at once (QUALITY.md): two halls vote at the same time while votes trickle in. A tablet gets its
// ballot's state changes only (opened; closed with the result), never turnout frames; the presider and the
// big screen get turnout and the presider the tally; and no socket gets anything of the other hall.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';
import { cast, close, createBallot, open, sleep } from '../ballots/support.js';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });
let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

interface Received { event: string; at: number; payload: { sessionId?: string; ballotId?: string; state?: string; cast?: number } }
interface Listener { role: 'presider' | 'screen' | 'member'; hall: number; socket: Socket; received: Received[] }

async function listen(role: Listener['role'], hall: number, token: string, sessionId: string): Promise<Listener> {
  const socket = await server.socket(token);
  const received: Received[] = [];
  socket.onAny((event: string, payload: Received['payload']) => received.push({ event, at: Date.now(), payload }));
  const ack = await socket.timeout(5_000).emitWithAck('session:join', { sessionId });
  expect(ack.ok).toBe(true);
  return { role, hall, socket, received };
}

async function waitFor(check: () => boolean, ms: number) {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await sleep(10);
  return check();
}

describe('two halls voting at once', () => {
  const MEMBERS = 16;
  let halls: Hall[];
  let listeners: Listener[];
  const ballotIds: string[] = [];
  let opened = 0;
  let lastAck: number[] = [];

  beforeAll(async () => {
    halls = [await createHall(server, { members: MEMBERS, projects: 2, checkIn: 'all' }), await createHall(server, { members: MEMBERS, projects: 2, checkIn: 'all' })];
    listeners = [];
    for (const [h, hall] of halls.entries()) {
      const screen = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, { token: hall.presiderToken })).token;
      listeners.push(await listen('presider', h, hall.presiderToken, hall.sessionId), await listen('screen', h, screen, hall.sessionId));
      for (const m of hall.members.slice(0, 6)) listeners.push(await listen('member', h, m.token, hall.sessionId));
    }
    for (const hall of halls) {
      const b = await createBallot(server, hall, { kind: 'selection', title: '同时票决', projectIds: hall.projectIds, seats: 1 });
      ballotIds.push(b.id);
    }
    await sleep(300);
    opened = Date.now();
    for (const [h, hall] of halls.entries()) await open(server, hall, ballotIds[h]);
    // Let the openings arrive, then votes trickle in for about 1.5 s in both halls at once (the old
    // fan-out sent the tablets a turnout frame every ≤ 700 ms all along).
    await sleep(300);
    lastAck = [0, 0];
    await Promise.all(halls.map(async (hall, h) => {
      for (const m of hall.members) {
        const r = await cast(server, m.token, ballotIds[h], { [hall.projectIds[0]]: 'yes', [hall.projectIds[1]]: 'no' });
        expect(r.status).toBe(201);
        lastAck[h] = Date.now();
        await sleep(100);
      }
    }));
    const presiders = listeners.filter((l) => l.role === 'presider');
    await waitFor(() => presiders.every((l) => l.received.some((e) => e.event === 'ballot:tally' && e.payload.cast === MEMBERS)), 3_000);
  });

  it('the presider and the screen see the final count within a second of their hall\'s last vote; the presider the tally', () => {
    for (const l of listeners.filter((x) => x.role !== 'member')) {
      const final = l.received.find((e) => e.event === 'ballot:update' && e.payload.ballotId === ballotIds[l.hall] && e.payload.cast === MEMBERS);
      expect(final, `${l.role} of hall ${l.hall}`).toBeDefined();
      expect(final!.at - lastAck[l.hall]).toBeLessThanOrEqual(1_000);
      const tallies = l.received.filter((e) => e.event === 'ballot:tally');
      if (l.role === 'presider') expect(tallies.at(-1)!.payload.cast).toBe(MEMBERS);
      else expect(tallies).toEqual([]);
    }
  });

  it('a tablet gets the opening and nothing while its hall votes: no turnout frames, at most 2 messages', () => {
    for (const l of listeners.filter((x) => x.role === 'member')) {
      const during = l.received.filter((e) => e.at >= opened);
      expect(during.length).toBeLessThanOrEqual(2);
      expect(during.map((e) => [e.event, e.payload.state])).toEqual([['ballot:update', 'open']]);
      expect(l.received.some((e) => e.event === 'ballot:tally')).toBe(false);
    }
  });

  it('a tablet gets the close with the final count and the result: three messages for the whole ballot', async () => {
    for (const [h, hall] of halls.entries()) await close(server, hall, ballotIds[h]);
    const members = listeners.filter((x) => x.role === 'member');
    expect(await waitFor(() => members.every((l) => l.received.some((e) => e.event === 'ballot:result')), 2_000)).toBe(true);
    await sleep(300);
    for (const l of members) {
      const ballot = l.received.filter((e) => e.at >= opened);
      expect(ballot.map((e) => [e.event, e.payload.state ?? null, e.payload.cast ?? null])).toEqual([
        ['ballot:update', 'open', 0], ['ballot:update', 'closed', MEMBERS], ['ballot:result', null, null],
      ]);
    }
  });

  it('no socket gets anything of the other hall', () => {
    for (const l of listeners) {
      expect(l.received.length).toBeGreaterThan(0);
      for (const e of l.received) {
        if (e.payload.sessionId) expect(e.payload.sessionId).toBe(halls[l.hall].sessionId);
        if (e.payload.ballotId) expect(e.payload.ballotId).toBe(ballotIds[l.hall]);
      }
    }
  });

  afterAll(() => { for (const l of listeners ?? []) l.socket.close(); });
});
