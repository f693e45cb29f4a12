// Adopting suggestions into a project (采纳): each becomes `adopted`, linked to the project, and its
// tracking page says so; in the same transaction as the project's creation.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx, DbOrTx } from '../db/connect.js';
import { suggestionEvents, suggestions } from '../db/schema.js';
import { conflict, invalid } from '../http/errors.js';

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

/** Residents behind each project: the supporters of the suggestions adopted into it. */
export async function supportersOf(db: DbOrTx, projectIds: string[]): Promise<Map<string, number>> {
  if (!projectIds.length) return new Map();
  const rows = await db.select({ projectId: suggestions.projectId, n: sql<number>`sum(${suggestions.supporters})::int` })
    .from(suggestions).where(inArray(suggestions.projectId, projectIds)).groupBy(suggestions.projectId);
  return new Map(rows.map((r) => [r.projectId!, Number(r.n)]));
}

export async function suggestionsOfProject(db: DbOrTx, projectId: string) {
  return db.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.projectId, projectId));
}
