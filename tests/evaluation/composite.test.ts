// 综合满意度 (API.md "Evaluation"): a body's rule, household surveys, and the public project's `composite`
// with every part shown on its own; refusals of bad weights, bad surveys and unselected projects.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok } from '../helpers/fixtures.js';
import { buildCity, type City } from '../portal/support.js';

let server: TestServer;
let city: City;
const admin = () => ({ token: server.adminToken });
const code = async (r: Promise<{ status: number; body: any }>) => { const x = await r; return `${x.status} ${x.body?.error?.code ?? ''}`.trim(); };
const survey = { satisfied: 80, basic: 15, unsatisfied: 5, households: 120, method: '入户调查', date: '2027-07-01' };

beforeAll(async () => {
  server = await startTestServer({ today: '2027-08-15' });
  city = await buildCity(server);
}, 120_000);
afterAll(async () => server?.close());

describe('the rule', () => {
  it('is absent until set: the public rule is 404 and projects have no composite', async () => {
    expect(await code(server.call('GET', `/api/public/bodies/${city.a.bodyId}/satisfaction-rule`))).toBe('404 not_found');
    expect(ok(await server.call('GET', `/api/public/projects/${city.ids.a1}`)).composite).toBeNull();
  });

  it('refuses weights that do not sum to 1, negative or missing ones, and other callers', async () => {
    const put = (json: object, o = admin()) => code(server.call('PUT', `/api/bodies/${city.a.bodyId}/satisfaction-rule`, { ...o, json }));
    for (const weights of [{ members: 0.5, public: 0.5, survey: 0.1 }, { members: -0.1, public: 1, survey: 0.1 }, { members: 0.5, public: 0.5 }, { members: '0.5', public: 0.5, survey: 0 }]) {
      expect(await put({ weights }), JSON.stringify(weights)).toBe('422 invalid_input');
    }
    expect(await put({ weights: { members: 0.3, public: 0.6, survey: 0.1 } }, { token: city.deptA })).toBe('403 forbidden');
  });

  it('is published and replaced by an admin of the body, with a trail entry', async () => {
    ok(await server.call('PUT', `/api/bodies/${city.a.bodyId}/satisfaction-rule`, { ...admin(), json: { weights: { members: 0.5, public: 0.5, survey: 0 } } }));
    const r = ok(await server.call('PUT', `/api/bodies/${city.a.bodyId}/satisfaction-rule`, { ...admin(), json: { weights: { members: 0.3, public: 0.6, survey: 0.1 } } }));
    expect(r.weights).toEqual({ members: 0.3, public: 0.6, survey: 0.1 });
    expect(ok(await server.call('GET', `/api/public/bodies/${city.a.bodyId}/satisfaction-rule`))).toMatchObject({ bodyId: city.a.bodyId, weights: { members: 0.3, public: 0.6, survey: 0.1 } });
    const trail = ok(await server.call('GET', `/api/bodies/${city.a.bodyId}/audit?stage=evaluation`, admin()));
    expect(trail.items.filter((e: any) => e.action === 'satisfaction_rule.set')).toHaveLength(2);
  });
});

describe('surveys and the composite', () => {
  it('refuses a survey of an unselected project, counts beyond the households, and bad dates', async () => {
    const post = (id: string, json: object) => code(server.call('POST', `/api/projects/${id}/surveys`, { ...admin(), json }));
    expect(await post(city.ids.a2, survey)).toBe('409 project_not_selected');
    expect(await post(city.ids.a1, { ...survey, households: 50 })).toBe('422 invalid_input');
    expect(await post(city.ids.a1, { ...survey, date: '2027-7-1' })).toBe('422 invalid_input');
    expect(await post(city.ids.a1, { ...survey, satisfied: 1.5 })).toBe('422 invalid_input');
    expect(await post('nosuchproject', survey)).toBe('404 not_found');
  });

  it('weighs the members\' grade, the residents\' ratings and the latest survey, each shown on its own', async () => {
    // members: the midyear grade of a1 is 2 满意 + 4 基本满意 of 6: a 满意率 of 1
    for (const grade of ['satisfied', 'satisfied', 'basic', 'unsatisfied']) {
      ok(await server.call('POST', `/api/public/projects/${city.ids.a1}/ratings`, { json: { grade, deviceKey: randomBytes(24).toString('base64url') } }));
    }
    const only = ok(await server.call('GET', `/api/public/projects/${city.ids.a1}`)).composite;
    expect(only.parts).toEqual({ members: 1, public: 0.75 });
    expect(only.rate).toBe(Math.round(((0.3 * 1 + 0.6 * 0.75) / 0.9) * 10_000) / 10_000);

    ok(await server.call('POST', `/api/projects/${city.ids.a1}/surveys`, { ...admin(), json: { ...survey, date: '2027-06-01', satisfied: 10, basic: 0, unsatisfied: 90, households: 100 } }));
    const s = ok(await server.call('POST', `/api/projects/${city.ids.a1}/surveys`, { ...admin(), json: survey }));
    expect(s).toMatchObject({ projectId: city.ids.a1, ...survey });
    const page = ok(await server.call('GET', `/api/public/projects/${city.ids.a1}`));
    expect(page.composite).toEqual({ rate: 0.845, parts: { members: 1, public: 0.75, survey: 0.95 }, weights: { members: 0.3, public: 0.6, survey: 0.1 } });
    // and the other body, without a rule, shows none
    expect(ok(await server.call('GET', `/api/public/projects/${city.ids.b0}`)).composite).toBeNull();
  });
});
