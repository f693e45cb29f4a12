// The demo county's outbox, as an admin finds it under 通知 after `npm start`: the notices the 代表码 requests
// sent (most sent, two failed with the gateway's error, one waiting for its next attempt), numbers masked, and a
// failed one sent again by hand goes out.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { seedDemo } from '../../server/demo/seed.js';
import { ok } from '../helpers/fixtures.js';

let server: TestServer;
let bodyId = '';
beforeAll(async () => {
  server = await startTestServer();
  ({ bodyId } = await seedDemo(server.ctx));
}, 60_000);
afterAll(async () => { await server?.close(); });

type Notice = { id: string; kind: string; to: string; text: string; status: string; attempts: number; sentAt: string | null; lastError: string | null };
const list = async (q = '') => ok(await server.call('GET', `/api/bodies/${bodyId}/notifications${q}`, { token: server.adminToken })) as { total: number; items: Notice[] };

it('has a history: sent ones, two failed with their error, one pending; both kinds the requests cause; numbers masked', async () => {
  const all = await list('?limit=200');
  expect(all.total).toBeGreaterThanOrEqual(6);
  const by = (status: string) => all.items.filter((n) => n.status === status);
  expect(by('sent').length).toBeGreaterThanOrEqual(3);
  expect(by('failed')).toHaveLength(2);
  for (const n of by('failed')) expect(n.lastError).toBeTruthy();
  expect(by('pending')).toHaveLength(1);
  expect([...new Set(all.items.map((n) => n.kind))]).toEqual(expect.arrayContaining(['rep_suggestion', 'suggestion_status']));
  expect(all.items.find((n) => n.kind === 'suggestion_status')!.text).toMatch(/代表已回复。详情：http.*\/track\//);
  for (const n of all.items) expect(n.to).toMatch(/^1\d\d\*{4}\d{4}$/);
  expect(JSON.stringify(all)).not.toMatch(/1\d{10}/);
});

it('a failed one sent again goes out (the log sender)', async () => {
  const [failed] = (await list('?status=failed')).items;
  expect(ok(await server.call('POST', `/api/notifications/${failed.id}/retry`, { token: server.adminToken })).status).toBe('pending');
  const until = Date.now() + 10_000;
  while ((await list('?status=sent')).items.every((n) => n.id !== failed.id)) {
    if (Date.now() > until) throw new Error('not sent');
    await new Promise((r) => setTimeout(r, 100));
  }
  expect((await list('?status=failed')).total).toBe(1);
});
