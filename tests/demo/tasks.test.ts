// The demo county's 督办单 right after `npm start`: 公交 red with an open task past its due day, 饮水's answered
// by its department, 路灯's closed, and the department of 公交 finding its task first in its workspace.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { seedDemo } from '../../server/demo/seed.js';
import { demoDepartmentPassword } from '../../server/demo/screening.js';
import { ok } from '../helpers/fixtures.js';

let server: TestServer;
let bodyId = '';
beforeAll(async () => {
  server = await startTestServer();
  ({ bodyId } = await seedDemo(server.ctx));
}, 90_000);
afterAll(async () => { await server?.close(); });

it('has a red project with an open, escalated task, one answered and one closed', async () => {
  const list = ok(await server.call('GET', `/api/bodies/${bodyId}/tasks`, { token: server.adminToken })) as any[];
  const of = (title: string) => list.find((t) => t.project.title.startsWith(title));
  expect(of('城乡公交一体化')).toMatchObject({ state: 'open', escalated: true, reason: 'behind' });
  expect(list[0].escalated).toBe(true);
  expect(of('农村饮水安全')).toMatchObject({ state: 'answered', escalated: false });
  expect(of('农村饮水安全').answer.photos).toHaveLength(1);
  expect(of('背街小巷路灯')).toMatchObject({ state: 'closed', reason: 'manual' });
  const y = ok(await server.call('GET', `/api/bodies/${bodyId}/implementation?year=2026`, { token: server.adminToken }));
  expect(y.projects.find((p: { title: string }) => p.title.startsWith('城乡公交一体化')).color).toBe('red');
  // the public page shows the closed one with its answer
  const page = ok(await server.call('GET', `/api/public/projects/${of('背街小巷路灯').projectId}`));
  expect(page.tasks[0]).toMatchObject({ state: 'closed', answer: { text: expect.stringContaining('46 盏') } });
});

it('the transport bureau finds its escalated task first', async () => {
  const token = ok(await server.call('POST', '/api/auth/login', { json: { username: 'dept-jiaotong', password: demoDepartmentPassword } })).token;
  const mine = ok(await server.call('GET', '/api/me/tasks', { token })) as any[];
  expect(mine[0]).toMatchObject({ state: 'open', escalated: true });
  expect(mine[0].project.title).toContain('公交');
});
