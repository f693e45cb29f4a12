// castBallot: marks the roll and drops the ballot in the box in ONE statement (one transaction, one
// round trip; a prepared statement on PostgreSQL), shared with the secret votes that arrive at the
// same moment (vote-batches.ts). The ballot row is read FOR SHARE, so a concurrent close (which
// updates that row) waits for every vote already under way, and any vote that starts after it sees
// the ballot closed.
import type { AppContext } from '../context.js';
import { DomainError, conflict, forbidden, invalid, notFound } from '../core/errors.js';
import type { MemberPrincipal } from '../core/principal.js';
import { validateChoices } from '../../shared/ballot-definition.js';
import type { Choices } from '../../shared/types.js';
import { pgCode } from '../db/errors.js';
import { ballotShape, lockedBallotCte } from './queries.js';
import { bothPlaces, liveBox, liveRoll, memoBySlot, slotOf } from './live-slots.js';
import { receiptFor, rollKeyHash } from './receipts.js';
import { voteBatchesOf } from './vote-batches.js';
import { staleSignIn } from '../auth/member-tokens.js';

interface Diagnosis {
  /** the token's generation is the member's current one (a regenerated code ends older sign-ins) */
  signed_in: boolean | null;
  state: string | null;
  on_roster: number | string;
  present: boolean | null;
  prev_hash: string | null;
  inserted: number | string;
}

export interface CastOutcome {
  receipt: string;
  /** false when this was a retry of a submission already in the box */
  created: boolean;
}

export async function castBallot(
  ctx: AppContext, member: MemberPrincipal, ballotId: string, input: { submissionKey: string; choices: unknown },
): Promise<CastOutcome> {
  const shape = await ballotShape(ctx.db, ballotId);
  const checked = validateChoices(shape.definition, input.choices);
  if (!checked.ok) throw invalid(`选票内容有误 / choices do not fit the ballot: ${checked.message}`, [{ field: 'choices', message: checked.message }]);

  const receipt = receiptFor(ctx.secrets.receiptKey, ballotId, input.submissionKey);
  const keyHash = rollKeyHash(ctx.secrets.receiptKey, ballotId, member.memberId, input.submissionKey);
  const choicesJson = JSON.stringify(checked.choices);

  // The common case first: written with the votes arriving alongside (secret) or by one lean statement
  // (named); anything unusual falls through to the full diagnosis.
  const written = shape.secret
    ? await voteBatchesOf(ctx).cast(ballotId, { memberId: member.memberId, gen: member.gen, keyHash, receipt, choicesJson })
    : await castFastNamed(ctx, ballotId, member.memberId, member.gen, keyHash, (checked.choices as { vote: string }).vote);
  if (written) {
    ctx.live.touch(shape.sessionId, ballotId, 'vote');
    return { receipt, created: true };
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const d = await runCast(ctx, shape.secret, ballotId, member, keyHash, receipt, choicesJson, checked.choices);
    if (!d.signed_in) throw staleSignIn();
    if (d.state === null) throw notFound('表决');
    if (Number(d.on_roster) === 0) throw forbidden('not_on_roster', '您不在本次会议的名单中 / not on this session\'s roster');
    if (d.state === 'cancelled') throw conflict('ballot_not_open', '表决已取消 / the ballot was cancelled');
    if (d.prev_hash !== null) {
      if (d.prev_hash === keyHash) return { receipt, created: false };
      throw conflict('already_voted', '您已投票，选票不可更改 / you have already voted');
    }
    if (d.state !== 'open') throw conflict('ballot_not_open', '表决未在进行中 / the ballot is not open');
    if (!d.present) throw forbidden('not_checked_in', '请先签到 / check in first');
    if (Number(d.inserted) === 1) {
      ctx.live.touch(shape.sessionId, ballotId, 'vote');
      return { receipt, created: true };
    }
    // Another submission by the same member committed between our snapshot and our insert: look again.
  }
  throw new DomainError(503, 'busy', '请重试 / please retry');
}

// The fast path of a named vote: the same locks and writes as castHead below, without the look-ups
// that only explain a refusal (no `prev`, no ON CONFLICT). It writes the roll and the named vote only
// when the ballot is open and the member on the roster and checked in; then the member cannot have
// voted before, or the roll's primary key refuses the insert (23505) and nothing is written. Any
// answer but "written" goes to the full statement. Secret votes take the same path in batches
// (vote-batches.ts).
const castFastNamedSql = memoBySlot((s) => `
  with ${lockedBallotCte},
  ro as (select present from roster where session_id = (select session_id from b) and member_id = $2),
  r as (insert into ${liveRoll(s)} (slot, ballot_id, member_id, key_hash) select ${s}, $1, $2, $3 from b, ro where b.state = 'open' and b.live_slot = ${s} and ro.present
        and (select token_generation from members where id = $2) = $5 returning 1),
  x as (insert into named_votes (ballot_id, member_id, vote) select $1, $2, $4 from r returning 1)
  select count(*) as inserted from x`);

/** true: both rows written (201); false: not written, ask the full statement why. */
async function castFastNamed(ctx: AppContext, ballotId: string, memberId: string, gen: number, keyHash: string, vote: string): Promise<boolean> {
  const slot = await slotOf(ctx.query, ballotId);
  if (slot === null) return false;
  try {
    const rows = await ctx.query<{ inserted: number | string }>(castFastNamedSql(slot), [ballotId, memberId, keyHash, vote, gen]);
    return Number(rows[0]?.inserted) === 1;
  } catch (err) {
    // Already on the roll (a retry, a second key): the full statement tells which.
    if (pgCode(err) === '23505') return false;
    throw err;
  }
}

// One statement per slot, prepared once per connection: $1 ballot, $2 member, $3 roll key hash, $4 the deposit
// (receipt or vote), $5 the secret ballot's choices or null, $6 the token's generation.
// The shared advisory lock pairs with lockBallotExclusive (lifecycle.ts): a close queues fairly behind
// the votes under way instead of being starved by them. Without a slot (the ballot is not open) nothing
// is written and the statement only explains; `prev` looks in both places, so a retry that races the
// close still finds its roll mark and gets its receipt back.
const castHead = (s: number | null) => `
  with ${lockedBallotCte},
  ro as (select present from roster where session_id = (select session_id from b) and member_id = $2),
  prev as (${bothPlaces('roll', s, 'key_hash', 'ballot_id = $1 and member_id = $2')}),
  g as (select token_generation = $6 as signed_in from members where id = $2),
  ok as (select 1 from b, ro, g where g.signed_in and b.state = 'open' and b.live_slot = ${s ?? 0} and ro.present and not exists (select 1 from prev)),
  r as (${s === null ? 'select 1 from ok where false' : `insert into ${liveRoll(s)} (slot, ballot_id, member_id, key_hash) select ${s}, $1, $2, $3 from ok on conflict do nothing returning 1`}),`;
const castTail = `
  select (select signed_in from g) as signed_in, (select state from b) as state, (select count(*) from ro) as on_roster, (select present from ro) as present,
         (select key_hash from prev limit 1) as prev_hash, (select count(*) from x) as inserted`;
const noWrite = 'select 1 from r where false';
/** Secret ballot: $4 receipt, $5 choices (JSON text). */
const castSecret = memoBySlot((s) => `${castHead(s)}
  x as (insert into ${liveBox(s)} (slot, ballot_id, receipt, choices) select ${s}, $1, $4, $5::jsonb from r returning 1)${castTail}`);
/** Named motion: $4 the vote ($5 unused). */
const castNamed = memoBySlot((s) => `${castHead(s)}
  x as (insert into named_votes (ballot_id, member_id, vote) select $1, $2, $4 from r where $5::text is null returning 1)${castTail}`);
/** Either kind, when the ballot has no slot: explains, writes nothing ($4, $5 unused). */
const castExplain = `${castHead(null)}
  x as (${noWrite} and $3::text is null and $4::text is null and $5::text is null)${castTail}`;

async function runCast(
  ctx: AppContext, secret: boolean, ballotId: string, member: MemberPrincipal, keyHash: string, receipt: string, choicesJson: string, choices: Choices,
): Promise<Diagnosis> {
  const slot = await slotOf(ctx.query, ballotId);
  try {
    const rows = slot === null
      ? await ctx.query<Diagnosis>(castExplain, [ballotId, member.memberId, keyHash, null, null, member.gen])
      : secret
        ? await ctx.query<Diagnosis>(castSecret(slot), [ballotId, member.memberId, keyHash, receipt, choicesJson, member.gen])
        : await ctx.query<Diagnosis>(castNamed(slot), [ballotId, member.memberId, keyHash, (choices as { vote: string }).vote, null, member.gen]);
    return rows[0];
  } catch (err) {
    // Same receipt already in the box: another member reused this submission key.
    if (pgCode(err) === '23505') {
      throw conflict('submission_key_reused', '提交码已被使用，请刷新后重试 / submission key already used, reload and retry');
    }
    throw err;
  }
}
