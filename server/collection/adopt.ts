// Adopting suggestions into a project (采纳), and releasing them when it is withdrawn: collection's answers to
// screening's events (server/wiring.ts), in the same transaction as the project's own change.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { suggestionEvents, suggestions } from '../db/schema.js';
import { conflict, fieldError } from '../core/errors.js';
import type { CommandContext } from '../core/command.js';
import type { DomainEvents } from '../core/events.js';
import { tellChainSenders } from '../outbox/suggestion-notices.js';

/** Each becomes `adopted`, linked to the project, and its tracking page says so (one trail entry each). */
export async function adoptIntoProject(cx: CommandContext, { project, suggestionIds }: DomainEvents['project.created']) {
  const unique = [...new Set(suggestionIds)].sort();
  if (!unique.length) return;
  const rows = await cx.tx.select().from(suggestions).where(inArray(suggestions.id, unique)).orderBy(asc(suggestions.id)).for('update');
  if (rows.length !== unique.length) throw fieldError('suggestionIds', '建议不存在 / unknown suggestion');
  for (const s of rows) {
    if (s.bodyId !== project.bodyId) throw fieldError('suggestionIds', '建议不属于该人大 / a suggestion of another body');
    if (s.status === 'merged') throw conflict('already_merged', `「${s.title}」已合并到其他建议 / already merged`);
    if (s.status === 'adopted') throw conflict('suggestion_adopted', `「${s.title}」已采纳 / already adopted`);
  }
  // A reserved suggestion of an earlier year (储备库) leaves the reserve as it is adopted.
  await cx.tx.update(suggestions).set({ status: 'adopted', projectId: project.id, reason: null, reserve: false, reserveNote: null, updatedAt: sql`now()` }).where(inArray(suggestions.id, unique));
  await cx.tx.insert(suggestionEvents).values(unique.map((id) => ({ suggestionId: id, status: 'adopted' as const, note: project.title })));
  await tellChainSenders(cx, unique, 'adopted');
  for (const s of rows) {
    cx.audit({ action: 'suggestion.adopted', stage: 'collection', subject: { kind: 'suggestion', id: s.id, label: s.title }, detail: { projectId: project.id } });
  }
}

/** A withdrawn project's suggestions go back to `received`, with an event saying so on their tracking pages. */
export async function releaseFromProject(cx: CommandContext, { project }: DomainEvents['project.withdrawn']) {
  const linked = await cx.tx.select({ id: suggestions.id, title: suggestions.title }).from(suggestions)
    .where(and(eq(suggestions.projectId, project.id), eq(suggestions.status, 'adopted'))).orderBy(asc(suggestions.id)).for('update');
  if (!linked.length) return;
  await cx.tx.update(suggestions).set({ status: 'received', projectId: null, updatedAt: sql`now()` }).where(inArray(suggestions.id, linked.map((s) => s.id)));
  await cx.tx.insert(suggestionEvents).values(linked.map((s) => ({ suggestionId: s.id, status: 'received' as const, note: `项目「${project.title}」已撤回，建议重新待处理` })));
  for (const s of linked) {
    cx.audit({ action: 'suggestion.released', stage: 'collection', subject: { kind: 'suggestion', id: s.id, label: s.title }, detail: { projectId: project.id } });
  }
}
