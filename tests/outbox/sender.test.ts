// Notices to people leave through the outbox (API.md "Notices to people", QUALITY.md "notices delivered"): a
// webhook that refuses, or is down, loses nothing; a notice that failed every attempt is `failed` with the error
// and goes out again by hand with the same Idempotency-Key; two senders never send one notice twice; a notice a
// killed sender had claimed goes out again once its lease runs out, with the same key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startWebhook, type Webhook } from '../helpers/webhook.js';
import { ok } from '../helpers/fixtures.js';
import { outbox } from '../../server/db/schema.js';
import { OutboxSender, retryWaits, webhook } from '../../server/outbox/sender.js';
import { newId } from '../../server/db/ids.js';

let server: TestServer;
let hook: Webhook;
let bodyId: string;

const waitFor = async (check: () => Promise<boolean> | boolean, ms = 20_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};
const rowOf = async (id: string) => (await server.ctx.db.select().from(outbox).where(eq(outbox.id, id)))[0];
const receivedFor = (id: string) => hook.received.filter((r) => r.body.id === id);
async function queue(to = '13912345678') {
  const id = newId();
  await server.ctx.db.insert(outbox).values({ id, bodyId, kind: 'rep_suggestion', to, text: `测试 ${id}` });
  return id;
}

beforeAll(async () => {
  hook = await startWebhook();
  // waits of a tenth of a second here; the real schedule's figures are checked on their own below
  // a generous timeout: on a loaded machine a slow answer would count as failed and be sent again (rightly, with
  // the same key), which would blur what the two-senders test checks
  server = await startTestServer({ deliver: webhook(hook.url, 15_000), outbox: { waits: [0.1, 0.2, 0.3, 0.4] } });
  bodyId = ok(await server.call('POST', '/api/bodies', { token: server.adminToken, json: { name: '通知县人大', level: 'county' } })).id;
}, 60_000);
afterAll(async () => { await server?.close(); await hook?.close(); });

describe('the sender', () => {
  it('posts {id, kind, to, text} with Idempotency-Key <id> and marks it sent on a 2xx', async () => {
    hook.answer = () => 204;
    const id = await queue();
    server.ctx.outbox.wake();
    await waitFor(async () => (await rowOf(id)).status === 'sent');
    const [r] = receivedFor(id);
    expect(r.key).toBe(id);
    expect(r.body).toEqual({ id, kind: 'rep_suggestion', to: '13912345678', text: `测试 ${id}`, params: {} });
    expect((await rowOf(id)).attempts).toBe(1);
  });

  it('a webhook refusing the first two attempts: the third delivers it, every time with the same key', async () => {
    const id = await queue();
    hook.answer = (r) => (r.body.id === id && receivedFor(id).length <= 2 ? 503 : 200);
    server.ctx.outbox.wake();
    await waitFor(async () => (await rowOf(id)).status === 'sent');
    expect(receivedFor(id).map((r) => r.key)).toEqual([id, id, id]);
    const row = await rowOf(id);
    expect(row.attempts).toBe(3);
    expect(row.lastError).toBeNull();
  });

  it('a webhook down through every attempt: `failed` with the error; sent again by hand, it arrives with the same key', async () => {
    const id = await queue();
    hook.answer = () => 500;
    server.ctx.outbox.wake();
    await waitFor(async () => (await rowOf(id)).status === 'failed');
    const failed = await rowOf(id);
    expect(failed.attempts).toBe(5);
    expect(failed.lastError).toMatch(/500/);
    const admin = ok(await server.call('POST', '/api/auth/login', { json: { username: 'admin', password: 'test-admin-password' } })).token;
    const listed = ok(await server.call('GET', `/api/bodies/${bodyId}/notifications?status=failed`, { token: admin }));
    expect(listed.items.map((n: { id: string }) => n.id)).toContain(id);
    hook.answer = () => 200;
    const retried = await server.call('POST', `/api/notifications/${id}/retry`, { token: admin });
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('pending');
    await waitFor(async () => (await rowOf(id)).status === 'sent');
    expect(new Set(receivedFor(id).map((r) => r.key))).toEqual(new Set([id]));
    const again = await server.call('POST', `/api/notifications/${id}/retry`, { token: admin });
    expect([again.status, again.body.error?.code]).toEqual([409, 'notice_not_failed']);
  });

  it('two senders on one database send each notice once', async () => {
    hook.answer = () => 200;
    const other = new OutboxSender(server.ctx.db, webhook(hook.url, 15_000));
    const ids = await Promise.all(Array.from({ length: 30 }, () => queue()));
    server.ctx.outbox.wake();
    other.wake();
    await waitFor(async () => (await Promise.all(ids.map(rowOf))).every((r) => r.status === 'sent'));
    await other.idle();
    other.close();
    for (const id of ids) expect(receivedFor(id)).toHaveLength(1);
  });

  it('a notice a sender claimed and never finished (killed mid-send) goes out again once its lease runs out', async () => {
    const id = await queue();
    hook.answer = (r) => (r.body.id === id && receivedFor(id).length === 1 ? 'hang' : 200);
    // a sender that hangs on the webhook stands for one killed between claiming and recording
    const killed = new OutboxSender(server.ctx.db, webhook(hook.url, 60_000), { leaseSeconds: 1 });
    killed.wake();
    await waitFor(() => receivedFor(id).length === 1);
    killed.close();
    server.ctx.outbox.wake();
    expect((await rowOf(id)).status).toBe('pending');
    await waitFor(async () => (await rowOf(id)).status === 'sent');
    expect(receivedFor(id).map((r) => r.key)).toEqual([id, id]);
  });
});

describe('the schedule (API.md: at least 3 attempts within 60 s, then failed)', () => {
  const startOf = (n: number) => retryWaits.slice(0, n - 1).reduce((a, b) => a + b, 0);
  it('tries three times within 60 s', () => {
    expect(startOf(3)).toBeLessThan(60);
  });
  it('outlasts a webhook down for 30 s: an attempt falls after it is back', () => {
    expect(startOf(retryWaits.length + 1)).toBeGreaterThan(30);
    expect(retryWaits.every((w, i) => i === 0 || w >= retryWaits[i - 1])).toBe(true);
  });
});
