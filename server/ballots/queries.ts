import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { ballots } from '../db/schema.js';
import { notFound } from '../core/errors.js';
import type { BallotDefinition } from '../../shared/ballot-definition.js';
import type { BallotForm, BallotKind, BallotOption, BallotResult } from '../../shared/types.js';

export type BallotRow = typeof ballots.$inferSelect;

export async function findBallot(db: DbOrTx, ballotId: string): Promise<BallotRow> {
  const [row] = await db.select().from(ballots).where(eq(ballots.id, ballotId));
  if (!row) throw notFound('表决');
  return row;
}

/** A closed or published ballot's result: closing counts it and keeps it in the same update (lifecycle.ts). */
export function countedResult(b: BallotRow): BallotResult {
  if (!b.result) throw new Error(`ballot ${b.id} (${b.state}) has no result`);
  return b.result;
}

export function optionsOf(b: BallotRow): BallotOption[] {
  return b.options as BallotOption[];
}

export function definitionOf(b: BallotRow): BallotDefinition {
  return {
    kind: b.kind as BallotKind,
    form: (b.form as BallotForm | null) ?? undefined,
    seats: b.seats ?? undefined,
    question: b.question ?? undefined,
    ...(b.evaluation ? { evaluation: { form: b.evaluation.form, ...(b.evaluation.scale ? { scale: b.evaluation.scale } : {}), ...(b.evaluation.flags ? { flags: b.evaluation.flags } : {}) } } : {}),
    ...(b.byItem ? { byItem: true } : {}),
    // a byItem ballot's item options say which project they belong to (the count groups them)
    options: optionsOf(b).map((o) => (o.item ? { id: o.id, title: o.title, item: o.item } : { id: o.id, title: o.title })),
  };
}

/** What never changes once a ballot exists: safe to keep in memory on the voting hot path. */
export interface BallotShape {
  id: string;
  sessionId: string;
  secret: boolean;
  definition: BallotDefinition;
}

const shapes = new Map<string, BallotShape>();

/** Namespace of the per-ballot advisory lock: votes take it shared, close and cancel exclusive (lifecycle.ts). */
export const ballotLockSpace = 7310002;

/**
 * The CTE every vote statement starts with ($1 the ballot): the ballot row read FOR SHARE under the
 * shared advisory lock, so a close waits for the votes under way and a later vote sees it closed.
 */
export const lockedBallotCte = `b as (select state, session_id, live_slot from ballots
             where id = $1 and pg_advisory_xact_lock_shared(${ballotLockSpace}, hashtext($1)) is not null for share)`;

export async function ballotShape(db: DbOrTx, ballotId: string): Promise<BallotShape> {
  const cached = shapes.get(ballotId);
  if (cached) return cached;
  const b = await findBallot(db, ballotId);
  const shape = { id: b.id, sessionId: b.sessionId, secret: b.secret, definition: definitionOf(b) };
  if (shapes.size > 10000) shapes.clear();
  shapes.set(ballotId, shape);
  return shape;
}
