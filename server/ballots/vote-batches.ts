// Group commit for secret votes. When many tablets vote at once, the votes that arrive while earlier
// ones are still being written go to PostgreSQL together: one statement, one transaction, one commit
// for the lot, instead of one each. Every vote is still written whole (its roll mark and its ballot
// in the same transaction) and answered only after that transaction has committed, so nothing is
// acknowledged that a crash could lose. A lone vote is sent at once, on its own: batching adds no
// wait, it only gathers what is already queued.
//
// A batch writes only what certainly stands: members on the roster, checked in, not yet on the roll,
// for an open ballot. Whatever it leaves out (a retry, a second key, a closed ballot, …) is answered
// by castBallot's full statement, one vote at a time, exactly as before. If the batch fails as a whole
// (two tablets sent the same submission key), nothing of it is written and every vote in it goes the
// one-at-a-time way.
import type { AppContext } from '../context.js';
import { pgCode } from '../db/errors.js';
import { lockedBallotCte } from './queries.js';
import { liveBox, liveRoll, memoBySlot, slotOf } from './live-slots.js';

export interface QueuedVote {
  memberId: string;
  /** the token's generation: a vote signed in with a replaced code is left out (the full statement refuses it) */
  gen: number;
  keyHash: string;
  receipt: string;
  /** the normal-form choices as JSON text */
  choicesJson: string;
}

interface Waiting extends QueuedVote {
  /** true: written; false: not written, ask the full statement */
  done(written: boolean): void;
  fail(err: unknown): void;
}

/** Batches in flight per ballot: with the pool's other work, enough to keep PostgreSQL's group commit busy. */
const maxInFlight = 4;
/** Votes per statement. */
const maxBatch = 200;

// The roster is looked up per vote through its primary key (a subquery, not a join): a join let the
// planner scan and hash the whole roster table for every batch.
// $1 the ballot, $2 a JSON array of {m: member, k: roll key hash, r: receipt, c: choices}. The locks are
// those of the single vote (cast.ts): a close waits for the whole batch, and a batch that starts
// after a close sees the ballot closed and writes nothing.
// The rows go into the ballot's slot (live-slots.ts) by name; b.live_slot = that slot makes a remembered
// slot that has since been freed write nothing.
const castBatchSql = memoBySlot((s) => `
  with ${lockedBallotCte},
  v as (select * from jsonb_to_recordset($2::jsonb) as v(m text, g int, k text, r text, c jsonb)),
  ok as (select v.* from v, b where b.state = 'open' and b.live_slot = ${s} and
           (select present from roster ro where ro.session_id = b.session_id and ro.member_id = v.m) and
           (select token_generation from members mm where mm.id = v.m) = v.g),
  r as (insert into ${liveRoll(s)} (slot, ballot_id, member_id, key_hash) select ${s}, $1, m, k from ok
        on conflict do nothing returning member_id),
  x as (insert into ${liveBox(s)} (slot, ballot_id, receipt, choices) select ${s}, $1, ok.r, ok.c from ok join r on r.member_id = ok.m
        returning receipt)
  select receipt from x`);

class BallotQueue {
  waiting: Waiting[] = [];
  inFlight = 0;
  /** members with a vote in a batch under way: their next vote waits, so two batches never race for one roll row */
  busy = new Set<string>();
}

export class VoteBatches {
  private queues = new Map<string, BallotQueue>();

  constructor(private ctx: AppContext) {}

  /** Resolves true once the vote is committed, false when the batch did not write it. */
  cast(ballotId: string, vote: QueuedVote): Promise<boolean> {
    let q = this.queues.get(ballotId);
    if (!q) this.queues.set(ballotId, (q = new BallotQueue()));
    const queue = q;
    return new Promise<boolean>((resolve, reject) => {
      queue.waiting.push({ ...vote, done: resolve, fail: reject });
      this.pump(ballotId, queue);
    });
  }

  private pump(ballotId: string, q: BallotQueue) {
    while (q.inFlight < maxInFlight && q.waiting.length > 0) {
      const batch = takeBatch(q.waiting, q.busy);
      if (batch.length === 0) return; // only votes of members already under way: the next finish pumps again
      for (const v of batch) q.busy.add(v.memberId);
      q.inFlight++;
      void this.write(ballotId, batch).finally(() => {
        for (const v of batch) q.busy.delete(v.memberId);
        q.inFlight--;
        if (q.inFlight === 0 && q.waiting.length === 0) this.queues.delete(ballotId);
        else this.pump(ballotId, q);
      });
    }
  }

  private async write(ballotId: string, batch: Waiting[]) {
    const json = `[${batch.map((v) => `{"m":${JSON.stringify(v.memberId)},"g":${v.gen},"k":${JSON.stringify(v.keyHash)},"r":${JSON.stringify(v.receipt)},"c":${v.choicesJson}}`).join(',')}]`;
    let written: Set<string>;
    try {
      const slot = await slotOf(this.ctx.query, ballotId);
      // No slot: the ballot is not open; the full statement says why.
      if (slot === null) {
        for (const v of batch) v.done(false);
        return;
      }
      const rows = await this.ctx.query<{ receipt: string }>(castBatchSql(slot), [ballotId, json]);
      written = new Set(rows.map((row) => row.receipt));
    } catch (err) {
      const code = pgCode(err);
      // 23505: a receipt already in the box. 40P01: a member's two votes in batches of two server
      // processes at once. Either way nothing was written: sort it out one vote at a time.
      if (code === '23505' || code === '40P01') {
        for (const v of batch) v.done(false);
      } else {
        for (const v of batch) v.fail(err);
      }
      return;
    }
    for (const v of batch) v.done(written.has(v.receipt));
  }
}

/**
 * The next batch from the front of the queue: at most one vote per member, none of a member with a
 * vote already under way (that one waits for a later batch, where the roll answers it), one per receipt.
 */
function takeBatch(waiting: Waiting[], busy: ReadonlySet<string>): Waiting[] {
  const batch: Waiting[] = [];
  const members = new Set<string>(busy);
  const receipts = new Set<string>();
  const later: Waiting[] = [];
  let taken = 0;
  for (; taken < waiting.length && batch.length < maxBatch; taken++) {
    const v = waiting[taken];
    if (members.has(v.memberId) || receipts.has(v.receipt)) later.push(v);
    else {
      members.add(v.memberId);
      receipts.add(v.receipt);
      batch.push(v);
    }
  }
  waiting.splice(0, taken, ...later);
  return batch;
}

const batchesByContext = new WeakMap<AppContext, VoteBatches>();

export function voteBatchesOf(ctx: AppContext): VoteBatches {
  let b = batchesByContext.get(ctx);
  if (!b) batchesByContext.set(ctx, (b = new VoteBatches(ctx)));
  return b;
}
