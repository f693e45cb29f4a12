// Screening (API.md "Collection and screening", issue 12): projects from suggestions, assessments,
// candidate lists and their approval, the vote from the list, write-back on publish, and notices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, submissionKey, type Hall } from '../helpers/fixtures.js';

let server: TestServer;
let hall: Hall;
let other: Hall;
let admin = '';
let edu = '';
let health = '';
const day = 86_400_000;

async function departmentToken(bodyId: string, department: string) {
  const username = `d${Math.random().toString(36).slice(2, 10)}`;
  ok(await server.call('POST', '/api/users', { token: admin, json: { username, password: 'dept-password', role: 'department', bodyId, department } }));
  return ok(await server.call('POST', '/api/auth/login', { json: { username, password: 'dept-password' } })).token as string;
}
const project = async (bodyId: string, title: string, extra: Record<string, unknown> = {}) =>
  ok(await server.call('POST', `/api/bodies/${bodyId}/projects`, { token: admin, json: { year: 2027, title, description: '说明', category: '教育', department: '县教育局', ...extra } }));
const assess = (id: string, token: string, feasible = true, extra: Record<string, unknown> = {}) =>
  server.call('PUT', `/api/projects/${id}/assessment`, { token, json: { feasible, reason: feasible ? '条件具备' : '当年无法完成', investment: 300, completionDate: '2027-12-31', ...extra } });
const suggest = async (title: string) => ok(await server.call('POST', `/api/bodies/${hall.bodyId}/suggestions`, { token: admin, json: { title, description: '说明', category: '教育' } }));

beforeAll(async () => {
  server = await startTestServer();
  admin = server.adminToken;
  hall = await createHall(server, { members: 10, checkIn: 'all' });
  other = await createHall(server, { members: 1 });
  edu = await departmentToken(hall.bodyId, '县教育局');
  health = await departmentToken(hall.bodyId, '县卫健委');
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: admin, json: { year: 2027, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString() } }));
}, 120_000);
afterAll(async () => server?.close());

describe('projects from suggestions', () => {
  it('adopts suggestions, sums their supporters, links both ways', async () => {
    const [a, b, c] = [await suggest('学校门口护学岗'), await suggest('校门口安全'), await suggest('学校安全护学')];
    ok(await server.call('POST', `/api/suggestions/${c.id}/merge`, { token: admin, json: { into: b.id } }));
    const p = await project(hall.bodyId, '校园周边安全', { suggestionIds: [a.id, b.id] });
    expect(p).toMatchObject({ status: 'draft', supporters: 3 });
    expect([...p.suggestionIds].sort()).toEqual([a.id, b.id].sort());
    const tracked = ok(await server.call('GET', `/api/suggestions/${a.trackingCode}`));
    expect(tracked.status).toBe('adopted');
    expect(tracked.history.at(-1)).toMatchObject({ status: 'adopted', note: '校园周边安全' });
    // adopted already, merged, unknown, another body
    expect((await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2027, title: 'x', description: 'x', category: '教育', department: 'x', suggestionIds: [a.id] } })).body.error.code).toBe('suggestion_adopted');
    const merged = await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2027, title: 'x', description: 'x', category: '教育', department: 'x', suggestionIds: [c.id] } });
    expect([merged.status, merged.body.error.code]).toEqual([409, 'already_merged']);
    const unknown = await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2027, title: 'x', description: 'x', category: '教育', department: 'x', suggestionIds: ['zzzzzzzzzzzzzzzz'] } });
    expect(unknown.status).toBe(422);
    const d = await suggest('另一条建议');
    const across = await server.call('POST', `/api/bodies/${other.bodyId}/projects`, { token: admin, json: { year: 2027, title: 'x', description: 'x', category: '教育', department: 'x', suggestionIds: [d.id] } });
    expect(across.status).toBe(422);
    // nothing half-done: the refused requests left d received and made no project
    expect(ok(await server.call('GET', `/api/suggestions/${d.trackingCode}`)).status).toBe('received');
  });

  it('edits and withdraws a draft; its suggestions go back to received', async () => {
    const s = await suggest('图书馆延长开放');
    const p = await project(hall.bodyId, '图书馆', { suggestionIds: [s.id] });
    const edited = ok(await server.call('PUT', `/api/projects/${p.id}`, { token: admin, json: { title: '县图书馆延时开放', investment: 50 } }));
    expect(edited).toMatchObject({ title: '县图书馆延时开放', investment: 50, supporters: 1 });
    expect((await server.call('PUT', `/api/projects/${p.id}`, { token: hall.presiderToken, json: { title: 'x' } })).status).toBe(403);
    const w = ok(await server.call('POST', `/api/projects/${p.id}/withdraw`, { token: admin }));
    expect(w).toMatchObject({ status: 'withdrawn', supporters: 0 });
    const t = ok(await server.call('GET', `/api/suggestions/${s.trackingCode}`));
    expect(t.status).toBe('received');
    expect(t.history.at(-1).status).toBe('received');
    expect((await server.call('PUT', `/api/projects/${p.id}`, { token: admin, json: { title: 'y' } })).body.error.code).toBe('project_locked');
  });
});

describe('assessment, list, vote, write-back, notices', () => {
  const ids: string[] = [];
  let infeasible = '';
  let listId = '';
  let ballotId = '';
  let idea = { id: '', trackingCode: '' };

  it('the own department assesses; another department or the presider is refused', async () => {
    for (let i = 0; i < 12; i++) ids.push((await project(hall.bodyId, `候选${i + 1}`)).id);
    idea = await suggest('建设县大剧院');
    infeasible = (await project(hall.bodyId, '县大剧院', { suggestionIds: [idea.id] })).id;
    const foreign = await project(hall.bodyId, '乡镇卫生院', { department: '县卫健委' });
    expect((await assess(ids[0], health)).status).toBe(403);
    expect((await assess(ids[0], hall.presiderToken)).status).toBe(403);
    expect((await assess(ids[0], edu, true, { completionDate: '2027-02-30' })).status).toBe(422);
    expect((await assess(ids[0], edu, true, { reason: '' })).status).toBe(422);
    const a = ok(await assess(ids[0], edu, true, { fundingSource: '县级财政', targets: ['新增学位 200 个'] }));
    expect(a).toMatchObject({ status: 'assessed', investment: 300, assessment: { feasible: true, fundingSource: '县级财政', completionDate: '2027-12-31', targets: ['新增学位 200 个'] } });
    for (const id of ids.slice(1)) ok(await assess(id, admin));
    expect(ok(await assess(infeasible, edu, false, { reason: '投资超过年度财力，当年内无法完成' })).status).toBe('infeasible');
    // the department's worklist and its filtered list hold only its own projects
    const mine = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/projects?department=mine`, { token: health }));
    expect(mine.map((p: { id: string }) => p.id)).toEqual([foreign.id]);
    const work = ok(await server.call('GET', '/api/me/assessments', { token: health }));
    expect(work).toHaveLength(1);
    expect(work[0]).toMatchObject({ id: foreign.id, waiting: true });
    const staff = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/projects?year=2027`, { token: hall.presiderToken }));
    expect(staff.find((p: { id: string }) => p.id === infeasible).assessment.reason).toBe('投资超过年度财力，当年内无法完成');
  });

  it('keeps an exclusion checklist per project', async () => {
    const r = ok(await server.call('PUT', `/api/projects/${infeasible}/screening`, { token: admin, json: { exclusions: { notWithinYear: true, debtRisk: false }, note: '跨年度工程' } }));
    expect(r.screening).toMatchObject({ exclusions: { notWithinYear: true, debtRisk: false }, note: '跨年度工程' });
    expect((await server.call('PUT', `/api/projects/${infeasible}/screening`, { token: admin, json: { exclusions: { other: true } } })).status).toBe(422);
  });

  it('builds a list: refuses unassessed, warns below 1.2× (exactly 1.2× is fine)', async () => {
    const draft = await project(hall.bodyId, '未评估');
    for (const bad of [draft.id, infeasible]) {
      const r = await server.call('POST', `/api/bodies/${hall.bodyId}/candidate-lists`, { token: admin, json: { year: 2027, projectIds: [...ids.slice(0, 11), bad], seats: 10 } });
      expect([r.status, r.body.error.code]).toEqual([409, 'project_not_assessed']);
    }
    const wrongYear = await server.call('POST', `/api/bodies/${hall.bodyId}/candidate-lists`, { token: admin, json: { year: 2028, projectIds: ids, seats: 10 } });
    expect(wrongYear.body.error.code).toBe('project_not_assessed');
    const below = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/candidate-lists`, { token: admin, json: { year: 2027, projectIds: ids.slice(0, 11), seats: 10 } }));
    expect(below.warnings).toHaveLength(1);
    expect(below.warnings[0].code).toBe('ratio_below');
    const custom = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/candidate-lists`, { token: admin, json: { year: 2027, projectIds: ids, seats: 10, ratio: 1.5 } }));
    expect(custom.warnings).toHaveLength(1);
    const exact = await server.call('POST', `/api/bodies/${hall.bodyId}/candidate-lists`, { token: admin, json: { year: 2027, projectIds: ids, seats: 10 } });
    expect(exact.status).toBe(201);
    expect(exact.body).toMatchObject({ state: 'draft', seats: 10, year: 2027, warnings: [] });
    listId = exact.body.id;
    const early = await server.call('POST', `/api/candidate-lists/${listId}/ballots`, { token: hall.presiderToken, json: { sessionId: hall.sessionId } });
    expect([early.status, early.body.error.code]).toEqual([409, 'list_not_approved']);
    // nothing is public before the approval
    expect(ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/projects?year=2027`))).toEqual([]);
    expect(ok(await server.call('GET', `/api/suggestions/${idea.trackingCode}`)).project).toBeUndefined();
  });

  it('approval makes candidates public, the infeasible one with its reason; again → list_not_draft', async () => {
    const a = ok(await server.call('POST', `/api/candidate-lists/${listId}/approve`, { token: admin, json: { meeting: '第5次主任会议', approvedAt: '2027-01-05' } }));
    expect(a).toMatchObject({ state: 'approved', meeting: '第5次主任会议', approvedAt: '2027-01-05' });
    const again = await server.call('POST', `/api/candidate-lists/${listId}/approve`, { token: admin, json: { meeting: '第6次主任会议' } });
    expect([again.status, again.body.error.code]).toEqual([409, 'list_not_draft']);
    const pub = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/projects?year=2027`));
    expect(pub.filter((p: { status: string }) => p.status === 'candidate')).toHaveLength(12);
    const shown = pub.find((p: { id: string }) => p.id === infeasible);
    expect(shown).toMatchObject({ status: 'infeasible', bodyName: expect.any(String), assessment: { feasible: false, reason: '投资超过年度财力，当年内无法完成' } });
    expect(pub.every((p: Record<string, unknown>) => 'supporters' in p && p.bodyId === hall.bodyId)).toBe(true);
    // the resident who proposed it now sees the project and why it was not taken
    expect(ok(await server.call('GET', `/api/suggestions/${idea.trackingCode}`)).project).toMatchObject({ id: infeasible, status: 'infeasible' });
    expect((await assess(ids[0], edu)).body.error.code).toBe('project_locked');
    expect((await server.call('PUT', `/api/projects/${ids[0]}`, { token: admin, json: { title: 'x' } })).body.error.code).toBe('project_locked');
  });

  it('creates the ballot from the list; publishing writes back, a tie waits for the runoff', async () => {
    const otherSession = await server.call('POST', `/api/candidate-lists/${listId}/ballots`, { token: hall.presiderToken, json: { sessionId: other.sessionId } });
    expect(otherSession.status).toBe(422);
    const b = ok(await server.call('POST', `/api/candidate-lists/${listId}/ballots`, { token: hall.presiderToken, json: { sessionId: hall.sessionId, title: '2027 年度民生实事项目票决' } }));
    expect(b).toMatchObject({ kind: 'selection', state: 'draft', seats: 10 });
    expect(b.options.map((o: { id: string }) => o.id).sort()).toEqual([...ids].sort());
    ballotId = b.id;
    const notYet = await server.call('POST', `/api/sessions/${hall.sessionId}/notices`, { token: hall.presiderToken, json: { ballotId } });
    expect([notYet.status, notYet.body.error.code]).toEqual([409, 'ballot_not_published']);
    ok(await server.call('POST', `/api/ballots/${ballotId}/open`, { token: hall.presiderToken }));
    // 10 members: ids[0..7] get 10 yes; ids[8], ids[9], ids[10] get 8 (tied for 2 seats); ids[11] gets 0
    for (const [i, m] of hall.members.entries()) {
      const choices: Record<string, string> = {};
      ids.forEach((id, k) => { choices[id] = k < 8 || (k <= 10 && i < 8) ? 'yes' : 'no'; });
      ok(await server.call('POST', `/api/ballots/${ballotId}/votes`, { token: m.token, json: { submissionKey: submissionKey(), choices } }));
    }
    const closed = ok(await server.call('POST', `/api/ballots/${ballotId}/close`, { token: hall.presiderToken }));
    expect(closed.result.tied.sort()).toEqual(ids.slice(8, 11).sort());
    const staffBefore = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/projects?year=2027`, { token: admin }));
    expect(staffBefore.filter((p: { status: string }) => p.status === 'selected')).toHaveLength(0); // closed is not published
    ok(await server.call('POST', `/api/ballots/${ballotId}/publish`, { token: hall.presiderToken }));
    const status = async () => new Map((ok(await server.call('GET', `/api/bodies/${hall.bodyId}/projects?year=2027`, { token: admin })) as { id: string; status: string }[]).map((p) => [p.id, p.status]));
    let s = await status();
    expect(ids.slice(0, 8).every((id) => s.get(id) === 'selected')).toBe(true);
    expect(ids.slice(8, 11).map((id) => s.get(id))).toEqual(['candidate', 'candidate', 'candidate']);
    expect(s.get(ids[11])).toBe('not_selected');
    // the runoff for the remaining 2 seats
    const runoff = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token: hall.presiderToken, json: { kind: 'selection', title: '再次投票', runoffOf: ballotId } }));
    ok(await server.call('POST', `/api/ballots/${runoff.id}/open`, { token: hall.presiderToken }));
    for (const [i, m] of hall.members.entries()) {
      const choices = { [ids[8]]: 'yes', [ids[9]]: i < 9 ? 'yes' : 'no', [ids[10]]: i < 3 ? 'yes' : 'no' };
      ok(await server.call('POST', `/api/ballots/${runoff.id}/votes`, { token: m.token, json: { submissionKey: submissionKey(), choices } }));
    }
    ok(await server.call('POST', `/api/ballots/${runoff.id}/close`, { token: hall.presiderToken }));
    s = await status();
    expect(s.get(ids[10])).toBe('candidate');
    ok(await server.call('POST', `/api/ballots/${runoff.id}/publish`, { token: hall.presiderToken }));
    s = await status();
    expect([s.get(ids[8]), s.get(ids[9]), s.get(ids[10])]).toEqual(['selected', 'selected', 'not_selected']);
    const pub = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/projects?year=2027&status=selected`));
    expect(pub).toHaveLength(10);
  });

  it('numbers notices per session, one per ballot, with a text from the result', async () => {
    const n1 = await server.call('POST', `/api/sessions/${hall.sessionId}/notices`, { token: hall.presiderToken, json: { ballotId } });
    expect(n1.status).toBe(201);
    expect(n1.body).toMatchObject({ number: 1, ballotId, title: expect.stringContaining('第1号'), publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) });
    expect(n1.body.text).toContain('候选1（赞成 10 票');
    expect(n1.body.text).toContain('再次投票');
    const same = await server.call('POST', `/api/sessions/${hall.sessionId}/notices`, { token: admin, json: { ballotId } });
    expect([same.status, same.body.id, same.body.number]).toEqual([200, n1.body.id, 1]);
    const wrongSession = await server.call('POST', `/api/sessions/${other.sessionId}/notices`, { token: admin, json: { ballotId } });
    expect(wrongSession.status).toBe(422);
    const list = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/notices`));
    expect(list[0]).toMatchObject({ id: n1.body.id, number: 1, bodyId: hall.bodyId });
    expect(ok(await server.call('GET', `/api/public/notices/${n1.body.id}`)).text).toBe(n1.body.text);
    const jws = await server.call('GET', `/api/public/notices/${n1.body.id}.jws`);
    expect(jws.status).toBe(200);
    expect((await server.call('GET', '/api/public/notices/zzzzzzzzzzzzzzzz.jws')).status).toBe(404);
  });

  it('gives 20 concurrent notices consecutive numbers with no gap or repeat', async () => {
    const session = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/sessions`, { token: admin, json: { name: '并发会议', kind: 'congress', memberIds: [hall.members[0].id] } }));
    ok(await server.call('POST', `/api/sessions/${session.id}/checkin`, { token: hall.members[0].token }));
    const published: string[] = [];
    for (let i = 0; i < 20; i++) {
      const b = ok(await server.call('POST', `/api/sessions/${session.id}/ballots`, { token: admin, json: { kind: 'motion', title: `议案${i}`, question: '是否通过？' } }));
      for (const step of ['open', 'close', 'publish']) ok(await server.call('POST', `/api/ballots/${b.id}/${step}`, { token: admin }));
      published.push(b.id);
    }
    // each ballot asked twice at once: 20 notices, the second ask answers the same one
    const replies = await Promise.all([...published, ...published].map((ballotId) => server.call('POST', `/api/sessions/${session.id}/notices`, { token: admin, json: { ballotId } })));
    expect(replies.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(20);
    const byBallot = new Map<string, number>();
    for (const r of replies) {
      if (byBallot.has(r.body.ballotId)) expect(byBallot.get(r.body.ballotId)).toBe(r.body.number);
      byBallot.set(r.body.ballotId, r.body.number);
    }
    expect([...byBallot.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  }, 60_000);
});
