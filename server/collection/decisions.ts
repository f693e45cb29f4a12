// What staff decide about suggestions: merge duplicates, or close them as 未采纳 / 转交 with a reason.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/connect.js';
import { suggestionEvents, suggestions } from '../db/schema.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody } from '../bodies/tree.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { legacyAudit } from '../audit/legacy.js';
import { findBody } from '../bodies/tree.js';
import { describeForStaff } from './inbox.js';

type Row = typeof suggestions.$inferSelect;

/**
 * Locks the rows in id order (no deadlock between two clerks) and checks they exist, are the staff's,
 * and, when the request names a body (the bulk routes), belong to it.
 */
async function lockSuggestions(tx: Tx, actor: StaffPrincipal, ids: string[], bodyId?: string): Promise<Map<string, Row>> {
  if (bodyId) await findBody(tx, bodyId);
  const unique = [...new Set(ids)].sort();
  const rows = await tx.select().from(suggestions).where(inArray(suggestions.id, unique)).orderBy(asc(suggestions.id)).for('update');
  if (rows.length !== unique.length) throw notFound('建议');
  if (bodyId && rows.some((r) => r.bodyId !== bodyId)) throw invalid('建议不属于该人大 / a suggestion of another body', [{ field: 'ids', message: 'other body' }]);
  for (const bodyId of new Set(rows.map((r) => r.bodyId))) await assertStaffOfBody(tx, actor, bodyId);
  return new Map(rows.map((r) => [r.id, r]));
}

const undecidable = (s: Row) => {
  if (s.status === 'merged') return conflict('already_merged', `「${s.title}」已合并 / already merged`);
  if (s.status === 'adopted') return conflict('suggestion_adopted', `「${s.title}」已采纳为项目 / already adopted into a project`);
  return null;
};

/** Merges each source into `intoId`: the target gains their supporters; each source's page names the target. */
export async function mergeSuggestions(ctx: AppContext, actor: StaffPrincipal, sourceIds: string[], intoId: string, bodyId?: string) {
  return ctx.db.transaction(async (tx) => {
    const rows = await lockSuggestions(tx, actor, [...sourceIds, intoId], bodyId);
    const target = rows.get(intoId)!;
    if (sourceIds.includes(intoId)) throw invalid('不能合并到自身 / cannot merge into itself', [{ field: 'into', message: 'same suggestion' }]);
    if (target.status === 'merged') throw invalid('目标建议已被合并 / the target is itself merged', [{ field: 'into', message: 'merged' }]);
    let gained = 0;
    for (const id of new Set(sourceIds)) {
      const s = rows.get(id)!;
      if (s.bodyId !== target.bodyId || s.year !== target.year) throw invalid('只能合并同一人大同一年度的建议 / only suggestions of one body and year merge', [{ field: 'into', message: 'other body or year' }]);
      const refusal = undecidable(s);
      if (refusal) throw refusal;
      gained += s.supporters;
      await tx.update(suggestions).set({ status: 'merged', mergedInto: target.id, updatedAt: sql`now()` }).where(eq(suggestions.id, id));
      await tx.insert(suggestionEvents).values({ suggestionId: id, status: 'merged', note: target.title });
    }
    const [updated] = await tx.update(suggestions).set({ supporters: target.supporters + gained, updatedAt: sql`now()` }).where(eq(suggestions.id, target.id)).returning();
    const mergedFrom = (await tx.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.mergedInto, target.id)).orderBy(asc(suggestions.id))).map((r) => r.id);
    await legacyAudit(tx, { actor, action: 'suggestion.merged', subject: target.id, detail: { sources: [...new Set(sourceIds)], supporters: updated.supporters } });
    return { id: updated.id, supporters: updated.supporters, mergedFrom };
  });
}

/** Closes suggestions as not_adopted or referred; the reason is shown on their tracking pages. */
export async function setSuggestionStatus(ctx: AppContext, actor: StaffPrincipal, ids: string[], status: 'not_adopted' | 'referred', reason: string, bodyId?: string) {
  return ctx.db.transaction(async (tx) => {
    const rows = await lockSuggestions(tx, actor, ids, bodyId);
    const out = [];
    for (const s of rows.values()) {
      const refusal = undecidable(s);
      if (refusal) throw refusal;
      const [u] = await tx.update(suggestions).set({ status, reason, updatedAt: sql`now()` }).where(and(eq(suggestions.id, s.id))).returning();
      await tx.insert(suggestionEvents).values({ suggestionId: s.id, status, note: reason });
      out.push(describeForStaff(u));
    }
    await legacyAudit(tx, { actor, action: `suggestion.${status}`, subject: ids.length === 1 ? ids[0] : `${ids.length} suggestions`, detail: { ids: [...rows.keys()], reason } });
    return out;
  });
}
