// The sender: takes due notices from the outbox and hands them to the configured sender — the server log
// (NOTIFY_SENDER=log, the default: the number masked) or a webhook (NOTIFY_SENDER=webhook, NOTIFY_WEBHOOK_URL: a
// POST of {id, kind, to, text, params} with `Idempotency-Key: <id>`; an SMS gateway or a WeChat template-message service
// sits behind it, docs/NOTICES.md). A 2xx marks it sent; anything else is tried again after a growing wait, and
// after the last attempt it is `failed` with the error, for an admin to send again.
//
// Every server process runs one: a notice is claimed with FOR UPDATE SKIP LOCKED and a lease, so two processes
// never send it at once, and one a killed process had claimed goes out again once its lease runs out (with the
// same Idempotency-Key: the receiver drops the repeat). With nothing due, nothing runs: the next wake-up is set
// for the next due notice, or comes from a change that wrote one.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { rowsOf } from '../db/connect.js';
import { maskPhone } from './mask.js';

/** Seconds after each failed attempt before the next: three within a minute, the last ~5 minutes after the first. */
export const retryWaits = [2, 6, 15, 30, 60, 120];
const batch = 20;

export interface SenderOptions {
  /** seconds between attempts (tests shorten them); default retryWaits */
  waits?: number[];
  /** how long a claimed notice is left alone by the other processes: longer than a delivery may take */
  leaseSeconds?: number;
}

export interface OutboxMessage { id: string; kind: string; to: string; text: string; params: Record<string, string> }
/** Delivers one message; throws (or rejects) with the reason when it was not accepted. */
export type Deliver = (m: OutboxMessage) => Promise<void>;

export function deliverFromEnv(env: NodeJS.ProcessEnv = process.env): Deliver {
  if (env.NOTIFY_SENDER === 'webhook') {
    const url = env.NOTIFY_WEBHOOK_URL;
    if (!url) throw new Error('NOTIFY_SENDER=webhook needs NOTIFY_WEBHOOK_URL');
    return webhook(url, Number(env.NOTIFY_WEBHOOK_TIMEOUT_MS) || 10_000);
  }
  if (env.NOTIFY_SENDER && env.NOTIFY_SENDER !== 'log') throw new Error(`NOTIFY_SENDER must be log or webhook, not ${env.NOTIFY_SENDER}`);
  return async (m) => { console.log(`notice ${m.id} (${m.kind}) to ${maskPhone(m.to)}: ${m.text}`); };
}

export function webhook(url: string, timeoutMs = 10_000): Deliver {
  return async (m) => {
    const res = await fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': m.id },
      body: JSON.stringify({ id: m.id, kind: m.kind, to: m.to, text: m.text, params: m.params }), signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered ${res.status} ${(await res.text().catch(() => '')).slice(0, 200)}`);
  };
}

export class OutboxSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  private readonly waits: number[];
  private readonly leaseSeconds: number;

  constructor(private readonly db: Db, private readonly deliver: Deliver, opts: SenderOptions = {}) {
    this.waits = opts.waits ?? retryWaits;
    this.leaseSeconds = opts.leaseSeconds ?? 30;
  }

  /** Something may be due now (a change wrote a notice, the server started, an admin asked to send again). */
  wake(): void {
    if (this.closed) return;
    if (this.running) { this.again = true; return; }
    this.running = this.run().catch((err) => console.error('outbox:', err)).finally(() => {
      this.running = null;
      if (this.again) { this.again = false; this.wake(); }
    });
  }

  /** Waits for the sending under way (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops waking, and gives a send under way a moment to record its outcome before the database closes (one cut
   *  short is sent again after its lease, with the same Idempotency-Key). */
  async close(graceMs = 2000): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.idle(), new Promise<void>((r) => { timer = setTimeout(r, graceMs); })]);
    clearTimeout(timer);
  }

  private async run(): Promise<void> {
    for (;;) {
      const claimed = rowsOf<OutboxMessage & { attempts: number }>(await this.db.execute(sql`
        update outbox set locked_until = now() + ${`${this.leaseSeconds} seconds`}::interval, attempts = attempts + 1
        where id in (select id from outbox where status = 'pending' and next_at <= now() and (locked_until is null or locked_until < now())
                     order by next_at, created_at limit ${batch} for update skip locked)
        returning id, kind, "to", text, params, attempts`));
      if (!claimed.length) break;
      await Promise.all(claimed.map((m) => this.send(m)));
    }
    await this.schedule();
  }

  private async send(m: OutboxMessage & { attempts: number }): Promise<void> {
    try {
      await this.deliver(m);
      await this.db.execute(sql`update outbox set status = 'sent', sent_at = now(), locked_until = null, last_error = null where id = ${m.id}`);
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const wait = this.waits[m.attempts - 1];
      if (wait === undefined) {
        await this.db.execute(sql`update outbox set status = 'failed', locked_until = null, last_error = ${error} where id = ${m.id}`);
      } else {
        await this.db.execute(sql`update outbox set next_at = now() + ${`${wait} seconds`}::interval, locked_until = null, last_error = ${error} where id = ${m.id}`);
      }
    }
  }

  /** Sleeps until the next notice is due (or a lease runs out); not at all when none is pending. */
  private async schedule(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const [next] = rowsOf<{ ms: number | null }>(await this.db.execute(sql`
      select extract(epoch from (min(greatest(next_at, coalesce(locked_until, next_at))) - now())) * 1000 as ms from outbox where status = 'pending'`));
    if (next?.ms === null || next?.ms === undefined || this.closed) return;
    this.timer = setTimeout(() => this.wake(), Math.max(50, Math.min(Number(next.ms) + 20, 300_000)));
    this.timer.unref();
  }
}
