// A project's plan and progress reports as every reader shows them (staff, members, the public page, the export).
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { progressReports, projectPlans } from '../db/schema.js';

export const photoUrls = (ids: string[]) => ids.map((id) => ({ id, url: `/api/files/${id}`, thumbUrl: `/api/files/${id}/thumb` }));
export const describeReport = (r: typeof progressReports.$inferSelect) => ({
  id: r.id, projectId: r.projectId, percent: r.percent, milestone: r.milestone, note: r.note, date: r.date, photos: photoUrls(r.photos), items: r.items,
});

/** A project's plan and its reports, newest first (the public page and staff views). */
export async function projectProgress(db: DbOrTx, projectId: string) {
  const [plan] = await db.select().from(projectPlans).where(eq(projectPlans.projectId, projectId));
  const reports = await db.select().from(progressReports).where(eq(progressReports.projectId, projectId)).orderBy(asc(progressReports.date), asc(progressReports.createdAt));
  return { plan: plan ? { targets: plan.targets, milestones: plan.milestones, funding: plan.funding, completionDate: plan.completionDate } : null, progress: reports.reverse().map(describeReport) };
}
