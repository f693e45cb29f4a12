// 子项 (API.md "Evaluation"): a selected project's items set by its carrying department or an admin,
// replaced keeping the percent of an unchanged title, moved by progress reports, shown on the public page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, departmentToken, publishedBallot, type Hall } from '../helpers/fixtures.js';

let server: TestServer;
let hall: Hall;
let dept = '';
let otherDept = '';
let p0 = '';
let p2 = '';

const status = async (r: Promise<{ status: number; body: any }>) => { const x = await r; return `${x.status} ${x.body?.error?.code ?? ''}`.trim(); };
const put = (token: string, projectId: string, json: object) => server.call('PUT', `/api/projects/${projectId}/items`, { token, json });

beforeAll(async () => {
  server = await startTestServer({ today: '2027-03-25' });
  hall = await createHall(server, { members: 10, projects: 3, checkIn: 'all' });
  [p0, , p2] = hall.projectIds;
  dept = await departmentToken(server, hall.bodyId, '教育局');
  otherDept = await departmentToken(server, hall.bodyId, '交通局');
  await publishedBallot(server, hall, { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 2 }, () => ({ [p0]: 'yes', [hall.projectIds[1]]: 'yes', [p2]: 'no' }));
}, 120_000);
afterAll(async () => server?.close());

describe('project items (子项)', () => {
  let ids: string[] = [];

  it('the carrying department sets the items of a selected project, in order, at 0 %', async () => {
    const r = await put(dept, p0, { items: [{ title: '城东幼儿园', target: '新增学位 270 个' }, { title: '城西幼儿园' }] });
    expect(r.status).toBe(200);
    expect(r.body.id).toBe(p0);
    expect(r.body.items).toMatchObject([{ title: '城东幼儿园', target: '新增学位 270 个', percent: 0 }, { title: '城西幼儿园', target: null, percent: 0 }]);
    ids = r.body.items.map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('refuses: another department 403, a project not selected 409, bad input 422', async () => {
    expect(await status(put(otherDept, p0, { items: [{ title: 'x' }] }))).toBe('403 not_your_department');
    expect(await status(put(hall.presiderToken, p0, { items: [{ title: 'x' }] }))).toBe('403 forbidden');
    expect(await status(put(hall.members[0].token, p0, { items: [{ title: 'x' }] }))).toBe('403 forbidden');
    expect(await status(put(server.adminToken, p2, { items: [{ title: 'x' }] }))).toBe('409 project_not_selected');
    expect(await status(put(dept, p0, { items: [{ title: 'x' }, { title: 'x' }] }))).toBe('422 invalid_input');
    expect(await status(put(dept, p0, { items: [{ title: '' }] }))).toBe('422 invalid_input');
    expect(await status(put(dept, p0, { items: [{ title: 'x', extra: 1 }] }))).toBe('422 invalid_input');
    // nothing changed by the refusals
    const page = await server.call('GET', `/api/public/projects/${p0}`);
    expect(page.body.items.map((i: { id: string }) => i.id)).toEqual(ids);
  });

  it('a progress report moves each named item\'s percent and stores them', async () => {
    const r = await server.call('POST', `/api/projects/${p0}/progress`, { token: dept, json: { percent: 40, note: '两园同步施工', date: '2027-03-20', items: [{ itemId: ids[0], percent: 60 }, { itemId: ids[1], percent: 20 }] } });
    expect(r.status).toBe(201);
    expect(r.body.items).toEqual([{ itemId: ids[0], percent: 60 }, { itemId: ids[1], percent: 20 }]);
    const detail = await server.call('GET', `/api/projects/${p0}/implementation`, { token: dept });
    expect(detail.body.items.map((i: { percent: number }) => i.percent)).toEqual([60, 20]);
    expect(detail.body.progress[0].items).toEqual([{ itemId: ids[0], percent: 60 }, { itemId: ids[1], percent: 20 }]);
  });

  it('a report naming an item of another project, a repeated item or a percent out of range is 422, changing nothing', async () => {
    const other = await put(server.adminToken, hall.projectIds[1], { items: [{ title: '别的' }] });
    expect(other.status).toBe(200);
    const foreign = other.body.items[0].id;
    const report = (items: object[]) => status(server.call('POST', `/api/projects/${p0}/progress`, { token: dept, json: { percent: 50, note: 'x', date: '2027-03-21', items } }));
    expect(await report([{ itemId: foreign, percent: 50 }])).toBe('422 invalid_input');
    expect(await report([{ itemId: ids[0], percent: 70 }, { itemId: ids[0], percent: 80 }])).toBe('422 invalid_input');
    expect(await report([{ itemId: ids[0], percent: 101 }])).toBe('422 invalid_input');
    expect(await report([{ itemId: ids[0], percent: 50.5 }])).toBe('422 invalid_input');
    const detail = await server.call('GET', `/api/projects/${p0}/implementation`, { token: dept });
    expect(detail.body.items.map((i: { percent: number }) => i.percent)).toEqual([60, 20]);
    expect(detail.body.progress).toHaveLength(1);
  });

  it('replacing keeps the id and percent of an unchanged title; a new title starts at 0 %', async () => {
    const r = await put(server.adminToken, p0, { items: [{ title: '城西幼儿园', target: '新增学位 180 个' }, { title: '城北幼儿园' }] });
    expect(r.status).toBe(200);
    expect(r.body.items).toMatchObject([{ id: ids[1], title: '城西幼儿园', target: '新增学位 180 个', percent: 20 }, { title: '城北幼儿园', percent: 0 }]);
    expect(r.body.items[1].id).not.toBe(ids[0]);
  });

  it('the public page shows the items with title, target and percent', async () => {
    const page = await server.call('GET', `/api/public/projects/${p0}`);
    expect(page.status).toBe(200);
    expect(page.body.items).toMatchObject([{ title: '城西幼儿园', target: '新增学位 180 个', percent: 20 }, { title: '城北幼儿园', target: null, percent: 0 }]);
  });

  it('the trail records the change', async () => {
    const trail = await server.call('GET', `/api/bodies/${hall.bodyId}/audit?subject=${p0}&stage=implementation`, { token: server.adminToken });
    expect(trail.status).toBe(200);
    const entries = JSON.stringify(trail.body);
    expect(entries.match(/project\.items_set/g)?.length).toBe(2);
  });
});
