// Reading referrals (交办单) for the three who see them: the department (its 交办件, never the resident's contact),
// the staff (the body's list, with the contact they call back and the body's departments to refer to), and
// the resident (the tracking page: answers and return calls, never who answered or the contact).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/connect.js';
import { departments, referralAnswers, referralVisits, referrals, suggestions, users } from '../db/schema.js';
import { iso } from '../db/time.js';
import { assertStaffOfBody, findBody } from '../bodies/tree.js';
import type { StaffPrincipal } from '../core/principal.js';
import { shanghaiDate } from '../../shared/execution.js';
import type { ReferralState } from '../../shared/collection-schemas.js';

type Referral = typeof referrals.$inferSelect;
export interface ReferralAnswer { round: number; text: string; at: string }
export interface ReferralVisit { round: number; date: string; satisfied: boolean; note: string }

export async function referralOf(db: DbOrTx, id: string): Promise<Referral | undefined> {
  const [r] = await db.select().from(referrals).where(eq(referrals.id, id));
  return r;
}

/** The answers and visits of these referrals, oldest first (never who answered: the trail keeps that). */
async function stepsOf(db: DbOrTx, ids: string[]) {
  const answers = new Map<string, ReferralAnswer[]>();
  const visits = new Map<string, ReferralVisit[]>();
  if (!ids.length) return { answers, visits };
  const [as, vs] = await Promise.all([
    db.select().from(referralAnswers).where(inArray(referralAnswers.referralId, ids)).orderBy(asc(referralAnswers.at), asc(referralAnswers.id)),
    db.select().from(referralVisits).where(inArray(referralVisits.referralId, ids)).orderBy(asc(referralVisits.at), asc(referralVisits.id)),
  ]);
  for (const a of as) answers.set(a.referralId, [...(answers.get(a.referralId) ?? []), { round: a.round, text: a.text, at: iso(a.at) }]);
  for (const v of vs) visits.set(v.referralId, [...(visits.get(v.referralId) ?? []), { round: v.round, date: v.date, satisfied: v.satisfied, note: v.note }]);
  return { answers, visits };
}

/** The referral as every reader sees it: `answer` is the latest answer (of any round), `answers` all of them. */
function shape(r: Referral, answers: ReferralAnswer[], visits: ReferralVisit[], today: string) {
  return {
    id: r.id, department: r.department, due: r.due, state: r.state, round: r.round,
    // 逾期: still waiting for the department's answer after its due day
    overdue: r.state === 'open' && r.due < today,
    openedAt: iso(r.createdAt),
    answer: answers.at(-1) ?? null, answers, visits,
  };
}

const suggestionPart = (s: typeof suggestions.$inferSelect) => ({ id: s.id, title: s.title, description: s.description, category: s.category, area: s.area });

/** One referral as the commands answer it (with its suggestion, never the contact). */
export async function describeReferral(db: DbOrTx, r: Referral, now: Date) {
  const { answers, visits } = await stepsOf(db, [r.id]);
  const [s] = await db.select().from(suggestions).where(eq(suggestions.id, r.suggestionId));
  return { ...shape(r, answers.get(r.id) ?? [], visits.get(r.id) ?? [], shanghaiDate(now)), suggestion: suggestionPart(s) };
}

/** Open first (the soonest due first), then answered, then closed (the latest first). */
const order = [sql`case ${referrals.state} when 'open' then 0 when 'answered' then 1 else 2 end`, asc(referrals.due), desc(referrals.updatedAt), asc(referrals.id)];

/** GET /api/me/referrals: the department user's department's referrals in its body. Never the contact. */
export async function myReferrals(ctx: AppContext, actor: StaffPrincipal) {
  const [u] = await ctx.db.select({ department: users.department, bodyId: users.bodyId }).from(users).where(eq(users.id, actor.userId));
  if (!u?.department || !u.bodyId) return [];
  const rows = await ctx.db.select({ r: referrals, s: suggestions }).from(referrals).innerJoin(suggestions, eq(suggestions.id, referrals.suggestionId))
    .where(and(eq(referrals.bodyId, u.bodyId), eq(referrals.department, u.department))).orderBy(...order).limit(1000);
  const { answers, visits } = await stepsOf(ctx.db, rows.map((x) => x.r.id));
  const today = shanghaiDate(ctx.now());
  return rows.map(({ r, s }) => ({ ...shape(r, answers.get(r.id) ?? [], visits.get(r.id) ?? [], today), suggestion: suggestionPart(s) }));
}

/**
 * GET /api/bodies/:bodyId/referrals?state=: the staff's 交办 list (`overdue`: open past due), with the contact
 * they call back on, and the body's departments (承办单位) the inbox refers to.
 */
export async function bodyReferrals(ctx: AppContext, actor: StaffPrincipal, bodyId: string, query: { state?: ReferralState | 'overdue' }) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const today = shanghaiDate(ctx.now());
  const state = query.state === 'overdue' ? and(eq(referrals.state, 'open'), sql`${referrals.due} < ${today}`) : query.state ? eq(referrals.state, query.state) : undefined;
  const rows = await ctx.db.select({ r: referrals, s: suggestions }).from(referrals).innerJoin(suggestions, eq(suggestions.id, referrals.suggestionId))
    .where(and(eq(referrals.bodyId, bodyId), state)).orderBy(...order).limit(1000);
  const { answers, visits } = await stepsOf(ctx.db, rows.map((x) => x.r.id));
  const names = await ctx.db.select({ name: departments.name }).from(departments).where(eq(departments.bodyId, bodyId)).orderBy(asc(departments.name));
  return {
    departments: names.map((d) => d.name),
    referrals: rows.map(({ r, s }) => ({
      ...shape(r, answers.get(r.id) ?? [], visits.get(r.id) ?? [], today),
      suggestion: { ...suggestionPart(s), trackingCode: s.trackingCode, year: s.year, contact: s.contact, createdAt: iso(s.createdAt) },
    })),
  };
}

/** The tracking page's part: the referral of this suggestion, if any (department, due, round, answers, visits). */
export async function trackingReferral(ctx: AppContext, suggestionId: string) {
  const [r] = await ctx.db.select().from(referrals).where(eq(referrals.suggestionId, suggestionId));
  if (!r) return null;
  const { answers, visits } = await stepsOf(ctx.db, [r.id]);
  const { id: _id, ...rest } = shape(r, answers.get(r.id) ?? [], visits.get(r.id) ?? [], shanghaiDate(ctx.now()));
  return rest;
}
