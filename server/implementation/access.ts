// What every implementation command shares: a project must be selected, photos must be stored photos, and
// who acts on a selected project (its carrying department or an admin of its body: projects/scope.ts's
// carriedProject, as each command's scope).
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { files } from '../db/schema.js';
import { conflict, fieldError, invalid } from '../core/errors.js';
import { typedDateProblem } from '../../shared/typed-dates.js';
import { carriedProject } from '../projects/scope.js';
import type { ProjectRow } from '../projects/find.js';

export const notSelected = () => conflict('project_not_selected', '只有票决产生的项目可以这样做 / only a selected project');

/** 404, then 409 project_not_selected for a project the vote did not select. */
export function assertSelected(p: ProjectRow): void {
  if (p.status !== 'selected') throw notSelected();
}

/** A date a person typed about the project's work: from 1 January of the year before its year to today (422 else). */
export function assertTypedDate(p: ProjectRow, date: string, now: Date): void {
  const problem = typedDateProblem(date, p.year, now);
  if (problem) throw fieldError('date', problem);
}

/** The scope of a carrier's report: the project, locked; a department user must be its carrying department. */
export const carrierScope = carriedProject('只能填报本单位承办的项目 / only the carrying department');

/** The trail's subject for a project: its title at the time. */
export const projectSubject = (p: { id: string; title: string }) => ({ kind: 'project' as const, id: p.id, label: p.title });

/** Photos named by a report must be stored photos. */
export async function checkPhotos(db: DbOrTx, ids: string[] | undefined): Promise<string[]> {
  const list = [...new Set(ids ?? [])];
  if (!list.length) return [];
  const found = await db.select({ id: files.id }).from(files).where(inArray(files.id, list));
  if (found.length !== list.length) throw invalid('照片不存在 / unknown photo', [{ field: 'photos', message: 'unknown photo' }]);
  return list;
}
