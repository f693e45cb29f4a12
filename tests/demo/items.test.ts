// The demo county's 子项 right after `npm start`: the 2026 chest-pain centre in three items with their
// targets and percents, shown on its public page, its latest report carrying the same percents.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { seedDemo } from '../../server/demo/seed.js';
import { ok } from '../helpers/fixtures.js';

let server: TestServer;
let bodyId = '';
beforeAll(async () => {
  server = await startTestServer();
  ({ bodyId } = await seedDemo(server.ctx));
}, 90_000);
afterAll(async () => { await server?.close(); });

it('has one 2026 project with three items and their percents, on its public page', async () => {
  const y = ok(await server.call('GET', `/api/bodies/${bodyId}/implementation?year=2026`, { token: server.adminToken }));
  const withItems = [];
  for (const p of y.projects as { id: string; title: string }[]) {
    const page = ok(await server.call('GET', `/api/public/projects/${p.id}`));
    if (page.items.length) withItems.push(page);
  }
  expect(withItems).toHaveLength(1);
  const [page] = withItems;
  expect(page.title).toMatch(/胸痛中心/);
  expect(page.items.map((i: { percent: number }) => i.percent)).toEqual([100, 90, 65]);
  expect(page.items.every((i: { target: string | null }) => !!i.target)).toBe(true);
  expect(page.progress[0].items).toEqual(page.items.map((i: { id: string; percent: number }) => ({ itemId: i.id, percent: i.percent })));
});
