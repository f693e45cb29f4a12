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
  // Every project of the ballot is locked at once, in id order: two ballots over the same projects published
  // together then wait for each other instead of each holding half of the rows the other needs (a deadlock).
  const all = [...new Set(result.options.map((o) => o.id))];
  const locked = all.length
    ? await cx.tx.select({ id: projects.id, status: projects.status }).from(projects).where(inArray(projects.id, all)).orderBy(asc(projects.id)).for('update')
    : [];
  const byId = new Map(locked.map((p) => [p.id, p]));
  const rows = (list: string[]) => list.flatMap((id) => byId.get(id) ?? []);
  const chosen = ids(['selected']);
  await moveProjects(cx.tx, rows(chosen), 'selected', 'publishSelection');
  if (chosen.length) await cx.tx.update(projects).set({ selectedOn: shanghaiDate(cx.ctx.now()) }).where(inArray(projects.id, chosen));
  await tellProjectSenders(cx, chosen, 'selected');
  await moveProjects(cx.tx, rows(ids(['not_passed', 'passed_not_selected'])), 'not_selected', 'publishSelection');
}
