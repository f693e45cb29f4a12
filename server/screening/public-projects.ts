// GET /api/public/bodies/:bodyId/projects: the public projects of a body and every body below it, with
// who asked for them, the published assessment, and — once selected — execution, percent and last grade.
// A year's list also holds the projects carried over into it (跨年督办), marked where they came from.
import { and, asc, count, eq, inArray, or } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { ProjectStatus } from '../../shared/projects.js';
import { bodies, carryOvers, projects } from '../db/schema.js';
import { findBody, bodyAndDescendants } from '../bodies/tree.js';
import { executionOf } from '../projects/execution.js';
import { supportersOf } from '../projects/views.js';
import { isPublicProject, publicAssessments } from '../projects/public.js';
import { describeProject } from '../projects/find.js';
import type { Slice } from '../http/paging.js';
import { anyOf } from '../db/any.js';

/** Which projects the list holds: the body's and every body's below it, public, of the year or carried into it. */
async function listed(ctx: AppContext, bodyId: string, year?: number, status?: ProjectStatus) {
  await findBody(ctx.db, bodyId);
  const ids = await bodyAndDescendants(ctx.db, bodyId);
  const conds = [anyOf(projects.bodyId, ids), isPublicProject];
  if (year !== undefined) {
    const carried = ctx.db.select({ id: carryOvers.projectId }).from(carryOvers).where(eq(carryOvers.toYear, year));
    conds.push(or(eq(projects.year, year), inArray(projects.id, carried))!);
  }
  if (status !== undefined) conds.push(eq(projects.status, status));
  return and(...conds);
}

/** How many projects the whole list holds (the `X-Total-Count` of a page). */
export async function publicProjectCount(ctx: AppContext, bodyId: string, year?: number, status?: ProjectStatus): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(projects).where(await listed(ctx, bodyId, year, status));
  return Number(row.n);
}

/** The list, or one page of it (`slice`: only that page's projects are read and described). */
export async function publicProjects(ctx: AppContext, bodyId: string, year?: number, status?: ProjectStatus, slice?: Slice) {
  const where = await listed(ctx, bodyId, year, status);
  const query = ctx.db.select({ p: projects, bodyName: bodies.name, fromYear: carryOvers.fromYear, toYear: carryOvers.toYear })
    .from(projects).innerJoin(bodies, eq(bodies.id, projects.bodyId)).leftJoin(carryOvers, eq(carryOvers.projectId, projects.id))
    .where(where).orderBy(asc(projects.year), asc(projects.createdAt), asc(projects.id)).$dynamic();
  if (slice?.limit != null) query.limit(slice.limit);
  if (slice?.offset) query.offset(slice.offset);
  const rows = await query;
  const pids = rows.map((r) => r.p.id);
  const [support, assessed, exec] = await Promise.all([
    supportersOf(ctx.db, pids), publicAssessments(ctx.db, pids),
    executionOf(ctx.db, rows.filter((r) => r.p.status === 'selected').map((r) => r.p), ctx.now()),
  ]);
  return rows.map(({ p, bodyName, fromYear, toYear }) => {
    const e = exec.get(p.id);
    return {
      ...describeProject(p), bodyName, supporters: support.get(p.id)!.supporters, suggestions: support.get(p.id)!.suggestionIds.length,
      assessment: assessed.get(p.id) ?? null,
      execution: e?.execution ?? null, percent: e?.percent ?? null, grade: e?.grade ?? null, color: e?.color ?? null,
      carriedOverFrom: toYear !== null && toYear === year ? fromYear : null, carriedOverTo: toYear ?? null,
    };
  });
}
