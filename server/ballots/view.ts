// Reading a ballot, its result and its box, each with the visibility rules of API.md.
import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { ballotBox } from '../db/schema.js';
import { DomainError, conflict, forbidden } from '../core/errors.js';
import { staffCoversBody } from '../bodies/tree.js';
import type { Principal } from '../core/principal.js';
import { findSession, rosterEntry } from '../sessions/queries.js';
import { assertCanSeeSession } from '../sessions/service.js';
import { boxDigest, sortEntries } from '../../shared/digest.js';
import type { BallotBox, BallotResult, BoxManifest, Choices, Tally } from '../../shared/types.js';
import { countedResult, definitionOf, findBallot, optionsOf, type BallotRow } from './queries.js';
import { castCount, liveTallyOf } from './counts.js';
import { bothPlaces } from './live-slots.js';
import { describeBallot } from './describe.js';
import { demandOf, type Demand } from '../projects/demand.js';
import { emptyDemand } from '../../shared/demand.js';

const notPublished = () => new DomainError(403, 'not_published', '结果尚未公布 / not published yet');
const isDone = (b: BallotRow) => b.state === 'closed' || b.state === 'published';

async function isSessionStaff(ctx: AppContext, p: Principal | null, bodyId: string) {
  return p?.kind === 'staff' && (p.role === 'admin' || p.role === 'presider') && (await staffCoversBody(ctx.db, p, bodyId));
}

/** Presider, admin, the session's big screen and its roster may see a closed ballot's result before publication. */
async function mayReadUnpublished(ctx: AppContext, p: Principal | null, b: BallotRow, bodyId: string) {
  if (!p) return false;
  if (p.kind === 'screen') return p.sessionId === b.sessionId;
  if (p.kind === 'member') return !!(await rosterEntry(ctx.db, b.sessionId, p.memberId));
  return isSessionStaff(ctx, p, bodyId);
}

export async function getBallot(ctx: AppContext, p: Principal, ballotId: string) {
  const b = await findBallot(ctx.db, ballotId);
  const s = await findSession(ctx.db, b.sessionId);
  // A published ballot is public record: any signed-in caller may read it.
  if (b.state !== 'published') await assertCanSeeSession(ctx, p, s);
  const live = b.state === 'open' ? { cast: await castCount(ctx.db, ballotId) } : undefined;
  const out: Omit<ReturnType<typeof describeBallot>, 'options'> & { options: (ReturnType<typeof optionsOf>[number] & Partial<Demand>)[]; tally?: Tally; result?: BallotResult; voted?: boolean } = describeBallot(b, live);
  // A selection's candidates carry their 民意指数, in the ballot's own order (it informs, it never ranks).
  if (b.kind === 'selection') {
    const demand = await demandOf(ctx.db, out.options.map((o) => o.id));
    out.options = out.options.map((o) => ({ ...o, ...(demand.get(o.id) ?? emptyDemand()) }));
  }
  if (b.state === 'open' && (await isSessionStaff(ctx, p, s.bodyId))) out.tally = (await liveTallyOf(ctx.query, b)).tally;
  if (b.state === 'published' || (b.state === 'closed' && (await mayReadUnpublished(ctx, p, b, s.bodyId)))) out.result = countedResult(b);
  if (p.kind === 'member') {
    const [mark] = await ctx.query(bothPlaces('roll', b.liveSlot, '1', 'ballot_id = $1 and member_id = $2'), [ballotId, p.memberId]);
    out.voted = !!mark;
  }
  return out;
}

export async function getResult(ctx: AppContext, p: Principal | null, ballotId: string) {
  const b = await findBallot(ctx.db, ballotId);
  if (b.state === 'published') return countedResult(b);
  if (b.state === 'closed') {
    const s = await findSession(ctx.db, b.sessionId);
    if (await mayReadUnpublished(ctx, p, b, s.bodyId)) return countedResult(b);
  }
  throw notPublished();
}

export const countingRule =
  'selection: passes iff 2*yes > base; passing ranked by yes; top N selected; a tie at the N-th place that does not fit is "tied" (undecided); ' +
  'satisfaction: 满意 iff 2*satisfied > base, else 基本满意 iff 2*(satisfied+basic) > base, else 不满意; rate = (satisfied+basic)/cast; ' +
  'evaluation: graded as satisfaction, or scored: mean = sum/count to two decimals (half away from zero), rank 1 = highest exact mean, equal means share a rank (1, 1, 3), ' +
  'flag red iff rank <= red, black iff rank > options - black, else yellow; ' +
  'motion: passes iff 2*yes > base. base = roster size at opening (baseRule roster) or members present at close or who voted (baseRule present).';

export function manifestOf(b: BallotRow): BoxManifest {
  return {
    ballotId: b.id, sessionId: b.sessionId, title: b.title, kind: b.kind as BoxManifest['kind'],
    ...(b.form ? { form: b.form as BoxManifest['form'] } : {}),
    ...(b.seats !== null ? { seats: b.seats } : {}),
    ...(b.question !== null ? { question: b.question } : {}),
    ...(b.evaluation ? { evaluation: definitionOf(b).evaluation } : {}),
    ...(b.byItem ? { byItem: true as const } : {}),
    options: definitionOf(b).options,
    secret: b.secret,
    baseRule: b.baseRule as BoxManifest['baseRule'], base: b.base ?? 0, eligible: b.eligible ?? 0, cast: b.cast ?? 0,
    openedAt: b.openedAt, closedAt: b.closedAt, rule: countingRule,
  };
}

export async function getBox(ctx: AppContext, p: Principal | null, ballotId: string): Promise<BallotBox> {
  const b = await findBallot(ctx.db, ballotId);
  if (!isDone(b)) throw conflict('ballot_not_closed', '表决尚未结束 / the ballot is not closed');
  if (b.state === 'closed') {
    const s = await findSession(ctx.db, b.sessionId);
    if (!(await isSessionStaff(ctx, p, s.bodyId))) {
      if (p?.kind === 'staff') throw forbidden();
      throw notPublished();
    }
  }
  const rows = b.secret
    ? await ctx.db.select({ receipt: ballotBox.receipt, choices: ballotBox.choices }).from(ballotBox).where(eq(ballotBox.ballotId, ballotId)).orderBy(asc(ballotBox.receipt))
    : [];
  const entries = sortEntries(rows.map((r) => ({ receipt: r.receipt, choices: r.choices as Choices })));
  return { ballot: manifestOf(b), entries, digest: boxDigest(entries) };
}
