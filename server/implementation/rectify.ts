// 整改 and 跨年督办: rectification reports while a project is rectifying; carrying an unfinished project over.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { carryOvers, rectifications } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody } from '../bodies/tree.js';
import { conflict, invalid } from '../core/errors.js';
import { legacyAudit } from '../audit/legacy.js';
import { findProject } from '../projects/find.js';
import type { carryOverInput, rectificationInput } from '../../shared/implementation-schemas.js';
import { carrierProject, checkPhotos, notSelected } from './access.js';
import { executionOf } from '../projects/execution.js';

export async function addRectification(ctx: AppContext, actor: StaffPrincipal, projectId: string, input: z.infer<typeof rectificationInput>) {
  return ctx.db.transaction(async (tx) => {
    const p = await carrierProject(tx, actor, projectId, true);
    if (p.status !== 'selected') throw notSelected();
    if ((await executionOf(tx, [p])).get(p.id)!.execution !== 'rectifying') throw conflict('not_rectifying', '项目不在整改中 / the project is not under rectification');
    const photos = await checkPhotos(tx, input.photos);
    const [row] = await tx.insert(rectifications).values({ id: newId(), projectId, note: input.note, date: input.date, photos }).returning();
    await legacyAudit(tx, { actor, action: 'project.rectification', subject: projectId, detail: { date: input.date } });
    return { id: row.id, projectId, note: row.note, date: row.date, photos: row.photos };
  });
}

export async function carryOver(ctx: AppContext, actor: StaffPrincipal, projectId: string, input: z.infer<typeof carryOverInput>) {
  return ctx.db.transaction(async (tx) => {
    const p = await findProject(tx, projectId, true);
    await assertStaffOfBody(tx, actor, p.bodyId);
    if (p.status !== 'selected') throw notSelected();
    if (input.toYear <= p.year) throw invalid('只能转入以后的年度 / toYear must be after the project\'s year', [{ field: 'toYear', message: 'not after the project\'s year' }]);
    if ((await executionOf(tx, [p])).get(p.id)!.execution === 'done') throw conflict('project_done', '项目已完成，无需跨年督办 / the project is done');
    const values = { fromYear: p.year, toYear: input.toYear };
    await tx.insert(carryOvers).values({ projectId, ...values }).onConflictDoUpdate({ target: carryOvers.projectId, set: values });
    await legacyAudit(tx, { actor, action: 'project.carried_over', subject: projectId, detail: values });
    const [row] = await tx.select().from(carryOvers).where(eq(carryOvers.projectId, projectId));
    return { id: p.id, title: p.title, year: p.year, status: p.status, carriedOverFrom: row.fromYear, carriedOverTo: row.toYear };
  });
}
