// Published things anyone may check: the result-signing key, a body's published results.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { ballots, projects, sessions } from '../db/schema.js';
import { bodyAndDescendants, findBody } from '../bodies/tree.js';
import { route } from '../http/route.js';

/**
 * Published ballots of the body and every body below it, newest first, each with `years`: the years of the
 * projects it decided or graded (none for a motion), so a page showing one year lists that year's votes.
 */
async function publishedResults(ctx: AppContext, bodyId: string) {
  await findBody(ctx.db, bodyId);
  const ids = await bodyAndDescendants(ctx.db, bodyId);
  const rows = await ctx.db
    .select({ ballotId: ballots.id, sessionId: sessions.id, sessionName: sessions.name, bodyId: sessions.bodyId, title: ballots.title, kind: ballots.kind, publishedAt: ballots.publishedAt, options: ballots.options })
    .from(ballots)
    .innerJoin(sessions, eq(sessions.id, ballots.sessionId))
    .where(and(inArray(sessions.bodyId, ids), eq(ballots.state, 'published')))
    .orderBy(desc(ballots.publishedAt));
  const optionIds = [...new Set(rows.flatMap((r) => ((r.options ?? []) as { id: string }[]).map((o) => o.id)))];
  const yearOf = new Map(optionIds.length
    ? (await ctx.db.select({ id: projects.id, year: projects.year }).from(projects).where(inArray(projects.id, optionIds))).map((p) => [p.id, p.year] as const)
    : []);
  // publishing sets the state and published_at in one update: a published ballot has its time
  return rows.map(({ options, ...r }) => ({
    ...r, publishedAt: r.publishedAt!,
    years: [...new Set(((options ?? []) as { id: string }[]).map((o) => yearOf.get(o.id)).filter((y): y is number => y !== undefined))].sort(),
  }));
}

export const publicationRoutes = [
  route({
    method: 'GET', path: '/public/keys', summary: 'The JWKS with the Ed25519 key that signs results, notices and export digests', roles: ['public'], extension: true,
    handler: (ctx) => ({ keys: [ctx.secrets.publicJwk] }),
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/results', summary: 'Published ballots of the body and every body below it, newest first, each with the years of its projects (`years`)', roles: ['public'], extension: true,
    handler: (ctx, r) => publishedResults(ctx, r.params.bodyId),
  }),
];
