// openBallot, closeBallot, publishBallot, cancelBallot: each one transaction with its audit entry.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/connect.js';
import { ballotBox, ballotRoll, ballots, namedVotes, sessions } from '../db/schema.js';
import { conflict } from '../core/errors.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody } from '../bodies/tree.js';
import { writeAudit } from '../audit/log.js';
import { attendanceCounts, findSession, quorumOf } from '../sessions/queries.js';
import { computeResult } from '../../shared/counting/tally.js';
import type { BaseRule } from '../../shared/types.js';
import { ballotLockSpace, definitionOf, findBallot, type BallotRow } from './queries.js';
import { namedVotesOf, presentBase, tallyOf } from './counts.js';
import { describeBallot } from './describe.js';
import { applySelection } from '../screening/apply-selection.js';
import { recordGrades } from '../implementation/grades.js';

async function lockBallot(actor: StaffPrincipal, tx: Tx, ballotId: string): Promise<BallotRow> {
  const b = await findBallot(tx, ballotId);
  const s = await findSession(tx, b.sessionId);
  await assertStaffOfBody(tx, actor, s.bodyId);
  const [locked] = await tx.select().from(ballots).where(eq(ballots.id, ballotId)).for('update');
  return locked;
}

export async function openBallot(ctx: AppContext, actor: StaffPrincipal, ballotId: string) {
  const opened = await ctx.db.transaction(async (tx) => {
    const pre = await findBallot(tx, ballotId);
    // Serialise opens within a session, so "another ballot open" is decided on current data.
    const [session] = await tx.select().from(sessions).where(eq(sessions.id, pre.sessionId)).for('update');
    await assertStaffOfBody(tx, actor, session.bodyId);
    const b = await findBallot(tx, ballotId);
    if (b.state !== 'draft') throw conflict('ballot_not_draft', '只有草稿状态的表决可以开始 / only a draft ballot can be opened');
    if (session.state !== 'open') throw conflict('session_ended', '会议已结束 / the session has ended');
    const [other] = await tx.select({ id: ballots.id }).from(ballots).where(and(eq(ballots.sessionId, b.sessionId), eq(ballots.state, 'open')));
    if (other) throw conflict('another_ballot_open', '本次会议已有进行中的表决 / another ballot of this session is open');
    const { rosterSize, present } = await attendanceCounts(tx, b.sessionId);
    const quorum = quorumOf(session, rosterSize, present);
    if (!quorum.met) throw conflict('quorum_not_met', `实到 ${present} 人，未达到法定人数 / present ${present} of ${rosterSize} does not meet the quorum`);
    const [row] = await tx.update(ballots).set({ state: 'open', eligible: rosterSize, openedAt: sql`now()` }).where(eq(ballots.id, ballotId)).returning();
    await writeAudit(tx, { sessionId: b.sessionId, actor, action: 'ballot.opened', subject: ballotId, detail: { eligible: rosterSize, present } });
    return row;
  });
  ctx.live.touch(opened.sessionId, ballotId);
  return describeBallot(opened, { cast: 0 });
}

/**
 * Rewrites the roll and the box of a ballot in the closing transaction, sorted by member and by
 * receipt: afterwards every row carries the close's xmin and their physical order says nothing
 * about the order in which votes arrived.
 */
async function rewriteRollAndBox(tx: Tx, ballotId: string) {
  const box = await tx.select().from(ballotBox).where(eq(ballotBox.ballotId, ballotId)).orderBy(asc(ballotBox.receipt));
  const roll = await tx.select().from(ballotRoll).where(eq(ballotRoll.ballotId, ballotId)).orderBy(asc(ballotRoll.memberId));
  await tx.delete(ballotBox).where(eq(ballotBox.ballotId, ballotId));
  await tx.delete(ballotRoll).where(eq(ballotRoll.ballotId, ballotId));
  for (let i = 0; i < box.length; i += 1000) await tx.insert(ballotBox).values(box.slice(i, i + 1000));
  for (let i = 0; i < roll.length; i += 1000) await tx.insert(ballotRoll).values(roll.slice(i, i + 1000));
}

/**
 * Old row versions would still show the order of arrival: remove them once the close has committed.
 * A read that began before the commit (a live frame, say) keeps them alive for a moment, so the vacuum
 * runs again shortly after, in the background.
 */
export async function vacuumSecretTables(ctx: AppContext, again = [2_000, 30_000]) {
  try {
    await ctx.db.execute(sql`vacuum ballot_roll, ballot_box`);
  } catch (err) {
    console.warn('vacuum after close failed; it is retried shortly', (err as Error).message);
  }
  for (const delay of again) setTimeout(() => void vacuumSecretTables(ctx, []), delay).unref();
}

/**
 * Votes take this lock shared (cast.ts) and close/cancel take it exclusive. PostgreSQL's lock queue is
 * fair, so a close is not starved by a stream of votes the way a row lock wanted FOR UPDATE can be by
 * FOR SHARE lockers; every vote already holding it finishes first, every later one waits and then sees
 * the ballot closed.
 */
export async function lockBallotExclusive(tx: Tx, ballotId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(ballotLockSpace))}, hashtext(${ballotId}))`);
}

/** Tests switch the rewrite off to prove the secrecy test can fail; nothing else touches it. */
export const secrecyOptions = { rewriteOnClose: true };

export async function closeBallot(ctx: AppContext, actor: StaffPrincipal, ballotId: string) {
  const closed = await ctx.db.transaction(async (tx) => {
    await lockBallotExclusive(tx, ballotId);
    const b = await lockBallot(actor, tx, ballotId);
    if (b.state !== 'open') throw conflict('ballot_not_open', '表决未在进行中 / the ballot is not open');
    // The row lock above waited for every vote under way; no vote can enter after it.
    if (secrecyOptions.rewriteOnClose) await rewriteRollAndBox(tx, ballotId);
    const { tally, cast } = await tallyOf(tx, b);
    const eligible = b.eligible ?? 0;
    const base = b.baseRule === 'present' ? await presentBase(tx, b.sessionId, ballotId) : eligible;
    const named = b.secret ? undefined : await namedVotesOf(tx, ballotId);
    const result = computeResult(definitionOf(b), tally, { ballotId, base, baseRule: b.baseRule as BaseRule, eligible, cast, named });
    const [row] = await tx.update(ballots).set({ state: 'closed', closedAt: sql`now()`, base, cast, result }).where(eq(ballots.id, ballotId)).returning();
    await writeAudit(tx, { sessionId: b.sessionId, actor, action: 'ballot.closed', subject: ballotId, detail: { cast, base, eligible } });
    return row;
  });
  await vacuumSecretTables(ctx);
  ctx.live.touch(closed.sessionId, ballotId);
  return { ...describeBallot(closed), result: closed.result };
}

export async function publishBallot(ctx: AppContext, actor: StaffPrincipal, ballotId: string) {
  const published = await ctx.db.transaction(async (tx) => {
    const b = await lockBallot(actor, tx, ballotId);
    if (b.state !== 'closed') throw conflict('ballot_not_closed', '只有已结束的表决可以公布 / only a closed ballot can be published');
    const [row] = await tx.update(ballots).set({ state: 'published', publishedAt: sql`now()` }).where(eq(ballots.id, ballotId)).returning();
    await applySelection(tx, row);
    await recordGrades(tx, row);
    await writeAudit(tx, { sessionId: b.sessionId, actor, action: 'ballot.published', subject: ballotId });
    return row;
  });
  ctx.live.touch(published.sessionId, ballotId);
  return { ...describeBallot(published), result: published.result };
}

export async function cancelBallot(ctx: AppContext, actor: StaffPrincipal, ballotId: string, reason: string) {
  const cancelled = await ctx.db.transaction(async (tx) => {
    await lockBallotExclusive(tx, ballotId);
    const b = await lockBallot(actor, tx, ballotId);
    if (b.state !== 'draft' && b.state !== 'open') throw conflict('ballot_not_cancellable', '已结束的表决不能取消 / a closed ballot cannot be cancelled');
    // Ballots cast on a cancelled ballot are never counted or shown: remove them with the roll.
    await tx.delete(ballotBox).where(eq(ballotBox.ballotId, ballotId));
    await tx.delete(ballotRoll).where(eq(ballotRoll.ballotId, ballotId));
    await tx.delete(namedVotes).where(eq(namedVotes.ballotId, ballotId));
    const [row] = await tx.update(ballots).set({ state: 'cancelled', cancelledAt: sql`now()`, cancelReason: reason, cast: 0 }).where(eq(ballots.id, ballotId)).returning();
    await writeAudit(tx, { sessionId: b.sessionId, actor, action: 'ballot.cancelled', subject: ballotId, detail: { reason, wasOpen: b.state === 'open' } });
    return row;
  });
  await vacuumSecretTables(ctx);
  ctx.live.touch(cancelled.sessionId, ballotId);
  return describeBallot(cancelled);
}
