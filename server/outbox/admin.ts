// The outbox as the body's admins see it: what was sent to whom (masked), what failed and why, and sending a
// failed notice again. Numbers are personal data: the list masks them; nothing here logs or exports one.
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { outbox, type OutboxKind, type OutboxStatus } from '../db/schema.js';
import { iso } from '../db/time.js';
import { command } from '../core/command.js';
import { conflict, notFound } from '../core/errors.js';
import { maskPhone } from './mask.js';

type Row = typeof outbox.$inferSelect;

export const describeNotice = (r: Row) => ({
  id: r.id, kind: r.kind, to: maskPhone(r.to), text: r.text, status: r.status, attempts: r.attempts,
  createdAt: iso(r.createdAt), sentAt: r.sentAt ? iso(r.sentAt) : null, lastError: r.lastError,
});

export interface NoticeQuery { status?: OutboxStatus; kind?: OutboxKind; offset?: number; limit?: number }

/** GET /api/bodies/:bodyId/notifications: newest first. */
export async function listNotices(db: DbOrTx, bodyId: string, q: NoticeQuery) {
  const conds: SQL[] = [eq(outbox.bodyId, bodyId)];
  if (q.status) conds.push(eq(outbox.status, q.status));
  if (q.kind) conds.push(eq(outbox.kind, q.kind));
  const where = and(...conds);
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: count() }).from(outbox).where(where),
    db.select().from(outbox).where(where).orderBy(desc(outbox.createdAt), desc(outbox.id)).offset(q.offset ?? 0).limit(q.limit ?? 50),
  ]);
  return { total, items: rows.map(describeNotice) };
}

/**
 * retryNotice: a notice whose attempts all failed (the gateway was down, a number was refused) goes out again
 * with a fresh round of attempts and the same Idempotency-Key.
 */
export const retryNotice = command<{ id: string }>()({
  action: 'notice_to_person.retried', stage: 'notification', roles: ['admin'],
  scope: async (cx, { id }) => {
    const [row] = await cx.tx.select().from(outbox).where(eq(outbox.id, id)).for('update');
    if (!row || !row.bodyId) throw notFound('通知');
    return { bodyId: row.bodyId, row };
  },
  run: async (cx, { id }, { row }) => {
    if (row.status !== 'failed') throw conflict('notice_not_failed', '只有发送失败的通知可以重发 / only a failed notice is sent again');
    const [updated] = await cx.tx.update(outbox).set({ status: 'pending', attempts: 0, nextAt: new Date().toISOString(), lockedUntil: null })
      .where(eq(outbox.id, id)).returning();
    return describeNotice(updated);
  },
  // the text may name a suggestion; the number never enters the trail
  audit: (n) => ({ subject: { kind: 'outbox', id: n.id, label: n.kind }, detail: { lastError: n.lastError } }),
  effects: [{ kind: 'after', name: 'send notices', run: async (ctx) => ctx.outbox.wake() }],
});
