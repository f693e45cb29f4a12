// Adopting suggestions into a project (采纳): each becomes `adopted`, linked to the project, and its
// tracking page says so; in the same transaction as the project's creation.
import { asc, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { suggestionEvents, suggestions } from '../db/schema.js';
import { conflict, invalid } from '../core/errors.js';

export async function adoptSuggestions(tx: Tx, project: { id: string; bodyId: string; title: string }, ids: string[]) {
  const unique = [...new Set(ids)].sort();
  if (!unique.length) return;
  const rows = await tx.select().from(suggestions).where(inArray(suggestions.id, unique)).orderBy(asc(suggestions.id)).for('update');
  const bad = (message: string) => invalid(message, [{ field: 'suggestionIds', message }]);
  if (rows.length !== unique.length) throw bad('建议不存在 / unknown suggestion');
  for (const s of rows) {
    if (s.bodyId !== project.bodyId) throw bad('建议不属于该人大 / a suggestion of another body');
    if (s.status === 'merged') throw conflict('already_merged', `「${s.title}」已合并到其他建议 / already merged`);
    if (s.status === 'adopted') throw conflict('suggestion_adopted', `「${s.title}」已采纳 / already adopted`);
  }
  await tx.update(suggestions).set({ status: 'adopted', projectId: project.id, reason: null, updatedAt: sql`now()` }).where(inArray(suggestions.id, unique));
  await tx.insert(suggestionEvents).values(unique.map((id) => ({ suggestionId: id, status: 'adopted', note: project.title })));
}
