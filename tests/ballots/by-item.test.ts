// 子项 rated one by one (API.md "Evaluation"): a satisfaction ballot with `byItem: true` rates each item of a
// project with items (option id = item id) and the other projects whole; on publish the project's grade is
// graded from its items' counts summed against base × items and carries `grades[].items`; the box and the
// signed result verify with the independent verifier, which recomputes the project grades.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, publishedBallot, submissionKey, type Hall } from '../helpers/fixtures.js';
import { verifyBox } from '../../scripts/verify-lib.js';

let server: TestServer;
let hall: Hall;
let p0 = '';
let p1 = '';
let items: { id: string; title: string }[] = [];
const p = () => ({ token: hall.presiderToken });
const create = (json: object) => server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { ...p(), json });
const code = async (r: Promise<{ status: number; body: any }>) => { const x = await r; return `${x.status} ${x.body?.error?.code ?? ''}`.trim(); };

beforeAll(async () => {
  server = await startTestServer({ today: '2027-03-25' });
  // four members: base 4, so a project of three items is graded against 12
  hall = await createHall(server, { members: 4, projects: 2, checkIn: 'all' });
  [p0, p1] = hall.projectIds;
  await publishedBallot(server, hall, { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 2 }, () => ({ [p0]: 'yes', [p1]: 'yes' }));
  const r = ok(await server.call('PUT', `/api/projects/${p0}/items`, { token: server.adminToken, json: { items: [{ title: '分诊' }, { title: '救护' }, { title: '随访' }] } })) as any;
  items = r.items;
}, 120_000);
afterAll(async () => server?.close());

describe('a satisfaction ballot rating items one by one', () => {
  it('expands a project with items into its items and keeps a project without items whole', async () => {
    const b = ok(await create({ kind: 'satisfaction', title: '按子项测评', projectIds: [p0, p1], byItem: true, round: 'midyear' })) as any;
    expect(b.byItem).toBe(true);
    expect(b.options.map((o: any) => o.id)).toEqual([...items.map((i) => i.id), p1]);
    expect(b.options[0]).toMatchObject({ title: '项目1 · 分诊', item: { projectId: p0, projectTitle: '项目1', title: '分诊' } });
    expect(b.options[3]).toMatchObject({ id: p1, title: '项目2' });
    expect(b.options[3].item).toBeUndefined();
    ok(await server.call('POST', `/api/ballots/${b.id}/cancel`, { ...p(), json: { reason: '重新设置' } }));
    // without byItem the same projects are rated whole
    const plain = ok(await create({ kind: 'satisfaction', title: '整体测评', projectIds: [p0, p1] })) as any;
    expect(plain.byItem).toBe(false);
    expect(plain.options.map((o: any) => o.id)).toEqual([p0, p1]);
    ok(await server.call('POST', `/api/ballots/${plain.id}/cancel`, { ...p(), json: { reason: '重新设置' } }));
  });

  it('refuses byItem outside a satisfaction ballot', async () => {
    expect(await code(create({ kind: 'selection', title: '票决', projectIds: [p0], seats: 1, byItem: true }))).toBe('422 invalid_input');
    expect(await code(create({ kind: 'motion', title: '议案', question: '是否同意', byItem: true }))).toBe('422 invalid_input');
    expect(await code(create({ kind: 'evaluation', title: '评议', form: 'grade', subjects: [{ kind: 'department', name: '县教育局' }], byItem: true }))).toBe('422 invalid_input');
  });

  it('publishes item grades into grades[].items, the project graded from the summed counts, and verifies', async () => {
    const [a, b, c] = items.map((i) => i.id);
    // item a: 3 满意 of base 4 → 满意; item b: 2 满意 (exactly half) + 2 基本 → 基本满意; item c: 2 满意 2 不满意 → 不满意
    // project: 满意 7 of 12 → 满意 (more than half of base × 3); p1 whole: 1 满意 1 基本 → 不满意 (2 of 4 is exactly half)
    const votes = [
      { [a]: 'satisfied', [b]: 'satisfied', [c]: 'satisfied', [p1]: 'satisfied' },
      { [a]: 'satisfied', [b]: 'satisfied', [c]: 'satisfied', [p1]: 'basic' },
      { [a]: 'satisfied', [b]: 'basic', [c]: 'unsatisfied', [p1]: 'unsatisfied' },
      { [a]: 'basic', [b]: 'basic', [c]: 'unsatisfied', [p1]: 'unsatisfied' },
    ];
    const id = await publishedBallot(server, hall, { kind: 'satisfaction', title: '年中按子项测评', projectIds: [p0, p1], byItem: true, round: 'midyear' }, (i) => votes[i]);
    const result = ok(await server.call('GET', `/api/ballots/${id}/result`)) as any;
    expect(result).toMatchObject({ kind: 'satisfaction', byItem: true, base: 4 });
    expect(result.projects.map((x: any) => [x.id, x.grade, x.satisfied, x.basic, x.unsatisfied])).toEqual([[p0, '满意', 7, 3, 2], [p1, '不满意', 1, 1, 2]]);

    const project = ok(await server.call('GET', `/api/projects/${p0}/implementation`, { token: server.adminToken })) as any;
    const grade = project.grades.find((g: any) => g.ballotId === id);
    expect(grade).toMatchObject({ round: 'midyear', grade: '满意', satisfied: 7, basic: 3, unsatisfied: 2, base: 4 });
    expect(grade.items).toEqual([
      { itemId: a, title: '分诊', grade: '满意', rate: 1, satisfied: 3, basic: 1, unsatisfied: 0 },
      { itemId: b, title: '救护', grade: '基本满意', rate: 1, satisfied: 2, basic: 2, unsatisfied: 0 },
      { itemId: c, title: '随访', grade: '不满意', rate: 0.5, satisfied: 2, basic: 0, unsatisfied: 2 },
    ]);
    // the project without items fell back to the whole project: a grade of its own, no items
    const whole = (ok(await server.call('GET', `/api/projects/${p1}/implementation`, { token: server.adminToken })) as any).grades.find((g: any) => g.ballotId === id);
    expect(whole).toMatchObject({ grade: '不满意', satisfied: 1, basic: 1, unsatisfied: 2 });
    expect(whole.items).toBeUndefined();
    // the public page shows the item grades as well
    const page = ok(await server.call('GET', `/api/public/projects/${p0}`)) as any;
    expect(page.grades.find((g: any) => g.ballotId === id).items.map((i: any) => i.grade)).toEqual(['满意', '基本满意', '不满意']);

    const [box, jws, jwks] = await Promise.all([
      server.call('GET', `/api/ballots/${id}/box`), server.call('GET', `/api/ballots/${id}/result.jws`), server.call('GET', '/api/public/keys'),
    ]);
    expect((box.body as any).ballot).toMatchObject({ byItem: true });
    expect((box.body as any).ballot.options[0].item).toEqual({ projectId: p0, projectTitle: '项目1', title: '分诊' });
    const report = await verifyBox(box.body, { jws: jws.body as string, jwks: jwks.body, result });
    expect(report.checks.filter((x) => !x.ok)).toEqual([]);
    expect(report.recomputed).toMatchObject({ byItem: true, projects: result.projects });
    // moving an item to another project in the manifest changes the recomputed project grades: it no longer verifies
    const forged = structuredClone(box.body) as any;
    forged.ballot.options[2].item.projectId = 'elsewhere';
    expect((await verifyBox(forged, { jws: jws.body as string, jwks: jwks.body, result })).ok).toBe(false);
  });

  it('a member must rate every item', async () => {
    const b = ok(await create({ kind: 'satisfaction', title: '按子项测评', projectIds: [p0, p1], byItem: true })) as any;
    ok(await server.call('POST', `/api/ballots/${b.id}/open`, p()));
    const vote = (choices: object) => server.call('POST', `/api/ballots/${b.id}/votes`, { token: hall.members[0].token, json: { submissionKey: submissionKey(), choices } });
    // rating the project whole is not rating its items
    expect(await code(vote({ [p0]: 'satisfied', [p1]: 'satisfied' }))).toBe('422 invalid_input');
    ok(await server.call('POST', `/api/ballots/${b.id}/cancel`, { ...p(), json: { reason: '结束' } }));
  });
});
