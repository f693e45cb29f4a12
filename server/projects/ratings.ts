// What residents said of a project (群众评单): counts by grade, and the comments staff approved.
import { and, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { publicRatings } from '../db/schema.js';
import { iso } from '../db/time.js';
import { anyOf } from '../db/any.js';

/** Counts by grade of every public rating of these projects (comments or not, moderated or not). */
export async function ratingSummaries(db: DbOrTx, projectIds: string[]) {
  const out = new Map<string, { satisfied: number; basic: number; unsatisfied: number; count: number }>();
  for (const id of projectIds) out.set(id, { satisfied: 0, basic: 0, unsatisfied: 0, count: 0 });
  if (!projectIds.length) return out;
  const rows = await db.select({ projectId: publicRatings.projectId, grade: publicRatings.grade, n: count() }).from(publicRatings)
    .where(anyOf(publicRatings.projectId, projectIds)).groupBy(publicRatings.projectId, publicRatings.grade);
  for (const r of rows) {
    const s = out.get(r.projectId)!;
    s[r.grade as 'satisfied' | 'basic' | 'unsatisfied'] = Number(r.n);
    s.count += Number(r.n);
  }
  return out;
}

/** Approved comments of a project, newest first: what the public reads. */
export async function visibleComments(db: DbOrTx, projectId: string) {
  const rows = await db.select().from(publicRatings).where(and(eq(publicRatings.projectId, projectId), eq(publicRatings.status, 'visible')))
    .orderBy(desc(publicRatings.createdAt), desc(publicRatings.id)).limit(200);
  return rows.map((r) => ({ id: r.id, grade: r.grade, comment: r.comment, createdAt: iso(r.createdAt) }));
}
