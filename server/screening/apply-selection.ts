// The selection ballot's outcome written back to its projects, inside the publishing transaction.
import { inArray } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { projects } from '../db/schema.js';
import type { BallotRow } from '../ballots/queries.js';
import type { SelectionResult } from '../../shared/types.js';

/**
 * `selected` options become selected projects; `not_passed` and `passed_not_selected` ones not_selected;
 * `tied` ones stay as they are (candidates) until the runoff's publication decides them.
 */
export async function applySelection(tx: Tx, ballot: BallotRow): Promise<void> {
  if (ballot.kind !== 'selection' || !ballot.result) return;
  const result = ballot.result as SelectionResult;
  const selected = result.options.filter((o) => o.status === 'selected').map((o) => o.id);
  const notSelected = result.options.filter((o) => o.status === 'not_passed' || o.status === 'passed_not_selected').map((o) => o.id);
  if (selected.length) await tx.update(projects).set({ status: 'selected' }).where(inArray(projects.id, selected));
  if (notSelected.length) await tx.update(projects).set({ status: 'not_selected' }).where(inArray(projects.id, notSelected));
}
