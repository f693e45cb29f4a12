// The demo county's screening, as a department and a resident find it right after `npm start`.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { seedDemo, demoLogins, findDemo } from '../../server/demo/seed.js';
import { demoDepartments, infeasibleProject } from '../../server/demo/screening.js';
import { ok } from '../helpers/fixtures.js';

let server: TestServer;
let bodyId = '';
beforeAll(async () => {
  server = await startTestServer();
  ({ bodyId } = await seedDemo(server.ctx));
}, 60_000);
afterAll(async () => { await server?.close(); });

it('publishes 12 assessed candidates and the infeasible 13th with its reason', async () => {
  const pub = ok(await server.call('GET', `/api/public/bodies/${bodyId}/projects?year=2027`));
  expect(pub.filter((p: { status: string }) => p.status === 'candidate')).toHaveLength(12);
  const out = pub.find((p: { title: string }) => p.title === infeasibleProject.title);
  expect(out).toMatchObject({ status: 'infeasible', assessment: { feasible: false, reason: infeasibleProject.reason } });
  expect(pub.filter((p: { status: string }) => p.status === 'candidate').every((p: { supporters: number; assessment: { feasible: boolean } }) => p.supporters > 1 && p.assessment.feasible)).toBe(true);
});

it('has the approved list of 12 for 10 seats, and the session\'s selection ballot holds exactly it', async () => {
  const lists = ok(await server.call('GET', `/api/bodies/${bodyId}/candidate-lists?year=2027`, { token: server.adminToken }));
  expect(lists).toHaveLength(1);
  expect(lists[0]).toMatchObject({ state: 'approved', seats: 10, warnings: [], meeting: expect.stringContaining('主任会议') });
  const demo = (await findDemo(server.ctx.db))!;
  const session = ok(await server.call('GET', `/api/sessions/${demo.sessionId}`, { token: server.adminToken }));
  const selection = session.ballots.find((b: { kind: string }) => b.kind === 'selection');
  const ballot = ok(await server.call('GET', `/api/ballots/${selection.id}`, { token: server.adminToken }));
  expect(ballot.options.map((o: { id: string }) => o.id).sort()).toEqual([...lists[0].projectIds].sort());
});

it('signs in each demo department to its worklist of its own projects', async () => {
  expect(demoLogins.department.username).toBe(demoDepartments[0].username);
  for (const d of demoDepartments) {
    const { token } = ok(await server.call('POST', '/api/auth/login', { json: { username: d.username, password: demoLogins.department.password } }));
    const work = ok(await server.call('GET', '/api/me/assessments', { token }));
    expect(work.length).toBeGreaterThan(0);
    expect(work.every((p: { department: string }) => p.department === d.department)).toBe(true);
  }
});

it('carries the demo year (2026) through implementation: plans, reports, groups, a mid-year round, rectification, carry-over', async () => {
  const y = ok(await server.call('GET', `/api/bodies/${bodyId}/implementation?year=2026`, { token: server.adminToken }));
  expect(y.projects).toHaveLength(11);
  const by = (title: string) => y.projects.find((p: { title: string }) => p.title.startsWith(title));
  expect(by('城乡公交一体化').execution).toBe('behind');
  expect(by('中小学课后延时服务').execution).toBe('rectifying');
  expect(by('中小学课后延时服务').rectifications).toBe(1);
  expect(by('县城集中供热管网改造')).toMatchObject({ carriedOverFrom: 2025, year: 2025 });
  expect(y.dashboard.byExecution).toMatchObject({ done: 4, behind: 1, rectifying: 1 });
  expect(y.dashboard.overdueByDepartment.map((d: { department: string }) => d.department).sort()).toEqual(['县住房和城乡建设局', '县水利局'].sort());
  expect(y.dashboard.coverage.withoutGroup).toBe(0);
  expect(y.dashboard.gradesByRound.midyear).toEqual({ 满意: 7, 基本满意: 2, 不满意: 1 });
  expect(y.projects.every((p: { groupSize: number }) => p.groupSize >= 10)).toBe(true);
  // The mid-year round is a real published ballot whose result is signed like any other.
  const ballotId = by('中小学课后延时服务').grades[0].ballotId;
  const result = await server.call('GET', `/api/ballots/${ballotId}/result`);
  expect(result.status).toBe(200);
  expect(result.body.options).toHaveLength(10);
  // Photos made by the seed are served, without metadata.
  const detail = ok(await server.call('GET', `/api/projects/${by('县人民医院胸痛中心').id}/implementation`, { token: server.adminToken }));
  const photo = detail.progress.find((r: { photos: unknown[] }) => r.photos.length).photos[0];
  const img = await fetch(`${server.url}${photo.url}`);
  expect(img.headers.get('content-type')).toBe('image/jpeg');
  // The first demo code leads the hospital's group and sees three projects on the tablet.
  const member = ok(await server.call('POST', '/api/auth/member-login', { json: { code: 'DM000001' } }));
  const mine = ok(await server.call('GET', '/api/me/projects', { token: member.token }));
  expect(mine).toHaveLength(3);
  expect(mine.some((p: { overdue: boolean }) => p.overdue)).toBe(true);
});

it('shows residents\' ratings of the finished projects, approved comments public and two waiting for staff', async () => {
  const y = ok(await server.call('GET', `/api/bodies/${bodyId}/implementation?year=2026`, { token: server.adminToken }));
  const done = y.projects.filter((p: { execution: string }) => p.execution === 'done');
  expect(done).toHaveLength(4);
  for (const p of done) {
    const page = ok(await server.call('GET', `/api/public/projects/${p.id}`));
    expect(page.publicRatings.count).toBeGreaterThanOrEqual(60);
    expect(page.comments.length).toBeGreaterThanOrEqual(1);
  }
  const pending = ok(await server.call('GET', `/api/bodies/${bodyId}/ratings?status=pending`, { token: server.adminToken }));
  expect(pending.total).toBe(2);
});

it('has a finished last year (2025): done, graded 满意 at a real year-end round, rated by residents', async () => {
  const list = ok(await server.call('GET', `/api/public/bodies/${bodyId}/projects?year=2025`));
  // (the year's selected projects: its not-selected ones are public too, some kept in the reserve)
  const own = list.filter((p: { year: number; title: string; status: string }) => p.year === 2025 && p.status === 'selected' && !p.title.includes('供热'));
  expect(own.map((p: { execution: string; grade: string }) => [p.execution, p.grade])).toEqual([['done', '满意'], ['done', '满意'], ['done', '满意']]);
  const page = ok(await server.call('GET', `/api/public/projects/${own[0].id}`));
  expect(page.publicRatings.count).toBeGreaterThanOrEqual(60);
  expect(page.grades[0]).toMatchObject({ round: 'yearend', grade: '满意' });
  expect((await server.call('GET', `/api/ballots/${page.grades[0].ballotId}/result`)).status).toBe(200);
});
