// Ballot states and who may see what in each: API.md "Ballots", "Result", "Ballot box digest".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactVerify, createLocalJWKSet } from 'jose';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';
import { act, cast, checkIn, close, createBallot, expectError, open, publish } from './support.js';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); }, 120_000);
afterAll(async () => { await server?.close(); });

const get = (path: string, token?: string) => server.call('GET', path, { token });

describe('opening needs a quorum', () => {
  it('congress: at least two thirds present (exactly two thirds is enough)', async () => {
    const hall = await createHall(server, { members: 9, projects: 2, checkIn: 5 });
    const ballot = await createBallot(server, hall, { kind: 'motion', title: '议程', question: '通过议程' });
    expectError(await act(server, hall.presiderToken, ballot.id, 'open'), 409, 'quorum_not_met');
    expect(ok(await get(`/api/ballots/${ballot.id}`, hall.presiderToken)).state).toBe('draft');
    await checkIn(server, hall, hall.members[5].token); // 6 of 9 = exactly 2/3
    const opened = await open(server, hall, ballot.id);
    expect(opened).toMatchObject({ state: 'open', eligible: 9, cast: 0 });
  });

  it('committee: more than half present (exactly half is not enough)', async () => {
    const hall = await createHall(server, { members: 6, committee: 4, kind: 'committee', checkIn: 2 });
    const ballot = await createBallot(server, hall, { kind: 'motion', title: '议程', question: '通过议程' });
    expectError(await act(server, hall.presiderToken, ballot.id, 'open'), 409, 'quorum_not_met');
    await checkIn(server, hall, hall.members[2].token);
    expect((await open(server, hall, ballot.id)).eligible).toBe(4);
  });

  it('a member marked absent after check-in no longer counts', async () => {
    const hall = await createHall(server, { members: 3, checkIn: 'all' });
    ok(await server.call('PUT', `/api/sessions/${hall.sessionId}/attendance/${hall.members[0].id}`, { token: hall.presiderToken, json: { present: false, note: '请假' } }));
    ok(await server.call('PUT', `/api/sessions/${hall.sessionId}/attendance/${hall.members[1].id}`, { token: hall.presiderToken, json: { present: false, note: '请假' } }));
    const ballot = await createBallot(server, hall, { kind: 'motion', title: '议程', question: '通过议程' });
    expectError(await act(server, hall.presiderToken, ballot.id, 'open'), 409, 'quorum_not_met');
  });
});

describe('state conflicts', () => {
  it('refuses every transition that the state does not allow', async () => {
    const hall = await createHall(server, { members: 6, projects: 3, checkIn: 'all' });
    const p = hall.presiderToken;
    const one = await createBallot(server, hall, { kind: 'motion', title: '一', question: '一' });
    const two = await createBallot(server, hall, { kind: 'motion', title: '二', question: '二' });

    expectError(await act(server, p, one.id, 'close'), 409, 'ballot_not_open');
    expectError(await act(server, p, one.id, 'publish'), 409, 'ballot_not_closed');
    await open(server, hall, one.id);
    expectError(await act(server, p, two.id, 'open'), 409, 'another_ballot_open');
    expectError(await act(server, p, one.id, 'open'), 409, 'ballot_not_draft');
    expectError(await act(server, p, one.id, 'publish'), 409, 'ballot_not_closed');
    expect((await cast(server, hall.members[0].token, one.id, { vote: 'yes' })).status).toBe(201);
    await close(server, hall, one.id);
    expectError(await act(server, p, one.id, 'close'), 409, 'ballot_not_open');
    expectError(await act(server, p, one.id, 'open'), 409, 'ballot_not_draft');
    expectError(await act(server, p, one.id, 'cancel', { reason: '太晚了' }), 409, 'ballot_not_cancellable');
    // With the first closed, the second may open.
    await open(server, hall, two.id);
    expectError(await act(server, p, two.id, 'publish'), 409, 'ballot_not_closed');
    ok(await act(server, p, two.id, 'cancel', { reason: '程序有误' }));
    expectError(await act(server, p, two.id, 'cancel', { reason: '再次取消' }), 409, 'ballot_not_cancellable');
    expectError(await act(server, p, two.id, 'open'), 409, 'ballot_not_draft');
    expectError(await act(server, p, two.id, 'close'), 409, 'ballot_not_open');
    expectError(await act(server, p, two.id, 'publish'), 409, 'ballot_not_closed');
    await publish(server, hall, one.id);
    expectError(await act(server, p, one.id, 'publish'), 409, 'ballot_not_closed');
    expectError(await act(server, p, one.id, 'cancel', { reason: '太晚了' }), 409, 'ballot_not_cancellable');
    expectError(await act(server, p, one.id, 'close'), 409, 'ballot_not_open');

    // A draft may be cancelled too; a reason is required.
    const three = await createBallot(server, hall, { kind: 'motion', title: '三', question: '三' });
    expectError(await act(server, p, three.id, 'cancel', {}), 422, 'invalid_input');
    expect(ok(await act(server, p, three.id, 'cancel', { reason: '撤回' })).state).toBe('cancelled');

    // Members, the public and other bodies' presiders cannot drive a ballot.
    const four = await createBallot(server, hall, { kind: 'motion', title: '四', question: '四' });
    const other = await createHall(server, { members: 1 });
    for (const token of [hall.members[0].token, undefined, other.presiderToken]) {
      const r = await act(server, token as string, four.id, 'open');
      expect([401, 403]).toContain(r.status);
    }
    expect(ok(await get(`/api/ballots/${four.id}`, p)).state).toBe('draft');
    expectError(await act(server, p, 'zzzzzzzzzzzzzzzz', 'open'), 404, 'not_found');
  });
});

describe('audit log', () => {
  it('records every procedural action with actor and time, and never a vote or a receipt', async () => {
    const hall = await createHall(server, { members: 6, projects: 3, checkIn: 'all' });
    const [a, b, c] = hall.projectIds;
    const started = Date.now();
    const sel = await createBallot(server, hall, { kind: 'selection', title: '票决', projectIds: [a, b, c], seats: 1 });
    await open(server, hall, sel.id);
    // a and b both get 4 of 6 (each passes) and tie for the one seat.
    const sent = [
      { [a]: 'yes', [b]: 'yes', [c]: 'no' }, { [a]: 'yes', [b]: 'yes' }, { [a]: 'yes', [b]: 'no' },
      { [a]: 'yes', [b]: 'yes', [c]: 'yes' }, { [a]: 'no', [b]: 'yes' }, { [c]: 'yes' },
    ];
    const votes = await Promise.all(hall.members.map((m, i) => cast(server, m.token, sel.id, sent[i])));
    expect(votes.map((v) => v.status)).toEqual(sent.map(() => 201));
    const closed = await close(server, hall, sel.id);
    expect(closed.result).toMatchObject({ selected: [], tied: [a, b], shortfall: 0 });
    await publish(server, hall, sel.id);
    const runoff = await createBallot(server, hall, { kind: 'selection', title: '再次投票', runoffOf: sel.id }, server.adminToken);
    ok(await act(server, server.adminToken, runoff.id, 'cancel', { reason: '改日再议' }));

    const audit = ok(await get(`/api/sessions/${hall.sessionId}/audit`, hall.presiderToken)) as { at: string; actor: string; action: string; subject: string; detail: any }[];
    expect(ok(await get(`/api/sessions/${hall.sessionId}/audit`, server.adminToken))).toEqual(audit);
    const ballotEntries = audit.filter((e) => e.subject === sel.id || e.subject === runoff.id);
    expect(ballotEntries.map((e) => [e.action, e.subject])).toEqual([
      ['ballot.created', sel.id], ['ballot.opened', sel.id], ['ballot.closed', sel.id], ['ballot.published', sel.id],
      ['ballot.runoff_created', runoff.id], ['ballot.cancelled', runoff.id],
    ]);
    const actors = ballotEntries.map((e) => e.actor);
    expect(actors.slice(0, 4).every((x) => x.startsWith('presider:'))).toBe(true);
    expect(actors.slice(4)).toEqual(['admin:admin', 'admin:admin']);
    let previous = started - 5_000;
    for (const e of ballotEntries) {
      const t = Date.parse(e.at);
      expect(Number.isNaN(t)).toBe(false);
      expect(t).toBeGreaterThanOrEqual(previous);
      expect(t).toBeLessThanOrEqual(Date.now() + 5_000);
      previous = t;
    }
    expect(ballotEntries[5].detail.reason).toBe('改日再议');
    expect(ballotEntries[4].detail.runoffOf).toBe(sel.id);
    expect(ballotEntries[2].detail).toMatchObject({ cast: 6 });

    // Nothing a member sent or got back is in the log: no receipt, no submission key, no choices,
    // and no ballot entry names a member.
    const text = JSON.stringify(audit);
    for (const v of votes) {
      expect(text).not.toContain(v.body.receipt);
      expect(text).not.toContain(v.key);
    }
    expect(audit.some((e) => /vote|cast|receipt/i.test(e.action))).toBe(false);
    for (const e of ballotEntries) {
      const entry = JSON.stringify(e);
      for (const m of hall.members) expect(entry).not.toContain(m.id);
      expect(entry).not.toMatch(/"(yes|no|abstain)"/);
    }
    // Only procedural actions happened between opening and closing: the check-ins before it, nothing per vote.
    const openedAt = audit.findIndex((e) => e.action === 'ballot.opened');
    const closedAt = audit.findIndex((e) => e.action === 'ballot.closed');
    expect(closedAt).toBe(openedAt + 1);

    // Members and the public cannot read the log.
    expect((await get(`/api/sessions/${hall.sessionId}/audit`, hall.members[0].token)).status).toBe(403);
    expect((await get(`/api/sessions/${hall.sessionId}/audit`)).status).toBe(401);
  });
});

describe('who sees what, and when', () => {
  let hall: Hall;
  let outsider: Hall;
  let screenToken: string;
  beforeAll(async () => {
    hall = await createHall(server, { members: 6, projects: 3, checkIn: 5 });
    outsider = await createHall(server, { members: 1, checkIn: 'all' });
    screenToken = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, { token: hall.presiderToken })).token;
  }, 60_000);

  it('result, box, tally and signature follow the ballot state', async () => {
    const [a, b, c] = hall.projectIds;
    const p = hall.presiderToken;
    const member = hall.members[0];
    const offRoster = outsider.members[0];
    const ballot = await createBallot(server, hall, { kind: 'selection', title: '票决', projectIds: [a, b, c], seats: 2 });
    const id = ballot.id;

    // Draft.
    for (const token of [undefined, member.token, p, server.adminToken]) {
      expectError(await get(`/api/ballots/${id}/result`, token), 403, 'not_published');
      expectError(await get(`/api/ballots/${id}/box`, token), 409, 'ballot_not_closed');
      expectError(await get(`/api/ballots/${id}/result.jws`, token), 403, 'not_published');
    }

    // Open: the tally for presider and admin only, and it is the real tally.
    await open(server, hall, id);
    const sent = [{ [a]: 'yes', [b]: 'no' }, { [a]: 'yes', [c]: 'yes' }, { [a]: 'abstain', [b]: 'yes', [c]: 'yes' }];
    for (const [i, choices] of sent.entries()) expect((await cast(server, hall.members[i].token, id, choices)).status).toBe(201);
    const expectedTally = {
      kind: 'selection',
      options: [
        { id: a, yes: 2, no: 0, abstain: 1 }, { id: b, yes: 1, no: 1, abstain: 1 }, { id: c, yes: 2, no: 0, abstain: 1 },
      ],
    };
    for (const token of [p, server.adminToken]) {
      const view = ok(await get(`/api/ballots/${id}`, token));
      expect(view).toMatchObject({ state: 'open', cast: 3, eligible: 6 });
      expect(view.tally).toEqual(expectedTally);
      expect(view.result).toBeUndefined();
    }
    for (const token of [member.token, hall.members[5].token, screenToken]) {
      const view = ok(await get(`/api/ballots/${id}`, token));
      expect(view).toMatchObject({ state: 'open', cast: 3 });
      expect(view.tally).toBeUndefined();
      expect(view.result).toBeUndefined();
      expect(JSON.stringify(view)).not.toMatch(/"yes":/);
    }
    expect(ok(await get(`/api/ballots/${id}`, member.token)).voted).toBe(true);
    expect(ok(await get(`/api/ballots/${id}`, hall.members[4].token)).voted).toBe(false);
    expect((await get(`/api/ballots/${id}`, offRoster.token)).status).toBe(403);
    expect((await get(`/api/ballots/${id}`, outsider.presiderToken)).status).toBe(403);
    expect((await get(`/api/ballots/${id}`)).status).toBe(401);
    for (const token of [undefined, member.token, p]) {
      expectError(await get(`/api/ballots/${id}/result`, token), 403, 'not_published');
      expectError(await get(`/api/ballots/${id}/box`, token), 409, 'ballot_not_closed');
    }

    // Closed: result for presider, admin, the roster; not for the public or someone off the roster.
    const closed = await close(server, hall, id);
    const result = closed.result;
    expect(result).toMatchObject({ ballotId: id, cast: 3, base: 6, eligible: 6, selected: [], tied: [], shortfall: 2 });
    for (const token of [p, server.adminToken, member.token, hall.members[5].token, screenToken]) {
      expect(ok(await get(`/api/ballots/${id}/result`, token))).toEqual(result);
      const view = ok(await get(`/api/ballots/${id}`, token));
      expect(view.result).toEqual(result);
      expect(view.tally).toBeUndefined();
    }
    for (const token of [undefined, offRoster.token]) expectError(await get(`/api/ballots/${id}/result`, token), 403, 'not_published');
    expectError(await get(`/api/ballots/${id}/result.jws`, p), 403, 'not_published');
    // Box: presider and admin; the public and members are told it is not published.
    for (const token of [p, server.adminToken]) expect(ok(await get(`/api/ballots/${id}/box`, token)).entries).toHaveLength(3);
    for (const token of [undefined, member.token]) expectError(await get(`/api/ballots/${id}/box`, token), 403, 'not_published');
    expect((await get(`/api/ballots/${id}/box`, outsider.presiderToken)).status).toBe(403);

    // Published: everyone.
    await publish(server, hall, id);
    for (const token of [undefined, offRoster.token, member.token, p]) {
      expect(ok(await get(`/api/ballots/${id}/result`, token))).toEqual(result);
      expect(ok(await get(`/api/ballots/${id}/box`, token)).entries).toHaveLength(3);
    }
    expect(ok(await get(`/api/ballots/${id}`, member.token)).result).toEqual(result);

    // The signed result verifies against the published keys and says exactly what GET result says.
    const jws = await get(`/api/ballots/${id}/result.jws`);
    expect(jws.status).toBe(200);
    expect(typeof jws.body).toBe('string');
    const keys = ok(await get('/api/public/keys'));
    const verified = await compactVerify(jws.body as string, createLocalJWKSet(keys));
    expect(verified.protectedHeader.alg).toBe('EdDSA');
    const payload = JSON.parse(new TextDecoder().decode(verified.payload));
    expect(payload).toEqual(ok(await get(`/api/ballots/${id}/result`)));
    expect(payload.ballotId).toBe(id);

    // A copy with one count changed does not verify.
    const [header, body, signature] = (jws.body as string).split('.');
    const altered = { ...payload, cast: payload.cast + 1 };
    const forged = `${header}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`;
    await expect(compactVerify(forged, createLocalJWKSet(keys))).rejects.toThrow();
    expect(body.length).toBeGreaterThan(0);
  });
});
