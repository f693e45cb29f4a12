// 督办单 (API.md "Supervision tasks, referrals, the reserve"; PROCESS.md "Supervision colours and tasks"):
// opened by themselves when a project turns red — right after the write that made it red, and by the sweep
// for what time alone made red (the test moves the server's clock and runs the sweep the midnight timer runs) —
// one not closed per project even when several sweeps race, escalated past due, answered by the carrying
// department, closed by staff, each opening with its trail entry and its notices to the department and the group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { onPostgres } from '../helpers/database.js';
import { startServer } from '../../server/server.js';
import { createHall, departmentToken, ok, publishedBallot, type Hall } from '../helpers/fixtures.js';
import { auditLog, outbox, tasks } from '../../server/db/schema.js';
import { openTasksForRed } from '../../server/supervision/open.js';
import { nextShanghaiMidnight, startTaskSweep, type SweepTimers } from '../../server/supervision/schedule.js';

let server: TestServer;
let hall: Hall;
let admin = '';
let dept = '';
let otherDept = '';
let p0 = '';
let p1 = '';
let p2 = '';
const deptPhone = '13800000011';
const memberPhone = '13900000022';

const status = async (r: Promise<{ status: number; body: any }>) => { const x = await r; return `${x.status} ${x.body?.error?.code ?? ''}`.trim(); };
const tasksOf = async (projectId: string, token = admin) => ok(await server.call('GET', `/api/projects/${projectId}/tasks`, { token })) as any[];
const notices = (kind: 'task' | 'red') => server.ctx.db.select().from(outbox).where(eq(outbox.kind, kind));
const openings = () => server.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'task.opened'));

beforeAll(async () => {
  server = await startTestServer({ today: '2027-03-25' });
  admin = server.adminToken;
  hall = await createHall(server, { members: 6, projects: 3, checkIn: 'all' });
  [p0, p1, p2] = hall.projectIds;
  const username = `dept${Date.now().toString(36)}`;
  ok(await server.call('POST', '/api/users', { token: admin, json: { username, password: 'dept-password', role: 'department', bodyId: hall.bodyId, department: '教育局', phone: deptPhone } }));
  dept = ok(await server.call('POST', '/api/auth/login', { json: { username, password: 'dept-password' } })).token;
  otherDept = await departmentToken(server, hall.bodyId, '交通局');
  await publishedBallot(server, hall, { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 2 }, () => ({ [p0]: 'yes', [p1]: 'yes', [p2]: 'no' }));
  ok(await server.call('PUT', `/api/members/${hall.members[0].id}/phone`, { token: admin, json: { phone: memberPhone } }));
  ok(await server.call('PUT', `/api/projects/${p0}/supervisors`, { token: admin, json: { memberIds: [hall.members[0].id, hall.members[1].id], leadMemberId: hall.members[0].id } }));
}, 120_000);
afterAll(async () => server?.close());

describe('opened by a write', () => {
  it('a plan whose milestone was missed more than 30 days ago makes the project red: its task is open when the write answers', async () => {
    expect(await tasksOf(p0)).toEqual([]);
    ok(await server.call('PUT', `/api/projects/${p0}/plan`, { token: dept, json: { targets: [], milestones: [{ title: '开工', due: '2027-02-01' }], funding: '县财政', completionDate: '2027-12-31' } }));
    const [t] = await tasksOf(p0);
    expect(t).toMatchObject({ projectId: p0, reason: 'behind', due: '2027-04-09', state: 'open', escalated: false, answer: null, closedAt: null });
    expect(t.openedAt.startsWith('2027-03-25')).toBe(true);
    // a later write that leaves it red opens nothing more
    ok(await server.call('POST', `/api/projects/${p0}/progress`, { token: dept, json: { percent: 10, note: '前期', date: '2027-03-24' } }));
    expect(await tasksOf(p0)).toHaveLength(1);
  });

  it('the opening is in the trail as the server\'s, in the supervision stage, and the department and the group are told', async () => {
    const entries = await openings();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'system', actorKind: 'system', stage: 'supervision', subject: p0, subjectKind: 'project', bodyId: hall.bodyId });
    const task = await notices('task');
    expect(task.map((n) => n.to)).toEqual([deptPhone]);
    expect(task[0].params).toMatchObject({ due: '2027-04-09', reason: 'behind' });
    expect(task[0].text).toContain('2027-04-09');
    // the group's member with a phone; the other has none
    expect((await notices('red')).map((n) => n.to)).toEqual([memberPhone]);
  });

  it('a project that is not red gets no task by a write', async () => {
    ok(await server.call('PUT', `/api/projects/${p1}/plan`, { token: dept, json: { targets: [], milestones: [{ title: '开工', due: '2027-06-01' }], funding: '县财政', completionDate: '2027-12-31' } }));
    expect(await tasksOf(p1)).toEqual([]);
  });
});

describe('opened by time, escalated, answered, closed', () => {
  it('the sweep opens a task for what time alone made red (122 days without a report), once', async () => {
    server.setToday('2027-08-01');
    expect(await server.taskSweep.run()).toBe(1);
    const [t] = await tasksOf(p1);
    expect(t).toMatchObject({ reason: 'behind', due: '2027-08-16', state: 'open' });
    expect(await server.taskSweep.run()).toBe(0);
    expect(await openings()).toHaveLength(2);
  });

  it('a task still open after its due day is escalated, and listed first', async () => {
    const [t0] = await tasksOf(p0);
    expect(t0.escalated).toBe(true);
    const list = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/tasks`, { token: admin })) as any[];
    expect(list.map((t) => [t.projectId, t.escalated])).toEqual([[p0, true], [p1, false]]);
    expect(list[0].project).toMatchObject({ id: p0, title: '项目1', department: '教育局' });
    const escalated = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/tasks?escalated=true`, { token: admin })) as any[];
    expect(escalated.map((t) => t.projectId)).toEqual([p0]);
    const notEscalated = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/tasks?escalated=false&state=open`, { token: admin })) as any[];
    expect(notEscalated.map((t) => t.projectId)).toEqual([p1]);
    expect(await status(server.call('GET', `/api/bodies/${hall.bodyId}/tasks?state=nope`, { token: admin }))).toBe('422 invalid_input');
  });

  it('who reads: staff of the body, the carrying department, the project\'s group — no one else', async () => {
    expect((await tasksOf(p0, hall.members[0].token))).toHaveLength(1);
    expect(await status(server.call('GET', `/api/projects/${p0}/tasks`, { token: hall.members[4].token }))).toBe('403 not_supervisor');
    expect(await status(server.call('GET', `/api/projects/${p0}/tasks`, { token: otherDept }))).toBe('403 not_your_department');
    expect(await status(server.call('GET', `/api/projects/${p0}/tasks`, { token: hall.presiderToken }))).toBe('403 forbidden');
    expect(await status(server.call('GET', `/api/projects/${p0}/tasks`))).toBe('401 unauthorized');
    const mine = ok(await server.call('GET', '/api/me/tasks', { token: dept })) as any[];
    expect(mine.map((t) => t.projectId)).toEqual([p0, p1]);
    expect(ok(await server.call('GET', '/api/me/tasks', { token: otherDept }))).toEqual([]);
    const tablet = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/tasks`, { token: hall.members[0].token })) as any[];
    expect(tablet.map((t) => t.projectId)).toEqual([p0]);
  });

  it('the carrying department answers an open task once; staff close an answered one', async () => {
    const [t0] = await tasksOf(p0);
    const [t1] = await tasksOf(p1);
    const answer = { text: '已调整施工计划，9 月底前完成主体', date: '2027-07-30' };
    expect(await status(server.call('POST', `/api/tasks/${t0.id}/answer`, { token: otherDept, json: answer }))).toBe('403 not_your_department');
    expect(await status(server.call('POST', `/api/tasks/${t0.id}/answer`, { token: dept, json: { ...answer, date: '2027-08-02' } }))).toBe('422 invalid_input');
    expect(await status(server.call('POST', `/api/tasks/${t0.id}/answer`, { token: dept, json: { ...answer, photos: ['nosuchphoto'] } }))).toBe('422 invalid_input');
    expect(await status(server.call('POST', `/api/tasks/${t0.id}/close`, { token: admin, json: { note: '同意' } }))).toBe('409 task_not_answered');
    const answered = ok(await server.call('POST', `/api/tasks/${t0.id}/answer`, { token: dept, json: answer }));
    expect(answered).toMatchObject({ state: 'answered', escalated: false, answer: { text: answer.text, date: answer.date, photos: [] } });
    expect(await status(server.call('POST', `/api/tasks/${t0.id}/answer`, { token: dept, json: answer }))).toBe('409 task_not_open');
    expect(await status(server.call('POST', `/api/tasks/${t0.id}/close`, { token: dept, json: { note: '同意' } }))).toBe('403 forbidden');
    const closed = ok(await server.call('POST', `/api/tasks/${t0.id}/close`, { token: admin, json: { note: '同意办结' } }));
    expect(closed).toMatchObject({ state: 'closed', closeNote: '同意办结' });
    expect(closed.closedAt).toBeTruthy();
    expect(await status(server.call('POST', `/api/tasks/${t0.id}/close`, { token: admin, json: { note: '再次' } }))).toBe('409 task_not_answered');
    expect(await status(server.call('POST', `/api/tasks/nosuchtask/close`, { token: admin, json: { note: 'x' } }))).toBe('404 not_found');
    expect(await status(server.call('POST', `/api/tasks/${t1.id}/answer`, { token: dept, json: { text: '' , date: '2027-07-30' } }))).toBe('422 invalid_input');
    const trail = await server.ctx.db.select().from(auditLog).where(eq(auditLog.subject, p0));
    expect(trail.filter((e) => e.action.startsWith('task.')).map((e) => [e.action, e.actorKind])).toEqual([['task.opened', 'system'], ['task.answered', 'user'], ['task.closed', 'user']]);
  });

  it('the public page shows the project\'s tasks with their dates and answer, not the staff\'s notes', async () => {
    const page = ok(await server.call('GET', `/api/public/projects/${p0}`));
    expect(page.tasks).toHaveLength(1);
    expect(page.tasks[0]).toMatchObject({ reason: 'behind', due: '2027-04-09', state: 'closed', answer: { date: '2027-07-30' } });
    expect(page.tasks[0].closeNote).toBeUndefined();
  });

  it('a project still red when its task closes gets a new one after the next midnight, not before', async () => {
    expect(await server.taskSweep.run()).toBe(0);
    server.setToday('2027-08-02');
    expect(await server.taskSweep.run()).toBe(1);
    const list = await tasksOf(p0);
    expect(list.map((t) => t.state)).toEqual(['open', 'closed']);
    expect(list[0].due).toBe('2027-08-17');
  });
});

describe('opened by hand', () => {
  it('an admin opens a manual task; one not closed already → task_open; a past due day → 422', async () => {
    expect(await status(server.call('POST', `/api/projects/${p0}/tasks`, { token: admin, json: { note: '视察发现问题', due: '2027-09-01' } }))).toBe('409 task_open');
    expect(await status(server.call('POST', `/api/projects/${p2}/tasks`, { token: admin, json: { note: '视察发现问题', due: '2027-09-01' } }))).toBe('409 project_not_selected');
    expect(await status(server.call('POST', `/api/projects/${p1}/tasks`, { token: dept, json: { note: 'x', due: '2027-09-01' } }))).toBe('403 forbidden');
    // p1's open task is answered and closed, then staff open one by hand
    const [t1] = await tasksOf(p1);
    ok(await server.call('POST', `/api/tasks/${t1.id}/answer`, { token: admin, json: { text: '已补报进度', date: '2027-08-01' } }));
    ok(await server.call('POST', `/api/tasks/${t1.id}/close`, { token: admin, json: { note: '办结' } }));
    expect(await status(server.call('POST', `/api/projects/${p1}/tasks`, { token: admin, json: { note: 'x', due: '2027-08-01' } }))).toBe('422 invalid_input');
    expect(await status(server.call('POST', `/api/projects/${p1}/tasks`, { token: admin, json: { note: 'x', due: '2101-01-01' } }))).toBe('422 invalid_input');
    const before = (await notices('task')).length;
    const r = await server.call('POST', `/api/projects/${p1}/tasks`, { token: admin, json: { note: '视察发现围挡破损', due: '2027-08-20' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ reason: 'manual', note: '视察发现围挡破损', due: '2027-08-20', state: 'open' });
    expect((await notices('task')).length).toBe(before + 1);
  });
});

describe('one task per project, whichever sweep wins', () => {
  it('sweeps racing over the same red project open exactly one task', async () => {
    const [open] = await tasksOf(p0);
    ok(await server.call('POST', `/api/tasks/${open.id}/answer`, { token: dept, json: { text: '已整改', date: '2027-08-02' } }));
    ok(await server.call('POST', `/api/tasks/${open.id}/close`, { token: admin, json: { note: '办结' } }));
    server.setToday('2027-08-03');
    const before = (await openings()).length;
    const counts = await Promise.all([1, 2, 3, 4, 5].map(() => openTasksForRed(server.ctx, null)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const notClosed = await server.ctx.db.select().from(tasks).where(and(eq(tasks.projectId, p0), ne(tasks.state, 'closed')));
    expect(notClosed).toHaveLength(1);
    expect((await openings()).length).toBe(before + 1);
  });
});

describe.skipIf(!onPostgres)('two server processes on one PostgreSQL database', () => {
  it('both sweeping after the same midnight open one task', async () => {
    const [open] = (await tasksOf(p0)).filter((t) => t.state === 'open');
    ok(await server.call('POST', `/api/tasks/${open.id}/answer`, { token: dept, json: { text: '已整改', date: '2027-08-03' } }));
    ok(await server.call('POST', `/api/tasks/${open.id}/close`, { token: admin, json: { note: '办结' } }));
    server.setToday('2027-08-04');
    const before = (await openings()).length;
    // a second server with its own pool: its start-up sweep races this one's
    const url = (server.database as { url?: string }).url!;
    const other = await startServer({ port: 0, databaseUrl: url, clientDir: null, now: () => new Date('2027-08-04T12:00:00+08:00') });
    try {
      await Promise.all([server.taskSweep.run(), other.taskSweep.run(), server.taskSweep.run()]);
      const notClosed = await server.ctx.db.select().from(tasks).where(and(eq(tasks.projectId, p0), ne(tasks.state, 'closed')));
      expect(notClosed).toHaveLength(1);
      expect((await openings()).length).toBe(before + 1);
    } finally {
      await other.close();
    }
  });
});

describe('the schedule', () => {
  it('the next midnight is Shanghai\'s', () => {
    expect(nextShanghaiMidnight(new Date('2027-03-25T12:00:00+08:00')).toISOString()).toBe('2027-03-25T16:00:00.000Z');
    expect(nextShanghaiMidnight(new Date('2027-03-25T23:59:59+08:00')).toISOString()).toBe('2027-03-25T16:00:00.000Z');
    expect(nextShanghaiMidnight(new Date('2027-03-26T00:00:00+08:00')).toISOString()).toBe('2027-03-26T16:00:00.000Z');
  });

  it('sweeps at start, then a second after each midnight by the injected clock, one timer at a time', async () => {
    const armed: { ms: number; run: () => void }[] = [];
    const timers: SweepTimers = { after: (ms, run) => { armed.push({ ms, run }); return () => {}; } };
    let now = new Date('2027-08-10T23:00:00+08:00');
    const ctx = { ...server.ctx, now: () => now };
    const sweep = startTaskSweep(ctx, timers);
    await sweep.run();
    await new Promise((r) => setTimeout(r, 50));
    expect(armed).toHaveLength(1);
    expect(armed[0].ms).toBe(3_600_000 + 1000);
    expect(sweep.next?.toISOString()).toBe('2027-08-10T16:00:00.000Z');
    now = new Date('2027-08-11T00:00:01+08:00');
    armed[0].run();
    await sweep.run();
    await new Promise((r) => setTimeout(r, 50));
    expect(armed).toHaveLength(2);
    expect(sweep.next?.toISOString()).toBe('2027-08-11T16:00:00.000Z');
    await sweep.stop();
  });
});
