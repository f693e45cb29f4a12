// The carrying department's assessment (可行性、投资、资金、完成时间、目标) and staff's exclusion checklist.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { assessments, projects, screeningChecks } from '../db/schema.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody } from '../bodies/tree.js';
import { conflict } from '../core/errors.js';
import { writeAudit } from '../audit/log.js';
import type { assessmentInput, screeningInput } from '../../shared/screening-schemas.js';
import { staffViews } from '../projects/views.js';
import { isEditable } from '../../shared/projects.js';
import { assertCarryingDepartment, departmentOf } from '../projects/departments.js';
import { findProject } from '../projects/find.js';

const locked = () => conflict('project_locked', '项目已列入候选名单，评估不能再修改 / the project is a candidate: its assessment is final');

/** assessProject: the department that would carry the project out (or an admin of its body) answers for it. */
export async function assessProject(ctx: AppContext, actor: StaffPrincipal, projectId: string, input: z.infer<typeof assessmentInput>) {
  return ctx.db.transaction(async (tx) => {
    const p = await findProject(tx, projectId, true);
    await assertStaffOfBody(tx, actor, p.bodyId);
    await assertCarryingDepartment(tx, actor, p, '只能评估本单位承办的项目 / only the carrying department may assess it');
    if (!isEditable(p.status)) throw locked();
    const values = {
      feasible: input.feasible, reason: input.reason, investment: input.investment, fundingSource: input.fundingSource ?? null,
      completionDate: input.completionDate, targets: input.targets ?? p.targets, assessedBy: actor.username || actor.userId, assessedAt: sql`now()`,
    };
    await tx.insert(assessments).values({ projectId, ...values }).onConflictDoUpdate({ target: assessments.projectId, set: values });
    const [row] = await tx.update(projects).set({ status: input.feasible ? 'assessed' : 'infeasible', investment: input.investment, targets: values.targets })
      .where(eq(projects.id, projectId)).returning();
    await writeAudit(tx, { actor, action: 'project.assessed', subject: projectId, detail: { feasible: input.feasible, investment: input.investment, completionDate: input.completionDate } });
    return (await staffViews(tx, [row]))[0];
  });
}

/** Records which of PROCESS.md's exclusion rules apply to a project (staff's screening checklist). */
export async function setScreening(ctx: AppContext, actor: StaffPrincipal, projectId: string, input: z.infer<typeof screeningInput>) {
  return ctx.db.transaction(async (tx) => {
    const p = await findProject(tx, projectId, true);
    await assertStaffOfBody(tx, actor, p.bodyId);
    if (!isEditable(p.status)) throw locked();
    const exclusions = Object.fromEntries(Object.entries(input.exclusions).filter(([, v]) => v !== undefined)) as Record<string, boolean>;
    const values = { exclusions, note: input.note ?? null, updatedAt: sql`now()` };
    await tx.insert(screeningChecks).values({ projectId, ...values }).onConflictDoUpdate({ target: screeningChecks.projectId, set: values });
    await writeAudit(tx, { actor, action: 'project.screened', subject: projectId, detail: { exclusions } });
    return (await staffViews(tx, [p]))[0];
  });
}

/** A department's worklist: its projects in its body, those still waiting for its assessment (`waiting`) first. */
export async function myAssessments(ctx: AppContext, actor: StaffPrincipal) {
  const department = await departmentOf(ctx.db, actor);
  if (!department || actor.bodyId === null) return [];
  const rows = await ctx.db.select().from(projects)
    .where(and(eq(projects.bodyId, actor.bodyId), eq(projects.department, department), ne(projects.status, 'withdrawn')))
    .orderBy(asc(projects.year), asc(projects.createdAt), asc(projects.id));
  const views = await staffViews(ctx.db, rows);
  return views.map((v) => ({ ...v, waiting: v.status === 'draft' })).sort((a, b) => Number(b.waiting) - Number(a.waiting));
}
