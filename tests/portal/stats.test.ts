// GET /api/public/bodies/:bodyId/stats: sums over a body and the bodies below it (city C over counties A, B).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok } from '../helpers/fixtures.js';
import { buildCity, type City } from './support.js';

let server: TestServer;
let city: City;
const stats = (bodyId: string, q = '') => server.call('GET', `/api/public/bodies/${bodyId}/stats${q}`);

beforeAll(async () => {
  server = await startTestServer({ today: '2027-08-15' });
  city = await buildCity(server);
  ok(await server.call('POST', `/api/public/projects/${city.ids.a1}/ratings`, { json: { grade: 'satisfied', deviceKey: randomBytes(24).toString('base64url') } }));
  ok(await server.call('POST', `/api/public/projects/${city.ids.a1}/ratings`, { json: { grade: 'unsatisfied', deviceKey: randomBytes(24).toString('base64url') } }));
}, 120_000);
afterAll(async () => server?.close());

describe('public stats', () => {
  it('sums the city over its counties; a county alone', async () => {
    const c = ok(await stats(city.cityId, '?year=2027'));
    // A: a0, a1, aSug selected, a2 not; B: b0 selected, b1 not. The draft of A is not public.
    expect(c.projects).toEqual({
      total: 6, byStatus: { selected: 4, not_selected: 2 }, byExecution: { in_progress: 1, done: 1, not_started: 2 }, byCategory: { 教育: 5, 交通出行: 1 },
    });
    // createHall's projects: 100 + i 万元; aSug 50.5
    expect(c.investment).toEqual({ total: 100 + 101 + 102 + 50.5 + 100 + 101, selected: 100 + 101 + 50.5 + 100, byStatus: { selected: 351.5, not_selected: 203 } });
    expect(c.grades).toMatchObject({ satisfactionRate: 1, satisfied: 6, basic: 6, unsatisfied: 0 });
    expect(c.grades.byRound.midyear).toEqual({ projects: { 满意: 1, 基本满意: 1 }, satisfied: 6, basic: 6, unsatisfied: 0, rate: 1 });
    expect(c.publicRatings).toEqual({ satisfied: 1, basic: 0, unsatisfied: 1, count: 2, rate: 0.5 });
    expect(c.suggestions).toEqual({ total: 3, byChannel: { web: 2, rep: 1 }, byCategory: { 交通出行: 2, 养老服务: 1 } });
    expect(c.supporters).toBe(2);
    expect(c.bodies).toBe(3);

    const b = ok(await stats(city.b.bodyId));
    expect(b.projects).toMatchObject({ total: 2, byStatus: { selected: 1, not_selected: 1 } });
    expect(b.investment.total).toBe(201);
    expect(b.grades.satisfactionRate).toBeNull();
    expect(b.suggestions.total).toBe(0);
  });

  it('filters by year, caches with an ETag, refuses bad input', async () => {
    expect(ok(await stats(city.cityId, '?year=2026')).projects.total).toBe(0);
    const first = await stats(city.cityId);
    const etag = first.headers.get('etag')!;
    expect((await server.call('GET', `/api/public/bodies/${city.cityId}/stats`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await stats(city.cityId, '?year=abc')).status).toBe(422);
    expect((await stats(city.cityId, '?year=2027&x=1')).status).toBe(422);
    expect((await stats('nosuchbody0')).status).toBe(404);
  });
});

describe('the staff overview of a city', () => {
  it('holds the selected projects of every county below, each with its body', async () => {
    const y = ok(await server.call('GET', `/api/bodies/${city.cityId}/implementation?year=2027`, { token: server.adminToken }));
    const byId = Object.fromEntries(y.projects.map((p: { id: string; bodyId: string }) => [p.id, p.bodyId]));
    expect(byId).toEqual({ [city.ids.a0]: city.a.bodyId, [city.ids.a1]: city.a.bodyId, [city.ids.aSug]: city.a.bodyId, [city.ids.b0]: city.b.bodyId });
    expect(y.dashboard.projects).toBe(4);
    const county = ok(await server.call('GET', `/api/bodies/${city.b.bodyId}/implementation?year=2027`, { token: server.adminToken }));
    expect(county.projects.map((p: { id: string }) => p.id)).toEqual([city.ids.b0]);
  });
});
