// Published things anyone may check: the result-signing key, a body's published results.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { ballots, sessions } from '../db/schema.js';
import { bodyAndDescendants, findBody } from '../bodies/tree.js';
import { route } from '../http/route.js';

/** Published ballots of the body and every body below it, newest first. */
async function publishedResults(ctx: AppContext, bodyId: string) {
  await findBody(ctx.db, bodyId);
  const ids = await bodyAndDescendants(ctx.db, bodyId);
  return ctx.db
    .select({ ballotId: ballots.id, sessionId: sessions.id, sessionName: sessions.name, bodyId: sessions.bodyId, title: ballots.title, kind: ballots.kind, publishedAt: ballots.publishedAt })
    .from(ballots)
    .innerJoin(sessions, eq(sessions.id, ballots.sessionId))
    .where(and(inArray(sessions.bodyId, ids), eq(ballots.state, 'published')))
    .orderBy(desc(ballots.publishedAt))
    // publishing sets the state and published_at in one update: a published ballot has its time
    .then((rows) => rows.map((r) => ({ ...r, publishedAt: r.publishedAt! })));
}

export const publicationRoutes = [
  route({
    method: 'GET', path: '/public/keys', summary: 'The JWKS with the Ed25519 key that signs results, notices and export digests', roles: ['public'], extension: true,
    handler: (ctx) => ({ keys: [ctx.secrets.publicJwk] }),
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/results', summary: 'Published ballots of the body and every body below it, newest first', roles: ['public'], extension: true,
    handler: (ctx, r) => publishedResults(ctx, r.params.bodyId),
  }),
];
