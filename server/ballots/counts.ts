// Reading counts of a ballot from the database: the live tally while open, and the inputs of a result.
import { and, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { ballotBox, ballotRoll, members, namedVotes, roster } from '../db/schema.js';
import { tallyChoices } from '../../shared/counting/tally.js';
import type { Choices, Tally, YesNoAbstain } from '../../shared/types.js';
import { definitionOf, type BallotRow } from './queries.js';

export async function castCount(db: DbOrTx, ballotId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(ballotRoll).where(eq(ballotRoll.ballotId, ballotId));
  return row?.n ?? 0;
}

export async function namedVotesOf(db: DbOrTx, ballotId: string) {
  return db
    .select({ memberId: namedVotes.memberId, name: members.name, vote: namedVotes.vote })
    .from(namedVotes)
    .innerJoin(members, eq(members.id, namedVotes.memberId))
    .where(eq(namedVotes.ballotId, ballotId))
    .orderBy(members.name, namedVotes.memberId) as Promise<{ memberId: string; name: string; vote: YesNoAbstain }[]>;
}

/** The tally of everything in the box (or, for a named motion, of the named votes). */
export async function tallyOf(db: DbOrTx, b: BallotRow): Promise<{ tally: Tally; cast: number }> {
  const def = definitionOf(b);
  if (!b.secret) {
    const votes = await namedVotesOf(db, b.id);
    return { tally: tallyChoices(def, votes.map((v) => ({ vote: v.vote }))), cast: votes.length };
  }
  const rows = await db.select({ choices: ballotBox.choices }).from(ballotBox).where(eq(ballotBox.ballotId, b.id));
  return { tally: tallyChoices(def, rows.map((r) => r.choices as Choices)), cast: rows.length };
}

/** Rule `present`: members checked in at close, or who cast a ballot on it (so cast ≤ base). */
export async function presentBase(db: DbOrTx, sessionId: string, ballotId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(roster)
    .where(and(eq(roster.sessionId, sessionId), sql`(${roster.present} or exists (select 1 from ${ballotRoll} where ${ballotRoll.ballotId} = ${ballotId} and ${ballotRoll.memberId} = ${roster.memberId}))`));
  return row?.n ?? 0;
}
