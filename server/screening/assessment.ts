// The carrying department's assessment (可行性、投资、资金、完成时间、目标) and staff's exclusion checklist.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { assessments, projects, screeningChecks } from '../db/schema.js';
import { command, publicChange } from '../core/command.js';
import type { StaffPrincipal } from '../core/principal.js';
import { carriedProject, lockedProject } from '../projects/scope.js';
import { departmentOf } from '../projects/departments.js';
import { assertCanMove, moveProjects } from '../projects/transitions.js';
import { staffViews } from '../projects/views.js';
import type { assessmentInput, screeningInput } from '../../shared/screening-schemas.js';

/** assessProject: the department that would carry the project out (or an admin of its body) answers for it. */
export const assessProject = command<{ projectId: string } & z.infer<typeof assessmentInput>>()({
  action: 'project.assessed', stage: 'screening', roles: ['admin', 'department'],
  scope: carriedProject('只能评估本单位承办的项目 / only the carrying department may assess it'),
  run: async (cx, input, { project: p }) => {
    const status = input.feasible ? 'assessed' : 'infeasible';
    assertCanMove([p], status, 'assessProject');
    const actor = cx.actor;
    const values = {
      feasible: input.feasible, reason: input.reason, investment: input.investment, fundingSource: input.fundingSource ?? null,
      completionDate: input.completionDate, targets: input.targets ?? p.targets, assessedBy: actor.username || actor.userId, assessedAt: sql`now()`,
    };
    await cx.tx.insert(assessments).values({ projectId: p.id, ...values }).onConflictDoUpdate({ target: assessments.projectId, set: values });
    await moveProjects(cx.tx, [p], status, 'assessProject');
    const [row] = await cx.tx.update(projects).set({ investment: input.investment, targets: values.targets }).where(eq(projects.id, p.id)).returning();
    return (await staffViews(cx.tx, [row]))[0];
  },
  audit: (p, input) => ({
    subject: { kind: 'project', id: p.id, label: p.title },
    detail: { feasible: input.feasible, investment: input.investment, completionDate: input.completionDate },
  }),
  effects: [publicChange],
});

const exclusionsOf = (input: z.infer<typeof screeningInput>) =>
  Object.fromEntries(Object.entries(input.exclusions).filter(([, v]) => v !== undefined)) as Record<string, boolean>;

/** Records which of PROCESS.md's exclusion rules apply to a project (staff's screening checklist). */
export const setScreening = command<{ projectId: string } & z.infer<typeof screeningInput>>()({
  action: 'project.screened', stage: 'screening', roles: ['admin'],
  scope: lockedProject,
  run: async (cx, input, { project: p }) => {
    // A checklist is still an edit of the project: refused once it is decided or withdrawn.
    assertCanMove([p], 'withdrawn', 'withdrawProject');
    const values = { exclusions: exclusionsOf(input), note: input.note ?? null, updatedAt: sql`now()` };
    await cx.tx.insert(screeningChecks).values({ projectId: p.id, ...values }).onConflictDoUpdate({ target: screeningChecks.projectId, set: values });
    return (await staffViews(cx.tx, [p]))[0];
  },
  audit: (p, input) => ({ subject: { kind: 'project', id: p.id, label: p.title }, detail: { exclusions: exclusionsOf(input) } }),
});

/** A department's worklist: its projects in its body, those still waiting for its assessment (`waiting`) first. */
export async function myAssessments(ctx: AppContext, actor: StaffPrincipal) {
  const department = await departmentOf(ctx.db, actor);
  if (!department || actor.bodyId === null) return [];
  const rows = await ctx.db.select().from(projects)
    .where(and(eq(projects.bodyId, actor.bodyId), eq(projects.department, department), ne(projects.status, 'withdrawn')))
    .orderBy(asc(projects.year), asc(projects.createdAt), asc(projects.id));
  const views = await staffViews(ctx.db, rows);
  // a project the department returned waits for the staff, not for its assessment
  return views.map((v) => ({ ...v, waiting: v.status === 'draft' && v.returned === null })).sort((a, b) => Number(b.waiting) - Number(a.waiting));
}
