// The demo county's outbox (通知 in the staff office): what the 代表码 requests of demo/reps.ts would have sent —
// each representative told of a request on their phone, each resident who ticked 通知我 told of the reply —
// mostly sent, two that failed with the gateway's error (for the 重试 button), one still waiting for its next
// attempt (the sender takes it up once its time comes). Written as the outbox rows the real triggers write (server/outbox/write.ts), with the same texts.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { members, outbox, suggestionReplies, suggestions } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { repNoticeText } from '../collection/suggestions.js';
import { suggestionMoves } from '../outbox/suggestion-notices.js';
import { mobileIn } from '../outbox/mask.js';
import { retryWaits } from '../outbox/sender.js';

type Row = typeof outbox.$inferInsert;
const later = (at: string, seconds: number) => new Date(Date.parse(at) + seconds * 1000).toISOString();
const clip = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);

/** The gateway's refusals as the sender records them (server/outbox/sender.ts: `webhook answered <status> <body>`). */
const errors = {
  down: 'webhook answered 503 {"code":"ServiceUnavailable","message":"短信网关维护中"}',
  timeout: 'The operation was aborted due to timeout',
  busy: 'webhook answered 502 Bad Gateway',
};

export async function seedNotices(tx: Tx, bodyId: string, opts: { origin: string; now: Date }) {
  const sent = await tx.select({
    id: suggestions.id, title: suggestions.title, trackingCode: suggestions.trackingCode, contact: suggestions.contact, notify: suggestions.notify,
    createdAt: suggestions.createdAt, phone: members.phone,
  }).from(suggestions).innerJoin(members, eq(members.id, suggestions.repId))
    .where(and(eq(suggestions.bodyId, bodyId), eq(suggestions.channel, 'rep_code'))).orderBy(asc(suggestions.createdAt), asc(suggestions.id));
  if (!sent.length) return { notices: 0 };
  const replies = await tx.select().from(suggestionReplies).where(inArray(suggestionReplies.suggestionId, sent.map((s) => s.id))).orderBy(asc(suggestionReplies.at));
  const newest = sent[sent.length - 1].id;

  const rows: Row[] = [];
  const failedOnce = (row: Row, lastError: string): Row => ({ ...row, status: 'failed', attempts: retryWaits.length + 1, sentAt: null, lastError });
  sent.forEach((s, i) => {
    if (!s.phone) return;
    const at = later(s.createdAt, 1);
    const row: Row = {
      id: newId(), bodyId, kind: 'rep_suggestion', to: s.phone, text: repNoticeText(s.title), params: {},
      status: 'sent', attempts: 1, createdAt: at, nextAt: at, sentAt: later(at, 2),
    };
    // the gateway was down for a while one afternoon, and slow another day: two notices gave up after every attempt
    rows.push(i === 1 ? failedOnce(row, errors.down) : i === 3 ? failedOnce(row, errors.timeout) : s.id === newest
      // the newest is still waiting for its next attempt (the gateway answered 502 four times so far: a minute's wait)
      ? { ...row, status: 'pending', attempts: 4, sentAt: null, lastError: errors.busy, nextAt: new Date(opts.now.getTime() + retryWaits[4] * 1000).toISOString() }
      : row);
  });
  for (const r of replies) {
    const s = sent.find((x) => x.id === r.suggestionId)!;
    const to = mobileIn(s.contact);
    if (!s.notify || !to) continue;
    const link = `${opts.origin}/track/${s.trackingCode}`;
    const at = later(r.at, 1);
    const row: Row = {
      id: newId(), bodyId, kind: 'suggestion_status', to, params: { title: clip(s.title), move: 'replied', moveText: suggestionMoves.replied, code: s.trackingCode, link },
      text: `【民生实事】您的建议「${clip(s.title)}」${suggestionMoves.replied}。详情：${link}`,
      status: 'sent', attempts: 1, createdAt: at, nextAt: at, sentAt: later(at, 1),
    };
    rows.push(row);
  }
  await tx.insert(outbox).values(rows);
  return { notices: rows.length };
}
