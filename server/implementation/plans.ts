// 政府办单: the carrying department's plan for a selected project, and its progress reports.
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/connect.js';
import { progressReports, projectPlans } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { StaffPrincipal } from '../core/principal.js';
import { invalid } from '../core/errors.js';
import { legacyAudit } from '../audit/legacy.js';
import { actorName } from '../audit/log.js';
import type { planInput, progressInput } from '../../shared/implementation-schemas.js';
import { carrierProject, checkPhotos, notSelected } from './access.js';
import { describeReport } from '../projects/progress.js';
import { executionOf } from '../projects/execution.js';


export async function setPlan(ctx: AppContext, actor: StaffPrincipal, projectId: string, input: z.infer<typeof planInput>) {
  return ctx.db.transaction(async (tx) => {
    const p = await carrierProject(tx, actor, projectId, true);
    if (p.status !== 'selected') throw notSelected();
    const values = { targets: input.targets, milestones: input.milestones, funding: input.funding, completionDate: input.completionDate, updatedBy: actorName(actor), updatedAt: new Date().toISOString() };
    await tx.insert(projectPlans).values({ projectId, ...values }).onConflictDoUpdate({ target: projectPlans.projectId, set: values });
    await legacyAudit(tx, { actor, action: 'project.planned', subject: projectId, detail: { milestones: input.milestones.length, completionDate: input.completionDate } });
    return { projectId, ...input };
  });
}

export async function reportProgress(ctx: AppContext, actor: StaffPrincipal, projectId: string, input: z.infer<typeof progressInput>) {
  return ctx.db.transaction(async (tx) => {
    const p = await carrierProject(tx, actor, projectId, true);
    if (p.status !== 'selected') throw notSelected();
    if (input.milestone) {
      const [plan] = await tx.select().from(projectPlans).where(eq(projectPlans.projectId, projectId));
      if (!plan?.milestones.some((m) => m.title === input.milestone)) {
        throw invalid('计划中没有这个里程碑 / no such milestone in the plan', [{ field: 'milestone', message: '计划中没有这个里程碑 / not a milestone of the plan' }]);
      }
    }
    const photos = await checkPhotos(tx, input.photos);
    const [r] = await tx.insert(progressReports).values({
      id: newId(), projectId, percent: input.percent, milestone: input.milestone ?? null, note: input.note, date: input.date, photos, createdBy: actorName(actor),
    }).returning();
    await legacyAudit(tx, { actor, action: 'project.progress', subject: projectId, detail: { percent: input.percent, date: input.date, milestone: input.milestone ?? null } });
    return describeReport(r);
  });
}

