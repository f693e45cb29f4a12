// 群众找我 · 代表回复: what residents sent a representative through their 代表码, and the representative's
// answers, which the resident reads on the tracking page. Only the representative it was sent to answers.
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/connect.js';
import { suggestionReplies, suggestions } from '../db/schema.js';
import { iso } from '../db/time.js';
import { newId } from '../db/ids.js';
import { command } from '../core/command.js';
import { forbidden, notFound } from '../core/errors.js';
import type { MemberPrincipal } from '../core/principal.js';
import type { replyInput } from '../../shared/collection-schemas.js';
import { tellSenders } from '../outbox/suggestion-notices.js';

export interface Reply { id: string; at: string; text: string }

/** The replies to each of these suggestions, oldest first. */
export async function repliesOf(db: DbOrTx, ids: string[]): Promise<Map<string, Reply[]>> {
  const out = new Map<string, Reply[]>();
  if (!ids.length) return out;
  const rows = await db.select().from(suggestionReplies).where(inArray(suggestionReplies.suggestionId, ids)).orderBy(asc(suggestionReplies.at), asc(suggestionReplies.id));
  for (const r of rows) {
    const list = out.get(r.suggestionId) ?? [];
    list.push({ id: r.id, at: iso(r.at), text: r.text });
    out.set(r.suggestionId, list);
  }
  return out;
}

/**
 * replyToSuggestion: the representative a suggestion was sent to (its 代表码) answers it. Anyone else — another
 * member, or any member for a suggestion sent to no representative — is refused with 403 not_your_suggestion;
 * staff never reach it (the route is for members). An unknown id is 404. A resident who ticked 通知我 is told
 * (a `suggestion_status` notice, in the reply's transaction).
 */
export const replyToSuggestion = command<{ suggestionId: string } & z.infer<typeof replyInput>>()({
  action: 'suggestion.replied', stage: 'collection', roles: ['member'],
  scope: async (cx, input) => {
    const [s] = await cx.tx.select({
      id: suggestions.id, bodyId: suggestions.bodyId, title: suggestions.title, repId: suggestions.repId,
      trackingCode: suggestions.trackingCode, contact: suggestions.contact, notify: suggestions.notify,
    })
      .from(suggestions).where(eq(suggestions.id, input.suggestionId));
    if (!s) throw notFound('建议');
    if (s.repId !== cx.actor.memberId) throw forbidden('not_your_suggestion', '这条建议不是通过您的代表码提交的 / the suggestion was not sent to you');
    return { bodyId: s.bodyId, suggestion: s };
  },
  run: async (cx, input, { suggestion }) => {
    const [r] = await cx.tx.insert(suggestionReplies).values({ id: newId(), suggestionId: suggestion.id, memberId: cx.actor.memberId, text: input.text }).returning();
    // the resident who ticked 通知我 hears that an answer is waiting on the tracking page (the text itself stays there)
    await tellSenders(cx, [suggestion], 'replied');
    return { id: r.id, at: iso(r.at), text: r.text };
  },
  // the reply is public on the tracking page; the entry only says one was made
  audit: (_r, _input, { suggestion }) => ({ subject: { kind: 'suggestion', id: suggestion.id, label: suggestion.title } }),
});

/** GET /api/me/inbox: what residents sent the member through their 代表码, newest first, with the replies. Never the contact. */
export async function myInbox(ctx: AppContext, who: MemberPrincipal) {
  const rows = await ctx.db.select().from(suggestions).where(eq(suggestions.repId, who.memberId)).orderBy(desc(suggestions.createdAt), desc(suggestions.id)).limit(500);
  const replies = await repliesOf(ctx.db, rows.map((s) => s.id));
  return rows.map((s) => ({
    id: s.id, title: s.title, description: s.description, category: s.category, area: s.area, year: s.year,
    status: s.status, reason: s.reason, createdAt: iso(s.createdAt), replies: replies.get(s.id) ?? [],
  }));
}
