// openBallot, closeBallot, publishBallot, cancelBallot: each one transaction with its audit entry.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { command, live, publicChange, type CommandContext } from '../core/command.js';
import { ballots, namedVotes, sessions } from '../db/schema.js';
import { conflict } from '../core/errors.js';
import { attendanceCounts, findSession, quorumOf } from '../sessions/queries.js';
import { computeResult } from '../../shared/counting/tally.js';
import type { BaseRule } from '../../shared/types.js';
import { ballotLockSpace, definitionOf, findBallot } from './queries.js';
import { namedVotesOf, presentBase, tallyOf } from './counts.js';
import { ballotSubject } from './create.js';
import { archiveSlot, assignSlot, freeSlot, lockSlot } from './live-slots.js';

/** The ballot, locked FOR UPDATE; its session's body is the scope. */
async function lockedBallot(cx: CommandContext<unknown>, input: { ballotId: string }) {
  const b = await findBallot(cx.tx, input.ballotId);
  const s = await findSession(cx.tx, b.sessionId);
  const [ballot] = await cx.tx.select().from(ballots).where(eq(ballots.id, input.ballotId)).for('update');
  return { bodyId: s.bodyId, ballot, session: s };
}

export const openBallot = command<{ ballotId: string }>()({
  action: 'ballot.opened', stage: 'vote', roles: ['presider', 'admin'],
  scope: async (cx, input) => {
    const pre = await findBallot(cx.tx, input.ballotId);
    // Serialise opens within a session, so "another ballot open" is decided on current data.
    const [session] = await cx.tx.select().from(sessions).where(eq(sessions.id, pre.sessionId)).for('update');
    return { bodyId: session.bodyId, session };
  },
  run: async (cx, { ballotId }, { session }) => {
    const b = await findBallot(cx.tx, ballotId);
    if (b.state !== 'draft') throw conflict('ballot_not_draft', '只有草稿状态的表决可以开始 / only a draft ballot can be opened');
    if (session.state !== 'open') throw conflict('session_ended', '会议已结束 / the session has ended');
    const [other] = await cx.tx.select({ id: ballots.id }).from(ballots).where(and(eq(ballots.sessionId, b.sessionId), eq(ballots.state, 'open')));
    if (other) throw conflict('another_ballot_open', '本次会议已有进行中的表决 / another ballot of this session is open');
    const { rosterSize, present } = await attendanceCounts(cx.tx, b.sessionId);
    const quorum = quorumOf(session, rosterSize, present);
    if (!quorum.met) throw conflict('quorum_not_met', `实到 ${present} 人，未达到法定人数 / present ${present} of ${rosterSize} does not meet the quorum`);
    await assignSlot(cx.tx, ballotId);
    const [row] = await cx.tx.update(ballots).set({ state: 'open', eligible: rosterSize, openedAt: sql`now()` }).where(eq(ballots.id, ballotId)).returning();
    return { row, present };
  },
  audit: ({ row, present }) => ({ sessionId: row.sessionId, subject: ballotSubject(row), detail: { eligible: row.eligible, present } }),
  effects: ({ row }) => [live(row.sessionId, row.id)],
});

/**
 * Votes take this lock shared (cast.ts) and close/cancel take it exclusive. PostgreSQL's lock queue is
 * fair, so a close is not starved by a stream of votes the way a row lock wanted FOR UPDATE can be by
 * FOR SHARE lockers; every vote already holding it finishes first, every later one waits and then sees
 * the ballot closed.
 */
export async function lockBallotExclusive(tx: Tx, ballotId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(ballotLockSpace))}, hashtext(${ballotId}))`);
}

/**
 * Tests switch the sorted move off (rows copied in arrival order, the slot left as it is) to prove the
 * secrecy test can fail; nothing else touches it.
 */
export const secrecyOptions = { rewriteOnClose: true };

/** The slot's partitions first, then the ballot's advisory lock: the order votes take them (live-slots.ts). */
async function lockForEnd(cx: CommandContext<unknown>, input: { ballotId: string }) {
  const slot = await lockSlot(cx.tx, input.ballotId);
  await lockBallotExclusive(cx.tx, input.ballotId);
  return { ...(await lockedBallot(cx, input)), slot };
}

export const closeBallot = command<{ ballotId: string }>()({
  action: 'ballot.closed', stage: 'vote', roles: ['presider', 'admin'],
  scope: lockForEnd,
  run: async (cx, { ballotId }, { ballot: b, slot }) => {
    const { tx } = cx;
    if (b.state !== 'open' || slot === null) throw conflict('ballot_not_open', '表决未在进行中 / the ballot is not open');
    // The locks above waited for every vote under way; no vote can enter after them. The roll and the
    // box move to ballot_roll / ballot_box, sorted, in this transaction (so they carry its xmin), and the
    // slot is truncated: nothing of the order or the transactions of the votes is left to vacuum.
    const rewrite = secrecyOptions.rewriteOnClose;
    await archiveSlot(tx, ballotId, slot, { sorted: rewrite, discard: rewrite });
    const { tally, cast } = await tallyOf(tx, b);
    const eligible = b.eligible ?? 0;
    const base = b.baseRule === 'present' ? await presentBase(tx, b.sessionId, ballotId) : eligible;
    const named = b.secret ? undefined : await namedVotesOf(tx, ballotId);
    const result = computeResult(definitionOf(b), tally, { ballotId, base, baseRule: b.baseRule as BaseRule, eligible, cast, named });
    const [row] = await tx.update(ballots).set({ state: 'closed', closedAt: sql`now()`, base, cast, result }).where(eq(ballots.id, ballotId)).returning();
    return row;
  },
  audit: (b) => ({ sessionId: b.sessionId, subject: ballotSubject(b), detail: { cast: b.cast, base: b.base, eligible: b.eligible } }),
  effects: (b) => [live(b.sessionId, b.id)],
});

/** Publishing makes the result public for good; the stages that care learn it in the same transaction. */
export const publishBallot = command<{ ballotId: string }>()({
  action: 'ballot.published', stage: 'vote', roles: ['presider', 'admin'],
  scope: lockedBallot,
  run: async (cx, { ballotId }, { ballot: b }) => {
    if (b.state !== 'closed') throw conflict('ballot_not_closed', '只有已结束的表决可以公布 / only a closed ballot can be published');
    const [row] = await cx.tx.update(ballots).set({ state: 'published', publishedAt: sql`now()` }).where(eq(ballots.id, ballotId)).returning();
    await cx.emit('ballot.published', { ballot: row });
    return row;
  },
  audit: (b) => ({ sessionId: b.sessionId, subject: ballotSubject(b) }),
  effects: (b) => [publicChange, live(b.sessionId, b.id)],
});

export const cancelBallot = command<{ ballotId: string; reason: string }>()({
  action: 'ballot.cancelled', stage: 'vote', roles: ['presider', 'admin'],
  scope: lockForEnd,
  run: async (cx, { ballotId, reason }, { ballot: b, slot }) => {
    const { tx } = cx;
    if (b.state !== 'draft' && b.state !== 'open') throw conflict('ballot_not_cancellable', '已结束的表决不能取消 / a closed ballot cannot be cancelled');
    // Ballots cast on a cancelled ballot are never counted or shown: the slot is emptied with the roll.
    if (slot !== null) await freeSlot(tx, ballotId, slot);
    await tx.delete(namedVotes).where(eq(namedVotes.ballotId, ballotId));
    const [row] = await tx.update(ballots).set({ state: 'cancelled', cancelledAt: sql`now()`, cancelReason: reason, cast: 0 }).where(eq(ballots.id, ballotId)).returning();
    return { row, wasOpen: b.state === 'open' };
  },
  audit: ({ row, wasOpen }, { reason }) => ({ sessionId: row.sessionId, subject: ballotSubject(row), detail: { reason, wasOpen } }),
  effects: ({ row }) => [live(row.sessionId, row.id)],
});
