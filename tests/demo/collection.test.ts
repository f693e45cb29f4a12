// The demo county's collection, as a resident and a clerk find it right after `npm start`.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { seedDemo } from '../../server/demo/seed.js';
import { ok } from '../helpers/fixtures.js';

let server: TestServer;
let bodyId = '';
let admin = '';
beforeAll(async () => {
  server = await startTestServer();
  ({ bodyId } = await seedDemo(server.ctx));
  admin = server.adminToken;
}, 60_000);
afterAll(async () => { await server?.close(); });

it('has this year\'s window open and last year\'s ~300 suggestions decided', async () => {
  const now = ok(await server.call('GET', `/api/public/bodies/${bodyId}/collection`));
  expect(now.window).toMatchObject({ year: 2028, open: true });
  const last = ok(await server.call('GET', `/api/public/bodies/${bodyId}/collection?year=2027`));
  expect(last.window).toMatchObject({ year: 2027, open: false });
  expect(last.received).toBeGreaterThanOrEqual(290);
  expect(last.adopted).toBe(12);
  expect(Object.keys(last.byChannel).sort()).toEqual(['department', 'rep', 'station', 'web']);
  expect(ok(await server.call('GET', `/api/public/bodies/${bodyId}/stations`))).toHaveLength(4);
  const inbox = ok(await server.call('GET', `/api/bodies/${bodyId}/suggestions?year=2027&limit=200`, { token: admin }));
  expect(inbox.facets.status).toMatchObject({ adopted: 12, not_adopted: expect.any(Number), referred: expect.any(Number), merged: expect.any(Number), received: expect.any(Number) });
  // Every adopted suggestion links to a candidate project whose residents it counts.
  const adopted = inbox.items.filter((s: any) => s.status === 'adopted');
  expect(adopted.every((s: any) => s.projectId && s.supporters > 10)).toBe(true);
});

it('lets a resident follow a merged suggestion to the project it became', async () => {
  const inbox = ok(await server.call('GET', `/api/bodies/${bodyId}/suggestions?year=2027&status=merged&limit=1`, { token: admin }));
  const t = ok(await server.call('GET', `/api/suggestions/${inbox.items[0].trackingCode}`));
  expect(t.status).toBe('merged');
  expect(t.mergedInto.title).toBeTruthy();
  expect(t.project).toMatchObject({ status: 'candidate' });
  expect(t.history.map((h: any) => h.status)).toEqual(['received', 'merged']);
  const similar = ok(await server.call('GET', `/api/public/bodies/${bodyId}/similar?text=${encodeURIComponent('城关镇公办幼儿园学位不够')}`));
  expect(similar.projects[0].title).toContain('幼儿园');
});
