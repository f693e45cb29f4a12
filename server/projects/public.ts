// Which projects the public sees (shared/projects.ts: a candidate or later, or infeasible with its published
// reason), and the published assessments they show.
import { and, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { assessments, projects } from '../db/schema.js';
import { alwaysPublicStatuses, isPublicStatus, publicOnceAssessedStatuses } from '../../shared/projects.js';
import { describeAssessment } from './views.js';
import { anyOf } from '../db/any.js';

export async function publicAssessments(db: DbOrTx, projectIds: string[]) {
  if (!projectIds.length) return new Map<string, ReturnType<typeof describeAssessment>>();
  const rows = await db.select().from(assessments).where(and(anyOf(assessments.projectId, projectIds), isNotNull(assessments.publishedAt)));
  return new Map(rows.map((a) => [a.projectId, describeAssessment(a)]));
}

/** Whether one project is public. */
export async function isProjectPublic(db: DbOrTx, p: { id: string; status: string }): Promise<boolean> {
  if (isPublicStatus(p.status, false)) return true;
  if (!isPublicStatus(p.status, true)) return false;
  return (await publicAssessments(db, [p.id])).has(p.id);
}

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** The same rule in SQL, for lists. */
export const isPublicProject = sql`(${projects.status} in (${inList(alwaysPublicStatuses)})
  or (${projects.status} in (${inList(publicOnceAssessedStatuses)}) and exists (select 1 from ${assessments} where ${assessments.projectId} = ${projects.id} and ${assessments.publishedAt} is not null)))`;
