// 实施督办总览: a body's projects of one year (selected that year, or carried over into it) with their
// execution, supervision group, inspections and grades, and the dashboard summed from them.
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/connect.js';
import { bodies, carryOvers, inspections, members, projectGrades, projects, rectifications, supervisors } from '../db/schema.js';
import { bodyAndDescendants, findBody, assertStaffOfBody } from '../bodies/tree.js';
import type { StaffPrincipal } from '../core/principal.js';
import { shanghaiDate, type Grade } from '../../shared/execution.js';
import { summarizeYear } from '../../shared/implementation-dashboard.js';
import { byProject, executionOf } from '../projects/execution.js';
import { anyOf } from '../db/any.js';

async function yearProjects(db: DbOrTx, bodyId: string, year: number) {
  // A county's or a city's clerk sees the year of every body below too (a city: ~400 projects).
  const ids = await bodyAndDescendants(db, bodyId);
  const carried = db.select({ id: carryOvers.projectId }).from(carryOvers).where(eq(carryOvers.toYear, year));
  // only the columns the overview shows (a province's city-year is 8,640 projects: every column, descriptions
  // included, cost more to ship and map than the rest of the overview)
  const p = {
    id: projects.id, bodyId: projects.bodyId, title: projects.title, year: projects.year, department: projects.department,
    category: projects.category, investment: projects.investment, selectedOn: projects.selectedOn,
  };
  return db.select({ p, bodyName: bodies.name, carriedOverFrom: carryOvers.fromYear, carriedOverTo: carryOvers.toYear })
    .from(projects).innerJoin(bodies, eq(bodies.id, projects.bodyId)).leftJoin(carryOvers, eq(carryOvers.projectId, projects.id))
    .where(and(anyOf(projects.bodyId, ids), eq(projects.status, 'selected'), or(eq(projects.year, year), inArray(projects.id, carried))))
    .orderBy(asc(projects.year), asc(projects.department), asc(projects.title));
}

/** Each group member, with how many of these projects they supervise (so no one carries eight). */
async function groupsOf(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ projectId: supervisors.projectId, memberId: supervisors.memberId, lead: supervisors.lead, name: members.name, delegation: members.delegation })
    .from(supervisors).innerJoin(members, eq(members.id, supervisors.memberId)).where(anyOf(supervisors.projectId, ids))
    .orderBy(asc(members.name));
}

/** GET /api/bodies/:bodyId/implementation?year=: staff (admin, presider) of the body. */
export async function yearOverview(ctx: AppContext, actor: StaffPrincipal, bodyId: string, year: number, now = ctx.now()) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const rows = await yearProjects(ctx.db, bodyId, year);
  const ids = rows.map((r) => r.p.id);
  const [exec, groups, visits, grades, fixes] = await Promise.all([
    executionOf(ctx.db, rows.map((r) => r.p), now),
    groupsOf(ctx.db, ids),
    ids.length ? ctx.db.select({ projectId: inspections.projectId, date: inspections.date }).from(inspections).where(anyOf(inspections.projectId, ids)) : [],
    ids.length ? ctx.db.select().from(projectGrades).where(anyOf(projectGrades.projectId, ids)).orderBy(asc(projectGrades.publishedAt)) : [],
    ids.length ? ctx.db.select({ projectId: rectifications.projectId }).from(rectifications).where(anyOf(rectifications.projectId, ids)) : [],
  ]);
  const load = new Map<string, number>();
  for (const g of groups) load.set(g.memberId, (load.get(g.memberId) ?? 0) + 1);
  const [groupOf, visitsOf, gradesOf, fixesOf] = [byProject(groups), byProject(visits), byProject(grades), byProject(fixes)];
  const list = rows.map(({ p, bodyName, carriedOverFrom, carriedOverTo }) => {
    const e = exec.get(p.id)!;
    const group = groupOf.get(p.id) ?? [];
    const mine = (visitsOf.get(p.id) ?? []).map((v) => v.date).sort();
    return {
      id: p.id, bodyId: p.bodyId, bodyName, title: p.title, year: p.year, department: p.department, category: p.category, investment: p.investment,
      execution: e.execution, percent: e.percent, lastReport: e.lastReport, overdue: e.overdue, color: e.color, redReasons: e.redReasons, rectifyBy: e.rectifyBy,
      group: group.map((g) => ({ id: g.memberId, name: g.name, delegation: g.delegation, lead: g.lead, load: load.get(g.memberId)! })),
      groupSize: group.length, inspections: mine.length, lastInspection: mine.at(-1) ?? null,
      rectifications: fixesOf.get(p.id)?.length ?? 0,
      grades: (gradesOf.get(p.id) ?? []).map((g) => ({ ballotId: g.ballotId, round: g.round, grade: g.grade as Grade, rate: g.rate })),
      carriedOverFrom: carriedOverTo === year ? carriedOverFrom : null,
      carriedOverTo: carriedOverTo !== null && carriedOverTo !== year ? carriedOverTo : null,
    };
  });
  return { bodyId, year, today: shanghaiDate(now), projects: list, dashboard: summarizeYear(list, shanghaiDate(now)) };
}
