// The selection ballot's outcome written back to its projects: screening's answer to `ballot.published`
// (server/wiring.ts), inside the publishing transaction.
import { asc, inArray } from 'drizzle-orm';
import { projects } from '../db/schema.js';
import type { CommandContext } from '../core/command.js';
import type { DomainEvents } from '../core/events.js';
import { moveProjects } from '../projects/transitions.js';
import { tellProjectSenders } from '../outbox/suggestion-notices.js';
import type { SelectionResult } from '../../shared/types.js';
import { shanghaiDate } from '../../shared/execution.js';

/**
 * `selected` options become selected projects; `not_passed` and `passed_not_selected` ones not_selected;
 * `tied` ones stay as they are (candidates) until the runoff's publication decides them.
 */
export async function applySelection(cx: CommandContext, { ballot }: DomainEvents['ballot.published']): Promise<void> {
  if (ballot.kind !== 'selection' || !ballot.result) return;
  const result = ballot.result as SelectionResult;
  const ids = (status: string[]) => result.options.filter((o) => status.includes(o.status)).map((o) => o.id);
  const lock = async (list: string[]) => list.length
    ? cx.tx.select({ id: projects.id, status: projects.status }).from(projects).where(inArray(projects.id, list)).orderBy(asc(projects.id)).for('update')
    : [];
  await moveProjects(cx.tx, await lock(ids(['selected'])), 'selected', 'publishSelection');
  const chosen = ids(['selected']);
  if (chosen.length) await cx.tx.update(projects).set({ selectedOn: shanghaiDate(cx.ctx.now()) }).where(inArray(projects.id, chosen));
  await tellProjectSenders(cx, chosen, 'selected');
  await moveProjects(cx.tx, await lock(ids(['not_passed', 'passed_not_selected'])), 'not_selected', 'publishSelection');
}
