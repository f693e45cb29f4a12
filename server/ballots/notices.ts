// The presidium's notices (公告): one per published ballot, numbered per session with no gap or repeat.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { ballots, noticeCounters, notices, sessions } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { conflict, fieldError, notFound } from '../core/errors.js';
import { command, publicChange } from '../core/command.js';
import { findBody, bodyAndDescendants } from '../bodies/tree.js';
import { findSession } from '../sessions/queries.js';
import { noticeText, noticeTitle } from '../../shared/notice-text.js';
import type { BallotResult } from '../../shared/types.js';
import { iso } from '../db/time.js';

type NoticeRow = typeof notices.$inferSelect;

/** The whole notice; this object is also the payload of its JWS. */
export const describeNotice = (n: NoticeRow) => ({
  id: n.id, number: n.number, title: n.title, text: n.text, ballotId: n.ballotId, bodyId: n.bodyId, sessionId: n.sessionId, publishedAt: iso(n.publishedAt),
});

/**
 * publishNotice. The ballot row is locked first (two requests for one ballot: the second finds the first's
 * notice); the session's counter row is then incremented in the same transaction, so numbers are taken in
 * commit order and a failed transaction gives its number back. The unique index (session, number) backs it.
 */
export const publishNotice = command<{ sessionId: string; ballotId: string }>()({
  action: 'notice.published', stage: 'publication', roles: ['presider', 'admin'],
  scope: async (cx, input) => {
    const session = await findSession(cx.tx, input.sessionId);
    return { bodyId: session.bodyId, session };
  },
  run: async (cx, { sessionId, ballotId }, { session }) => {
    const { tx } = cx;
    const [ballot] = await tx.select().from(ballots).where(eq(ballots.id, ballotId)).for('update');
    if (!ballot || ballot.sessionId !== sessionId) throw fieldError('ballotId', '该会议没有这项表决 / no such ballot in this session');
    const [existing] = await tx.select().from(notices).where(eq(notices.ballotId, ballotId));
    if (existing) return { notice: describeNotice(existing), created: false };
    if (ballot.state !== 'published' || !ballot.result) throw conflict('ballot_not_published', '表决结果尚未公布 / the ballot is not published');
    const counted = await tx.insert(noticeCounters).values({ sessionId, last: 1 })
      .onConflictDoUpdate({ target: noticeCounters.sessionId, set: { last: sql`${noticeCounters.last} + 1` } }).returning({ last: noticeCounters.last });
    const number = counted[0].last;
    const publishedAt = new Date().toISOString();
    const source = {
      sessionName: session.name, sessionKind: session.kind as 'congress' | 'committee', ballotTitle: ballot.title,
      publishedAt: ballot.publishedAt ? iso(ballot.publishedAt) : publishedAt, number, result: ballot.result as BallotResult,
    };
    const [row] = await tx.insert(notices).values({
      id: newId(), bodyId: session.bodyId, sessionId, ballotId, number, title: noticeTitle(source), text: noticeText(source), publishedAt,
    }).returning();
    return { notice: describeNotice(row), created: true };
  },
  // Asking again answers the notice already issued, and changes nothing.
  audit: ({ notice, created }) => (created ? { sessionId: notice.sessionId, subject: { kind: 'notice', id: notice.id, label: notice.title }, detail: { number: notice.number, ballotId: notice.ballotId } } : null),
  effects: ({ created }) => (created ? [publicChange] : []),
});

export async function findNotice(ctx: AppContext, id: string) {
  const [row] = await ctx.db.select().from(notices).where(eq(notices.id, id));
  if (!row) throw notFound('公告');
  return describeNotice(row);
}

/** Notices of a body and every body below it, newest first. */
export async function publicNotices(ctx: AppContext, bodyId: string) {
  await findBody(ctx.db, bodyId);
  const ids = await bodyAndDescendants(ctx.db, bodyId);
  const rows = await ctx.db.select({ n: notices, sessionName: sessions.name }).from(notices).innerJoin(sessions, eq(sessions.id, notices.sessionId))
    .where(and(inArray(notices.bodyId, ids))).orderBy(desc(notices.publishedAt), desc(notices.number));
  return rows.map(({ n, sessionName }) => ({ id: n.id, number: n.number, title: n.title, ballotId: n.ballotId, bodyId: n.bodyId, sessionId: n.sessionId, sessionName, publishedAt: iso(n.publishedAt) }));
}
