// Who may act on a selected project: its carrying department (the user's department is the project's) or
// an admin of its body; and the project must be selected.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { files } from '../db/schema.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody } from '../bodies/tree.js';
import { conflict, forbidden, invalid } from '../core/errors.js';
import { assertCarryingDepartment } from '../projects/departments.js';
import { findProject, type ProjectRow } from '../projects/find.js';

export const notSelected = () => conflict('project_not_selected', '只有票决产生的项目可以这样做 / only a selected project');

export async function carrierProject(db: DbOrTx, actor: StaffPrincipal, projectId: string, lock = false): Promise<ProjectRow> {
  const p = await findProject(db, projectId, lock);
  await assertStaffOfBody(db, actor, p.bodyId);
  await assertCarryingDepartment(db, actor, p, '只能填报本单位承办的项目 / only the carrying department');
  if (actor.role !== 'admin' && actor.role !== 'department') throw forbidden();
  return p;
}

/** Photos named by a report must be stored photos. */
export async function checkPhotos(db: DbOrTx, ids: string[] | undefined): Promise<string[]> {
  const list = [...new Set(ids ?? [])];
  if (!list.length) return [];
  const found = await db.select({ id: files.id }).from(files).where(inArray(files.id, list));
  if (found.length !== list.length) throw invalid('照片不存在 / unknown photo', [{ field: 'photos', message: 'unknown photo' }]);
  return list;
}
