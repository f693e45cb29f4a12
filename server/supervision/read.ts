// Reading 督办单: a project's, a body's (the staff dashboard, with filters), a department's own (its workspace)
// and a member's (the tablet: the projects whose supervision group holds them).
import { and, eq, inArray, lt, not, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { projects, supervisors, tasks } from '../db/schema.js';
import { assertStaffOfBody, bodyAndDescendants, findBody } from '../bodies/tree.js';
import { forbidden } from '../core/errors.js';
import type { MemberPrincipal, StaffPrincipal } from '../core/principal.js';
import { assertCarryingDepartment, departmentOf } from '../projects/departments.js';
import { findProject } from '../projects/find.js';
import { listTasks } from '../projects/tasks.js';
import { shanghaiDate } from '../../shared/execution.js';

type Reader = StaffPrincipal | MemberPrincipal;

async function assertSupervisor(ctx: AppContext, who: MemberPrincipal, projectId: string) {
  const [row] = await ctx.db.select().from(supervisors).where(and(eq(supervisors.projectId, projectId), eq(supervisors.memberId, who.memberId)));
  if (!row) throw forbidden('not_supervisor', '只有该项目监督小组的代表可以查看 / only the project\'s supervision group');
}

/** GET /api/projects/:id/tasks: an admin of its body, its carrying department, a member of its supervision group. */
export async function projectTasks(ctx: AppContext, who: Reader, projectId: string) {
  const p = await findProject(ctx.db, projectId);
  if (who.kind === 'member') await assertSupervisor(ctx, who, p.id);
  else {
    await assertStaffOfBody(ctx.db, who, p.bodyId);
    await assertCarryingDepartment(ctx.db, who, p, '只能查看本单位承办项目的督办单 / only the carrying department');
  }
  return listTasks(ctx.db, eq(tasks.projectId, p.id), ctx.now());
}

export interface TaskFilter { state?: 'open' | 'answered' | 'closed'; escalated?: boolean }

function filtered(f: TaskFilter, today: string): SQL[] {
  const out: SQL[] = [];
  if (f.state) out.push(eq(tasks.state, f.state));
  const escalated = and(eq(tasks.state, 'open'), lt(tasks.due, today))!;
  if (f.escalated === true) out.push(escalated);
  if (f.escalated === false) out.push(not(escalated));
  return out;
}

/**
 * GET /api/bodies/:bodyId/tasks: the tasks of the body and the bodies below it for its admins; a department user
 * sees only its department's, a member only those of the projects it supervises.
 */
export async function bodyTasks(ctx: AppContext, who: Reader, bodyId: string, f: TaskFilter) {
  const now = ctx.now();
  const where = filtered(f, shanghaiDate(now));
  if (who.kind === 'member') {
    if (who.bodyId !== bodyId) throw forbidden('other_body', '不是本级人大 / not your body');
    where.push(eq(tasks.bodyId, bodyId), inArray(tasks.projectId, ctx.db.select({ id: supervisors.projectId }).from(supervisors).where(eq(supervisors.memberId, who.memberId))));
  } else {
    // a deployment-wide admin covers every body, so no body at all must still be told apart (404)
    await findBody(ctx.db, bodyId);
    await assertStaffOfBody(ctx.db, who, bodyId);
    where.push(inArray(tasks.bodyId, await bodyAndDescendants(ctx.db, bodyId)));
    if (who.role === 'department') where.push(eq(projects.department, (await departmentOf(ctx.db, who)) ?? sql`null`));
  }
  return listTasks(ctx.db, and(...where), now);
}

/** GET /api/me/tasks: the department's tasks, escalated and open first. */
export async function myTasks(ctx: AppContext, who: StaffPrincipal) {
  const department = await departmentOf(ctx.db, who);
  if (!department) return [];
  const where = [eq(projects.department, department)];
  if (who.bodyId) where.push(inArray(tasks.bodyId, await bodyAndDescendants(ctx.db, who.bodyId)));
  return listTasks(ctx.db, and(...where), ctx.now());
}
