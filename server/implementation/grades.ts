// A published satisfaction ballot records each project's grade with its round, in the publishing
// transaction; 不满意 makes the project rectifying until a later round grades it better.
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { ballotRounds, projectGrades } from '../db/schema.js';
import type { BallotRow } from '../ballots/queries.js';
import type { SatisfactionResult } from '../../shared/types.js';
import { iso } from '../db/time.js';


export async function recordGrades(tx: Tx, ballot: BallotRow): Promise<void> {
  if (ballot.kind !== 'satisfaction' || !ballot.result) return;
  const result = ballot.result as SatisfactionResult;
  const [r] = await tx.select().from(ballotRounds).where(eq(ballotRounds.ballotId, ballot.id));
  const publishedAt = ballot.publishedAt ?? new Date().toISOString();
  const rows = result.options.map((o) => ({
    ballotId: ballot.id, projectId: o.id, round: r?.round ?? 'yearend', grade: o.grade, satisfied: o.satisfied, basic: o.basic,
    unsatisfied: o.unsatisfied, base: result.base, rate: o.rate, publishedAt,
  }));
  if (rows.length) await tx.insert(projectGrades).values(rows).onConflictDoNothing();
}

export async function setRound(tx: Tx, ballotId: string, round: string | undefined) {
  if (round) await tx.insert(ballotRounds).values({ ballotId, round });
}
