// castBallot: marks the roll and drops the ballot in the box in ONE statement (one transaction, one
// round trip). The ballot row is read FOR SHARE, so a concurrent close (which updates that row) waits
// for every vote already under way, and any vote that starts after it sees the ballot closed.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { rowsOf } from '../db/connect.js';
import { DomainError, conflict, forbidden, invalid, notFound } from '../http/errors.js';
import type { MemberPrincipal } from '../http/auth.js';
import { validateChoices } from '../../shared/ballot-definition.js';
import type { Choices } from '../../shared/types.js';
import { ballotShape } from './queries.js';
import { receiptFor, rollKeyHash } from './receipts.js';

interface Diagnosis {
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

  for (let attempt = 0; attempt < 3; attempt++) {
    const d = await runCast(ctx, shape.secret, ballotId, member.memberId, keyHash, receipt, choicesJson, checked.choices);
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
      ctx.live.touch(shape.sessionId, ballotId);
      return { receipt, created: true };
    }
    // Another submission by the same member committed between our snapshot and our insert: look again.
  }
  throw new DomainError(503, 'busy', '请重试 / please retry');
}

async function runCast(
  ctx: AppContext, secret: boolean, ballotId: string, memberId: string, keyHash: string, receipt: string, choicesJson: string, choices: Choices,
): Promise<Diagnosis> {
  const deposit = secret
    ? sql`insert into ballot_box (ballot_id, receipt, choices) select ${ballotId}, ${receipt}, ${choicesJson}::jsonb from r returning 1`
    : sql`insert into named_votes (ballot_id, member_id, vote) select ${ballotId}, ${memberId}, ${(choices as { vote: string }).vote} from r returning 1`;
  try {
    const result = await ctx.db.execute(sql`
      with b as (select state, session_id from ballots where id = ${ballotId} for share),
      ro as (select present from roster where session_id = (select session_id from b) and member_id = ${memberId}),
      prev as (select key_hash from ballot_roll where ballot_id = ${ballotId} and member_id = ${memberId}),
      ok as (select 1 from b, ro where b.state = 'open' and ro.present and not exists (select 1 from prev)),
      r as (insert into ballot_roll (ballot_id, member_id, key_hash) select ${ballotId}, ${memberId}, ${keyHash} from ok on conflict do nothing returning 1),
      x as (${deposit})
      select (select state from b) as state, (select count(*) from ro) as on_roster, (select present from ro) as present,
             (select key_hash from prev) as prev_hash, (select count(*) from x) as inserted`);
    return rowsOf<Diagnosis>(result)[0];
  } catch (err) {
    // Same receipt already in the box: another member reused this submission key.
    if ((err as { cause?: { code?: string } }).cause?.code === '23505') {
      throw conflict('submission_key_reused', '提交码已被使用，请刷新后重试 / submission key already used, reload and retry');
    }
    throw err;
  }
}
