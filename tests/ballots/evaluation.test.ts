// 评议 (API.md "Evaluation"): evaluation ballots over departments and representatives, graded or scored in secret;
// means, ranks shared by equal means, 红黄黑旗; the box verifies with the independent verifier; the notice and the
// public evaluations say the same; bad definitions and bad scores are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, submissionKey, type Hall } from '../helpers/fixtures.js';
import { verifyBox } from '../../scripts/verify-lib.js';

let server: TestServer;
let hall: Hall;
const p = () => ({ token: hall.presiderToken });
const create = (json: object) => server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { ...p(), json });
const code = async (r: Promise<{ status: number; body: any }>) => { const x = await r; return `${x.status} ${x.body?.error?.code ?? ''}`.trim(); };
const departments = [{ kind: 'department', name: '县教育局' }, { kind: 'department', name: '县卫健委' }, { kind: 'department', name: '县交通运输局' }, { kind: 'department', name: '县住建局' }];

beforeAll(async () => {
  server = await startTestServer();
  hall = await createHall(server, { members: 5, projects: 1, checkIn: 'all' });
}, 120_000);
afterAll(async () => server?.close());

describe('an evaluation by secret scores (无记名打分)', () => {
  let ids: string[] = [];
  // five members score four departments: means 90, 80, 80, 60 → ranks 1, 2, 2, 4
  const scores = [[90, 80, 70, 60], [90, 80, 90, 60], [90, 80, 80, 60], [90, 80, 80, 60], [90, 80, 80, 60]];

  it('scores every subject, ranks equal means alike, and flags the top and the bottom', async () => {
    const draft = ok(await create({ kind: 'evaluation', title: '2027 年度部门评议', form: 'score', subjects: departments, flags: { red: 1, black: 1 } }));
    expect(draft).toMatchObject({ kind: 'evaluation', form: 'score', scale: { min: 0, max: 100 }, flags: { red: 1, black: 1 } });
    expect(draft.options.map((o: { title: string }) => o.title)).toEqual(departments.map((d) => d.name));
    ok(await server.call('POST', `/api/ballots/${draft.id}/cancel`, { ...p(), json: { reason: '重新设置' } }));
  });

  it('refuses definitions that do not hold together', async () => {
    for (const bad of [
      { kind: 'evaluation', title: '评议', form: 'score' },
      { kind: 'evaluation', title: '评议', subjects: departments },
      { kind: 'evaluation', title: '评议', form: 'per_candidate', subjects: departments },
      { kind: 'evaluation', title: '评议', form: 'grade', subjects: departments, flags: { red: 1, black: 1 } },
      { kind: 'evaluation', title: '评议', form: 'score', subjects: departments, scale: { min: 10, max: 10 } },
      { kind: 'evaluation', title: '评议', form: 'score', subjects: departments, flags: { red: 3, black: 2 } },
      { kind: 'evaluation', title: '评议', form: 'score', subjects: [...departments, departments[0]] },
      { kind: 'evaluation', title: '评议', form: 'grade', subjects: [{ kind: 'member', memberId: 'nosuchmember' }] },
      { kind: 'evaluation', title: '评议', form: 'score', subjects: departments, projectIds: hall.projectIds },
      { kind: 'selection', title: '票决', form: 'score', projectIds: hall.projectIds, seats: 1 },
      { kind: 'satisfaction', title: '测评', projectIds: hall.projectIds, subjects: departments },
    ]) expect(await code(create(bad)), JSON.stringify(bad)).toBe('422 invalid_input');
  });

  it('publishes a result the verifier recomputes, with the notice and the public list agreeing', async () => {
    const b = ok(await create({ kind: 'evaluation', title: '部门评议', form: 'score', subjects: departments, flags: { red: 1, black: 1 } }));
    ids = b.options.map((o: { id: string }) => o.id);
    ok(await server.call('POST', `/api/ballots/${b.id}/open`, p()));
    const vote = (i: number, choices: unknown) => server.call('POST', `/api/ballots/${b.id}/votes`, { token: hall.members[i].token, json: { submissionKey: submissionKey(), choices } });
    // refusals: a score out of the scale, a fraction, a subject left out
    expect(await code(vote(0, { [ids[0]]: 101, [ids[1]]: 1, [ids[2]]: 1, [ids[3]]: 1 }))).toBe('422 invalid_input');
    expect(await code(vote(0, { [ids[0]]: 90.5, [ids[1]]: 1, [ids[2]]: 1, [ids[3]]: 1 }))).toBe('422 invalid_input');
    expect(await code(vote(0, { [ids[0]]: 90, [ids[1]]: 80 }))).toBe('422 invalid_input');
    for (const [i, s] of scores.entries()) ok(await vote(i, Object.fromEntries(ids.map((id, j) => [id, s[j]]))));
    ok(await server.call('POST', `/api/ballots/${b.id}/close`, p()));
    ok(await server.call('POST', `/api/ballots/${b.id}/publish`, p()));
    const result = ok(await server.call('GET', `/api/ballots/${b.id}/result`));
    expect(result).toMatchObject({ kind: 'evaluation', form: 'score', cast: 5 });
    expect(result.options.map((o: any) => [o.title, o.mean, o.rank, o.flag])).toEqual([
      ['县教育局', 90, 1, 'red'], ['县卫健委', 80, 2, 'yellow'], ['县交通运输局', 80, 2, 'yellow'], ['县住建局', 60, 4, 'black'],
    ]);
    const [box, jws, jwks] = await Promise.all([
      server.call('GET', `/api/ballots/${b.id}/box`), server.call('GET', `/api/ballots/${b.id}/result.jws`), server.call('GET', '/api/public/keys'),
    ]);
    const report = await verifyBox(box.body, { jws: jws.body as string, jwks: jwks.body, result });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    // a box whose scores were changed no longer verifies
    const forged = structuredClone(box.body);
    forged.entries[0].choices[ids[3]] = 100;
    expect((await verifyBox(forged, { jws: jws.body as string, jwks: jwks.body })).ok).toBe(false);

    const notice = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/notices`, { ...p(), json: { ballotId: b.id } }));
    expect(notice.text).toContain('县教育局：平均得分 90.00 分，名次第 1，红旗');
    expect(notice.text).toContain('县住建局：平均得分 60.00 分，名次第 4，黑旗');
    const year = new Date(result.publishedAt ?? Date.now()).getFullYear();
    const list = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/evaluations?year=${year}`));
    const mine = list.find((e: any) => e.ballotId === b.id);
    expect(mine.subjects[0]).toEqual({ kind: 'department', name: '县教育局', mean: 90, rank: 1, flag: 'red' });
    expect(ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/evaluations?year=2001`))).toEqual([]);
  });
});

describe('an evaluation by grades (述职评议)', () => {
  it('grades representatives by the satisfaction rule and names them', async () => {
    const subjects = [{ kind: 'member', memberId: hall.members[0].id }, { kind: 'member', memberId: hall.members[1].id }];
    const b = ok(await create({ kind: 'evaluation', title: '代表述职评议', form: 'grade', subjects }));
    const [a, c] = b.options.map((o: { id: string }) => o.id);
    ok(await server.call('POST', `/api/ballots/${b.id}/open`, p()));
    for (const [i, m] of hall.members.entries()) {
      ok(await server.call('POST', `/api/ballots/${b.id}/votes`, { token: m.token, json: { submissionKey: submissionKey(), choices: { [a]: i < 3 ? 'satisfied' : 'basic', [c]: i < 2 ? 'basic' : 'unsatisfied' } } }));
    }
    ok(await server.call('POST', `/api/ballots/${b.id}/close`, p()));
    ok(await server.call('POST', `/api/ballots/${b.id}/publish`, p()));
    const result = ok(await server.call('GET', `/api/ballots/${b.id}/result`));
    expect(result.options.map((o: any) => [o.title, o.grade, o.satisfied, o.basic, o.unsatisfied])).toEqual([
      [hall.members[0].name, '满意', 3, 2, 0], [hall.members[1].name, '不满意', 0, 2, 3],
    ]);
    const box = ok(await server.call('GET', `/api/ballots/${b.id}/box`));
    expect((await verifyBox(box, { result })).ok).toBe(true);
    const list = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/evaluations`));
    expect(list.find((e: any) => e.ballotId === b.id).subjects).toEqual([
      { kind: 'member', name: hall.members[0].name, grade: '满意', rate: 1, satisfied: 3, basic: 2, unsatisfied: 0 },
      { kind: 'member', name: hall.members[1].name, grade: '不满意', rate: 0.4, satisfied: 0, basic: 2, unsatisfied: 3 },
    ]);
  });
});
