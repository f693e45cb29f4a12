// 整改 and 跨年督办: rectification reports while a project is rectifying; carrying an unfinished project over.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { carryOvers, rectifications } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { command, publicChange } from '../core/command.js';
import { conflict, invalid } from '../core/errors.js';
import { lockedProject } from '../projects/scope.js';
import type { carryOverInput, rectificationInput } from '../../shared/implementation-schemas.js';
import { assertSelected, assertTypedDate, carrierScope, checkPhotos, projectSubject } from './access.js';
import { executionOf } from '../projects/execution.js';

/** addRectification: the carrier's report of what it fixed, only while the project is rectifying (不满意). */
export const addRectification = command<{ projectId: string } & z.infer<typeof rectificationInput>>()({
  action: 'project.rectification', stage: 'implementation', roles: ['admin', 'department'],
  scope: carrierScope,
  run: async (cx, { projectId, ...input }, { project: p }) => {
    assertSelected(p);
    assertTypedDate(p, input.date, cx.ctx.now());
    if ((await executionOf(cx.tx, [p], cx.ctx.now())).get(p.id)!.execution !== 'rectifying') throw conflict('not_rectifying', '项目不在整改中 / the project is not under rectification');
    const photos = await checkPhotos(cx.tx, input.photos);
    const [row] = await cx.tx.insert(rectifications).values({ id: newId(), projectId, note: input.note, date: input.date, photos }).returning();
    await cx.emit('project.execution_changed', { projectIds: [projectId] });
    return { id: row.id, projectId, note: row.note, date: row.date, photos: row.photos };
  },
  audit: (_out, input, { project }) => ({ subject: projectSubject(project), detail: { date: input.date } }),
  effects: [publicChange],
});

/** carryOver: an unfinished project is supervised into a later year (跨年督办). */
export const carryOver = command<{ projectId: string } & z.infer<typeof carryOverInput>>()({
  action: 'project.carried_over', stage: 'implementation', roles: ['admin'],
  scope: lockedProject,
  run: async (cx, { projectId, ...input }, { project: p }) => {
    assertSelected(p);
    if (input.toYear <= p.year) throw invalid('只能转入以后的年度 / toYear must be after the project\'s year', [{ field: 'toYear', message: 'not after the project\'s year' }]);
    if ((await executionOf(cx.tx, [p], cx.ctx.now())).get(p.id)!.execution === 'done') throw conflict('project_done', '项目已完成，无需跨年督办 / the project is done');
    const values = { fromYear: p.year, toYear: input.toYear };
    await cx.tx.insert(carryOvers).values({ projectId, ...values }).onConflictDoUpdate({ target: carryOvers.projectId, set: values });
    const [row] = await cx.tx.select().from(carryOvers).where(eq(carryOvers.projectId, projectId));
    return { id: p.id, title: p.title, year: p.year, status: p.status, carriedOverFrom: row.fromYear, carriedOverTo: row.toYear };
  },
  audit: (out, _input, { project }) => ({ subject: projectSubject(project), detail: { fromYear: out.carriedOverFrom, toYear: out.carriedOverTo } }),
  effects: [publicChange],
});
