// 代表督单: a project's supervision group, what a member supervises, and the group's inspections.
import { and, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { inspections, members, projects, supervisors } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { MemberPrincipal, StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody } from '../bodies/tree.js';
import { forbidden, invalid } from '../core/errors.js';
import { legacyAudit } from '../audit/legacy.js';
import type { Principal } from '../core/principal.js';
import { findProject } from '../projects/find.js';
import type { inspectionInput, supervisorsInput } from '../../shared/implementation-schemas.js';
import { checkPhotos, notSelected } from './access.js';
import { executionOf } from '../projects/execution.js';

export async function setSupervisors(ctx: AppContext, actor: StaffPrincipal, projectId: string, input: z.infer<typeof supervisorsInput>) {
  return ctx.db.transaction(async (tx) => {
    const p = await findProject(tx, projectId, true);
    await assertStaffOfBody(tx, actor, p.bodyId);
    if (p.status !== 'selected') throw notSelected();
    const found = await tx.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.bodyId, p.bodyId), inArray(members.id, input.memberIds)));
    if (found.length !== input.memberIds.length) throw invalid('小组成员须是本级人大代表 / members of the project\'s body only', [{ field: 'memberIds', message: 'not members of the body' }]);
    await tx.delete(supervisors).where(eq(supervisors.projectId, projectId));
    await tx.insert(supervisors).values(input.memberIds.map((memberId) => ({ projectId, memberId, lead: memberId === input.leadMemberId })));
    // How many of the year's projects each member now supervises (as the staff dashboard counts it), so staff can spread the load.
    const load = await tx.select({ memberId: supervisors.memberId, n: count() }).from(supervisors).innerJoin(projects, eq(projects.id, supervisors.projectId))
      .where(and(inArray(supervisors.memberId, input.memberIds), eq(projects.year, p.year))).groupBy(supervisors.memberId);
    await legacyAudit(tx, { actor, action: 'project.supervisors', subject: projectId, detail: { members: input.memberIds.length, lead: input.leadMemberId } });
    const name = new Map(found.map((m) => [m.id, m.name]));
    return {
      projectId, leadMemberId: input.leadMemberId,
      members: input.memberIds.map((id) => ({ id, name: name.get(id)!, lead: id === input.leadMemberId, load: Number(load.find((l) => l.memberId === id)?.n ?? 1) })),
    };
  });
}

/** GET /api/me/projects: the projects whose supervision group holds the member. */
export async function myProjects(ctx: AppContext, member: MemberPrincipal) {
  const rows = await ctx.db.select({ p: projects, lead: supervisors.lead }).from(supervisors).innerJoin(projects, eq(projects.id, supervisors.projectId))
    .where(eq(supervisors.memberId, member.memberId));
  const exec = await executionOf(ctx.db, rows.map((r) => r.p));
  return rows.map(({ p, lead }) => {
    const e = exec.get(p.id)!;
    return { id: p.id, title: p.title, year: p.year, department: p.department, status: p.status, lead, execution: e.execution, percent: e.percent, lastReport: e.lastReport, overdue: e.overdue };
  });
}

/** An inspection (专项视察) recorded by a member of the project's group, or by staff of its body. */
export async function recordInspection(ctx: AppContext, who: Principal, projectId: string, input: z.infer<typeof inspectionInput>) {
  return ctx.db.transaction(async (tx) => {
    const p = await findProject(tx, projectId);
    if (who.kind === 'member') {
      const [inGroup] = await tx.select().from(supervisors).where(and(eq(supervisors.projectId, projectId), eq(supervisors.memberId, who.memberId)));
      if (!inGroup) throw forbidden('not_supervisor', '只有该项目监督小组的代表可以记录视察 / only the project\'s supervision group');
    } else if (who.kind === 'staff' && who.role === 'admin') {
      await assertStaffOfBody(tx, who, p.bodyId);
    } else {
      throw forbidden();
    }
    if (p.status !== 'selected') throw notSelected();
    const photos = await checkPhotos(tx, input.photos);
    const [row] = await tx.insert(inspections).values({ id: newId(), projectId, date: input.date, findings: input.findings, photos, memberId: who.kind === 'member' ? who.memberId : null }).returning();
    await legacyAudit(tx, { actor: who, action: 'project.inspected', subject: projectId, detail: { date: input.date } });
    return { id: row.id, projectId, date: row.date, findings: row.findings, photos: row.photos };
  });
}
