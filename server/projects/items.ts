// A project's items (子项): read by the staff, department and public views alike (stages read them here).
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { projectItems } from '../db/schema.js';

/** The project's items in their order: `{id, title, target, percent}`. */
export async function itemsOfProject(db: DbOrTx, projectId: string) {
  const rows = await db.select().from(projectItems).where(eq(projectItems.projectId, projectId)).orderBy(asc(projectItems.position));
  return rows.map((r) => ({ id: r.id, title: r.title, target: r.target, percent: r.percent }));
}
