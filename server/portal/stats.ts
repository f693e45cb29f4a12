// GET /api/public/bodies/:bodyId/stats: a body and every body below it, counted in SQL (a city has ~400
// projects a year over ~110 bodies): projects by status, execution and category, investment, the members'
// grades by round with 满意率, the public's ratings (kept apart), suggestions by channel and category.
import { and, count, eq, sql, sum, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { projectGrades, projects, publicRatings, suggestionCounts, suggestions } from '../db/schema.js';
import { findBody, bodyAndDescendants } from '../bodies/tree.js';
import { isPublicProject } from '../projects/public.js';
import { executionOf } from '../projects/execution.js';
import { partCountsOf, ruleOf } from '../projects/composite.js';
import { compositeSatisfaction, type SatisfactionCounts } from '../../shared/counting/index.js';

type Part = 'members' | 'public' | 'survey';
/**
 * The combined satisfaction of the body's selected projects under the body's own rule: each part's counts
 * added up over the projects (members: each project's latest grade; survey: its latest survey), then weighed
 * as one project would be. Null without a rule or without any count. Shown beside the parts, never instead.
 */
async function statsComposite(ctx: AppContext, bodyId: string, projectIds: string[]) {
  const weights = await ruleOf(ctx.db, bodyId);
  if (!weights) return null;
  const sums: Record<Part, SatisfactionCounts | null> = { members: null, public: null, survey: null };
  for (const parts of (await partCountsOf(ctx.db, projectIds)).values()) {
    for (const k of ['members', 'public', 'survey'] as const) {
      const c = parts[k];
      if (!c) continue;
      const t = sums[k] ??= { satisfied: 0, basic: 0, unsatisfied: 0 };
      t.satisfied += c.satisfied; t.basic += c.basic; t.unsatisfied += c.unsatisfied;
    }
  }
  const figure = compositeSatisfaction(sums, weights);
  return figure ? { ...figure, counts: sums } : null;
}
import { anyOf } from '../db/any.js';

const toObject = (rows: { k: string | null; n: number | string }[]) => Object.fromEntries(rows.map((r) => [r.k ?? '', Number(r.n)]));
const money = (v: unknown) => Math.round(Number(v ?? 0) * 10_000) / 10_000;

export async function bodyStats(ctx: AppContext, bodyId: string, year?: number) {
  const body = await findBody(ctx.db, bodyId);
  const ids = await bodyAndDescendants(ctx.db, bodyId);
  const db = ctx.db;
  const inScope: SQL = and(anyOf(projects.bodyId, ids), isPublicProject, ...(year !== undefined ? [eq(projects.year, year)] : []))!;
  // Suggestions are counted from the counts the database keeps (suggestion_counts), not row by row.
  const suggestionScope = and(anyOf(suggestionCounts.bodyId, ids), ...(year !== undefined ? [eq(suggestionCounts.year, year)] : []));
  const kept = sql<string>`sum(${suggestionCounts.n})`;
  const [byStatus, byCategory, invest, selected, gradeRows, ratingRows, byChannel, suggestionCategories, [support]] = await Promise.all([
    db.select({ k: projects.status, n: count() }).from(projects).where(inScope).groupBy(projects.status),
    db.select({ k: projects.category, n: count() }).from(projects).where(inScope).groupBy(projects.category),
    db.select({ k: projects.status, total: sum(projects.investment) }).from(projects).where(inScope).groupBy(projects.status),
    db.select({ id: projects.id, year: projects.year }).from(projects).where(and(inScope, eq(projects.status, 'selected'))),
    db.select({
      round: projectGrades.round, grade: projectGrades.grade, n: count(),
      s: sum(projectGrades.satisfied), b: sum(projectGrades.basic), u: sum(projectGrades.unsatisfied),
    }).from(projectGrades).innerJoin(projects, eq(projects.id, projectGrades.projectId)).where(inScope).groupBy(projectGrades.round, projectGrades.grade),
    db.select({ k: publicRatings.grade, n: count() }).from(publicRatings).innerJoin(projects, eq(projects.id, publicRatings.projectId)).where(inScope).groupBy(publicRatings.grade),
    db.select({ k: suggestionCounts.channel, n: kept }).from(suggestionCounts).where(suggestionScope).groupBy(suggestionCounts.channel).having(sql`sum(${suggestionCounts.n}) > 0`),
    db.select({ k: suggestionCounts.category, n: kept }).from(suggestionCounts).where(suggestionScope).groupBy(suggestionCounts.category).having(sql`sum(${suggestionCounts.n}) > 0`),
    // residents behind the public projects: each adopted suggestion counts 1 + those merged into it
    db.select({ n: sql<string>`coalesce(sum(${suggestions.supporters}), 0)`, k: count() }).from(suggestions).innerJoin(projects, eq(projects.id, suggestions.projectId))
      .where(and(inScope, eq(suggestions.status, 'adopted'))),
  ]);
  // Execution depends on today's date and each plan: derived as everywhere else (shared/execution.ts).
  const byExecution: Record<string, number> = {};
  for (const e of (await executionOf(db, selected, ctx.now())).values()) byExecution[e.execution] = (byExecution[e.execution] ?? 0) + 1;

  const rounds: Record<string, { projects: Record<string, number>; satisfied: number; basic: number; unsatisfied: number; rate: number | null }> = {};
  let s = 0, b = 0, u = 0;
  for (const g of gradeRows) {
    const r = rounds[g.round] ??= { projects: {}, satisfied: 0, basic: 0, unsatisfied: 0, rate: null };
    r.projects[g.grade] = Number(g.n);
    r.satisfied += Number(g.s); r.basic += Number(g.b); r.unsatisfied += Number(g.u);
    s += Number(g.s); b += Number(g.b); u += Number(g.u);
  }
  const rate = (x: { satisfied: number; basic: number; unsatisfied: number }) => {
    const cast = x.satisfied + x.basic + x.unsatisfied;
    return cast ? (x.satisfied + x.basic) / cast : null;
  };
  for (const r of Object.values(rounds)) r.rate = rate(r);
  const ratings = { satisfied: 0, basic: 0, unsatisfied: 0, ...toObject(ratingRows) };
  const ratingCount = ratings.satisfied + ratings.basic + ratings.unsatisfied;
  const investmentByStatus = Object.fromEntries(invest.map((r) => [r.k, money(r.total)]));
  return {
    bodyId, bodyName: body.name, year: year ?? null, bodies: ids.length,
    projects: { total: byStatus.reduce((a, r) => a + Number(r.n), 0), byStatus: toObject(byStatus), byExecution, byCategory: toObject(byCategory) },
    investment: { total: money(invest.reduce((a, r) => a + Number(r.total ?? 0), 0)), selected: investmentByStatus.selected ?? 0, byStatus: investmentByStatus },
    grades: { satisfactionRate: rate({ satisfied: s, basic: b, unsatisfied: u }), satisfied: s, basic: b, unsatisfied: u, byRound: rounds },
    publicRatings: { ...ratings, count: ratingCount, rate: ratingCount ? (ratings.satisfied + ratings.basic) / ratingCount : null },
    suggestions: { total: byChannel.reduce((a, r) => a + Number(r.n), 0), byChannel: toObject(byChannel), byCategory: toObject(suggestionCategories) },
    supporters: Number(support?.n ?? 0),
    composite: await statsComposite(ctx, bodyId, selected.map((p) => p.id)),
  };
}
