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
  ({ bodyId } = await seedDemo(server.ctx.db, server.ctx.secrets));
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
