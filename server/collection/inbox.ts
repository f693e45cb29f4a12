// The staff inbox: every suggestion of a body and year, searched, filtered, counted, paged on the server.
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AppContext } from '../context.js';
import { suggestions } from '../db/schema.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody, findBody } from '../bodies/tree.js';
import { bigrams } from '../../shared/similarity.js';
import type { inboxQuery } from '../../shared/collection-schemas.js';
import { senderNames, trackingCodePattern } from './suggestions.js';

type Row = typeof suggestions.$inferSelect;

/** What staff see of a suggestion; `contact` only here, for an admin of the body. */
export const describeForStaff = (s: Row, senders?: Map<string, string>) => ({
  id: s.id, bodyId: s.bodyId, year: s.year, trackingCode: s.trackingCode, title: s.title, description: s.description,
  category: s.category, area: s.area, channel: s.channel, stationId: s.stationId, repId: s.repId,
  // who sent it, or for a 代表码 the representative it was sent to
  sender: senders?.get(s.memberId ?? s.repId ?? s.userId ?? '') ?? null,
  status: s.status, reason: s.reason, supporters: s.supporters, createdAt: new Date(s.createdAt).toISOString(),
  mergedInto: s.mergedInto, projectId: s.projectId, contact: s.contact,
  // kept in the body's reserve (储备库), with the staff's note
  reserve: s.reserve ? { note: s.reserveNote } : null,
});

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * Search in Chinese needs no spaces: each term is matched by its bigrams through the GIN index (synonyms
 * folded, so 红绿灯 finds 信号灯), a term too short for a bigram by substring; a tracking code matches itself.
 */
function searchCondition(q: string): SQL | undefined {
  const terms = q.split(/\s+/).filter(Boolean).slice(0, 8);
  const parts = terms.map((term) => {
    const text = textCondition(term);
    // a code may be letters only (about one in thirty has no digit), so a term shaped like one also matches as text
    return trackingCodePattern.test(term) ? or(eq(suggestions.trackingCode, term.toUpperCase()), text) : text;
  });
  return parts.length ? and(...parts) : undefined;
}

function textCondition(term: string): SQL | undefined {
  const grams = [...bigrams(term)].filter((g) => g.length === 2);
  if (grams.length) return sql`${suggestions.grams} @> ${toTextArray(grams)}`;
  const like = `%${escapeLike(term)}%`;
  return or(ilike(suggestions.title, like), ilike(suggestions.description, like), ilike(suggestions.area, like));
}

/** A text[] parameter that both drivers bind the same way. */
export const toTextArray = (values: string[]) => sql`string_to_array(${values.join('\u001f')}, ${'\u001f'})::text[]`;

const sorts = {
  createdAt: [asc(suggestions.createdAt), asc(suggestions.id)],
  '-createdAt': [desc(suggestions.createdAt), desc(suggestions.id)],
  supporters: [asc(suggestions.supporters), asc(suggestions.id)],
  '-supporters': [desc(suggestions.supporters), desc(suggestions.id)],
} as const;

export async function listInbox(ctx: AppContext, actor: StaffPrincipal, bodyId: string, query: z.infer<typeof inboxQuery>) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const year = query.year ?? await latestYear(ctx, bodyId);
  const base: (SQL | undefined)[] = [eq(suggestions.bodyId, bodyId), eq(suggestions.year, year)];
  if (query.q) base.push(searchCondition(query.q));
  const filters: Record<'status' | 'category' | 'channel' | 'stationId', SQL | undefined> = {
    status: query.status ? eq(suggestions.status, query.status) : undefined,
    category: query.category ? eq(suggestions.category, query.category) : undefined,
    channel: query.channel ? eq(suggestions.channel, query.channel) : undefined,
    stationId: query.stationId ? eq(suggestions.stationId, query.stationId) : undefined,
  };
  const where = and(...base, ...Object.values(filters));
  const n = sql<number>`count(*)::int`;
  // Counts per value of each filter, under the other filters (what choosing that value would show).
  const facet = (column: AnyPgColumn, name: keyof typeof filters) =>
    ctx.db.select({ key: sql<string | null>`${column}`, n }).from(suggestions)
      .where(and(...base, ...Object.entries(filters).filter(([k]) => k !== name).map(([, v]) => v))).groupBy(column);
  const [[{ total }], rows, byStatus, byCategory, byChannel, byStation] = await Promise.all([
    ctx.db.select({ total: n }).from(suggestions).where(where),
    ctx.db.select().from(suggestions).where(where).orderBy(...sorts[query.sort ?? '-createdAt']).offset(query.offset ?? 0).limit(query.limit ?? 50),
    facet(suggestions.status, 'status'),
    facet(suggestions.category, 'category'),
    facet(suggestions.channel, 'channel'),
    facet(suggestions.stationId, 'stationId'),
  ]);
  const counts = (r: { key: string | null; n: number }[]): Record<string, number> => Object.fromEntries(r.filter((x) => x.key !== null).map((x) => [x.key, Number(x.n)]));
  const senders = await senderNames(ctx.db, rows);
  return {
    year, total: Number(total), offset: query.offset ?? 0, limit: query.limit ?? 50,
    items: rows.map((s) => describeForStaff(s, senders)),
    facets: { status: counts(byStatus), category: counts(byCategory), channel: counts(byChannel), stationId: counts(byStation) },
  };
}

async function latestYear(ctx: AppContext, bodyId: string): Promise<number> {
  const [row] = await ctx.db.select({ year: sql<number>`max(${suggestions.year})` }).from(suggestions).where(eq(suggestions.bodyId, bodyId));
  return row?.year ?? new Date().getFullYear();
}
