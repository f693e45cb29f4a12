// QUALITY.md "notices delivered", the hard part: SIGKILL of the server process while notices to people are
// in the outbox, then a restart on the same PostgreSQL database.
// - a notice being delivered when the process died (the webhook had it, no answer yet) goes out again once
//   its lease runs out, with the same Idempotency-Key, and is marked sent; nothing after that;
// - a notice written but not yet due when the process died is sent once by the next process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../../scripts/reliability/pg.js';
import { spawnServer, type ChildServer } from '../../scripts/reliability/child.js';
import { startWebhook, type Webhook } from '../helpers/webhook.js';

const adminPassword = 'outbox-kill-admin-password';

const waitFor = async (what: string, check: () => Promise<boolean> | boolean, ms = 30_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe.skipIf(!process.env.DATABASE_URL)('SIGKILL with notices in the outbox (PostgreSQL)', () => {
  let db: FreshDatabase;
  let hook: Webhook;
  const servers: ChildServer[] = [];
  const start = async () => {
    const s = await spawnServer({
      databaseUrl: db.url, adminPassword,
      env: { NOTIFY_SENDER: 'webhook', NOTIFY_WEBHOOK_URL: hook.url, OUTBOX_LEASE_SECONDS: '3', NOTIFY_WEBHOOK_TIMEOUT_MS: '20000' },
    });
    servers.push(s);
    return s;
  };

  beforeAll(async () => {
    db = await createFreshDatabase('minsheng_outbox_kill', process.env.DATABASE_URL);
    hook = await startWebhook();
  }, 60_000);
  afterAll(async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await hook?.close();
    await db?.drop();
  });

  it('loses no notice and sends none twice per Idempotency-Key', async () => {
    // a first start creates the schema; the notices are then written as a committed change would leave them
    await (await start()).stop();
    const sql = db.sql();
    await sql`insert into outbox (id, body_id, kind, "to", text) values ('inflight1', 'b', 'rep_suggestion', '13900000001', '在途')`;
    await sql`insert into outbox (id, body_id, kind, "to", text, next_at) values ('later1', 'b', 'dossier', '13900000002', '稍后', now() + interval '6 seconds')`;

    // The webhook takes the first notice and never answers: the process dies with it in flight.
    hook.answer = () => 'hang';
    const first = await start();
    await waitFor('the first delivery', () => hook.received.some((r) => r.body.id === 'inflight1'));
    await first.kill();
    const [claimed] = await sql`select status, attempts from outbox where id = 'inflight1'`;
    expect(claimed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(hook.received.filter((r) => r.body.id === 'later1')).toHaveLength(0);

    // The next process: the lease of the dead one runs out, the notice goes out again with the same key.
    hook.answer = () => 200;
    await start();
    await waitFor('both notices sent', async () => {
      const rows = await sql`select id from outbox where status = 'sent'`;
      return rows.length === 2;
    });
    const inflight = hook.received.filter((r) => r.body.id === 'inflight1');
    expect(inflight).toHaveLength(2);
    expect(inflight.map((r) => r.key)).toEqual(['inflight1', 'inflight1']);
    // and the second try came only after the lease (3 s after the claim), not at once
    expect(inflight[1].at - inflight[0].at).toBeGreaterThanOrEqual(2500);
    // written before the kill, due after it: sent exactly once, by the next process
    expect(hook.received.filter((r) => r.body.id === 'later1').map((r) => r.key)).toEqual(['later1']);

    // nothing more goes out once both are sent
    const seen = hook.received.length;
    await new Promise((r) => setTimeout(r, 4000));
    expect(hook.received.length).toBe(seen);
    const rows = await sql`select id, status, attempts, last_error from outbox order by id`;
    expect(rows.map((r) => [r.id, r.status, r.attempts])).toEqual([['inflight1', 'sent', 2], ['later1', 'sent', 1]]);
  }, 120_000);
});
