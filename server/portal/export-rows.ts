// The rows of the open-data export: one page of a body's public projects after a cursor on (year, id), with
// what every row needs (export.ts streams them; csv.ts lays them out).
import { and, asc, eq, gt, or, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { bodies, carryOvers, projectGrades, projects } from '../db/schema.js';
import { iso } from '../db/time.js';
import { describeGrade } from '../projects/grades.js';
import { supportersOf } from '../projects/views.js';
import { isPublicProject, publicAssessments } from '../projects/public.js';
import { describeProject } from '../projects/find.js';
import { executionOf } from '../projects/execution.js';
import { ratingSummaries } from '../projects/ratings.js';
import { rulesOf, surveysOf } from '../projects/composite.js';
import { compositeSatisfaction } from '../../shared/counting/index.js';
import { anyOf } from '../db/any.js';

export const pageSize = 100;

/** One page of public projects after the cursor, with what every row needs. */
export async function projectPage(ctx: AppContext, ids: string[], year: number | undefined, after: { year: number; id: string } | null) {
  const conds: SQL[] = [anyOf(projects.bodyId, ids), isPublicProject];
  if (year !== undefined) conds.push(eq(projects.year, year));
  if (after) conds.push(or(gt(projects.year, after.year), and(eq(projects.year, after.year), gt(projects.id, after.id)))!);
  const rows = await ctx.db.select({ p: projects, bodyName: bodies.name }).from(projects).innerJoin(bodies, eq(bodies.id, projects.bodyId))
    .where(and(...conds)).orderBy(asc(projects.year), asc(projects.id)).limit(pageSize);
  const pids = rows.map((r) => r.p.id);
  const [support, assessed, exec, carried, ratings, grades, surveyLists, rules] = await Promise.all([
    supportersOf(ctx.db, pids), publicAssessments(ctx.db, pids), executionOf(ctx.db, rows.map((r) => r.p).filter((p) => p.status === 'selected'), ctx.now()),
    pids.length ? ctx.db.select().from(carryOvers).where(anyOf(carryOvers.projectId, pids)) : [],
    ratingSummaries(ctx.db, pids),
    pids.length ? ctx.db.select().from(projectGrades).where(anyOf(projectGrades.projectId, pids)).orderBy(asc(projectGrades.publishedAt), asc(projectGrades.ballotId)) : [],
    surveysOf(ctx.db, pids), rulesOf(ctx.db, [...new Set(rows.map((r) => r.p.bodyId))]),
  ]);
  const ruleBy = new Map(rules.map((r) => [r.bodyId, r.weights]));
  const carriedBy = new Map(carried.map((c) => [c.projectId, c]));
  return rows.map(({ p, bodyName }) => {
    const e = exec.get(p.id);
    const mine = grades.filter((g) => g.projectId === p.id);
    const surveyList = surveyLists.get(p.id)!;
    // the same figure as the project page, from exactly what this row publishes (the verifier recomputes it)
    const composite = compositeSatisfaction({ members: mine.at(-1) ?? null, public: ratings.get(p.id)!, survey: surveyList.at(-1) ?? null }, ruleBy.get(p.bodyId) ?? null);
    return {
      ...describeProject(p), createdAt: iso(p.createdAt), bodyName,
      supporters: support.get(p.id)!.supporters, suggestions: support.get(p.id)!.suggestionIds.length,
      assessment: assessed.get(p.id) ?? null,
      execution: e?.execution ?? null, percent: e ? e.percent : null, lastReport: e?.lastReport ?? null,
      grades: mine.map(describeGrade), publicRatings: ratings.get(p.id)!,
      carriedOverFrom: carriedBy.get(p.id)?.fromYear ?? null, carriedOverTo: carriedBy.get(p.id)?.toYear ?? null,
      surveys: surveyList, composite,
    };
  });
}
export type ExportProject = Awaited<ReturnType<typeof projectPage>>[number];
