import { Hono } from 'hono';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext, AppEnv } from '../context.js';
import { pathId } from '../http/params.js';
import { ballots, bodies, sessions } from '../db/schema.js';
import { bodyAndDescendants, findBody } from '../bodies/tree.js';
import type { DbOrTx } from '../db/connect.js';

export function publicationRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/public/keys', (c) => c.json({ keys: [ctx.secrets.publicJwk] }))
    .get('/public/bodies/:bodyId/results', async (c) => {
      const bodyId = pathId(c, 'bodyId');
      await findBody(ctx.db, bodyId);
      const ids = await bodyAndDescendants(ctx.db, bodyId);
      const rows = await ctx.db
        .select({ ballotId: ballots.id, sessionId: sessions.id, sessionName: sessions.name, bodyId: sessions.bodyId, title: ballots.title, kind: ballots.kind, publishedAt: ballots.publishedAt })
        .from(ballots)
        .innerJoin(sessions, eq(sessions.id, ballots.sessionId))
        .where(and(inArray(sessions.bodyId, ids), eq(ballots.state, 'published')))
        .orderBy(desc(ballots.publishedAt));
      return c.json(rows);
    });
}
