// 听取报告 (docs/API.md "Hearings", an extension of "Evaluation"): a session's agenda of 专项报告 and 述职 heard
// before an evaluation ballot — who may read and write it, the refusals with their codes, the order, the lock
// once the ballot closes, the document upload, and the trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, departmentToken, ok, submissionKey, type Hall } from '../helpers/fixtures.js';

let server: TestServer;
let hall: Hall;
let other: Hall;
let evalBallot: string;
let docId: string;
const p = () => ({ token: hall.presiderToken });
const code = async (r: Promise<{ status: number; body: any }>) => { const x = await r; return `${x.status} ${x.body?.error?.code ?? ''}`.trim(); };
const pdf = (text = 'report') => new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const upload = (token: string, bytes: Uint8Array | string, type = 'application/pdf') =>
  server.call('POST', '/api/files/documents', { token, body: bytes as unknown as BodyInit, headers: { 'content-type': type } });
const add = (json: object, o = p(), sessionId = hall.sessionId) => server.call('POST', `/api/sessions/${sessionId}/hearings`, { ...o, json });
const list = (o: { token: string } = p(), sessionId = hall.sessionId) => server.call('GET', `/api/sessions/${sessionId}/hearings`, o);
const evaluation = (h: Hall, title = '部门评议') => server.call('POST', `/api/sessions/${h.sessionId}/ballots`, {
  token: h.presiderToken, json: { kind: 'evaluation', title, form: 'grade', subjects: [{ kind: 'department', name: '县教育局' }] },
});

beforeAll(async () => {
  server = await startTestServer();
  hall = await createHall(server, { members: 4, projects: 1, checkIn: 'all' });
  other = await createHall(server, { members: 2 });
  evalBallot = ok(await evaluation(hall)).id;
}, 120_000);
afterAll(async () => server?.close());

describe('the document', () => {
  it('takes a PDF from staff and serves it as sent, sandboxed, with no thumbnail', async () => {
    const bytes = pdf('述职报告');
    const doc = ok(await upload(hall.presiderToken, bytes));
    expect(doc).toMatchObject({ url: `/api/files/${doc.id}`, mime: 'application/pdf', size: bytes.length });
    docId = doc.id;
    const served = await server.call('GET', doc.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-security-policy')).toBe('sandbox');
    expect(await code(server.call('GET', `${doc.url}/thumb`))).toBe('404 not_found');
  });

  it('refuses what is not a PDF, and callers who are not staff', async () => {
    expect(await code(upload(hall.presiderToken, pdf(), 'text/html'))).toBe('415 unsupported_media_type');
    expect(await code(upload(hall.presiderToken, '<html>%PDF-</html>'))).toBe('422 invalid_document');
    expect(await code(upload(hall.presiderToken, '%PDF-1.4 cut off'))).toBe('422 invalid_document');
    expect(await code(upload(hall.presiderToken, ''))).toBe('422 invalid_document');
    expect(await code(upload(hall.members[0].token, pdf()))).toBe('403 forbidden');
    expect(await code(upload(await departmentToken(server, hall.bodyId, '县教育局'), pdf()))).toBe('403 forbidden');
    expect(await code(server.call('POST', '/api/files/documents', { body: pdf() as unknown as BodyInit, headers: { 'content-type': 'application/pdf' } }))).toBe('401 unauthorized');
  });
});

describe('the agenda', () => {
  let special: any;
  let duty: any;

  it('adds a 专项报告 and a 述职, in order, with their reporters, document and ballot', async () => {
    special = ok(await add({ kind: 'special_report', title: '关于教育工作情况的专项报告', reporter: { name: '王局长', post: '县教育局局长' }, ballotId: evalBallot }));
    expect(special).toMatchObject({ position: 1, kind: 'special_report', reporter: { name: '王局长', post: '县教育局局长', memberId: null }, document: null, ballot: { id: evalBallot, title: '部门评议', state: 'draft' } });
    const m = hall.members[1];
    duty = ok(await add({ kind: 'duty_report', title: '代表履职情况报告', reporter: { memberId: m.id }, fileId: docId, ballotId: evalBallot }, { token: server.adminToken }));
    expect(duty).toMatchObject({ position: 2, reporter: { name: m.name, post: null, memberId: m.id }, document: { id: docId, url: `/api/files/${docId}` } });
    // a third put first: the others move down
    const first = ok(await add({ kind: 'special_report', title: '开场报告', reporter: { name: '李主任' }, position: 1 }));
    expect(first.position).toBe(1);
    expect(ok(await list()).map((h: any) => [h.title, h.position])).toEqual([['开场报告', 1], ['关于教育工作情况的专项报告', 2], ['代表履职情况报告', 3]]);
  });

  it('is read by the roster\'s members and the session\'s screen, not by other bodies, departments or the public', async () => {
    expect(ok(await list({ token: hall.members[0].token }))).toHaveLength(3);
    const screen = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, p())).token;
    expect(ok(await list({ token: screen }))).toHaveLength(3);
    expect(await code(list({ token: other.members[0].token }))).toBe('403 forbidden');
    expect(await code(list({ token: other.presiderToken }))).toBe('403 other_body');
    expect(await code(list({ token: await departmentToken(server, hall.bodyId, '县教育局') }))).toBe('403 forbidden');
    expect(await code(server.call('GET', `/api/sessions/${hall.sessionId}/hearings`))).toBe('401 unauthorized');
    expect(await code(list(p(), 'nosuchsession'))).toBe('404 not_found');
  });

  it('refuses a ballot that is not an evaluation of this session, a reporter of another body, an unknown document, bad input', async () => {
    const base = { kind: 'special_report', title: '报告', reporter: { name: '张三' } };
    const selection = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { ...p(), json: { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 1 } })).id;
    const elsewhere = ok(await evaluation(other)).id;
    expect(await code(add({ ...base, ballotId: selection }))).toBe('422 not_evaluation_ballot');
    expect(await code(add({ ...base, ballotId: elsewhere }))).toBe('422 not_evaluation_ballot');
    expect(await code(add({ ...base, ballotId: 'nosuchballot' }))).toBe('422 not_evaluation_ballot');
    expect(await code(add({ kind: 'duty_report', title: '述职', reporter: { memberId: other.members[0].id } }))).toBe('422 reporter_not_member');
    expect(await code(add({ kind: 'duty_report', title: '述职', reporter: { memberId: 'nosuchmember' } }))).toBe('422 reporter_not_member');
    expect(await code(add({ ...base, fileId: 'nosuchfile' }))).toBe('422 unknown_document');
    for (const bad of [
      { ...base, kind: 'speech' },
      { ...base, title: '' },
      { ...base, reporter: {} },
      { ...base, reporter: { name: '张三', memberId: hall.members[0].id } },
      { kind: 'duty_report', title: '述职', reporter: { name: '张三' } },
      { ...base, position: 0 },
      { ...base, extra: 1 },
    ]) expect(await code(add(bad)), JSON.stringify(bad)).toBe('422 invalid_input');
    expect(await code(add(base, { token: hall.members[0].token }))).toBe('403 forbidden');
    expect(await code(add(base, { token: other.presiderToken }))).toBe('403 other_body');
    expect(ok(await list())).toHaveLength(3);
  });

  it('edits and reorders a hearing, removes one and the others close ranks, each with a trail entry', async () => {
    const edited = ok(await server.call('PUT', `/api/hearings/${special.id}`, { ...p(), json: { kind: 'special_report', title: '教育工作专项报告', reporter: { name: '王局长', post: '局长' }, ballotId: evalBallot, fileId: docId, position: 1 } }));
    expect(edited).toMatchObject({ title: '教育工作专项报告', position: 1, document: { id: docId } });
    const opening = ok(await list())[1];
    expect(opening.title).toBe('开场报告');
    ok(await server.call('POST', `/api/hearings/${opening.id}/remove`, p()));
    expect(ok(await list()).map((h: any) => [h.title, h.position])).toEqual([['教育工作专项报告', 1], ['代表履职情况报告', 2]]);
    expect(await code(server.call('POST', `/api/hearings/${opening.id}/remove`, p()))).toBe('404 not_found');
    const trail = ok(await server.call('GET', `/api/sessions/${hall.sessionId}/audit`, p()));
    const actions = (Array.isArray(trail) ? trail : trail.items).map((e: any) => e.action).filter((a: string) => a.startsWith('hearing.'));
    expect(actions).toEqual(['hearing.added', 'hearing.added', 'hearing.added', 'hearing.updated', 'hearing.removed']);
  });

  it('is locked once its ballot is closed: no edit, no removal, no new hearing before it', async () => {
    const b = { token: hall.presiderToken };
    ok(await server.call('POST', `/api/ballots/${evalBallot}/open`, b));
    const opt = ok(await server.call('GET', `/api/ballots/${evalBallot}`, b)).options[0].id;
    for (const m of hall.members) ok(await server.call('POST', `/api/ballots/${evalBallot}/votes`, { token: m.token, json: { submissionKey: submissionKey(), choices: { [opt]: 'satisfied' } } }));
    // while it is open a hearing still changes (a document attached late)
    ok(await server.call('PUT', `/api/hearings/${duty.id}`, { ...p(), json: { kind: 'duty_report', title: '代表履职情况报告', reporter: { memberId: hall.members[1].id }, fileId: docId, ballotId: evalBallot } }));
    ok(await server.call('POST', `/api/ballots/${evalBallot}/close`, b));
    expect(await code(server.call('PUT', `/api/hearings/${duty.id}`, { ...p(), json: { kind: 'duty_report', title: '改', reporter: { memberId: hall.members[1].id } } }))).toBe('409 hearing_locked');
    expect(await code(server.call('POST', `/api/hearings/${duty.id}/remove`, p()))).toBe('409 hearing_locked');
    expect(await code(add({ kind: 'special_report', title: '迟到的报告', reporter: { name: '赵' }, ballotId: evalBallot }))).toBe('409 hearing_locked');
    const after = ok(await list());
    expect(after.map((h: any) => h.ballot.state)).toEqual(['closed', 'closed']);
    expect(after[1].title).toBe('代表履职情况报告');
  });

  it('refuses every change once the session has ended', async () => {
    const h = ok(await add({ kind: 'special_report', title: '会后补充', reporter: { name: '钱' } }));
    ok(await server.call('POST', `/api/sessions/${hall.sessionId}/end`, p()));
    expect(await code(add({ kind: 'special_report', title: '再补充', reporter: { name: '钱' } }))).toBe('409 session_ended');
    expect(await code(server.call('POST', `/api/hearings/${h.id}/remove`, p()))).toBe('409 session_ended');
    expect(ok(await list())).toHaveLength(3);
  });
});
