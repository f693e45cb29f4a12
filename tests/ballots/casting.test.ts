// Casting: exact counts under concurrency, and every refusal of API.md "Casting" in its order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, submissionKey, type Hall } from '../helpers/fixtures.js';
import {
  act, cast, checkIn, close, countsOf, createBallot, expectError, normalised, open, query, rng, tallyPerCandidate, type Vote,
} from './support.js';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); }, 120_000);
afterAll(async () => { await server?.close(); });

describe('300 members casting at once', () => {
  it('counts every ballot exactly once', async () => {
    const hall = await createHall(server, { members: 300, projects: 5, checkIn: 'all' });
    const candidates = hall.projectIds;
    const ballot = await createBallot(server, hall, { kind: 'selection', title: '2027年民生实事项目票决', projectIds: candidates, seats: 3 });
    await open(server, hall, ballot.id);

    const random = rng(20270301);
    const values: (Vote | undefined)[] = ['yes', 'yes', 'yes', 'no', 'abstain', undefined];
    const sent = hall.members.map(() => {
      const choices: Record<string, Vote> = {};
      for (const c of candidates) {
        const v = values[Math.floor(random() * values.length)];
        if (v) choices[c] = v;
      }
      return choices;
    });

    const replies = await Promise.all(hall.members.map((m, i) => cast(server, m.token, ballot.id, sent[i])));
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
    const receipts = replies.map((r) => r.body.receipt as string);
    for (const r of receipts) expect(r).toMatch(/^[0-9A-Z]{10,16}$/);
    expect(new Set(receipts).size).toBe(300);

    const live = ok(await server.call('GET', `/api/ballots/${ballot.id}`, { token: hall.presiderToken }));
    expect(live.cast).toBe(300);

    const closed = await close(server, hall, ballot.id);
    const expected = tallyPerCandidate(candidates, sent);
    expect(closed.result.cast).toBe(300);
    expect(closed.result.eligible).toBe(300);
    expect(closed.result.base).toBe(300);
    expect(countsOf(closed.result)).toEqual(expected);
    for (const o of closed.result.options) {
      expect(o.passed).toBe(2 * expected[o.id].yes > 300);
    }

    // Each receipt is in the box once, with exactly the choices that member sent.
    const box = ok(await server.call('GET', `/api/ballots/${ballot.id}/box`, { token: hall.presiderToken }));
    expect(box.entries).toHaveLength(300);
    const byReceipt = new Map(box.entries.map((e: { receipt: string; choices: unknown }) => [e.receipt, e.choices]));
    receipts.forEach((r, i) => expect(byReceipt.get(r)).toEqual(normalised(candidates, sent[i])));
  }, 120_000);
});

describe('refusals, in the order API.md gives them', () => {
  let hall: Hall;
  let committee: Hall;
  let outsider: Hall;
  let a: string, b: string, c: string;

  beforeAll(async () => {
    hall = await createHall(server, { members: 12, projects: 3, checkIn: 10 });
    [a, b, c] = hall.projectIds;
    // A standing-committee session: members 0..4 are committee members, 5..7 are not on its roster.
    committee = await createHall(server, { members: 8, committee: 5, projects: 2, kind: 'committee', checkIn: 5 });
    outsider = await createHall(server, { members: 2, checkIn: 'all' });
  }, 60_000);

  const voter = (i: number) => hall.members[i];
  const absent = () => hall.members[11]; // never checks in

  it('answers 404 for a ballot that does not exist', async () => {
    expectError(await cast(server, voter(0).token, 'zzzzzzzzzzzzzzzz', { [a]: 'yes' }), 404, 'not_found');
    expectError(await cast(server, voter(0).token, 'NOT-AN-ID', { [a]: 'yes' }), 404, 'not_found');
  });

  it('per_candidate: bad input is 422, retries are 200, a second key is 409, and check-in after opening may vote', async () => {
    const draft = await createBallot(server, hall, { kind: 'selection', title: '票决', projectIds: [a, b, c], seats: 2 });

    // Shape first: even a draft ballot, even a member off the roster, gets 422 for a malformed body.
    expectError(await cast(server, voter(0).token, draft.id, { [a]: 'maybe' }), 422, 'invalid_input');
    expectError(await cast(server, outsider.members[0].token, draft.id, { [a]: 'maybe' }), 422, 'invalid_input');
    // Then the roster, then the state.
    expectError(await cast(server, outsider.members[0].token, draft.id, { [a]: 'yes' }), 403, 'not_on_roster');
    expectError(await cast(server, voter(0).token, draft.id, { [a]: 'yes' }), 409, 'ballot_not_open');
    // A member not checked in is told the ballot is not open before being told to check in.
    expectError(await cast(server, absent().token, draft.id, { [a]: 'yes' }), 409, 'ballot_not_open');

    await open(server, hall, draft.id);
    const id = draft.id;
    const m = voter(0);

    for (const key of ['short', 'a'.repeat(21), 'a'.repeat(65), `${'a'.repeat(30)}+`, `${'a'.repeat(30)}=`, `${'a'.repeat(30)} `, `${'甲'.repeat(30)}`]) {
      expectError(await cast(server, m.token, id, { [a]: 'yes' }, key), 422, 'invalid_input');
    }
    const bad: unknown[] = [
      { zzzzzzzzzzzzzzzz: 'yes' }, // unknown candidate
      { [a]: 'yes', [outsider.bodyId]: 'no' }, // an id that is not a candidate
      { [a]: 'maybe' }, { [a]: 1 }, { [a]: null }, { [a]: true }, { [a]: ['yes'] }, { [a]: 'YES' }, // wrong choice values
      { vote: 'yes' }, { selected: [a] }, // other ballot kinds' shapes
      [], 'yes', null, 42,
      { __proto__: null, constructor: 'yes' },
    ];
    for (const choices of bad) expectError(await cast(server, m.token, id, choices), 422, 'invalid_input');
    // Missing fields and extra fields in the body itself.
    expectError(await server.call('POST', `/api/ballots/${id}/votes`, { token: m.token, json: { choices: { [a]: 'yes' } } }), 422, 'invalid_input');
    expectError(await server.call('POST', `/api/ballots/${id}/votes`, { token: m.token, json: { submissionKey: submissionKey(), choices: { [a]: 'yes' }, memberId: m.id } }), 422, 'invalid_input');
    // None of that changed anything.
    expect(ok(await server.call('GET', `/api/ballots/${id}`, { token: hall.presiderToken })).cast).toBe(0);

    // Valid keys at both ends of the allowed length.
    const first = await cast(server, m.token, id, { [a]: 'yes', [b]: 'no' }, 'A'.repeat(22));
    expect(first.status).toBe(201);
    expect(first.body.receipt).toMatch(/^[0-9A-Z]{10,16}$/);
    const second = await cast(server, voter(1).token, id, { [a]: 'yes' }, `${'_-'.repeat(31)}z9`);
    expect(second.status).toBe(201);

    // Same key again: 200 with the same receipt, even with different choices (the first ballot stands).
    const retry = await cast(server, m.token, id, { [a]: 'no' }, first.key);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ receipt: first.body.receipt });
    // Another key: 409 already_voted; a malformed body still 422 first.
    expectError(await cast(server, m.token, id, { [a]: 'no' }), 409, 'already_voted');
    expectError(await cast(server, m.token, id, { [a]: 'nope' }, first.key), 422, 'invalid_input');

    // Another member reusing someone's submission key never gets that receipt.
    const reuse = await cast(server, voter(2).token, id, { [a]: 'yes' }, first.key);
    expect(reuse.status).not.toBe(200);
    expect(reuse.status).not.toBe(201);
    expect(reuse.body.receipt).toBeUndefined();

    // Not checked in: 403, then checking in (after the ballot opened) lets the member vote.
    const late = absent();
    expectError(await cast(server, late.token, id, { [c]: 'yes' }), 403, 'not_checked_in');
    await checkIn(server, hall, late.token);
    const lateVote = await cast(server, late.token, id, { [c]: 'yes' });
    expect(lateVote.status).toBe(201);

    // A member of another body, well-formed: not on the roster.
    expectError(await cast(server, outsider.members[0].token, id, { [a]: 'yes' }), 403, 'not_on_roster');
    // Staff cannot vote at all.
    expect((await cast(server, hall.presiderToken, id, { [a]: 'yes' })).status).toBe(403);

    const closed = await close(server, hall, id);
    expect(closed.result.cast).toBe(3);
    expect(countsOf(closed.result)).toEqual(tallyPerCandidate([a, b, c], [{ [a]: 'yes', [b]: 'no' }, { [a]: 'yes' }, { [c]: 'yes' }]));

    // After the close: a retry with the same key still gets its receipt; a new key is already_voted;
    // a member who never voted gets ballot_not_open.
    const after = await cast(server, m.token, id, { [a]: 'yes', [b]: 'no' }, first.key);
    expect(after.status).toBe(200);
    expect(after.body.receipt).toBe(first.body.receipt);
    expectError(await cast(server, m.token, id, { [a]: 'yes' }), 409, 'already_voted');
    expectError(await cast(server, voter(3).token, id, { [a]: 'yes' }), 409, 'ballot_not_open');
    expectError(await cast(server, outsider.members[0].token, id, { [a]: 'yes' }), 403, 'not_on_roster');
    expectError(await cast(server, voter(3).token, id, { [a]: 'perhaps' }), 422, 'invalid_input');

    const box = ok(await server.call('GET', `/api/ballots/${id}/box`, { token: hall.presiderToken }));
    expect(box.entries.map((e: { receipt: string }) => e.receipt).sort()).toEqual([first.body.receipt, second.body.receipt, lateVote.body.receipt].sort());
  });

  it('choose_n: 1..seats distinct candidates', async () => {
    const ballot = await createBallot(server, hall, { kind: 'selection', form: 'choose_n', title: '限选', projectIds: [a, b, c], seats: 2 });
    await open(server, hall, ballot.id);
    const m = voter(4);
    for (const choices of [
      { selected: [a, b, c] }, // too many
      { selected: [a, a] }, // duplicates
      { selected: [] }, // zero
      { selected: ['zzzzzzzzzzzzzzzz'] },
      { selected: a },
      { selected: [a], extra: true },
      { [a]: 'yes' },
      {},
    ]) {
      expectError(await cast(server, m.token, ballot.id, choices), 422, 'invalid_input');
    }
    expect((await cast(server, m.token, ballot.id, { selected: [c, a] })).status).toBe(201);
    expect((await cast(server, voter(5).token, ballot.id, { selected: [c] })).status).toBe(201);
    const closed = await close(server, hall, ballot.id);
    expect(countsOf(closed.result)).toEqual({
      [a]: { yes: 1, no: 0, abstain: 1 }, [b]: { yes: 0, no: 0, abstain: 2 }, [c]: { yes: 2, no: 0, abstain: 0 },
    });
  });

  it('satisfaction: every project must be rated', async () => {
    const ballot = await createBallot(server, hall, { kind: 'satisfaction', title: '满意度测评', projectIds: [a, b] });
    await open(server, hall, ballot.id);
    const m = voter(6);
    for (const choices of [
      { [a]: 'satisfied' }, // missing a project
      {},
      { [a]: 'satisfied', [b]: 'yes' },
      { [a]: 'satisfied', [b]: 'basic', [c]: 'basic' }, // c is not on this ballot
      { [a]: '满意', [b]: 'basic' },
    ]) {
      expectError(await cast(server, m.token, ballot.id, choices), 422, 'invalid_input');
    }
    expect((await cast(server, m.token, ballot.id, { [a]: 'satisfied', [b]: 'unsatisfied' })).status).toBe(201);
    const closed = await close(server, hall, ballot.id);
    expect(closed.result.options.map((o: any) => [o.id, o.satisfied, o.basic, o.unsatisfied])).toEqual([[a, 1, 0, 0], [b, 0, 0, 1]]);
  });

  it('motion: exactly {vote}', async () => {
    const ballot = await createBallot(server, hall, { kind: 'motion', title: '表决办法', question: '通过票决办法' });
    await open(server, hall, ballot.id);
    const m = voter(7);
    for (const choices of [{ vote: 'maybe' }, { vote: 'yes', extra: 1 }, {}, { [a]: 'yes' }, { vote: ['yes'] }, { vote: null }]) {
      expectError(await cast(server, m.token, ballot.id, choices), 422, 'invalid_input');
    }
    expect((await cast(server, m.token, ballot.id, { vote: 'no' })).status).toBe(201);
    const closed = await close(server, hall, ballot.id);
    expect(closed.result).toMatchObject({ yes: 0, no: 1, abstain: 0, cast: 1 });
  });

  it('a committee session refuses members of the body who are not on its roster', async () => {
    const ballot = await createBallot(server, committee, { kind: 'motion', title: '议程', question: '通过议程' });
    await open(server, committee, ballot.id);
    // Members 5..7 belong to the body but are not committee members, so not on the roster.
    for (const m of committee.members.slice(5)) {
      expectError(await server.call('POST', `/api/sessions/${committee.sessionId}/checkin`, { token: m.token }), 403, 'not_on_roster');
      expectError(await cast(server, m.token, ballot.id, { vote: 'yes' }), 403, 'not_on_roster');
    }
    expectError(await cast(server, hall.members[0].token, ballot.id, { vote: 'yes' }), 403, 'not_on_roster');
    expect((await cast(server, committee.members[0].token, ballot.id, { vote: 'yes' })).status).toBe(201);
    const closed = await close(server, committee, ballot.id);
    expect(closed.result).toMatchObject({ eligible: 5, base: 5, cast: 1, yes: 1 });
    // After the close the roster check still comes first.
    expectError(await cast(server, committee.members[6].token, ballot.id, { vote: 'yes' }), 403, 'not_on_roster');
  });

  it('a cancelled ballot refuses everything and its ballots are never counted or shown', async () => {
    const ballot = await createBallot(server, hall, { kind: 'selection', title: '作废的票决', projectIds: [a, b, c], seats: 1 });
    await open(server, hall, ballot.id);
    const voters = hall.members.slice(0, 5);
    const first = await Promise.all(voters.map((m) => cast(server, m.token, ballot.id, { [a]: 'yes', [b]: 'yes', [c]: 'yes' })));
    expect(first.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const receipts = first.map((r) => r.body.receipt as string);

    ok(await act(server, hall.presiderToken, ballot.id, 'cancel', { reason: '选票印制有误' }), [200]);

    // Retries with the same key, new keys, and members who never voted: all 409 ballot_not_open.
    for (const [i, m] of voters.entries()) {
      expectError(await cast(server, m.token, ballot.id, { [a]: 'yes', [b]: 'yes', [c]: 'yes' }, first[i].key), 409, 'ballot_not_open');
      expectError(await cast(server, m.token, ballot.id, { [a]: 'no' }), 409, 'ballot_not_open');
    }
    expectError(await cast(server, hall.members[8].token, ballot.id, { [a]: 'yes' }), 409, 'ballot_not_open');
    expectError(await cast(server, outsider.members[0].token, ballot.id, { [a]: 'yes' }), 403, 'not_on_roster');

    const view = ok(await server.call('GET', `/api/ballots/${ballot.id}`, { token: hall.presiderToken }));
    expect(view).toMatchObject({ state: 'cancelled', cast: 0, cancelReason: '选票印制有误' });
    expect(view.result).toBeUndefined();
    expect(view.tally).toBeUndefined();
    const session = ok(await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken }));
    expect(session.ballots.find((s: any) => s.id === ballot.id)).toMatchObject({ state: 'cancelled', cast: 0 });
    expectError(await server.call('GET', `/api/ballots/${ballot.id}/box`, { token: hall.presiderToken }), 409, 'ballot_not_closed');
    expectError(await server.call('GET', `/api/ballots/${ballot.id}/result`, { token: hall.presiderToken }), 403, 'not_published');
    expect(await query(server, `select * from ballot_box where ballot_id = '${ballot.id}'`)).toEqual([]);
    expect(await query(server, `select * from ballot_roll where ballot_id = '${ballot.id}'`)).toEqual([]);

    // The same members vote again on a fresh ballot; only those ballots count.
    const again = await createBallot(server, hall, { kind: 'selection', title: '重新票决', projectIds: [a, b, c], seats: 1 });
    await open(server, hall, again.id);
    const second = await Promise.all(voters.slice(0, 3).map((m) => cast(server, m.token, again.id, { [a]: 'no' })));
    expect(second.map((r) => r.status)).toEqual([201, 201, 201]);
    const closed = await close(server, hall, again.id);
    expect(countsOf(closed.result)).toEqual({
      [a]: { yes: 0, no: 3, abstain: 0 }, [b]: { yes: 0, no: 0, abstain: 3 }, [c]: { yes: 0, no: 0, abstain: 3 },
    });
    const box = ok(await server.call('GET', `/api/ballots/${again.id}/box`, { token: hall.presiderToken }));
    for (const r of receipts) expect(JSON.stringify(box)).not.toContain(r);
  });
});
