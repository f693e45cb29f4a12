// Every change of a project's status goes through here, checked against the one definition in
// shared/projects.ts: a use case cannot move a project where the definition does not let it.
import { inArray } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { projects } from '../db/schema.js';
import { conflict } from '../core/errors.js';
import { canMove, isProjectStatus, transitionOf, type ProjectStatus, type ProjectUseCase } from '../../shared/projects.js';

const refusalText: Record<string, string> = {
  project_locked: '项目已列入候选名单或已撤回，不能再修改 / the project is on an approved list or withdrawn',
  project_not_assessed: '项目未经评估为可行 / the project is not assessed feasible',
  project_withdrawn: '项目已撤回 / the project was withdrawn',
};

/** Refuses (409, the use case's code) unless every project may move to `to` by `useCase`. */
export function assertCanMove(rows: readonly { id: string; status: string }[], to: ProjectStatus, useCase: ProjectUseCase): void {
  const stuck = rows.filter((p) => !isProjectStatus(p.status) || !canMove(useCase, p.status, to));
  if (!stuck.length) return;
  const { refusal } = transitionOf(useCase);
  throw conflict(refusal, `${refusalText[refusal] ?? refusal}: ${stuck.slice(0, 5).map((p) => p.id).join(', ')}`);
}

/** Moves these (already locked) projects to `to`, as `useCase` does; returns the updated rows. */
export async function moveProjects(tx: Tx, rows: readonly { id: string; status: string }[], to: ProjectStatus, useCase: ProjectUseCase) {
  if (!rows.length) return [];
  assertCanMove(rows, to, useCase);
  return tx.update(projects).set({ status: to }).where(inArray(projects.id, rows.map((p) => p.id))).returning();
}
