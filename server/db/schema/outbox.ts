// Notices to people (SMS, WeChat…): written here in the same transaction as the change that causes them, and
// sent after the commit by the sender loop (server/outbox/sender.ts), so a restart loses none. The number is
// personal data: only an admin of the body reads it, masked (server/outbox/mask.ts); never in a log or export.
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export type OutboxKind = 'suggestion_status' | 'rep_suggestion' | 'dossier' | 'task' | 'red';
export type OutboxStatus = 'pending' | 'sent' | 'failed';

export const outbox = pgTable('outbox', {
  /** also the Idempotency-Key the webhook receives: a message tried again is recognised as the same one */
  id: text('id').primaryKey(),
  bodyId: text('body_id'),
  kind: text('kind').$type<OutboxKind>().notNull(),
  /** the mobile number, in full (masked wherever it is shown) */
  to: text('to').notNull(),
  text: text('text').notNull(),
  /**
   * the text's variable parts by name (a title, a tracking code, a link…): an SMS gateway sends a registered
   * template filled with these, not free text (docs/NOTICES.md)
   */
  params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
  status: text('status').$type<OutboxStatus>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  /** when it is due (again) */
  nextAt: instant('next_at').notNull().defaultNow(),
  /** a sender took it until then: another process leaves it alone (a killed sender's lease runs out) */
  lockedUntil: instant('locked_until'),
  lastError: text('last_error'),
  createdAt: instant('created_at').notNull().defaultNow(),
  sentAt: instant('sent_at'),
}, (t) => [index('outbox_due_idx').on(t.status, t.nextAt), index('outbox_body_idx').on(t.bodyId, t.createdAt)]);
