// PROCESS.md "Counting, stated exactly", end to end through the API: every expectation below is
// worked out by hand from the votes the test sends, not by the shared counting code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';
import { boxDigest } from '../../shared/digest.js';
import {
  act, cast, checkIn, close, countsOf, createBallot, expectError, open, query, rng, shuffle, tallyPerCandidate, type Vote,
} from './support.js';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); }, 120_000);
afterAll(async () => { await server?.close(); });

/**
 * Ballots giving each candidate exactly `yes[c]` yes votes among `n` voters, the rest split between
 * no, abstain and left out (which counts as abstain), assigned to voters in a shuffled order.
 */
function ballotsFor(n: number, yes: Record<string, number>, seed: number): Record<string, Vote>[] {
  const random = rng(seed);
  const out: Record<string, Vote>[] = Array.from({ length: n }, () => ({}));
  for (const [c, y] of Object.entries(yes)) {
    const order = shuffle([...Array(n).keys()], random);
    order.forEach((voter, k) => {
      if (k < y) out[voter][c] = 'yes';
      else if (k % 3 === 0) out[voter][c] = 'no';
      else if (k % 3 === 1) out[voter][c] = 'abstain';
      // else left out
    });
  }
  return out;
}

async function castAll(hall: Hall, ballotId: string, ballots: unknown[], voters = hall.members) {
  const replies = await Promise.all(ballots.map((choices, i) => cast(server, voters[i].token, ballotId, choices)));
  expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
  return replies;
}

const statusOf = (result: any) => Object.fromEntries(result.options.map((o: any) => [o.id, o.status]));

describe('selection: a tie at the boundary and its runoff', () => {
  let hall: Hall;
  let A: string, B: string, C: string, D: string, E: string;
  let source: any;

  beforeAll(async () => {
    hall = await createHall(server, { members: 10, projects: 5, checkIn: 'all' });
    [A, B, C, D, E] = hall.projectIds;
  }, 60_000);

  it('reports candidates tied for the last seat as tied and selects none of them', async () => {
    const ballot = await createBallot(server, hall, { kind: 'selection', title: '票决', projectIds: [A, B, C, D, E], seats: 3 });
    await open(server, hall, ballot.id);
    // base 10: passing needs 6. A 9, B 8 above; C 7 and D 7 tie for the one seat left; E 3 fails.
    const sent = ballotsFor(10, { [A]: 9, [B]: 8, [C]: 7, [D]: 7, [E]: 3 }, 1);
    await castAll(hall, ballot.id, sent);
    const closed = await close(server, hall, ballot.id);
    source = closed.result;
    expect(countsOf(source)).toEqual(tallyPerCandidate([A, B, C, D, E], sent));
    expect(source).toMatchObject({ kind: 'selection', form: 'per_candidate', seats: 3, base: 10, eligible: 10, cast: 10, baseRule: 'roster' });
    expect(source.selected).toEqual([A, B]);
    expect([...source.tied].sort()).toEqual([C, D].sort());
    expect(source.shortfall).toBe(0);
    expect(statusOf(source)).toEqual({ [A]: 'selected', [B]: 'selected', [C]: 'tied', [D]: 'tied', [E]: 'not_passed' });
    expect(source.options.map((o: any) => o.passed)).toEqual([true, true, true, true, false]);
    // The ballot keeps its place in the printed order.
    expect(source.options.map((o: any) => o.id)).toEqual([A, B, C, D, E]);
    source.id = ballot.id;
  });

  it('refuses a runoff that is not exactly the tie', async () => {
    const base = { kind: 'selection', title: '再次投票' };
    const refused = [
      { ...base, runoffOf: source.id, projectIds: [C, E] },
      { ...base, runoffOf: source.id, projectIds: [C, D, E] },
      { ...base, runoffOf: source.id, projectIds: [C] },
      { ...base, runoffOf: source.id, projectIds: [A, B] },
      { ...base, runoffOf: source.id, seats: 2 },
      { ...base, runoffOf: source.id, projectIds: [C, D], seats: 2 },
      { kind: 'motion', title: '再次投票', question: '?', runoffOf: source.id },
      { kind: 'satisfaction', title: '再次投票', projectIds: [C, D], runoffOf: source.id },
      { ...base, runoffOf: 'zzzzzzzzzzzzzzzz' },
    ];
    for (const json of refused) {
      expectError(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token: hall.presiderToken, json }), 422, 'not_tied');
    }
    // A ballot without ties, a draft, and a tied ballot of another session are no source either.
    const noTie = await createBallot(server, hall, { kind: 'selection', title: '无并列', projectIds: [A, B], seats: 1 });
    await open(server, hall, noTie.id);
    expectError(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token: hall.presiderToken, json: { ...base, runoffOf: noTie.id } }), 422, 'not_tied');
    await castAll(hall, noTie.id, [{ [A]: 'yes' }, { [A]: 'yes' }, { [A]: 'yes' }, { [A]: 'yes' }, { [A]: 'yes' }, { [A]: 'yes' }]);
    const noTieResult = (await close(server, hall, noTie.id)).result;
    expect(noTieResult).toMatchObject({ selected: [A], tied: [], shortfall: 0 });
    expectError(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token: hall.presiderToken, json: { ...base, runoffOf: noTie.id } }), 422, 'not_tied');
    const otherSession = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/sessions`, { token: server.adminToken, json: { name: '另一次会议', kind: 'congress' } }));
    expectError(await server.call('POST', `/api/sessions/${otherSession.id}/ballots`, { token: server.adminToken, json: { ...base, runoffOf: source.id } }), 422, 'not_tied');
    const sessionView = ok(await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken }));
    expect(sessionView.ballots.map((b: any) => b.id)).toEqual([source.id, noTie.id]);
  });

  it('a runoff given only runoffOf holds the tied candidates for the remaining seats', async () => {
    const runoff = await createBallot(server, hall, { kind: 'selection', title: '再次投票', runoffOf: source.id });
    expect(runoff).toMatchObject({ state: 'draft', kind: 'selection', form: 'per_candidate', seats: 1, runoffOf: source.id, secret: true, baseRule: 'roster' });
    expect(runoff.options.map((o: any) => o.id).sort()).toEqual([C, D].sort());
    // Naming the same candidates (in any order) and the same seats is accepted too.
    const explicit = await createBallot(server, hall, { kind: 'selection', title: '再次投票', runoffOf: source.id, projectIds: [D, C], seats: 1 });
    expect(explicit.options.map((o: any) => o.id).sort()).toEqual([C, D].sort());
    ok(await act(server, hall.presiderToken, explicit.id, 'cancel', { reason: '重复' }));

    await open(server, hall, runoff.id);
    const sent = ballotsFor(10, { [C]: 8, [D]: 6 }, 2);
    await castAll(hall, runoff.id, sent);
    const result = (await close(server, hall, runoff.id)).result;
    expect(countsOf(result)).toEqual(tallyPerCandidate(runoff.options.map((o: any) => o.id), sent));
    expect(result).toMatchObject({ seats: 1, selected: [C], tied: [], shortfall: 0 });
    expect(statusOf(result)).toEqual({ [C]: 'selected', [D]: 'passed_not_selected' });
  });

  it('candidates tied at the boundary are all selected when they fit', async () => {
    const ballot = await createBallot(server, hall, { kind: 'selection', title: '票决', projectIds: [A, B, C, D, E], seats: 4 });
    await open(server, hall, ballot.id);
    await castAll(hall, ballot.id, ballotsFor(10, { [A]: 9, [B]: 8, [C]: 7, [D]: 7, [E]: 3 }, 3));
    const result = (await close(server, hall, ballot.id)).result;
    expect(result.selected).toEqual([A, B, C, D]);
    expect(result).toMatchObject({ tied: [], shortfall: 0 });
  });
});

describe('selection: shortfall and choose_n', () => {
  it('selects every passing candidate and reports the shortfall; exactly half does not pass', async () => {
    const hall = await createHall(server, { members: 10, projects: 4, checkIn: 'all' });
    const [A, B, C, D] = hall.projectIds;
    const ballot = await createBallot(server, hall, { kind: 'selection', title: '票决', projectIds: [A, B, C, D], seats: 3 });
    await open(server, hall, ballot.id);
    const sent = ballotsFor(10, { [A]: 7, [B]: 6, [C]: 5, [D]: 2 }, 4);
    await castAll(hall, ballot.id, sent);
    const result = (await close(server, hall, ballot.id)).result;
    expect(countsOf(result)).toEqual(tallyPerCandidate([A, B, C, D], sent));
    expect(result).toMatchObject({ selected: [A, B], tied: [], shortfall: 1 });
    expect(statusOf(result)).toEqual({ [A]: 'selected', [B]: 'selected', [C]: 'not_passed', [D]: 'not_passed' });
  });

  it('choose_n counts ticks as yes and the rest as abstain', async () => {
    const hall = await createHall(server, { members: 12, projects: 4, checkIn: 'all' });
    const [A, B, C, D] = hall.projectIds;
    const ballot = await createBallot(server, hall, { kind: 'selection', form: 'choose_n', title: '限选', projectIds: [A, B, C, D], seats: 2 });
    await open(server, hall, ballot.id);
    // 5 tick {A,B}, 4 tick {A,C}, 3 tick {B,C}: A 9, B 8, C 7, D 0; base 12 needs 7.
    const sent = shuffle([
      ...Array(5).fill({ selected: [A, B] }), ...Array(4).fill({ selected: [C, A] }), ...Array(3).fill({ selected: [B, C] }),
    ], rng(5));
    await castAll(hall, ballot.id, sent);
    const result = (await close(server, hall, ballot.id)).result;
    expect(result).toMatchObject({ form: 'choose_n', seats: 2, base: 12, cast: 12, selected: [A, B], tied: [], shortfall: 0 });
    expect(countsOf(result)).toEqual({
      [A]: { yes: 9, no: 0, abstain: 3 }, [B]: { yes: 8, no: 0, abstain: 4 }, [C]: { yes: 7, no: 0, abstain: 5 }, [D]: { yes: 0, no: 0, abstain: 12 },
    });
    expect(statusOf(result)).toEqual({ [A]: 'selected', [B]: 'selected', [C]: 'passed_not_selected', [D]: 'not_passed' });
    // The box keeps each ballot's ticks (sorted), so anyone can recount.
    const box = ok(await server.call('GET', `/api/ballots/${ballot.id}/box`, { token: hall.presiderToken }));
    expect(box.ballot).toMatchObject({ kind: 'selection', form: 'choose_n', seats: 2, secret: true, cast: 12 });
    const ticks = new Map<string, number>();
    for (const e of box.entries) for (const id of e.choices.selected) ticks.set(id, (ticks.get(id) ?? 0) + 1);
    expect(Object.fromEntries(ticks)).toEqual({ [A]: 9, [B]: 8, [C]: 7 });
  });
});

describe('satisfaction', () => {
  it('grades against the base, with exactly half counting as 不满意', async () => {
    const hall = await createHall(server, { members: 12, projects: 5, checkIn: 10 });
    const P = hall.projectIds;
    const ballot = await createBallot(server, hall, { kind: 'satisfaction', title: '满意度测评', projectIds: P });
    await open(server, hall, ballot.id);
    // Ten voters, base 12 (roster): more than half means at least 7.
    const plan: [number, number, number][] = [
      [7, 2, 1], // 满意
      [6, 1, 3], // 满意 exactly half → 6 + 1 = 7 > 6 → 基本满意
      [4, 2, 4], // 满意 + 基本满意 exactly half → 不满意
      [0, 7, 3], // 基本满意
      [6, 0, 4], // exactly half at both steps → 不满意
    ];
    const random = rng(6);
    const sent: Record<string, string>[] = Array.from({ length: 10 }, () => ({}));
    P.forEach((id, k) => {
      const [s, b, u] = plan[k];
      const grades = shuffle([...Array(s).fill('satisfied'), ...Array(b).fill('basic'), ...Array(u).fill('unsatisfied')], random);
      grades.forEach((g, voter) => { sent[voter][id] = g; });
    });
    await castAll(hall, ballot.id, sent);
    const result = (await close(server, hall, ballot.id)).result;
    expect(result).toMatchObject({ kind: 'satisfaction', base: 12, eligible: 12, cast: 10, baseRule: 'roster' });
    expect(result.options.map((o: any) => [o.id, o.satisfied, o.basic, o.unsatisfied, o.grade])).toEqual([
      [P[0], 7, 2, 1, '满意'], [P[1], 6, 1, 3, '基本满意'], [P[2], 4, 2, 4, '不满意'], [P[3], 0, 7, 3, '基本满意'], [P[4], 6, 0, 4, '不满意'],
    ]);
    const rates = [0.9, 0.7, 0.6, 0.7, 0.6];
    result.options.forEach((o: any, k: number) => expect(o.rate).toBeCloseTo(rates[k], 12));
  });
});

describe('baseRule present', () => {
  it('counts members checked in at close or who voted', async () => {
    const hall = await createHall(server, { members: 12, projects: 2, checkIn: 10 });
    const [A, B] = hall.projectIds;
    const m = hall.members;
    const ballot = await createBallot(server, hall, { kind: 'selection', title: '票决', projectIds: [A, B], seats: 1, baseRule: 'present' });
    expect(ballot.baseRule).toBe('present');
    await open(server, hall, ballot.id);
    // Members 0..6 vote: A gets 6 yes, B 5 yes.
    const sent = [0, 1, 2, 3, 4, 5, 6].map((i) => ({ [A]: i < 6 ? 'yes' : 'no', [B]: i < 5 ? 'yes' : 'abstain' }));
    await castAll(hall, ballot.id, sent);
    // After voting, 0 and 1 leave (they still count: they voted); 8 leaves without voting (does not
    // count); 10 checks in late and does not vote (counts); 11 never comes.
    for (const i of [0, 1, 8]) {
      ok(await server.call('PUT', `/api/sessions/${hall.sessionId}/attendance/${m[i].id}`, { token: hall.presiderToken, json: { present: false, note: '离场' } }));
    }
    await checkIn(server, hall, m[10].token);
    const presentAtClose = new Set([2, 3, 4, 5, 6, 7, 9, 10]);
    const voted = new Set([0, 1, 2, 3, 4, 5, 6]);
    const base = new Set([...presentAtClose, ...voted]).size; // 10
    expect(base).toBe(10);
    const result = (await close(server, hall, ballot.id)).result;
    expect(result).toMatchObject({ baseRule: 'present', base, eligible: 12, cast: 7 });
    // 6 yes of base 10 passes (it would not of the roster's 12); 5 yes is exactly half and fails.
    expect(result.selected).toEqual([A]);
    expect(statusOf(result)).toEqual({ [A]: 'selected', [B]: 'not_passed' });
    expect(result.cast).toBeLessThanOrEqual(result.base);

    // The same votes under the roster rule: nobody passes.
    const roster = await createBallot(server, hall, { kind: 'selection', title: '票决', projectIds: [A, B], seats: 1 });
    await open(server, hall, roster.id);
    await castAll(hall, roster.id, sent, [m[2], m[3], m[4], m[5], m[6], m[7], m[9]]);
    const rosterResult = (await close(server, hall, roster.id)).result;
    expect(rosterResult).toMatchObject({ baseRule: 'roster', base: 12, selected: [], shortfall: 1 });
  });
});

describe('motions', () => {
  it('a secret motion passes iff 2 * yes > base', async () => {
    const hall = await createHall(server, { members: 10, checkIn: 'all' });
    const votes = (yes: number, no: number) => [...Array(yes).fill('yes'), ...Array(no).fill('no'), ...Array(10 - yes - no).fill('abstain')].map((vote) => ({ vote }));
    const outcomes: [number, number, boolean][] = [[5, 0, false], [6, 4, true], [5, 4, false], [6, 0, true]];
    for (const [yes, no, passed] of outcomes) {
      const ballot = await createBallot(server, hall, { kind: 'motion', title: '表决', question: `yes=${yes}` });
      expect(ballot.secret).toBe(true);
      await open(server, hall, ballot.id);
      await castAll(hall, ballot.id, shuffle(votes(yes, no), rng(yes * 10 + no)));
      const result = (await close(server, hall, ballot.id)).result;
      expect(result).toMatchObject({ kind: 'motion', base: 10, cast: 10, yes, no, abstain: 10 - yes - no, passed });
      expect(result.named).toBeUndefined();
    }
  });

  it('a named motion lists every vote by member, and its box is empty', async () => {
    const hall = await createHall(server, { members: 6, projects: 1, checkIn: 'all' });
    expectError(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, {
      token: hall.presiderToken, json: { kind: 'selection', title: '记名票决', projectIds: hall.projectIds, seats: 1, secret: false },
    }), 422, 'invalid_input');
    const ballot = await createBallot(server, hall, { kind: 'motion', title: '记名表决', question: '通过决议', secret: false });
    expect(ballot.secret).toBe(false);
    await open(server, hall, ballot.id);
    const sent: Vote[] = ['yes', 'no', 'abstain', 'yes', 'yes'];
    const replies = await castAll(hall, ballot.id, sent.map((vote) => ({ vote })));
    const retry = await cast(server, hall.members[0].token, ballot.id, { vote: 'yes' }, replies[0].key);
    expect(retry.status).toBe(200);
    expect(retry.body.receipt).toBe(replies[0].body.receipt);
    expectError(await cast(server, hall.members[0].token, ballot.id, { vote: 'no' }), 409, 'already_voted');

    const result = (await close(server, hall, ballot.id)).result;
    // base 6: 3 yes is exactly half, so it fails.
    expect(result).toMatchObject({ kind: 'motion', base: 6, cast: 5, yes: 3, no: 1, abstain: 1, passed: false });
    const expected = sent.map((vote, i) => ({ memberId: hall.members[i].id, name: hall.members[i].name, vote }));
    const byId = (x: { memberId: string }, y: { memberId: string }) => (x.memberId < y.memberId ? -1 : 1);
    expect([...result.named].sort(byId)).toEqual([...expected].sort(byId));

    ok(await act(server, hall.presiderToken, ballot.id, 'publish'));
    const box = ok(await server.call('GET', `/api/ballots/${ballot.id}/box`));
    expect(box.entries).toEqual([]);
    expect(box.digest).toBe(boxDigest([]));
    expect(box.ballot).toMatchObject({ kind: 'motion', secret: false, cast: 5, base: 6 });
    expect(await query(server, `select * from ballot_box where ballot_id = '${ballot.id}'`)).toEqual([]);
    expect(ok(await server.call('GET', `/api/ballots/${ballot.id}/result`)).named).toHaveLength(5);
  });
});
