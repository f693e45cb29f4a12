// Sessions: roster and quorum defaults, check-in, attendance set by the presider, the audit trail, and the
// quorum rule at its exact boundaries as the API applies it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';
import { issueToken } from '../../server/auth/tokens.js';


// Machines here are shared and noisy: generous limits, while every promised bound (e.g. 1 s) is still asserted.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });
let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

const getSession = async (id: string, token: string) => ok(await server.call('GET', `/api/sessions/${id}`, { token }));
const checkIn = (id: string, token: string) => server.call('POST', `/api/sessions/${id}/checkin`, { token });
const motion = async (hall: Hall) => ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, {
  token: hall.presiderToken, json: { kind: 'motion', title: '表决票决办法', question: '是否通过《民生实事项目票决办法》' },
}));

describe('session defaults', () => {
  let hall: Hall;
  beforeAll(async () => { hall = await createHall(server, { members: 12, committee: 5 }); });

  it('a congress session has every member of the body on its roster and a 2/3 quorum (not strict)', async () => {
    const s = await getSession(hall.sessionId, hall.presiderToken);
    expect(s).toMatchObject({ id: hall.sessionId, kind: 'congress', state: 'open', rosterSize: 12, present: 0, quorum: { num: 2, den: 3, strict: false, met: false }, ballots: [] });
    expect(typeof s.name).toBe('string');
    expect(Number.isInteger(s.version)).toBe(true);
    const roster = ok(await server.call('GET', `/api/sessions/${hall.sessionId}/roster`, { token: hall.presiderToken }));
    expect(roster.map((r: any) => r.memberId).sort()).toEqual(hall.members.map((m) => m.id).sort());
  });

  it('a committee session has the committee members only and a strict 1/2 quorum', async () => {
    const r = await server.call('POST', `/api/bodies/${hall.bodyId}/sessions`, { token: server.adminToken, json: { name: '常委会第十次会议', kind: 'committee' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'committee', rosterSize: 5, present: 0, quorum: { num: 1, den: 2, strict: true, met: false } });
    const roster = ok(await server.call('GET', `/api/sessions/${r.body.id}/roster`, { token: hall.presiderToken }));
    expect(roster.map((x: any) => x.memberId).sort()).toEqual(hall.members.filter((m) => m.kind === 'committee').map((m) => m.id).sort());
    expect(roster.every((x: any) => x.kind === 'committee')).toBe(true);
  });

  it('takes an explicit roster and quorum', async () => {
    const ids = hall.members.slice(0, 4).map((m) => m.id);
    const r = await server.call('POST', `/api/bodies/${hall.bodyId}/sessions`, {
      token: server.adminToken, json: { name: '主任会议', kind: 'committee', memberIds: [...ids, ids[0]], quorum: { num: 3, den: 4, strict: false } },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ rosterSize: 4, quorum: { num: 3, den: 4, met: false } });
  });

  it('refuses a roster naming members of another body (422) and a quorum above 1', async () => {
    const other = await createHall(server, { members: 1, login: false });
    const r = await server.call('POST', `/api/bodies/${hall.bodyId}/sessions`, { token: server.adminToken, json: { name: '混', kind: 'congress', memberIds: [hall.members[0].id, other.members[0].id] } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('invalid_input');
    const q = await server.call('POST', `/api/bodies/${hall.bodyId}/sessions`, { token: server.adminToken, json: { name: '超', kind: 'congress', quorum: { num: 4, den: 3, strict: false } } });
    expect(q.status).toBe(422);
  });

  it('lets a presider read but not create sessions', async () => {
    const list = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/sessions`, { token: hall.presiderToken }));
    expect(list.map((s: any) => s.id)).toContain(hall.sessionId);
    const r = await server.call('POST', `/api/bodies/${hall.bodyId}/sessions`, { token: hall.presiderToken, json: { name: 'x', kind: 'congress' } });
    expect(r.status).toBe(403);
  });
});

describe('check-in and attendance', () => {
  let hall: Hall;
  let committeeSessionId: string;
  beforeAll(async () => {
    hall = await createHall(server, { members: 6, committee: 2 });
    committeeSessionId = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/sessions`, { token: server.adminToken, json: { name: '常委会', kind: 'committee' } })).id;
  });

  it('checks a member in, idempotently', async () => {
    const m = hall.members[0];
    const first = await checkIn(hall.sessionId, m.token);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ present: true });
    const again = await checkIn(hall.sessionId, m.token);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ present: true });
    await Promise.all([checkIn(hall.sessionId, m.token), checkIn(hall.sessionId, m.token)]);
    const s = await getSession(hall.sessionId, m.token);
    expect(s.present).toBe(1);
    expect(s.me).toEqual({ memberId: m.id, onRoster: true, present: true });
  });

  it('refuses a member who is not on the roster (403 not_on_roster)', async () => {
    const rep = hall.members.find((m) => m.kind === 'rep')!;
    const r = await checkIn(committeeSessionId, rep.token);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('not_on_roster');
    const other = await createHall(server, { members: 1 });
    const foreign = await checkIn(hall.sessionId, other.members[0].token);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('not_on_roster');
    expect((await getSession(committeeSessionId, hall.presiderToken)).present).toBe(0);
  });

  it('refuses an unknown session (404)', async () => {
    const r = await checkIn('zzzzzzzzzzzzzzzz', hall.members[0].token);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });

  it('lets the presider set attendance with a note (请假)', async () => {
    const [, m2, m3] = hall.members;
    const leave = await server.call('PUT', `/api/sessions/${hall.sessionId}/attendance/${m2.id}`, { token: hall.presiderToken, json: { present: false, note: '请假' } });
    expect(leave.status).toBe(200);
    expect(leave.body).toMatchObject({ memberId: m2.id, present: false, note: '请假' });
    const here = await server.call('PUT', `/api/sessions/${hall.sessionId}/attendance/${m3.id}`, { token: hall.presiderToken, json: { present: true } });
    expect(here.status).toBe(200);
    const roster = ok(await server.call('GET', `/api/sessions/${hall.sessionId}/roster`, { token: hall.presiderToken }));
    expect(roster.find((r: any) => r.memberId === m2.id)).toMatchObject({ present: false, note: '请假' });
    expect(roster.find((r: any) => r.memberId === m3.id)).toMatchObject({ present: true, note: null });
    expect((await getSession(hall.sessionId, hall.presiderToken)).present).toBe(2);
    // A member marked on leave who then arrives checks in; the note is cleared.
    ok(await checkIn(hall.sessionId, m2.token));
    const after = ok(await server.call('GET', `/api/sessions/${hall.sessionId}/roster`, { token: hall.presiderToken }));
    expect(after.find((r: any) => r.memberId === m2.id)).toMatchObject({ present: true, note: null });
  });

  it('refuses attendance for someone not on the roster (404), from a member (403), from another body\'s presider (403)', async () => {
    const committeeRep = hall.members.find((m) => m.kind === 'rep')!;
    const r = await server.call('PUT', `/api/sessions/${committeeSessionId}/attendance/${committeeRep.id}`, { token: hall.presiderToken, json: { present: true } });
    expect(r.status).toBe(404);
    const byMember = await server.call('PUT', `/api/sessions/${hall.sessionId}/attendance/${hall.members[4].id}`, { token: hall.members[0].token, json: { present: true } });
    expect(byMember.status).toBe(403);
    const other = await createHall(server, { members: 1, login: false });
    const byOther = await server.call('PUT', `/api/sessions/${hall.sessionId}/attendance/${hall.members[4].id}`, { token: other.presiderToken, json: { present: true } });
    expect(byOther.status).toBe(403);
    const roster = ok(await server.call('GET', `/api/sessions/${hall.sessionId}/roster`, { token: hall.presiderToken }));
    expect(roster.find((x: any) => x.memberId === hall.members[4].id).present).toBe(false);
  });

  it('writes the audit trail, oldest first, once per real change', async () => {
    const audit = ok(await server.call('GET', `/api/sessions/${hall.sessionId}/audit`, { token: hall.presiderToken }));
    for (const e of audit) expect(Object.keys(e).sort()).toEqual(['action', 'actor', 'actorName', 'at', 'detail', 'stage', 'subject', 'subjectKind', 'subjectLabel']);
    const actions = audit.map((e: any) => e.action);
    expect(actions[0]).toBe('session.created');
    const [m1, m2, m3] = hall.members;
    const checkins = audit.filter((e: any) => e.action === 'member.checked_in');
    expect(checkins.map((e: any) => e.subject)).toEqual([m1.id, m2.id]);
    expect(checkins[0].actor).toBe(`member:${m1.id}`);
    const attendance = audit.filter((e: any) => e.action === 'attendance.set');
    expect(attendance).toHaveLength(2);
    expect(attendance[0]).toMatchObject({ subject: m2.id, detail: { present: false, note: '请假' }, actor: expect.stringMatching(/^presider:/) });
    expect(attendance[1]).toMatchObject({ subject: m3.id, detail: { present: true, note: null } });
    const times = audit.map((e: any) => Date.parse(e.at));
    expect(times.every((t: number) => Number.isFinite(t))).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // The admin sees the same; a member does not.
    expect(ok(await server.call('GET', `/api/sessions/${hall.sessionId}/audit`, { token: server.adminToken }))).toHaveLength(audit.length);
    expect((await server.call('GET', `/api/sessions/${hall.sessionId}/audit`, { token: m1.token })).status).toBe(403);
  });

  it('shows GET /api/sessions/:id to a member on the roster, not to a member of another body', async () => {
    const s = await getSession(hall.sessionId, hall.members[5].token);
    expect(s).toMatchObject({ id: hall.sessionId, rosterSize: 6, present: 3, quorum: { num: 2, den: 3 } });
    expect(s.me).toEqual({ memberId: hall.members[5].id, onRoster: true, present: false });
    const other = await createHall(server, { members: 1 });
    expect((await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: other.members[0].token })).status).toBe(403);
    expect((await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: other.presiderToken })).status).toBe(403);
    expect((await server.call('GET', `/api/sessions/${hall.sessionId}`)).status).toBe(401);
  });
});

describe('the quorum rule at its boundaries', () => {
  it('congress: 199 of 300 is not enough, 200 of 300 is (2/3, 以上 includes the number)', async () => {
    // Tokens minted directly (member-login is tested elsewhere); the 199 check-ins go through the API.
    const hall = await createHall(server, { members: 300, login: false });
    for (const m of hall.members.slice(0, 200)) m.token = await issueToken(server.ctx.secrets.tokenKey, { kind: 'member', memberId: m.id, bodyId: hall.bodyId, gen: 0 });
    for (let i = 0; i < 199; i += 50) await Promise.all(hall.members.slice(i, Math.min(i + 50, 199)).map(async (m) => ok(await checkIn(hall.sessionId, m.token))));
    let s = await getSession(hall.sessionId, hall.presiderToken);
    expect(s).toMatchObject({ rosterSize: 300, present: 199, quorum: { num: 2, den: 3, met: false } });
    const ballot = await motion(hall);
    const refused = await server.call('POST', `/api/ballots/${ballot.id}/open`, { token: hall.presiderToken });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('quorum_not_met');
    expect(ok(await server.call('GET', `/api/ballots/${ballot.id}`, { token: hall.presiderToken })).state).toBe('draft');

    ok(await checkIn(hall.sessionId, hall.members[199].token));
    s = await getSession(hall.sessionId, hall.presiderToken);
    expect(s).toMatchObject({ rosterSize: 300, present: 200, quorum: { met: true } });
    const opened = await server.call('POST', `/api/ballots/${ballot.id}/open`, { token: hall.presiderToken });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ state: 'open', eligible: 300 });
    const audit = ok(await server.call('GET', `/api/sessions/${hall.sessionId}/audit`, { token: hall.presiderToken }));
    expect(audit.filter((e: any) => e.action === 'ballot.opened')).toHaveLength(1);
  }, 60_000);

  it('committee: 15 of 30 is not enough, 16 of 30 is (more than half)', async () => {
    const hall = await createHall(server, { members: 34, committee: 30, kind: 'committee', checkIn: 15 });
    let s = await getSession(hall.sessionId, hall.presiderToken);
    expect(s).toMatchObject({ kind: 'committee', rosterSize: 30, present: 15, quorum: { num: 1, den: 2, met: false } });
    const ballot = await motion(hall);
    const refused = await server.call('POST', `/api/ballots/${ballot.id}/open`, { token: hall.presiderToken });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('quorum_not_met');

    ok(await checkIn(hall.sessionId, hall.members[15].token));
    s = await getSession(hall.sessionId, hall.presiderToken);
    expect(s).toMatchObject({ rosterSize: 30, present: 16, quorum: { met: true } });
    expect((await server.call('POST', `/api/ballots/${ballot.id}/open`, { token: hall.presiderToken })).status).toBe(200);
  }, 60_000);

  it('a member marked absent again takes the session back below quorum', async () => {
    const hall = await createHall(server, { members: 3, checkIn: 2 });
    expect((await getSession(hall.sessionId, hall.presiderToken)).quorum.met).toBe(true);
    ok(await server.call('PUT', `/api/sessions/${hall.sessionId}/attendance/${hall.members[0].id}`, { token: hall.presiderToken, json: { present: false, note: '因病离会' } }));
    expect((await getSession(hall.sessionId, hall.presiderToken))).toMatchObject({ present: 1, quorum: { met: false } });
    const ballot = await motion(hall);
    const r = await server.call('POST', `/api/ballots/${ballot.id}/open`, { token: hall.presiderToken });
    expect(r.body.error.code).toBe('quorum_not_met');
  });
});
