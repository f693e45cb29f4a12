// Reading counts of a ballot from the database: the live tally while open, and the inputs of a result.
import { and, count, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx, type RawQuery } from '../db/connect.js';
import { ballotBox, ballotRoll, members, namedVotes, roster } from '../db/schema.js';
import { bothPlaces, liveBox, liveRoll, slotIn } from './live-slots.js';
import { emptyTally, tallyChoices } from '../../shared/counting/tally.js';
import type { Choices, Tally, YesNoAbstain } from '../../shared/types.js';
import { definitionOf, type BallotRow } from './queries.js';

/** Members on the roll: in the ballot's slot while open, in ballot_roll once closed (one statement, see bothPlaces). */
export async function castCount(db: DbOrTx, ballotId: string): Promise<number> {
  const slot = await slotIn(db, ballotId);
  const live = slot === null ? sql`` : sql` + (select count(*) from ${sql.raw(liveRoll(slot))} where ballot_id = ${ballotId})`;
  const [row] = rowsOf<{ n: number | string }>(await db.execute(sql`select (select count(*) from ballot_roll where ballot_id = ${ballotId})${live} as n`));
  return Number(row?.n ?? 0);
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
  // An open ballot's box is still in its slot; once closed (or from the close's own archive on) in ballot_box.
  const slot = await slotIn(db, b.id);
  const rows = slot === null
    ? await db.select({ choices: ballotBox.choices }).from(ballotBox).where(eq(ballotBox.ballotId, b.id))
    : rowsOf<{ choices: unknown }>(await db.execute(sql`select choices from ${sql.raw(liveBox(slot))} where ballot_id = ${b.id}
        union all select choices from ballot_box where ballot_id = ${b.id}`));
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

/**
 * The tally of an open ballot for the live screens, counted by the database: one pass over the
 * ballot's box with a FILTER count per (option, choice) — twice as fast as unnesting every choice
 * with jsonb_each — so only one row crosses the wire instead of every ballot in the box. Same numbers
 * as tallyOf (a candidate left out of a per_candidate ballot, or not ticked on a choose_n one, counts
 * as abstain); tallyOf stays the one that decides a result. The statement's text depends only on the
 * kind and the number of options (ids are parameters), so it is prepared once per shape.
 */
export async function liveTallyOf(query: RawQuery, b: BallotRow): Promise<{ tally: Tally; cast: number }> {
  const def = definitionOf(b);
  const tally = emptyTally(def);
  if (!b.secret) {
    const rows = await query<{ v: string; n: number | string }>(
      'select vote as v, count(*) as n from named_votes where ballot_id = $1 group by vote', [b.id]);
    let cast = 0;
    for (const r of rows) {
      cast += Number(r.n);
      if (tally.kind === 'motion' && (r.v === 'yes' || r.v === 'no' || r.v === 'abstain')) tally[r.v] += Number(r.n);
    }
    return { tally, cast };
  }
  const chooseN = def.kind === 'selection' && (def.form ?? 'per_candidate') === 'choose_n';
  const ids = def.options.map((o) => o.id);
  // parameters: $1 the ballot, $2.. the option ids
  let exprs: string[];
  if (tally.kind === 'motion') {
    exprs = ['yes', 'no', 'abstain'].map((v) => `count(*) filter (where choices->>'vote' = '${v}')`);
  } else if (chooseN) {
    exprs = ids.map((_, i) => `count(*) filter (where (choices->'selected') ? $${i + 2}::text)`);
  } else if (tally.kind === 'evaluation' && tally.form === 'score') {
    // a score per subject: how many scored it and their sum (every ballot scores every subject)
    exprs = [];
    ids.forEach((_, i) => {
      exprs.push(`count(*) filter (where choices ? $${i + 2}::text)`);
      exprs.push(`coalesce(sum((choices->>$${i + 2}::text)::bigint), 0)`);
    });
  } else {
    const values = tally.kind === 'satisfaction' || tally.kind === 'evaluation' ? ['satisfied', 'basic', 'unsatisfied'] : ['yes', 'no'];
    exprs = [];
    ids.forEach((_, i) => values.forEach((v) => {
      exprs.push(`count(*) filter (where choices->>$${i + 2}::text = '${v}')`);
    }));
  }
  // While open the ballots are in the ballot's slot; a close committing meanwhile moves them to ballot_box.
  const text = `select count(*) as c${exprs.map((e, i) => `, ${e} as n${i}`).join('')} from (${bothPlaces('box', b.liveSlot, 'choices')}) box`;
  const [row] = await query<Record<string, number | string>>(text, tally.kind === 'motion' ? [b.id] : [b.id, ...ids]);
  const n = (i: number) => Number(row[`n${i}`]);
  const cast = Number(row.c);
  if (tally.kind === 'motion') {
    tally.yes = n(0); tally.no = n(1); tally.abstain = n(2);
  } else if (chooseN && tally.kind === 'selection') {
    tally.options.forEach((o, i) => { o.yes = n(i); o.abstain = cast - o.yes; });
  } else if (tally.kind === 'evaluation' && tally.form === 'score') {
    tally.options.forEach((o, i) => { o.count = n(2 * i); o.sum = n(2 * i + 1); });
  } else if (tally.kind === 'satisfaction' || tally.kind === 'evaluation') {
    tally.options.forEach((o, i) => { o.satisfied = n(3 * i); o.basic = n(3 * i + 1); o.unsatisfied = n(3 * i + 2); });
  } else if (tally.kind === 'selection') {
    tally.options.forEach((o, i) => { o.yes = n(2 * i); o.no = n(2 * i + 1); o.abstain = cast - o.yes - o.no; });
  }
  return { tally, cast };
}
