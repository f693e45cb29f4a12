// 代表督单: a project's supervision group, what a member supervises, and the group's inspections.
import { and, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { inspections, members, projects, supervisors } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { command, publicChange, type CommandContext } from '../core/command.js';
import type { MemberPrincipal, StaffPrincipal } from '../core/principal.js';
import { forbidden, invalid } from '../core/errors.js';
import { lockedProject, type ProjectScope } from '../projects/scope.js';
import type { inspectionInput, supervisorsInput } from '../../shared/implementation-schemas.js';
import { assertSelected, assertTypedDate, checkPhotos, projectSubject } from './access.js';
import { executionOf } from '../projects/execution.js';

/** setSupervisors: an admin names the project's supervision group (members of its body) and its lead. */
export const setSupervisors = command<{ projectId: string } & z.infer<typeof supervisorsInput>>()({
  action: 'project.supervisors', stage: 'supervision', roles: ['admin'],
  scope: lockedProject,
  run: async (cx, { projectId, ...input }, { project: p }) => {
    const tx = cx.tx;
    assertSelected(p);
    const found = await tx.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.bodyId, p.bodyId), inArray(members.id, input.memberIds)));
    if (found.length !== input.memberIds.length) throw invalid('小组成员须是本级人大代表 / members of the project\'s body only', [{ field: 'memberIds', message: 'not members of the body' }]);
    await tx.delete(supervisors).where(eq(supervisors.projectId, projectId));
    await tx.insert(supervisors).values(input.memberIds.map((memberId) => ({ projectId, memberId, lead: memberId === input.leadMemberId })));
    // How many of the year's projects each member now supervises (as the staff dashboard counts it), so staff can spread the load.
    const load = await tx.select({ memberId: supervisors.memberId, n: count() }).from(supervisors).innerJoin(projects, eq(projects.id, supervisors.projectId))
      .where(and(inArray(supervisors.memberId, input.memberIds), eq(projects.year, p.year))).groupBy(supervisors.memberId);
    const name = new Map(found.map((m) => [m.id, m.name]));
    return {
      projectId, leadMemberId: input.leadMemberId,
      members: input.memberIds.map((id) => ({ id, name: name.get(id)!, lead: id === input.leadMemberId, load: Number(load.find((l) => l.memberId === id)?.n ?? 1) })),
    };
  },
  audit: (_out, input, { project }) => ({ subject: projectSubject(project), detail: { members: input.memberIds.length, lead: input.leadMemberId } }),
  effects: [publicChange],
});

/** GET /api/me/projects: the projects whose supervision group holds the member. */
export async function myProjects(ctx: AppContext, member: MemberPrincipal) {
  const rows = await ctx.db.select({ p: projects, lead: supervisors.lead }).from(supervisors).innerJoin(projects, eq(projects.id, supervisors.projectId))
    .where(eq(supervisors.memberId, member.memberId));
  const exec = await executionOf(ctx.db, rows.map((r) => r.p), ctx.now());
  return rows.map(({ p, lead }) => {
    const e = exec.get(p.id)!;
    return { id: p.id, title: p.title, year: p.year, department: p.department, status: p.status, lead, execution: e.execution, percent: e.percent, lastReport: e.lastReport, overdue: e.overdue, color: e.color, rectifyBy: e.rectifyBy };
  });
}

/** The project, locked; a member must be in its supervision group (403 not_supervisor); an admin must cover its body (the wrapper). */
async function supervisedProject(cx: CommandContext<MemberPrincipal | StaffPrincipal>, input: { projectId: string }): Promise<ProjectScope> {
  const scope = await lockedProject(cx, input);
  const who = cx.actor;
  if (who.kind === 'member') {
    const [inGroup] = await cx.tx.select().from(supervisors).where(and(eq(supervisors.projectId, input.projectId), eq(supervisors.memberId, who.memberId)));
    if (!inGroup) throw forbidden('not_supervisor', '只有该项目监督小组的代表可以记录视察 / only the project\'s supervision group');
  }
  return scope;
}

/** recordInspection: an inspection (专项视察) recorded by a member of the project's group, or by an admin of its body. */
export const recordInspection = command<{ projectId: string } & z.infer<typeof inspectionInput>>()({
  action: 'project.inspected', stage: 'supervision', roles: ['member', 'admin'],
  scope: supervisedProject,
  run: async (cx, { projectId, ...input }, { project: p }) => {
    assertSelected(p);
    assertTypedDate(p, input.date, cx.ctx.now());
    const photos = await checkPhotos(cx.tx, input.photos);
    const [row] = await cx.tx.insert(inspections).values({
      id: newId(), projectId, date: input.date, findings: input.findings, photos, memberId: cx.actor.kind === 'member' ? cx.actor.memberId : null,
    }).returning();
    return { id: row.id, projectId, date: row.date, findings: row.findings, photos: row.photos };
  },
  audit: (_out, input, { project }) => ({ subject: projectSubject(project), detail: { date: input.date } }),
  effects: [publicChange],
});
