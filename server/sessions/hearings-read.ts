// A session's hearings (听取报告) as the console, the tablets and the big screen read them: the agenda in
// order, each with its reporter, its document and the evaluation ballot it comes before.
import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/connect.js';
import { ballots, files, hearings } from '../db/schema.js';
import type { Principal } from '../core/principal.js';
import { iso } from '../db/time.js';
import { findSession } from './queries.js';
import { assertCanSeeSession } from './service.js';

export type HearingRow = typeof hearings.$inferSelect;

/** The hearings of a session, first on the agenda first, described. */
export async function hearingsOfSession(db: DbOrTx, sessionId: string) {
  const rows = await db
    .select({
      h: hearings,
      ballotTitle: ballots.title, ballotState: ballots.state,
      fileSize: files.size, fileMime: files.mime,
    })
    .from(hearings)
    .leftJoin(ballots, eq(ballots.id, hearings.ballotId))
    .leftJoin(files, eq(files.id, hearings.fileId))
    .where(eq(hearings.sessionId, sessionId))
    .orderBy(asc(hearings.position), asc(hearings.createdAt), asc(hearings.id));
  return rows.map((r) => describeHearing(r.h, r.h.ballotId && r.ballotTitle != null ? { title: r.ballotTitle, state: r.ballotState! } : null, r.fileSize));
}

export function describeHearing(h: HearingRow, ballot: { title: string; state: string } | null, fileSize: number | null) {
  return {
    id: h.id, sessionId: h.sessionId, position: h.position, kind: h.kind, title: h.title,
    reporter: { name: h.reporter, post: h.reporterPost, memberId: h.reporterMemberId },
    document: h.fileId ? { id: h.fileId, url: `/api/files/${h.fileId}`, size: fileSize ?? 0 } : null,
    ballot: h.ballotId && ballot ? { id: h.ballotId, title: ballot.title, state: ballot.state } : null,
    createdAt: iso(h.createdAt), updatedAt: iso(h.updatedAt),
  };
}
export type Hearing = ReturnType<typeof describeHearing>;

/** GET /api/sessions/:id/hearings: whoever may look at the session (its staff, its roster, its big screen). */
export async function listHearings(ctx: AppContext, p: Principal, sessionId: string) {
  const s = await findSession(ctx.db, sessionId);
  await assertCanSeeSession(ctx, p, s);
  return hearingsOfSession(ctx.db, sessionId);
}
