// Implementation and supervision (API.md last section) on projects made `selected` the real way — a
// published selection ballot: plans, progress with photos, supervision groups, my projects, inspections,
// a satisfaction round that grades on publication (不满意 → rectifying), rectification reports, carry-over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, departmentToken, ok, publishedBallot, type Hall } from '../helpers/fixtures.js';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../server/db/connect.js';
import { shareMeta, withMeta } from '../../server/publication/share-meta.js';

let server: TestServer;
let hall: Hall;
let other: Hall;
let admin = '';
let dept = '';
let otherDept = '';
let p0 = '';
let p1 = '';
let p2 = '';
const plan = { targets: ['新建幼儿园 2 所'], milestones: [{ title: '开工', due: '2027-05-31' }, { title: '主体完工', due: '2027-09-30' }], funding: '县级财政 4200 万元', completionDate: '2027-12-31' };

const ballot = (json: object, choices: (i: number) => object) => publishedBallot(server, hall, json, choices);
const status = async (r: Promise<{ status: number; body: any }>) => { const x = await r; return `${x.status} ${x.body?.error?.code ?? ''}`.trim(); };

beforeAll(async () => {
  // The server's today walks through 2027 with the story (reports and visits are dated up to today).
  server = await startTestServer({ today: '2027-03-25' });
  admin = server.adminToken;
  hall = await createHall(server, { members: 10, projects: 3, checkIn: 'all' });
  other = await createHall(server, { members: 1 });
  [p0, p1, p2] = hall.projectIds;
  dept = await departmentToken(server, hall.bodyId, '教育局');
  otherDept = await departmentToken(server, hall.bodyId, '交通局');
  await ballot({ kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 2 }, () => ({ [p0]: 'yes', [p1]: 'yes', [p2]: 'no' }));
}, 120_000);
afterAll(async () => server?.close());

describe('plans and progress', () => {
  it('the carrying department plans a selected project; others may not', async () => {
    expect(await status(server.call('PUT', `/api/projects/${p0}/plan`, { token: dept, json: plan }))).toBe('200');
    expect(await status(server.call('PUT', `/api/projects/${p0}/plan`, { token: otherDept, json: plan }))).toBe('403 not_your_department');
    expect(await status(server.call('PUT', `/api/projects/${p0}/plan`, { token: hall.presiderToken, json: plan }))).toBe('403 forbidden');
    expect(await status(server.call('PUT', `/api/projects/${p0}/plan`, { token: hall.members[0].token, json: plan }))).toBe('403 forbidden');
    expect(await status(server.call('PUT', `/api/projects/${p2}/plan`, { token: dept, json: plan }))).toBe('409 project_not_selected');
    expect(await status(server.call('PUT', `/api/projects/${p0}/plan`, { token: dept, json: { ...plan, completionDate: '2027-13' } }))).toBe('422 invalid_input');
    expect(await status(server.call('PUT', `/api/projects/${p0}/plan`, { token: dept, json: { ...plan, milestones: [plan.milestones[0], plan.milestones[0]] } }))).toBe('422 invalid_input');
    expect(await status(server.call('PUT', `/api/projects/${p1}/plan`, { token: admin, json: plan }))).toBe('200');
  });

  it('reports progress with a photo; a milestone must be the plan\'s and photos must exist', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 64, height: 48, channels: 3, background: '#393' } }).png().toBuffer());
    const photo = ok(await server.call('POST', '/api/files', { token: dept, body: png as unknown as BodyInit, headers: { 'content-type': 'image/png' } }));
    const r = await server.call('POST', `/api/projects/${p0}/progress`, { token: dept, json: { percent: 30, milestone: '开工', note: '已开工建设', date: '2027-03-20', photos: [photo.id] } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ percent: 30, milestone: '开工', photos: [{ id: photo.id, url: `/api/files/${photo.id}`, thumbUrl: `/api/files/${photo.id}/thumb` }] });
    expect(await status(server.call('POST', `/api/projects/${p0}/progress`, { token: dept, json: { percent: 40, milestone: '竣工', note: 'x', date: '2027-04-01' } }))).toBe('422 invalid_input');
    expect(await status(server.call('POST', `/api/projects/${p0}/progress`, { token: dept, json: { percent: 101, note: 'x', date: '2027-04-01' } }))).toBe('422 invalid_input');
    expect(await status(server.call('POST', `/api/projects/${p0}/progress`, { token: dept, json: { percent: 40, note: 'x', date: '2027-04-01', photos: ['nosuchphoto'] } }))).toBe('422 invalid_input');
    expect(await status(server.call('POST', `/api/projects/${p0}/progress`, { token: otherDept, json: { percent: 40, note: 'x', date: '2027-04-01' } }))).toBe('403 not_your_department');
    expect(await status(server.call('POST', `/api/projects/${p2}/progress`, { token: dept, json: { percent: 40, note: 'x', date: '2027-04-01' } }))).toBe('409 project_not_selected');
  });
});

describe('supervision', () => {
  it('staff set a group of the body\'s members with a lead, and see each member\'s load', async () => {
    const ids = hall.members.slice(0, 3).map((m) => m.id);
    const g = ok(await server.call('PUT', `/api/projects/${p0}/supervisors`, { token: admin, json: { memberIds: ids, leadMemberId: ids[0] } }));
    expect(g.members.map((m: { id: string; lead: boolean; load: number }) => [m.id, m.lead, m.load])).toEqual([[ids[0], true, 1], [ids[1], false, 1], [ids[2], false, 1]]);
    const g2 = ok(await server.call('PUT', `/api/projects/${p1}/supervisors`, { token: admin, json: { memberIds: [ids[0]], leadMemberId: ids[0] } }));
    expect(g2.members[0].load).toBe(2);
    expect(await status(server.call('PUT', `/api/projects/${p0}/supervisors`, { token: admin, json: { memberIds: ids, leadMemberId: hall.members[5].id } }))).toBe('422 invalid_input');
    expect(await status(server.call('PUT', `/api/projects/${p0}/supervisors`, { token: admin, json: { memberIds: [other.members[0].id], leadMemberId: other.members[0].id } }))).toBe('422 invalid_input');
    expect(await status(server.call('PUT', `/api/projects/${p0}/supervisors`, { token: hall.presiderToken, json: { memberIds: ids, leadMemberId: ids[0] } }))).toBe('403 forbidden');
  });

  it('a member sees the projects of their groups; only the group (or staff) records inspections', async () => {
    server.setToday('2027-04-15');
    const mine = ok(await server.call('GET', '/api/me/projects', { token: hall.members[0].token }));
    expect(mine.map((p: { id: string }) => p.id).sort()).toEqual([p0, p1].sort());
    expect(mine.find((p: { id: string }) => p.id === p0)).toMatchObject({ lead: true, percent: 30, lastReport: '2027-03-20' });
    expect(ok(await server.call('GET', '/api/me/projects', { token: hall.members[9].token }))).toEqual([]);
    expect(await status(server.call('GET', '/api/me/projects', { token: dept }))).toBe('403 forbidden');
    const inspection = { date: '2027-04-10', findings: '施工进度正常，现场安全措施到位' };
    expect(await status(server.call('POST', `/api/projects/${p0}/inspections`, { token: hall.members[1].token, json: inspection }))).toBe('201');
    expect(await status(server.call('POST', `/api/projects/${p0}/inspections`, { token: hall.members[9].token, json: inspection }))).toBe('403 not_supervisor');
    expect(await status(server.call('POST', `/api/projects/${p0}/inspections`, { token: admin, json: inspection }))).toBe('201');
    expect(await status(server.call('POST', `/api/projects/${p0}/inspections`, { token: dept, json: inspection }))).toBe('403 forbidden');
    expect(await status(server.call('POST', `/api/projects/${p0}/inspections`, { token: hall.members[1].token, json: { ...inspection, findings: '' } }))).toBe('422 invalid_input');
  });
});

describe('satisfaction rounds, rectification and carry-over', () => {
  it('a published round records each project\'s grade; 不满意 makes it rectifying', async () => {
    expect(await status(server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token: hall.presiderToken, json: { kind: 'motion', title: 'x', question: 'y', round: 'midyear' } }))).toBe('422 invalid_input');
    await ballot({ kind: 'satisfaction', title: '年中测评', projectIds: [p0, p1], round: 'midyear' }, (i) => ({ [p0]: i < 6 ? 'unsatisfied' : 'basic', [p1]: 'satisfied' }));
    const mine = ok(await server.call('GET', '/api/me/projects', { token: hall.members[0].token }));
    expect(Object.fromEntries(mine.map((p: { id: string; execution: string }) => [p.id, p.execution]))).toEqual({ [p0]: 'rectifying', [p1]: 'not_started' });
    const grades = rowsOf<{ project_id: string; round: string; grade: string; satisfied: number; unsatisfied: number }>(
      await server.ctx.db.execute(sql`select project_id, round, grade, satisfied, unsatisfied from project_grades order by grade`));
    expect(grades.map((g) => [g.project_id, g.round, g.grade, g.satisfied, g.unsatisfied]).sort()).toEqual([[p0, 'midyear', '不满意', 0, 6], [p1, 'midyear', '满意', 10, 0]].sort());
  });

  it('takes rectification reports only while rectifying', async () => {
    server.setToday('2027-07-25');
    expect(await status(server.call('POST', `/api/projects/${p0}/rectifications`, { token: dept, json: { note: '已按测评意见整改', date: '2027-07-20' } }))).toBe('201');
    expect(await status(server.call('POST', `/api/projects/${p1}/rectifications`, { token: dept, json: { note: 'x', date: '2027-07-20' } }))).toBe('409 not_rectifying');
    expect(await status(server.call('POST', `/api/projects/${p0}/rectifications`, { token: otherDept, json: { note: 'x', date: '2027-07-20' } }))).toBe('403 not_your_department');
  });

  it('a later, better round ends rectification', async () => {
    await ballot({ kind: 'satisfaction', title: '整改测评', projectIds: [p0], round: 'rectification' }, () => ({ [p0]: 'satisfied' }));
    const mine = ok(await server.call('GET', '/api/me/projects', { token: hall.members[0].token }));
    expect(mine.find((p: { id: string }) => p.id === p0).execution).toBe('in_progress');
  });

  it('carries an unfinished project into next year, never a finished one', async () => {
    ok(await server.call('POST', `/api/projects/${p1}/progress`, { token: dept, json: { percent: 100, note: '全面完工', date: '2027-07-25' } }));
    expect(await status(server.call('POST', `/api/projects/${p1}/carry-over`, { token: admin, json: { toYear: 2028 } }))).toBe('409 project_done');
    expect(await status(server.call('POST', `/api/projects/${p0}/carry-over`, { token: admin, json: { toYear: 2027 } }))).toBe('422 invalid_input');
    expect(await status(server.call('POST', `/api/projects/${p0}/carry-over`, { token: dept, json: { toYear: 2028 } }))).toBe('403 forbidden');
    const c = ok(await server.call('POST', `/api/projects/${p0}/carry-over`, { token: admin, json: { toYear: 2028 } }));
    expect(c).toMatchObject({ id: p0, carriedOverFrom: 2027, carriedOverTo: 2028 });
  });
});

describe('the year\'s overview and one project\'s implementation', () => {
  it('lists the year\'s projects with execution, group, inspections and grades, and sums the dashboard', async () => {
    const y = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/implementation?year=2027`, { token: hall.presiderToken }));
    expect(y.projects.map((p: { id: string }) => p.id).sort()).toEqual([p0, p1].sort());
    const a = y.projects.find((p: { id: string }) => p.id === p0);
    expect(a).toMatchObject({ execution: 'in_progress', groupSize: 3, inspections: 2, lastInspection: '2027-04-10', rectifications: 1, carriedOverFrom: null, carriedOverTo: 2028 });
    expect(a.grades.map((g: { round: string; grade: string }) => [g.round, g.grade])).toEqual([['midyear', '不满意'], ['rectification', '满意']]);
    expect(a.group.find((m: { lead: boolean }) => m.lead)).toMatchObject({ id: hall.members[0].id, load: 2 });
    expect(y.dashboard.byExecution).toMatchObject({ in_progress: 1, done: 1 });
    expect(y.dashboard.gradesByRound.midyear).toEqual({ 满意: 1, 基本满意: 0, 不满意: 1 });
    expect(y.dashboard.coverage.withoutGroup).toBe(0);
    // The carried-over project appears in the next year's list too, marked where it came from.
    const next = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/implementation?year=2028`, { token: admin }));
    expect(next.projects.map((p: { id: string; carriedOverFrom: number }) => [p.id, p.carriedOverFrom])).toEqual([[p0, 2027]]);
    expect(await status(server.call('GET', `/api/bodies/${hall.bodyId}/implementation?year=20x`, { token: admin }))).toBe('422 invalid_input');
    expect(await status(server.call('GET', `/api/bodies/${hall.bodyId}/implementation`, { token: dept }))).toBe('403 forbidden');
    expect(await status(server.call('GET', `/api/bodies/${hall.bodyId}/implementation`, { token: other.presiderToken }))).toBe('403 other_body');
  });

  it('shows a member of the body the plan, reports, group, inspections and grades; no one outside', async () => {
    const d = ok(await server.call('GET', `/api/projects/${p0}/implementation`, { token: hall.members[9].token }));
    expect(d).toMatchObject({ id: p0, title: expect.any(String), supervising: false, carriedOverTo: 2028 });
    expect(d.plan.milestones).toHaveLength(2);
    expect(d.progress[0]).toMatchObject({ percent: 30 });
    expect(d.supervisors[0]).toMatchObject({ id: hall.members[0].id, lead: true });
    expect(d.inspections.map((i: { by: string | null }) => i.by)).toContain(hall.members[1].name);
    expect(d.rectifications).toHaveLength(1);
    expect(d.grades.map((g: { round: string }) => g.round)).toEqual(['midyear', 'rectification']);
    expect(ok(await server.call('GET', `/api/projects/${p0}/implementation`, { token: hall.members[1].token })).supervising).toBe(true);
    expect(await status(server.call('GET', `/api/projects/${p0}/implementation`, { token: other.members[0].token }))).toBe('403 other_body');
    expect(await status(server.call('GET', `/api/projects/${p0}/implementation`, { token: otherDept }))).toBe('403 not_your_department');
    expect(await status(server.call('GET', `/api/projects/${p0}/implementation`, { token: hall.presiderToken }))).toBe('200');
    expect(await status(server.call('GET', `/api/projects/${p0}/implementation`))).toBe('401 unauthorized');
  });

  it('the public list shows execution and percent, and the carried-over project in its new year', async () => {
    const list = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/projects?year=2027`));
    const byId = Object.fromEntries(list.map((p: { id: string }) => [p.id, p]));
    expect(byId[p1]).toMatchObject({ execution: 'done', percent: 100, grade: '满意' });
    expect(byId[p2]).toMatchObject({ status: 'not_selected', execution: null });
    const next = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/projects?year=2028`));
    expect(next.map((p: { id: string; carriedOverFrom: number }) => [p.id, p.carriedOverFrom])).toEqual([[p0, 2027]]);
  });
});

describe('links shared in a chat', () => {
  it('give a public project\'s page its own title and description, escaped; nothing for a private one or another path', async () => {
    const meta = await shareMeta(server.ctx, `/projects/${p0}`);
    expect(meta?.title).toMatch(/^项目1 · 2027 年度民生实事项目$/);
    const html = withMeta('<html><head><title>民生实事票决</title></head></html>', { title: 'a<b>"', description: '"<script>' });
    expect(html).toContain('<title>a&#60;b&#62;&#34; - 民生实事票决</title>');
    expect(html).toContain('content="&#34;&#60;script&#62;"');
    expect(html).not.toContain('<script>');
    expect(await shareMeta(server.ctx, `/bodies/${hall.bodyId}`)).toMatchObject({ title: expect.stringContaining('民生实事项目') });
    expect(await shareMeta(server.ctx, '/admin/x')).toBeNull();
    expect(await shareMeta(server.ctx, '/projects/nosuch')).toBeNull();
  });
});

// Last: it adds a selected project of another year to the body, which the tests above do not expect.
describe('supervision load', () => {
  it("a member's load counts the project's year only, as the staff dashboard does", async () => {
    const earlier = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2026, title: '上年度项目', description: '说明', category: '教育', department: '教育局', investment: 50 } })).id;
    await ballot({ kind: 'selection', title: '上年度票决', projectIds: [earlier], seats: 1 }, () => ({ [earlier]: 'yes' }));
    const lead = hall.members[0].id; // already in two 2027 groups
    const g = ok(await server.call('PUT', `/api/projects/${earlier}/supervisors`, { token: admin, json: { memberIds: [lead], leadMemberId: lead } }));
    expect(g.members[0].load).toBe(1);
  });
});
