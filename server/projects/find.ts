// Finding and describing a project: the one place every stage reads a project row from.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { projects } from '../db/schema.js';
import { notFound } from '../core/errors.js';

export type ProjectRow = typeof projects.$inferSelect;

/** The project, or 404; `lock` takes it FOR UPDATE (a use case that changes it). */
export async function findProject(db: DbOrTx, projectId: string, lock = false): Promise<ProjectRow> {
  const q = db.select().from(projects).where(eq(projects.id, projectId));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('项目');
  return row;
}

export const describeProject = (p: ProjectRow) => ({
  id: p.id, bodyId: p.bodyId, year: p.year, title: p.title, description: p.description, category: p.category,
  department: p.department, investment: p.investment, status: p.status, targets: p.targets, createdAt: p.createdAt,
});
