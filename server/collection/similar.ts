// Likely duplicates: candidates from the body-year's bigram index (similar-index.ts), scored exactly by the
// shared rule (shared/similarity.ts); the state of the few answered is read fresh from the table.
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { projects, suggestions } from '../db/schema.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody, findBody, bodyAndDescendants } from '../bodies/tree.js';
import { notFound } from '../core/errors.js';
import { rankByGrams, rankSimilar, suggestionGrams } from '../../shared/similarity.js';
import { openWindowOf } from './windows.js';
import { alwaysPublicStatuses } from '../../shared/projects.js';
import { similarIndex } from './similar-index.js';

/** How many candidates the index hands to the exact score: enough that the best ten are among them. */
const candidatePool = 200;
/** A suggestion at least this like a text counts as "a similar suggestion" for a resident. */
export const likeThreshold = 0.3;

/** GET /api/suggestions/:id/similar: up to 10 of the same body and year, best first; merged ones left out. */
export async function similarSuggestions(ctx: AppContext, actor: StaffPrincipal, id: string) {
  const [s] = await ctx.db.select().from(suggestions).where(eq(suggestions.id, id));
  if (!s) throw notFound('建议');
  await assertStaffOfBody(ctx.db, actor, s.bodyId);
  const index = await similarIndex(ctx.db, s.bodyId, s.year);
  const grams = suggestionGrams(s);
  const ranked = rankByGrams(grams, index.candidates(grams.all, candidatePool, s.id), 40);
  if (!ranked.length) return [];
  const state = new Map((await ctx.db.select({ id: suggestions.id, status: suggestions.status, supporters: suggestions.supporters })
    .from(suggestions).where(inArray(suggestions.id, ranked.map((r) => r.id)))).map((r) => [r.id, r]));
  return ranked.filter((r) => state.get(r.id)?.status !== 'merged').slice(0, 10)
    .map((r) => ({ id: r.id, title: r.title, status: state.get(r.id)!.status, supporters: state.get(r.id)!.supporters, score: r.score }));
}

/**
 * GET /api/public/bodies/:bodyId/similar?text=: public projects like the text (this body and below), and how
 * many suggestions of the open window are like it: a count, never their text.
 */
export async function publicSimilar(ctx: AppContext, bodyId: string, text: string) {
  await findBody(ctx.db, bodyId);
  const ids = await bodyAndDescendants(ctx.db, bodyId);
  const probe = { title: text };
  const visible = await ctx.db.select({ id: projects.id, title: projects.title, description: projects.description, year: projects.year, status: projects.status })
    .from(projects).where(and(inArray(projects.bodyId, ids), inArray(projects.status, [...alwaysPublicStatuses])));
  const projectsLike = rankSimilar(probe, visible, 5, 0.15).map((p) => ({ id: p.id, title: p.title, year: p.year, status: p.status, score: p.score }));
  const window = await openWindowOf(ctx.db, bodyId);
  // Each suggestion is one resident, merged ones included.
  let like = 0;
  if (window) {
    const index = await similarIndex(ctx.db, bodyId, window.year);
    const grams = suggestionGrams(probe);
    like = rankByGrams(grams, index.candidates(grams.all, candidatePool), candidatePool, likeThreshold).length;
  }
  return { projects: projectsLike, suggestions: like };
}
