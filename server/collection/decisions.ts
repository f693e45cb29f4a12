// What staff decide about suggestions: merge duplicates, or close them as 未采纳 / 转交 with a reason.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { suggestionEvents, suggestions } from '../db/schema.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody, findBody } from '../bodies/tree.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { command, publicChange, type CommandContext } from '../core/command.js';
import { describeForStaff } from './inbox.js';
import { tellSenders } from '../outbox/suggestion-notices.js';
import { referSuggestion } from './referrals.js';

type Row = typeof suggestions.$inferSelect;

/**
 * The scope of a decision: locks the rows in id order (no deadlock between two clerks) and checks they
 * exist, are the staff's (every body among them), and, when the request names a body (the bulk routes),
 * belong to it.
 */
async function lockSuggestions(cx: CommandContext<StaffPrincipal>, ids: string[], bodyId?: string): Promise<Map<string, Row>> {
  const { tx, actor } = cx;
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

const suggestionSubject = (s: Row) => ({ kind: 'suggestion' as const, id: s.id, label: s.title });

/**
 * mergeSuggestions: merges each of `ids` into `into`: the target gains their supporters; each merged one's
 * page names the target. One trail entry per merged suggestion. `bodyId` when the route names the body.
 */
export const mergeSuggestions = command<{ ids: string[]; into: string; bodyId?: string }>()({
  action: 'suggestion.merged', stage: 'collection', roles: ['admin'],
  scope: async (cx, { ids, into, bodyId }) => {
    const rows = await lockSuggestions(cx, [...ids, into], bodyId);
    const target = rows.get(into)!;
    return { bodyId: target.bodyId, rows, target };
  },
  run: async (cx, { ids, into }, { rows, target }) => {
    const { tx } = cx;
    if (ids.includes(into)) throw invalid('不能合并到自身 / cannot merge into itself', [{ field: 'into', message: 'same suggestion' }]);
    if (target.status === 'merged') throw invalid('目标建议已被合并 / the target is itself merged', [{ field: 'into', message: 'merged' }]);
    let gained = 0;
    for (const id of new Set(ids)) {
      const s = rows.get(id)!;
      if (s.bodyId !== target.bodyId || s.year !== target.year) throw invalid('只能合并同一人大同一年度的建议 / only suggestions of one body and year merge', [{ field: 'into', message: 'other body or year' }]);
      const refusal = undecidable(s);
      if (refusal) throw refusal;
      gained += s.supporters;
      await tx.update(suggestions).set({ status: 'merged', mergedInto: target.id, updatedAt: sql`now()` }).where(eq(suggestions.id, id));
      await tx.insert(suggestionEvents).values({ suggestionId: id, status: 'merged', note: target.title });
    }
    const [updated] = await tx.update(suggestions).set({ supporters: target.supporters + gained, updatedAt: sql`now()` }).where(eq(suggestions.id, target.id)).returning();
    await tellSenders(cx, [...new Set(ids)].map((id) => rows.get(id)!), 'merged');
    const mergedFrom = (await tx.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.mergedInto, target.id)).orderBy(asc(suggestions.id))).map((r) => r.id);
    return { id: updated.id, supporters: updated.supporters, mergedFrom };
  },
  audit: (_out, { ids }, { rows, target }) => [...new Set(ids)].map((id) => ({
    subject: suggestionSubject(rows.get(id)!), detail: { into: target.title, intoId: target.id, supporters: rows.get(id)!.supporters },
  })),
  // a target already adopted carries its supporters onto its project's public pages
  effects: [publicChange],
});

/**
 * setSuggestionStatus: closes suggestions as not_adopted or referred; the reason is shown on their tracking
 * pages. One trail entry per suggestion, `suggestion.not_adopted` or `suggestion.referred`. Referred to a
 * `department` of the body, each also opens a referral (交办单, `referral.opened`), due `due` or 30 days on.
 */
export const setSuggestionStatus = command<{ ids: string[]; status: 'not_adopted' | 'referred'; reason: string; bodyId?: string; department?: string; due?: string }>()({
  action: 'suggestion.not_adopted', stage: 'collection', roles: ['admin'],
  scope: async (cx, { ids, bodyId }) => {
    const rows = await lockSuggestions(cx, ids, bodyId);
    return { bodyId: bodyId ?? [...rows.values()][0].bodyId, rows };
  },
  run: async (cx, { status, reason, department, due }, { rows }) => {
    const out = [];
    for (const s of rows.values()) {
      const refusal = undecidable(s);
      if (refusal) throw refusal;
      // 交办: referred to a department of the body, it waits for the department's answer (referrals.ts)
      if (status === 'referred' && department !== undefined) await referSuggestion(cx, s, { department, due });
      const [u] = await cx.tx.update(suggestions).set({ status, reason, updatedAt: sql`now()` }).where(and(eq(suggestions.id, s.id))).returning();
      await cx.tx.insert(suggestionEvents).values({ suggestionId: s.id, status, note: reason });
      out.push(describeForStaff(u));
    }
    await tellSenders(cx, [...rows.values()], status);
    return out;
  },
  // the action is the status given (the command's own names the first of the two)
  audit: (_out, { status, reason }, { rows }) => [...rows.values()].map((s) => ({
    action: `suggestion.${status}`, bodyId: s.bodyId, subject: suggestionSubject(s), detail: { reason },
  })),
  // the tracking pages show it
  effects: [publicChange],
});
