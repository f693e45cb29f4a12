// GET /api/projects/:id/surveys (the staff screen's past surveys): a project's household surveys, the latest —
// the one the combined satisfaction counts — first; staff of its body only; 404 for no such project.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok } from '../helpers/fixtures.js';
import { buildCity, type City } from '../portal/support.js';

let server: TestServer;
let city: City;
const admin = () => ({ token: server.adminToken });
const survey = { satisfied: 80, basic: 15, unsatisfied: 5, households: 120, method: '入户调查', date: '2027-07-01' };

beforeAll(async () => {
  server = await startTestServer({ today: '2027-08-15' });
  city = await buildCity(server);
}, 120_000);
afterAll(async () => server?.close());

it('lists a project\'s surveys, the latest first, and the latest is what its composite counts', async () => {
  const list = () => server.call('GET', `/api/projects/${city.ids.a1}/surveys`, admin());
  expect(ok(await list())).toEqual([]);
  ok(await server.call('PUT', `/api/bodies/${city.a.bodyId}/satisfaction-rule`, { ...admin(), json: { weights: { members: 0, public: 0, survey: 1 } } }));
  const later = ok(await server.call('POST', `/api/projects/${city.ids.a1}/surveys`, { ...admin(), json: { ...survey, date: '2027-07-20', satisfied: 60, basic: 20, unsatisfied: 20, households: 100 } }));
  const earlier = ok(await server.call('POST', `/api/projects/${city.ids.a1}/surveys`, { ...admin(), json: { ...survey, method: '电话回访' } }));
  const rows = ok(await list());
  expect(rows.map((s: { id: string }) => s.id)).toEqual([later.id, earlier.id]);
  expect(rows[0]).toEqual(later);
  expect(rows[1]).toMatchObject({ ...survey, method: '电话回访', projectId: city.ids.a1 });
  // the composite counts the latest by date (the first of the list), not the last recorded
  expect(ok(await server.call('GET', `/api/public/projects/${city.ids.a1}`)).composite.parts.survey).toBeCloseTo(0.8, 9);
  // another project's list is its own
  expect(ok(await server.call('GET', `/api/projects/${city.ids.b0}/surveys`, admin()))).toEqual([]);
});

it('answers 404 for no such project and refuses callers who are not staff', async () => {
  const r = await server.call('GET', '/api/projects/nosuchproject/surveys', admin());
  expect([r.status, r.body?.error?.code]).toEqual([404, 'not_found']);
  expect((await server.call('GET', `/api/projects/${city.ids.a1}/surveys`)).status).toBe(401);
  expect((await server.call('GET', `/api/projects/${city.ids.a1}/surveys`, { token: city.deptA })).status).toBe(403);
});
