// The staff inbox: every suggestion of a body and year, searched, filtered, counted, paged on the server.
import { and, asc, desc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { suggestionCounts, suggestions } from '../db/schema.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody, findBody } from '../bodies/tree.js';
import { bigrams } from '../../shared/similarity.js';
import { facetCounts, type FacetFilters, type FacetGroup } from '../../shared/inbox-facets.js';
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
  const filters: FacetFilters = { status: query.status, category: query.category, channel: query.channel, stationId: query.stationId };
  const where = and(...base,
    query.status ? eq(suggestions.status, query.status) : undefined,
    query.category ? eq(suggestions.category, query.category) : undefined,
    query.channel ? eq(suggestions.channel, query.channel) : undefined,
    query.stationId ? eq(suggestions.stationId, query.stationId) : undefined);
  const [rows, groups] = await Promise.all([
    ctx.db.select().from(suggestions).where(where).orderBy(...sorts[query.sort ?? '-createdAt']).offset(query.offset ?? 0).limit(query.limit ?? 50),
    query.q ? searchGroups(ctx, and(...base)!) : keptGroups(ctx, bodyId, year),
  ]);
  // Total and facets (counts per value of each filter, under the other filters) from the groups: shared/inbox-facets.ts.
  const { total, facets } = facetCounts(groups, filters);
  const senders = await senderNames(ctx.db, rows);
  return {
    year, total, offset: query.offset ?? 0, limit: query.limit ?? 50,
    items: rows.map((s) => describeForStaff(s, senders)),
    facets,
  };
}

/** Without a search: the body-year's counts as the database keeps them (suggestion_counts, a few hundred rows). */
async function keptGroups(ctx: AppContext, bodyId: string, year: number): Promise<FacetGroup[]> {
  const rows = await ctx.db.select().from(suggestionCounts).where(and(eq(suggestionCounts.bodyId, bodyId), eq(suggestionCounts.year, year), gt(suggestionCounts.n, 0)));
  return rows.map((r) => ({ status: r.status, category: r.category, channel: r.channel, stationId: r.stationId || null, n: r.n }));
}

/** With a search: the matches grouped in one scan (before, the total and each facet were a scan of their own). */
async function searchGroups(ctx: AppContext, where: SQL): Promise<FacetGroup[]> {
  const rows = await ctx.db.select({ status: suggestions.status, category: suggestions.category, channel: suggestions.channel, stationId: suggestions.stationId, n: sql<number>`count(*)::int` })
    .from(suggestions).where(where).groupBy(suggestions.status, suggestions.category, suggestions.channel, suggestions.stationId);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

async function latestYear(ctx: AppContext, bodyId: string): Promise<number> {
  const [row] = await ctx.db.select({ year: sql<number>`max(${suggestions.year})` }).from(suggestions).where(eq(suggestions.bodyId, bodyId));
  return row?.year ?? new Date().getFullYear();
}
