// 承办单位 as a list (issue 23, API.md "Supervision tasks, referrals, the reserve"): the body's departments,
// added on purpose or by any name set on a project or a department user; a department returns a project that
// is not theirs, staff reassign it and the return is cleared; each step in the trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, departmentToken, ok, type Hall } from '../helpers/fixtures.js';

let server: TestServer;
let hall: Hall;
let other: Hall;
let admin = '';
let edu = '';
let health = '';

const names = async (bodyId: string) => (ok(await server.call('GET', `/api/bodies/${bodyId}/departments`, { token: admin })) as { id: string; name: string }[]).map((d) => d.name);
const project = async (title: string, department = '县教育局') =>
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2027, title, description: '说明', category: '教育', department } }));
const trail = async (action: string) =>
  (ok(await server.call('GET', `/api/bodies/${hall.bodyId}/audit?limit=200`, { token: admin })) as { items: { action: string; subject: { id: string }; detail: Record<string, unknown> | null }[] }).items
    .filter((e) => e.action === action);

beforeAll(async () => {
  server = await startTestServer();
  admin = server.adminToken;
  hall = await createHall(server, { members: 1 });
  other = await createHall(server, { members: 1 });
  edu = await departmentToken(server, hall.bodyId, '县教育局');
  health = await departmentToken(server, hall.bodyId, '县卫健委');
}, 120_000);
afterAll(async () => server?.close());

describe('the body\'s departments', () => {
  it('lists the department users\' departments, adds one on purpose, refuses a name twice', async () => {
    expect(await names(hall.bodyId)).toEqual(expect.arrayContaining(['县教育局', '县卫健委']));
    const created = await server.call('POST', `/api/bodies/${hall.bodyId}/departments`, { token: admin, json: { name: '  县住建局 ' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '县住建局' });
    expect(created.body.id).toMatch(/^[0-9a-z]+$/);
    const again = await server.call('POST', `/api/bodies/${hall.bodyId}/departments`, { token: admin, json: { name: '县住建局' } });
    expect([again.status, again.body.error.code]).toEqual([409, 'department_exists']);
    // another body's list is its own
    ok(await server.call('POST', `/api/bodies/${other.bodyId}/departments`, { token: admin, json: { name: '县住建局' } }));
    expect(await names(other.bodyId)).toEqual(['县住建局']);
    expect((await names(hall.bodyId)).filter((n) => n === '县住建局')).toHaveLength(1);
    expect((await trail('department.created')).some((e) => e.subject.id === created.body.id)).toBe(true);
  });

  it('takes in a name a project sets, on create and on edit, once', async () => {
    const p = await project('村道硬化', '县交通运输局');
    expect(await names(hall.bodyId)).toContain('县交通运输局');
    ok(await server.call('PUT', `/api/projects/${p.id}`, { token: admin, json: { department: '县水利局' } }));
    const list = await names(hall.bodyId);
    expect(list).toContain('县水利局');
    expect(list.filter((n) => n === '县交通运输局')).toHaveLength(1);
    await project('再一条村道', '县交通运输局');
    expect((await names(hall.bodyId)).filter((n) => n === '县交通运输局')).toHaveLength(1);
  });

  it('refuses bad input with 422 and a name too long, never 500', async () => {
    for (const json of [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(101) }, { name: 5 }, { name: '县\u0000局' }, { name: '县局', extra: 1 }]) {
      const r = await server.call('POST', `/api/bodies/${hall.bodyId}/departments`, { token: admin, json });
      expect(r.status, JSON.stringify(json)).toBe(422);
    }
    expect((await server.call('GET', '/api/bodies/zzzzzzzzzzzzzzzz/departments', { token: admin })).status).toBe(404);
  });
});

describe('a department returns a project that is not theirs; staff reassign it', () => {
  it('returns with a reason, shows it flagged to staff, reassigns and clears it', async () => {
    const p = await project('卫生院改造');
    const refused = await server.call('POST', `/api/projects/${p.id}/return`, { token: health, json: { reason: '不是我们的' } });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'not_your_department']);
    const returned = ok(await server.call('POST', `/api/projects/${p.id}/return`, { token: edu, json: { reason: '属于卫生系统，应由县卫健委承办' } }));
    expect(returned.returned).toMatchObject({ reason: '属于卫生系统，应由县卫健委承办' });
    expect(Date.parse(returned.returned.at)).not.toBeNaN();
    const twice = await server.call('POST', `/api/projects/${p.id}/return`, { token: edu, json: { reason: '再退一次' } });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'not_returnable']);
    // staff see it flagged in their list
    const listed = (ok(await server.call('GET', `/api/bodies/${hall.bodyId}/projects?year=2027`, { token: admin })) as { id: string; returned: unknown }[]).find((x) => x.id === p.id)!;
    expect(listed.returned).toMatchObject({ reason: '属于卫生系统，应由县卫健委承办' });
    // the department may not reassign; staff do, and the return is answered
    expect((await server.call('PUT', `/api/projects/${p.id}/department`, { token: edu, json: { department: '县卫健委' } })).status).toBe(403);
    const moved = ok(await server.call('PUT', `/api/projects/${p.id}/department`, { token: admin, json: { department: '县卫健委' } }));
    expect(moved).toMatchObject({ department: '县卫健委', returned: null });
    // now it is the other department's to assess, or return
    expect((await server.call('PUT', `/api/projects/${p.id}/assessment`, { token: edu, json: { feasible: true, reason: 'x', investment: 1, completionDate: '2027-12-31' } })).status).toBe(403);
    ok(await server.call('POST', `/api/projects/${p.id}/return`, { token: health, json: { reason: '应由乡镇承办' } }));
    // the edit route reassigns too, and clears the return when the department changes
    const edited = ok(await server.call('PUT', `/api/projects/${p.id}`, { token: admin, json: { department: '县住建局' } }));
    expect(edited).toMatchObject({ department: '县住建局', returned: null });
    expect(await names(hall.bodyId)).toContain('县住建局');
    const returns = (await trail('project.returned')).filter((e) => e.subject.id === p.id);
    expect(returns.map((e) => e.detail?.reason).sort()).toEqual(['属于卫生系统，应由县卫健委承办', '应由乡镇承办'].sort());
    const reassigned = (await trail('project.reassigned')).filter((e) => e.subject.id === p.id);
    expect(reassigned[0].detail).toMatchObject({ from: '县教育局', to: '县卫健委' });
  });

  it('refuses a return once the list decided the project, and bad reasons', async () => {
    const p = await project('学校操场');
    for (const json of [{}, { reason: '' }, { reason: 'x'.repeat(501) }]) {
      expect((await server.call('POST', `/api/projects/${p.id}/return`, { token: edu, json })).status).toBe(422);
    }
    ok(await server.call('PUT', `/api/projects/${p.id}/assessment`, { token: edu, json: { feasible: true, reason: '条件具备', investment: 100, completionDate: '2027-12-31' } }));
    ok(await server.call('POST', `/api/bodies/${hall.bodyId}/candidate-lists`, { token: admin, json: { year: 2027, projectIds: [p.id], seats: 1 } }).then(async (r) => {
      ok(await server.call('POST', `/api/candidate-lists/${r.body.id}/approve`, { token: admin, json: { meeting: '主任会议' } }));
      return r;
    }));
    const late = await server.call('POST', `/api/projects/${p.id}/return`, { token: edu, json: { reason: '不是我们的' } });
    expect([late.status, late.body.error.code]).toEqual([409, 'not_returnable']);
    const relocked = await server.call('PUT', `/api/projects/${p.id}/department`, { token: admin, json: { department: '县卫健委' } });
    expect([relocked.status, relocked.body.error.code]).toEqual([409, 'project_locked']);
    expect((await server.call('POST', '/api/projects/zzzzzzzzzzzzzzzz/return', { token: edu, json: { reason: 'x' } })).status).toBe(404);
  });
});
