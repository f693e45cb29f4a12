// API.md "Live updates": who gets which event, coalescing, the last state within a second, versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../helpers/server.js';
import type { CollectFrame } from '../../server/live/hub.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';
import { cast, close, createBallot, open, rng, sleep, type Vote } from './support.js';

let server: TestServer;
let hall: Hall;
beforeAll(async () => {
  server = await startTestServer();
  hall = await createHall(server, { members: 100, projects: 3, checkIn: 'all' });
}, 120_000);
afterAll(async () => { await server?.close(); });

interface Received { event: string; at: number; payload: any }

const events = ['session:update', 'ballot:update', 'ballot:tally', 'ballot:result'];

async function listen(token: string, sessionId: string) {
  const socket: Socket = await server.socket(token);
  const received: Received[] = [];
  for (const event of events) socket.on(event, (payload) => received.push({ event, at: Date.now(), payload }));
  const snapshot = await socket.timeout(5_000).emitWithAck('session:join', { sessionId });
  return { socket, received, snapshot };
}

const of = (r: Received[], event: string, ballotId?: string) =>
  r.filter((x) => x.event === event && (!ballotId || x.payload.ballotId === ballotId));

/** The ballot as a client sees it when it keeps, from the snapshot and every event, the highest version. */
function newest(snapshot: any, received: Received[], ballotId: string) {
  let best = (snapshot.ballots as any[]).find((b) => b.ballotId === ballotId) ?? { version: -1 };
  for (const e of of(received, 'ballot:update', ballotId)) if (e.payload.version > best.version) best = e.payload;
  return best;
}

/** A big screen of the session: it gets turnout as the hall votes (the tablets get states only). */
async function screenToken(h: Hall): Promise<string> {
  return ok(await server.call('POST', `/api/sessions/${h.sessionId}/screen-token`, { token: h.presiderToken })).token;
}

async function waitFor(check: () => boolean, ms: number) {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await sleep(10);
  return check();
}

describe('live updates of a ballot', () => {
  it('presider gets the tally, members never do; presider and screen get turnout, members the states; everyone the result', async () => {
    const presider = await listen(hall.presiderToken, hall.sessionId);
    const member = await listen(hall.members[0].token, hall.sessionId);
    const screen = await listen(await screenToken(hall), hall.sessionId);
    const outsiderHall = await createHall(server, { members: 1 });
    const outsider = await listen(outsiderHall.members[0].token, hall.sessionId);

    expect(presider.snapshot).toMatchObject({ ok: true, session: { sessionId: hall.sessionId, rosterSize: 100, present: 100, quorumMet: true } });
    expect(member.snapshot).toMatchObject({ ok: true, tallies: [] });
    expect(screen.snapshot).toMatchObject({ ok: true, tallies: [] });
    expect(outsider.snapshot.ok).toBe(false);

    const candidates = hall.projectIds;
    const ballot = await createBallot(server, hall, { kind: 'selection', title: '票决', projectIds: candidates, seats: 2 });
    await open(server, hall, ballot.id);
    const opened = (r: Received[]) => of(r, 'ballot:update', ballot.id).some((e) => e.payload.state === 'open');
    expect(await waitFor(() => opened(presider.received) && opened(member.received) && opened(screen.received), 2_000)).toBe(true);

    // 100 votes in a burst.
    const random = rng(42);
    const values: Vote[] = ['yes', 'no', 'abstain'];
    const sent = hall.members.map(() => Object.fromEntries(candidates.map((c) => [c, values[Math.floor(random() * 3)]])));
    const burstStart = Date.now();
    let lastAck = 0;
    const replies = await Promise.all(hall.members.map(async (m, i) => {
      const r = await cast(server, m.token, ballot.id, sent[i]);
      lastAck = Math.max(lastAck, Date.now());
      return r;
    }));
    expect(replies.every((r) => r.status === 201)).toBe(true);

    // Within a second of the last acknowledgement, the presider and the screen know all 100 are in.
    const complete = (r: Received[]) => of(r, 'ballot:update', ballot.id).some((e) => e.payload.cast === 100);
    await waitFor(() => complete(presider.received) && complete(screen.received), 2_000);
    for (const r of [presider.received, screen.received]) {
      const first = of(r, 'ballot:update', ballot.id).find((e) => e.payload.cast === 100);
      expect(first, 'no ballot:update with cast 100').toBeDefined();
      expect(first!.at - lastAck).toBeLessThanOrEqual(1_000);
      expect(first!.payload).toMatchObject({ ballotId: ballot.id, state: 'open', eligible: 100, cast: 100 });
    }
    // Nothing arrives later that says otherwise.
    await sleep(300);
    // The tablet got the opening and nothing while the hall voted: no turnout frames.
    expect(member.received.filter((e) => e.at >= burstStart)).toEqual([]);
    expect(of(member.received, 'ballot:update', ballot.id).map((e) => e.payload)).toMatchObject([{ state: 'open', cast: 0, eligible: 100 }]);
    for (const r of [presider.received, screen.received]) {
      const updates = of(r, 'ballot:update', ballot.id);
      expect(updates[updates.length - 1].payload.cast).toBe(100);
      // Counts only grow while the ballot is open.
      const casts = updates.map((e) => e.payload.cast);
      expect(casts).toEqual([...casts].sort((x, y) => x - y));
      // Coalesced: far fewer frames than votes.
      const duringBurst = updates.filter((e) => e.at >= burstStart);
      expect(duringBurst.length).toBeGreaterThan(0);
      expect(duringBurst.length).toBeLessThanOrEqual(30);
    }

    // The presider's live tally is the real one.
    const tallies = of(presider.received, 'ballot:tally', ballot.id);
    expect(tallies.length).toBeGreaterThan(0);
    const lastTally = tallies[tallies.length - 1].payload;
    expect(lastTally.cast).toBe(100);
    const expected = candidates.map((c) => ({
      id: c,
      yes: sent.filter((s) => s[c] === 'yes').length,
      no: sent.filter((s) => s[c] === 'no').length,
      abstain: sent.filter((s) => s[c] === 'abstain').length,
    }));
    expect(lastTally.tally).toEqual({ kind: 'selection', options: expected });

    // The result reaches everyone when the ballot closes.
    const closed = await close(server, hall, ballot.id);
    const hasResult = (r: Received[]) => of(r, 'ballot:result', ballot.id).length > 0;
    expect(await waitFor(() => hasResult(presider.received) && hasResult(member.received) && hasResult(screen.received), 1_500)).toBe(true);
    for (const r of [presider.received, member.received, screen.received]) {
      expect(of(r, 'ballot:result', ballot.id)[0].payload.result).toEqual(closed.result);
      const updates = of(r, 'ballot:update', ballot.id);
      expect(updates[updates.length - 1].payload).toMatchObject({ state: 'closed', cast: 100 });
    }
    await sleep(300);

    // Tallies go to presider and admin only, and only while open.
    expect(of(member.received, 'ballot:tally')).toEqual([]);
    expect(of(screen.received, 'ballot:tally')).toEqual([]);
    expect(outsider.received).toEqual([]);
    const resultVersion = of(presider.received, 'ballot:result', ballot.id)[0].payload.version;
    expect(of(presider.received, 'ballot:tally', ballot.id).every((e) => e.payload.version < resultVersion)).toBe(true);
    for (const e of of(member.received, 'ballot:update')) expect(Object.keys(e.payload).sort()).not.toContain('tally');

    // Versions: every event carries one; they never go back, and each kind strictly increases. A client
    // that keeps whatever has the highest version (snapshot included) ends with the final state.
    for (const { received, snapshot } of [presider, member, screen]) {
      const versions = received.map((e) => e.payload.version);
      expect(versions.every((v) => Number.isSafeInteger(v))).toBe(true);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
      expect(versions[versions.length - 1]).toBeGreaterThan(snapshot.session.version);
      expect(newest(snapshot, received, ballot.id)).toMatchObject({ state: 'closed', cast: 100 });
      for (const event of events) {
        const vs = of(received, event, event === 'session:update' ? undefined : ballot.id).map((e) => e.payload.version);
        for (let i = 1; i < vs.length; i++) expect(vs[i]).toBeGreaterThan(vs[i - 1]);
      }
    }
  }, 60_000);

  it('a burst without the presider watching still ends in the right count for a screen; a member gets it with the close', async () => {
    const member = await listen(hall.members[1].token, hall.sessionId);
    const screen = await listen(await screenToken(hall), hall.sessionId);
    const ballot = await createBallot(server, hall, { kind: 'motion', title: '表决', question: '通过' });
    await open(server, hall, ballot.id);
    let lastAck = 0;
    await Promise.all(hall.members.slice(0, 77).map(async (m) => {
      const r = await cast(server, m.token, ballot.id, { vote: 'yes' });
      expect(r.status).toBe(201);
      lastAck = Math.max(lastAck, Date.now());
    }));
    await waitFor(() => of(screen.received, 'ballot:update', ballot.id).some((e) => e.payload.cast === 77), 2_000);
    const first = of(screen.received, 'ballot:update', ballot.id).find((e) => e.payload.cast === 77);
    expect(first).toBeDefined();
    expect(first!.at - lastAck).toBeLessThanOrEqual(1_000);
    expect(of(member.received, 'ballot:tally')).toEqual([]);
    // The tablet gets the opening (its frame may come late on a busy embedded database, and then says
    // how many had voted by then), and nothing else while the hall votes.
    expect(await waitFor(() => of(member.received, 'ballot:update', ballot.id).length > 0, 2_000)).toBe(true);
    await sleep(300);
    expect(of(member.received, 'ballot:update', ballot.id).map((e) => e.payload.state)).toEqual(['open']);
    await close(server, hall, ballot.id);
    expect(await waitFor(() => of(member.received, 'ballot:update', ballot.id).length === 2, 1_000)).toBe(true);
    expect(of(member.received, 'ballot:update', ballot.id)[1].payload).toMatchObject({ state: 'closed', cast: 77 });
  }, 60_000);

  it('a slow frame never overtakes a newer one: the last state is the one that stays', async () => {
    const small = await createHall(server, { members: 6, checkIn: 'all' });
    const watcher = await listen(await screenToken(small), small.sessionId);
    const ballot = await createBallot(server, small, { kind: 'motion', title: '表决', question: '通过' });
    await open(server, small, ballot.id);
    await sleep(300);

    // The database is slow to answer the first frame read after the first vote, as it is under load.
    const hub = server.ctx.live as unknown as { collect: CollectFrame };
    const original = hub.collect;
    let reads = 0;
    hub.collect = async (sessionId, only, ...rest) => {
      const frame = await original(sessionId, only, ...rest);
      if (sessionId === small.sessionId && only && ++reads === 1) await sleep(500);
      return frame;
    };
    try {
      expect((await cast(server, small.members[0].token, ballot.id, { vote: 'yes' })).status).toBe(201);
      await sleep(200);
      for (const m of small.members.slice(1, 5)) expect((await cast(server, m.token, ballot.id, { vote: 'no' })).status).toBe(201);
      await sleep(1_500);
    } finally {
      hub.collect = original;
    }
    const updates = of(watcher.received, 'ballot:update', ballot.id);
    expect(updates[updates.length - 1].payload.cast).toBe(5);
    expect(newest(watcher.snapshot, watcher.received, ballot.id).cast).toBe(5);
    const versions = updates.map((e) => e.payload.version);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    await close(server, small, ballot.id);
  }, 30_000);

  // The join snapshot takes its version before reading (frames read first): a frame read after the
  // snapshot's read carries a higher version, so the client ends on the newest state.
  let joinedDuringVotes: { snapshot: any; received: Received[]; ballotId: string } | null = null;
  it('a client joins while a vote comes in and the database is slow', async () => {
    const small = await createHall(server, { members: 6, checkIn: 'all' });
    const ballot = await createBallot(server, small, { kind: 'motion', title: '表决', question: '通过' });
    await open(server, small, ballot.id);
    expect((await cast(server, small.members[0].token, ballot.id, { vote: 'yes' })).status).toBe(201);
    await sleep(300);

    // The snapshot read for the joining client (a big screen) is slow; a vote and its frame happen meanwhile.
    const token = await screenToken(small);
    const hub = server.ctx.live as unknown as { collect: CollectFrame };
    const original = hub.collect;
    hub.collect = async (sessionId, only, ...rest) => {
      const frame = await original(sessionId, only, ...rest);
      if (sessionId === small.sessionId && !only) await sleep(1_500);
      return frame;
    };
    let watcher: Awaited<ReturnType<typeof listen>>;
    try {
      const joining = listen(token, small.sessionId);
      await sleep(200);
      expect((await cast(server, small.members[1].token, ballot.id, { vote: 'no' })).status).toBe(201);
      watcher = await joining;
    } finally {
      hub.collect = original;
    }
    await sleep(1_500);
    // The vote's frame reached the client (before the snapshot's answer, which was read earlier).
    expect(of(watcher!.received, 'ballot:update', ballot.id).some((e) => e.payload.cast === 2)).toBe(true);
    expect(watcher!.snapshot.ballots.find((b: any) => b.ballotId === ballot.id).cast).toBe(1);
    joinedDuringVotes = { snapshot: watcher!.snapshot, received: watcher!.received, ballotId: ballot.id };
    await close(server, small, ballot.id);
  }, 30_000);

  it('... and then keeps the latest count', () => {
    expect(joinedDuringVotes).not.toBeNull();
    const { snapshot, received, ballotId } = joinedDuringVotes!;
    expect(newest(snapshot, received, ballotId).cast).toBe(2);
  });
});
