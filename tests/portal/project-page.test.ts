// GET /api/public/projects/:id (API.md last section): public projects only, every field, ETag, and a
// change showing on the very next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok } from '../helpers/fixtures.js';
import { buildCity, type City } from './support.js';

let server: TestServer;
let city: City;
const page = (id: string, headers: Record<string, string> = {}) => server.call('GET', `/api/public/projects/${id}`, { headers });

beforeAll(async () => {
  server = await startTestServer({ today: '2027-08-15' });
  city = await buildCity(server);
}, 120_000);
afterAll(async () => server?.close());

describe('the public project page', () => {
  it('shows a selected project with everything API.md lists, and no private data', async () => {
    const { a0 } = city.ids;
    const r = await page(a0);
    expect(r.status).toBe(200);
    const p = r.body;
    expect(p).toMatchObject({
      id: a0, bodyId: city.a.bodyId, status: 'selected', supporters: 0, suggestions: 0, assessment: null,
      plan: { targets: ['新建幼儿园 1 所'], milestones: [{ title: '开工', due: '2099-03-31' }], funding: '县级财政 100 万元', completionDate: '2099-12-31' },
      supervisors: { lead: '代表2', members: ['代表2', '代表1'] },
      publicRatings: { satisfied: 0, basic: 0, unsatisfied: 0, count: 0 }, comments: [],
      carriedOverFrom: null, carriedOverTo: null, execution: 'in_progress', percent: 60,
    });
    expect(typeof p.bodyName).toBe('string');
    expect(p.progress.map((x: { percent: number }) => x.percent)).toEqual([60, 20]);
    expect(p.progress[0]).toMatchObject({ date: '2027-06-01', note: '主体施工', photos: [] });
    expect(p.inspections).toEqual([{ id: expect.any(String), date: '2027-04-10', findings: '施工进度正常', photos: [] }]);
    expect(p.rectifications).toEqual([]);
    expect(p.grades).toEqual([{ ballotId: city.ballots[2], round: 'midyear', grade: '满意', satisfied: 4, basic: 2, unsatisfied: 0, base: 6, rate: 1, publishedAt: expect.any(String) }]);
    // by day: the vote, plan and round happened today; the reports and the inspection carry 2027 dates
    expect(p.timeline.map((e: { stage: string }) => e.stage)).toEqual(['voted', 'assigned', 'graded', 'progress', 'inspected', 'progress']);
    const text = JSON.stringify(p);
    for (const m of city.a.members) expect(text.includes(m.id)).toBe(false);
  });

  it('gives a timeline of 点单 → 评单 with stage codes, phases and text', async () => {
    const { aSug } = city.ids;
    const p = ok(await page(aSug));
    expect(p).toMatchObject({ supporters: 2, suggestions: 2, execution: 'not_started', percent: 0, title: '幸福路口信号灯, "安全" 工程\n二期' });
    expect(p.timeline[0]).toMatchObject({ stage: 'suggested', phase: '点单', data: { suggestions: 2, supporters: 2 } });
    expect(p.timeline[1]).toMatchObject({ stage: 'voted', phase: '定单', data: { yes: 6, selected: true } });
    for (const e of p.timeline) expect(typeof e.text).toBe('string');
    const text = JSON.stringify(p);
    for (const secret of [...city.contacts, ...city.trackingCodes]) expect(text.includes(secret)).toBe(false);
  });

  it('the public list carries execution, percent and the latest grade of selected projects', async () => {
    const list = ok(await server.call('GET', `/api/public/bodies/${city.a.bodyId}/projects?year=2027`));
    const byId = Object.fromEntries(list.map((p: { id: string }) => [p.id, p]));
    expect(byId[city.ids.a1]).toMatchObject({ execution: 'done', percent: 100, grade: '基本满意' });
    expect(byId[city.ids.a2]).toMatchObject({ execution: null, percent: null, grade: null });
    expect(byId[city.ids.aDraft]).toBeUndefined();
  });

  it('shows a not-selected project without execution; 404 for a draft and an unknown id', async () => {
    expect(ok(await page(city.ids.a2))).toMatchObject({ status: 'not_selected', execution: null, plan: null, progress: [], grades: [] });
    expect((await page(city.ids.aDraft)).status).toBe(404);
    expect((await page(city.ids.aDraft)).body.error.code).toBe('not_found');
    expect((await page('nosuchproject0')).status).toBe(404);
    expect((await page('NOT-AN-ID')).status).toBe(404);
  });

  it('answers 304 to If-None-Match, and shows a new progress report on the next request', async () => {
    const { a0 } = city.ids;
    const first = await page(a0);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await page(a0, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    ok(await server.call('POST', `/api/projects/${a0}/progress`, { token: city.deptA, json: { percent: 80, note: '装修', date: '2027-08-01' } }));
    const after = await page(a0, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.body.progress[0]).toMatchObject({ percent: 80, date: '2027-08-01' });
    expect(after.headers.get('etag')).not.toBe(etag);
  });
});
