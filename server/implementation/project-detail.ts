// GET /api/projects/:id/implementation: one selected project's plan, reports, group, inspections,
// rectifications and grades, for its carrying department, staff of its body, and the members of its body
// (who read it before they rate it, or when they supervise it). All of it is public once selected;
// this view adds nothing private, only the signed-in reader's own place in the group.
import { asc, desc, eq } from 'drizzle-orm';
import { isProjectPublic } from '../projects/public.js';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/connect.js';
import { carryOvers, inspections, members, projectGrades, rectifications, supervisors } from '../db/schema.js';
import { assertStaffOfBody } from '../bodies/tree.js';
import { forbidden } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { assertCarryingDepartment } from '../projects/departments.js';
import { describeProject, findProject } from '../projects/find.js';
import { executionOf } from '../projects/execution.js';
import { photoUrls, projectProgress } from '../projects/progress.js';
import { describeGrade } from '../projects/grades.js';
import { itemsOfProject } from '../projects/items.js';

export async function projectImplementation(ctx: AppContext, who: Principal, projectId: string) {
  const p = await findProject(ctx.db, projectId);
  if (who.kind === 'member') {
    if (who.bodyId !== p.bodyId) throw forbidden('other_body', '不是本级人大的项目 / not a project of your body');
    // A draft, an assessment not yet published, a withdrawn project: staff only.
    if (!(await isProjectPublic(ctx.db, p))) throw forbidden('forbidden', '该项目尚未公开 / the project is not public yet');
  } else {
    if (who.kind !== 'staff' || !['admin', 'presider', 'department'].includes(who.role)) throw forbidden();
    await assertStaffOfBody(ctx.db, who, p.bodyId);
    await assertCarryingDepartment(ctx.db, who, p, '只能查看本单位承办的项目 / only the carrying department');
  }
  const e = (await executionOf(ctx.db, [p], ctx.now())).get(p.id)!;
  const detail = await implementationDetail(ctx.db, projectId);
  const mine = who.kind === 'member' ? detail.supervisors.find((s) => s.id === who.memberId) : undefined;
  return { ...describeProject(p), projectId, ...e, ...detail, supervising: !!mine };
}

export async function implementationDetail(db: DbOrTx, projectId: string) {
  const [{ plan, progress }, group, visits, fixes, grades, [carried], items] = await Promise.all([
    projectProgress(db, projectId),
    db.select({ id: members.id, name: members.name, delegation: members.delegation, lead: supervisors.lead })
      .from(supervisors).innerJoin(members, eq(members.id, supervisors.memberId)).where(eq(supervisors.projectId, projectId)).orderBy(desc(supervisors.lead), asc(members.name)),
    db.select({ i: inspections, by: members.name }).from(inspections).leftJoin(members, eq(members.id, inspections.memberId))
      .where(eq(inspections.projectId, projectId)).orderBy(desc(inspections.date), desc(inspections.createdAt)),
    db.select().from(rectifications).where(eq(rectifications.projectId, projectId)).orderBy(desc(rectifications.date)),
    db.select().from(projectGrades).where(eq(projectGrades.projectId, projectId)).orderBy(asc(projectGrades.publishedAt)),
    db.select().from(carryOvers).where(eq(carryOvers.projectId, projectId)),
    itemsOfProject(db, projectId),
  ]);
  return {
    plan, progress, items,
    supervisors: group,
    inspections: visits.map(({ i, by }) => ({ id: i.id, date: i.date, findings: i.findings, photos: photoUrls(i.photos), by })),
    rectifications: fixes.map((r) => ({ id: r.id, date: r.date, note: r.note, photos: photoUrls(r.photos) })),
    grades: grades.map(describeGrade),
    // (a project not carried over has no row: `[carried]` is then undefined, whatever its type says)
    carriedOverFrom: carried ? carried.fromYear : null,
    carriedOverTo: carried ? carried.toYear : null,
  };
}
