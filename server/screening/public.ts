// What of the screening stage the public reads: published assessments (feasible or not, with their reason).
import { and, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { assessments } from '../db/schema.js';
import { describeAssessment } from './views.js';

export async function publicAssessments(db: DbOrTx, projectIds: string[]) {
  if (!projectIds.length) return new Map<string, ReturnType<typeof describeAssessment>>();
  const rows = await db.select().from(assessments).where(and(inArray(assessments.projectId, projectIds), isNotNull(assessments.publishedAt)));
  return new Map(rows.map((a) => [a.projectId, describeAssessment(a)]));
}

/** Project stages the public always sees (API.md: public once its year's candidate list is approved). */
export const publicProjectStatuses = ['candidate', 'selected', 'not_selected'] as const;

/** Whether one project is public: a candidate or later, or infeasible with its assessment published. */
export async function isProjectPublic(db: DbOrTx, p: { id: string; status: string }): Promise<boolean> {
  if ((publicProjectStatuses as readonly string[]).includes(p.status)) return true;
  if (p.status !== 'infeasible') return false;
  return (await publicAssessments(db, [p.id])).has(p.id);
}
