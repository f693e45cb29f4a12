// Likely duplicates: candidates picked by the GIN index on bigrams (`grams && …`), the most overlapping
// first, then scored exactly by the shared rule (shared/similarity.ts).
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/connect.js';
import { projects, suggestions } from '../db/schema.js';
import { assertStaffOfBody, type StaffPrincipal } from '../http/auth.js';
import { notFound } from '../http/errors.js';
import { findBody } from '../bodies/service.js';
import { bodyAndDescendants } from '../publication/routes.js';
import { indexGrams, rankSimilar, type SuggestionText } from '../../shared/similarity.js';
import { toTextArray } from './inbox.js';
import { openWindowOf } from './windows.js';
import { publicProjectStatuses } from './public-projects.js';

/** How many candidates the index hands to the exact score: enough that the best ten are among them. */
const candidatePool = 200;
/** A suggestion at least this like a text counts as "a similar suggestion" for a resident. */
export const likeThreshold = 0.3;

async function candidates(db: DbOrTx, bodyId: string, year: number, text: SuggestionText, excludeId?: string) {
  const grams = indexGrams(text);
  if (grams.length === 0) return [];
  const common = sql<number>`cardinality(array(select unnest(${suggestions.grams}) intersect select unnest(${toTextArray(grams)})))`;
  return db.select({
    id: suggestions.id, title: suggestions.title, description: suggestions.description, area: suggestions.area,
    status: suggestions.status, supporters: suggestions.supporters,
  }).from(suggestions).where(and(
    eq(suggestions.bodyId, bodyId), eq(suggestions.year, year),
    sql`${suggestions.grams} && ${toTextArray(grams)}`,
    excludeId ? ne(suggestions.id, excludeId) : undefined,
  )).orderBy(sql`${common} desc`).limit(candidatePool);
}

/** GET /api/suggestions/:id/similar: up to 10 of the same body and year, best first; merged ones left out. */
export async function similarSuggestions(ctx: AppContext, actor: StaffPrincipal, id: string) {
  const [s] = await ctx.db.select().from(suggestions).where(eq(suggestions.id, id));
  if (!s) throw notFound('建议');
  await assertStaffOfBody(ctx.db, actor, s.bodyId);
  const pool = (await candidates(ctx.db, s.bodyId, s.year, s, s.id)).filter((c) => c.status !== 'merged');
  return rankSimilar(s, pool, 10).map((c) => ({ id: c.id, title: c.title, status: c.status, supporters: c.supporters, score: c.score }));
}

/**
 * GET /api/public/bodies/:bodyId/similar?text=: public projects like the text (this body and below), and how
 * many suggestions of the open window are like it: a count, never their text.
 */
export async function publicSimilar(ctx: AppContext, bodyId: string, text: string) {
  await findBody(ctx.db, bodyId);
  const ids = await bodyAndDescendants(ctx.db, bodyId);
  const probe = { title: text };
  const visible = await ctx.db.select({ id: projects.id, title: projects.title, description: projects.description, year: projects.year, status: projects.status, bodyId: projects.bodyId })
    .from(projects).where(and(inArray(projects.bodyId, ids), inArray(projects.status, [...publicProjectStatuses])));
  const projectsLike = rankSimilar(probe, visible, 5, 0.15).map((p) => ({ id: p.id, title: p.title, year: p.year, status: p.status, score: p.score }));
  const window = await openWindowOf(ctx.db, bodyId);
  // Each suggestion is one resident, merged ones included.
  const like = window ? rankSimilar(probe, await candidates(ctx.db, bodyId, window.year, probe), candidatePool, likeThreshold) : [];
  return { projects: projectsLike, suggestions: like.length };
}
