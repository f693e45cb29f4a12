// The demo county's 2027 vote, as a member finds it after `npm start`: the dossier was sent (材料提前送达), each
// candidate with its 民意指数 (adopted suggestions and those merged into them), the members with a phone told;
// and every 2026 project is public, so its 民生码 poster has a page to open.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { seedDemo } from '../../server/demo/seed.js';
import { ok } from '../helpers/fixtures.js';
import { outbox } from '../../server/db/schema.js';

let server: TestServer;
let demo: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  server = await startTestServer({ today: '2027-01-10' });
  demo = await seedDemo(server.ctx);
}, 60_000);
afterAll(async () => { await server?.close(); });

it('has a sent dossier for the 2027 vote, in the ballot\'s order, with residents\' demand', async () => {
  const { token } = ok(await server.call('POST', '/api/auth/member-login', { json: { code: demo.firstCodes[0] } }));
  const d = ok(await server.call('GET', `/api/sessions/${demo.sessionId}/dossier`, { token }));
  expect(d.sentAt).not.toBeNull();
  const session = ok(await server.call('GET', `/api/sessions/${demo.sessionId}`, { token }));
  const selection = session.ballots.find((b: any) => b.kind === 'selection');
  const ballot = ok(await server.call('GET', `/api/ballots/${selection.id}`, { token }));
  expect(d.projects.map((p: any) => p.id)).toEqual(ballot.options.map((o: any) => o.id));
  expect(d.projects.filter((p: any) => p.suggestions > 0).length).toBeGreaterThan(5);
  expect(d.projects.every((p: any) => p.completionDate && p.department)).toBe(true);
  // sending again changes nothing
  const presider = ok(await server.call('POST', '/api/auth/login', { json: { username: 'presider', password: 'minsheng-presider' } })).token;
  const again = await server.call('POST', `/api/sessions/${demo.sessionId}/dossier`, { token: presider });
  expect([again.status, again.body.sentAt]).toEqual([200, d.sentAt]);
  const rows = await server.ctx.db.select().from(outbox).where(eq(outbox.kind, 'dossier'));
  expect(rows).toHaveLength(5);
  expect(rows.every((r) => r.status === 'sent')).toBe(true);
});

it('lists every 2026 project of the county as selected and public (a 民生码 poster each)', async () => {
  const list = ok(await server.call('GET', `/api/public/bodies/${demo.bodyId}/projects?year=2026`));
  const own = list.filter((p: any) => p.bodyId === demo.bodyId && p.year === 2026 && p.status === 'selected');
  expect(own.length).toBeGreaterThanOrEqual(10);
  for (const p of own.slice(0, 3)) expect((await server.call('GET', `/api/public/projects/${p.id}`)).status).toBe(200);
});
