// 政府办单: the carrying department's plan for a selected project, and its progress reports.
import { eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import { progressReports, projectPlans } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { command, publicChange } from '../core/command.js';
import { invalid } from '../core/errors.js';
import { actorName } from '../audit/log.js';
import type { planInput, progressInput } from '../../shared/implementation-schemas.js';
import { assertSelected, assertTypedDate, carrierScope, checkPhotos, projectSubject } from './access.js';
import { describeReport } from '../projects/progress.js';
import { applyItemPercents } from './items.js';
import { tellProjectSenders } from '../outbox/suggestion-notices.js';

/** setPlan: the plan (targets, milestones, funding, completion date) of a selected project, replaced whole. */
export const setPlan = command<{ projectId: string } & z.infer<typeof planInput>>()({
  action: 'project.planned', stage: 'implementation', roles: ['admin', 'department'],
  scope: carrierScope,
  run: async (cx, { projectId, ...input }, { project: p }) => {
    assertSelected(p);
    const values = { targets: input.targets, milestones: input.milestones, funding: input.funding, completionDate: input.completionDate, updatedBy: actorName(cx.actor), updatedAt: new Date().toISOString() };
    await cx.tx.insert(projectPlans).values({ projectId, ...values }).onConflictDoUpdate({ target: projectPlans.projectId, set: values });
    await cx.emit('project.execution_changed', { projectIds: [projectId] });
    return { projectId, ...input };
  },
  audit: (_out, input, { project }) => ({ subject: projectSubject(project), detail: { milestones: input.milestones.length, completionDate: input.completionDate } }),
  effects: [publicChange],
});

/** reportProgress: a dated report (percent, milestone reached, note, photos) of a selected project. */
export const reportProgress = command<{ projectId: string } & z.infer<typeof progressInput>>()({
  action: 'project.progress', stage: 'implementation', roles: ['admin', 'department'],
  scope: carrierScope,
  run: async (cx, { projectId, ...input }, { project: p }) => {
    assertSelected(p);
    assertTypedDate(p, input.date, cx.ctx.now());
    if (input.milestone) {
      const [plan] = await cx.tx.select().from(projectPlans).where(eq(projectPlans.projectId, projectId));
      if (!plan?.milestones.some((m) => m.title === input.milestone)) {
        throw invalid('计划中没有这个里程碑 / no such milestone in the plan', [{ field: 'milestone', message: '计划中没有这个里程碑 / not a milestone of the plan' }]);
      }
    }
    const photos = await checkPhotos(cx.tx, input.photos);
    const items = input.items ?? [];
    await applyItemPercents(cx.tx, projectId, items);
    // the first report of 100% finishes the project: whoever asked for it and wished to hear is told
    const [before] = await cx.tx.select({ percent: max(progressReports.percent) }).from(progressReports).where(eq(progressReports.projectId, projectId));
    if (input.percent === 100 && (before?.percent ?? 0) < 100) await tellProjectSenders(cx, [projectId], 'done');
    const [r] = await cx.tx.insert(progressReports).values({
      id: newId(), projectId, percent: input.percent, milestone: input.milestone ?? null, note: input.note, date: input.date, photos, items, createdBy: actorName(cx.actor),
    }).returning();
    await cx.emit('project.execution_changed', { projectIds: [projectId] });
    return describeReport(r);
  },
  audit: (_r, input, { project }) => ({ subject: projectSubject(project), detail: { percent: input.percent, date: input.date, milestone: input.milestone ?? null } }),
  effects: [publicChange],
});
