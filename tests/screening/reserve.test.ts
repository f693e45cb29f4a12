// The reserve (储备库, issue 23; API.md "Supervision tasks, referrals, the reserve"): a not-selected or
// infeasible project, or a not-adopted suggestion, is kept with a note; the next year's screening takes a
// project from it in one step, its supporters carried and its origin on the public page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, departmentToken, ok, publishedBallot, type Hall } from '../helpers/fixtures.js';

let server: TestServer;
let hall: Hall;
let admin = '';
let edu = '';
const day = 86_400_000;

const suggest = async (title: string) => ok(await server.call('POST', `/api/bodies/${hall.bodyId}/suggestions`, { token: admin, json: { title, description: '说明', category: '教育' } }));
const project = async (year: number, title: string, extra: Record<string, unknown> = {}) =>
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year, title, description: `${title}的说明`, category: '教育', department: '县教育局', ...extra } }));
const reserve = (kind: 'projects' | 'suggestions', id: string, json: object) => server.call('PUT', `/api/${kind}/${id}/reserve`, { token: admin, json });
const theReserve = async () => ok(await server.call('GET', `/api/bodies/${hall.bodyId}/reserve`, { token: admin })) as {
  projects: { id: string; year: number; title: string; status: string; supporters: number; note: string | null }[];
  suggestions: { id: string; year: number; title: string; supporters: number; note: string | null }[];
};
const infeasible = async (title: string, extra: Record<string, unknown> = {}) => {
  const p = await project(2027, title, extra);
  ok(await server.call('PUT', `/api/projects/${p.id}/assessment`, { token: edu, json: { feasible: false, reason: '当年无法完成', investment: 500, completionDate: '2027-12-31' } }));
  return p;
};

let selected = '';
let notSelected = '';

beforeAll(async () => {
  server = await startTestServer();
  admin = server.adminToken;
  hall = await createHall(server, { members: 3, checkIn: 'all', projects: 2 });
  edu = await departmentToken(server, hall.bodyId, '县教育局');
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: admin, json: { year: 2027, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString() } }));
  [selected, notSelected] = hall.projectIds;
  await publishedBallot(server, hall, { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 1 }, () => ({ [selected]: 'yes', [notSelected]: 'no' }));
}, 120_000);
afterAll(async () => server?.close());

describe('keeping ideas in the reserve', () => {
  it('keeps a not-selected project and an infeasible one with a note; refuses any other state', async () => {
    const kept = ok(await reserve('projects', notSelected, { reserve: true, note: '明年财力允许时再议' }));
    expect(kept).toMatchObject({ id: notSelected, status: 'not_selected', reserve: { note: '明年财力允许时再议' } });
    const p = await infeasible('县城公园扩建');
    ok(await reserve('projects', p.id, { reserve: true }));
    for (const id of [selected, (await project(2027, '草稿项目')).id]) {
      const r = await reserve('projects', id, { reserve: true, note: 'x' });
      expect([r.status, r.body.error.code]).toEqual([409, 'not_reservable']);
    }
    const listed = await theReserve();
    expect(listed.projects.map((x) => x.id).sort()).toEqual([notSelected, p.id].sort());
    expect(listed.projects.find((x) => x.id === notSelected)).toMatchObject({ year: 2027, status: 'not_selected', supporters: 0, note: '明年财力允许时再议' });
    // taking one out, then again (nothing changes twice)
    expect(ok(await reserve('projects', p.id, { reserve: false })).reserve).toBeNull();
    ok(await reserve('projects', p.id, { reserve: false }));
    expect((await theReserve()).projects.map((x) => x.id)).toEqual([notSelected]);
    const entries = (ok(await server.call('GET', `/api/bodies/${hall.bodyId}/audit?subject=${p.id}`, { token: admin })) as { items: { action: string }[] }).items.map((e) => e.action);
    expect(entries.filter((a) => a === 'project.reserved')).toHaveLength(1);
    expect(entries.filter((a) => a === 'project.unreserved')).toHaveLength(1);
  });

  it('keeps a not-adopted suggestion, not one waiting or adopted', async () => {
    const s = await suggest('图书馆延长开放');
    const waiting = await reserve('suggestions', s.id, { reserve: true });
    expect([waiting.status, waiting.body.error.code]).toEqual([409, 'not_reservable']);
    ok(await server.call('PUT', `/api/suggestions/${s.id}/status`, { token: admin, json: { status: 'not_adopted', reason: '今年经费不足' } }));
    const kept = ok(await reserve('suggestions', s.id, { reserve: true, note: '群众呼声高' }));
    expect(kept).toMatchObject({ id: s.id, status: 'not_adopted', reserve: { note: '群众呼声高' } });
    expect((await theReserve()).suggestions).toEqual([{ id: s.id, year: 2027, title: '图书馆延长开放', supporters: 1, note: '群众呼声高', description: '说明', category: '教育' }]);
  });

  it('refuses bad input and other bodies\' staff', async () => {
    for (const json of [{}, { reserve: 'yes' }, { reserve: true, note: 'x'.repeat(501) }, { reserve: true, extra: 1 }]) {
      expect((await reserve('projects', notSelected, json)).status, JSON.stringify(json)).toBe(422);
    }
    expect((await reserve('projects', 'zzzzzzzzzzzzzzzz', { reserve: true })).status).toBe(404);
    expect((await reserve('suggestions', 'zzzzzzzzzzzzzzzz', { reserve: true })).status).toBe(404);
    expect((await server.call('PUT', `/api/projects/${notSelected}/reserve`, { token: edu, json: { reserve: false } })).status).toBe(403);
    expect((await server.call('GET', `/api/bodies/${hall.bodyId}/reserve`, { token: edu })).status).toBe(403);
  });
});

describe('next year\'s screening starts from the reserve', () => {
  it('makes a draft from a reserved project: copied, its supporters counted, out of the reserve', async () => {
    const [a, b] = [await suggest('学校食堂改造'), await suggest('食堂改造提升')];
    ok(await server.call('POST', `/api/suggestions/${b.id}/merge`, { token: admin, json: { into: a.id } }));
    const old = await infeasible('学校食堂改造提升', { suggestionIds: [a.id], targets: ['改造食堂3所'] });
    ok(await reserve('projects', old.id, { reserve: true, note: '明年再议' }));
    // another reserved suggestion of 2027 joins the new draft
    const s = await suggest('食堂加装空调');
    ok(await server.call('PUT', `/api/suggestions/${s.id}/status`, { token: admin, json: { status: 'not_adopted', reason: '今年经费不足' } }));
    ok(await reserve('suggestions', s.id, { reserve: true }));

    const made = await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2028, fromReserve: old.id, suggestionIds: [s.id] } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      year: 2028, status: 'draft', title: '学校食堂改造提升', description: '学校食堂改造提升的说明', category: '教育', department: '县教育局',
      targets: ['改造食堂3所'], reservedFrom: { id: old.id, year: 2027 }, supporters: 3, suggestionIds: [s.id],
    });
    const after = await theReserve();
    expect(after.projects.map((x) => x.id)).not.toContain(old.id);
    expect(after.suggestions.map((x) => x.id)).not.toContain(s.id);
    expect(ok(await server.call('GET', `/api/suggestions/${s.trackingCode}`)).status).toBe('adopted');

    // not in the reserve any more; a year not later; fields given override
    const again = await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2029, fromReserve: old.id } });
    expect([again.status, again.body.error.code]).toEqual([409, 'not_in_reserve']);
    const sameYear = await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2027, fromReserve: notSelected } });
    expect([sameYear.status, sameYear.body.error.code]).toEqual([409, 'not_in_reserve']);
    expect((await theReserve()).projects.map((x) => x.id)).toContain(notSelected);
    const overridden = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2028, fromReserve: notSelected, title: '项目2（调整后）', department: '县体育局' } }));
    expect(overridden).toMatchObject({ title: '项目2（调整后）', department: '县体育局', reservedFrom: { id: notSelected, year: 2027 } });
    expect((ok(await server.call('GET', `/api/bodies/${hall.bodyId}/departments`, { token: admin })) as { name: string }[]).map((d) => d.name)).toContain('县体育局');
    // without fromReserve every field is needed; an unknown one is a field error
    const bare = await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2028 } });
    expect(bare.status).toBe(422);
    expect(bare.body.error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['title', 'department']));
    expect((await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2028, fromReserve: 'zzzzzzzzzzzzzzzz' } })).status).toBe(422);

    // the public page says where it came from, once it is public (on an approved list)
    ok(await server.call('PUT', `/api/projects/${made.body.id}/assessment`, { token: edu, json: { feasible: true, reason: '条件具备', investment: 300, completionDate: '2028-12-31' } }));
    const list = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/candidate-lists`, { token: admin, json: { year: 2028, projectIds: [made.body.id], seats: 1 } }));
    ok(await server.call('POST', `/api/candidate-lists/${list.id}/approve`, { token: admin, json: { meeting: '主任会议' } }));
    const page = ok(await server.call('GET', `/api/public/projects/${made.body.id}`));
    expect(page).toMatchObject({ reservedFrom: { id: old.id, year: 2027 }, supporters: 3 });
  });
});
