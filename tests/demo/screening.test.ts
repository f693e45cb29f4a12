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
  // issue 25: each comment is about its own project (a street-light comment never lands on the school canteen)
  const words: [string, RegExp][] = [['食堂', /后厨|吃饭|食堂/], ['路灯', /路灯|摸黑|夜/], ['托育', /托育/], ['排水', /积水|汛|施工|道路/]];
  for (const p of done) {
    const page = ok(await server.call('GET', `/api/public/projects/${p.id}`));
    const [, about] = words.find(([w]) => page.title.includes(w))!;
    for (const c of page.comments) expect(c.comment, page.title).toMatch(about);
  }
  for (const c of pending.items as { projectTitle: string; comment: string }[]) {
    const [, about] = words.find(([w]) => c.projectTitle.includes(w))!;
    expect(c.comment, c.projectTitle).toMatch(about);
  }
});

// issue 25: the demo's own history is whole — the 2026 selection was voted, published and announced on its day,
// the 2026 projects have the suggestions behind them, and the past sessions were made in their own year.
it('has the 2026 selection with its result and notice, the suggestions behind the 2026 projects, and past sessions dated in their year', async () => {
  const notices = ok(await server.call('GET', `/api/public/bodies/${bodyId}/notices`));
  const n2026 = notices.find((n: { title: string; publishedAt: string }) => n.publishedAt.startsWith('2026-01'));
  expect(n2026, JSON.stringify(notices)).toBeTruthy();
  const list = ok(await server.call('GET', `/api/public/bodies/${bodyId}/projects?year=2026`)) as { id: string; year: number; status: string }[];
  const of2026 = list.filter((p) => p.year === 2026);
  expect(of2026.filter((p) => p.status === 'selected')).toHaveLength(10);
  expect(of2026.filter((p) => p.status === 'not_selected')).toHaveLength(2);
  for (const p of of2026) {
    const page = ok(await server.call('GET', `/api/public/projects/${p.id}`));
    expect(page.vote, page.title).toMatchObject({ ballotId: n2026.ballotId, notice: { id: n2026.id, number: n2026.number } });
    expect(page.vote.at.slice(0, 10)).toBe('2026-01-12');
    expect(page.vote.yes).toBeGreaterThan(0);
    expect(page.vote.yes + page.vote.no + page.vote.abstain).toBe(page.vote.cast);
    expect(page.suggestionsBehind).toBeGreaterThan(1);
    expect(page.supporters).toBe(page.suggestionsBehind);
    // 大事记 by when things happened: no 派单 after the first report
    const days = page.timeline.map((e: { at: string }) => e.at.slice(0, 10));
    expect([...days].sort()).toEqual(days);
  }
  const sessions = ok(await server.call('GET', `/api/bodies/${bodyId}/sessions`, { token: server.adminToken })) as { name: string; createdAt?: string }[];
  const past = sessions.filter((s) => s.name !== '清河县第十八届人民代表大会第五次会议' && s.name !== '清河县人大常委会第二十三次会议');
  expect(past.length).toBeGreaterThanOrEqual(3);
  for (const s of past) if (s.createdAt) expect(s.createdAt < '2026-12-01', s.name).toBe(true);
});

it('has a finished last year (2025): done, graded 满意 at a real year-end round, rated by residents', async () => {
  const list = ok(await server.call('GET', `/api/public/bodies/${bodyId}/projects?year=2025`));
  const own = list.filter((p: { year: number; title: string }) => p.year === 2025 && !p.title.includes('供热'));
  expect(own.map((p: { execution: string; grade: string }) => [p.execution, p.grade])).toEqual([['done', '满意'], ['done', '满意'], ['done', '满意']]);
  const page = ok(await server.call('GET', `/api/public/projects/${own[0].id}`));
  expect(page.publicRatings.count).toBeGreaterThanOrEqual(60);
  expect(page.grades[0]).toMatchObject({ round: 'yearend', grade: '满意' });
  expect((await server.call('GET', `/api/ballots/${page.grades[0].ballotId}/result`)).status).toBe(200);
});
