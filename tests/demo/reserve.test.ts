// The demo county's departments list and reserve (储备库), as a clerk finds them after `npm start`: every
// department in use listed once, ideas of 2025 and 2026 kept with notes, one 2027 candidate from the 2025 reserve.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { seedDemo } from '../../server/demo/seed.js';
import { demoDepartments } from '../../server/demo/screening.js';
import { ok } from '../helpers/fixtures.js';

let server: TestServer;
let bodyId = '';
beforeAll(async () => {
  server = await startTestServer({ today: '2026-12-07' });
  ({ bodyId } = await seedDemo(server.ctx));
}, 60_000);
afterAll(async () => { await server?.close(); });

it('lists every department the demo\'s projects and department users name, once each', async () => {
  const names = (ok(await server.call('GET', `/api/bodies/${bodyId}/departments`, { token: server.adminToken })) as { name: string }[]).map((d) => d.name);
  expect(new Set(names).size).toBe(names.length);
  const projects = ok(await server.call('GET', `/api/bodies/${bodyId}/projects`, { token: server.adminToken })) as { department: string }[];
  expect(names.sort()).toEqual([...new Set([...projects.map((p) => p.department), ...demoDepartments.map((d) => d.department)])].sort());
});

it('keeps ideas of 2025, 2026 and 2027 in the reserve with notes, and a 2027 candidate came from it', async () => {
  const reserve = ok(await server.call('GET', `/api/bodies/${bodyId}/reserve`, { token: server.adminToken }));
  expect(reserve.projects.map((p: { year: number }) => p.year)).toEqual(expect.arrayContaining([2025, 2026, 2027]));
  expect(reserve.projects.every((p: { note: string | null; status: string }) => p.note && ['not_selected', 'infeasible'].includes(p.status))).toBe(true);
  expect(reserve.suggestions.length).toBeGreaterThan(0);
  const list = ok(await server.call('GET', `/api/bodies/${bodyId}/projects?year=2027`, { token: server.adminToken })) as { id: string; reservedFrom: { year: number } | null }[];
  const carried = list.filter((p) => p.reservedFrom);
  expect(carried.map((p) => p.reservedFrom!.year)).toEqual([2025]);
  expect(ok(await server.call('GET', `/api/public/projects/${carried[0].id}`)).reservedFrom).toMatchObject({ year: 2025 });
});
