import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.js';
import { readJson } from '../http/json.js';
import { requireMember, requirePrincipal, requireStaff } from '../http/auth.js';
import { pathId } from '../http/params.js';
import { ballotInput, cancelInput, voteInput } from '../../shared/schemas.js';
import { createBallot } from './create.js';
import { cancelBallot, closeBallot, openBallot, publishBallot } from './lifecycle.js';
import { castBallot } from './cast.js';
import { getBallot, getBox, getResult } from './view.js';
import { signResult } from '../publication/signing.js';
import { DomainError } from '../core/errors.js';
import { findBallot } from './queries.js';
import { publishedBox, publishedResult, publishedCacheControl, servePage } from '../publication/cache.js';

const staffRoles = ['presider', 'admin'] as const;

export function ballotRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/sessions/:id/ballots', async (c) => {
      const actor = requireStaff(c, [...staffRoles]);
      const sessionId = pathId(c, 'id');
      return c.json(await createBallot(ctx, actor, sessionId, await readJson(c, ballotInput)), 201);
    })
    .post('/ballots/:id/open', async (c) => c.json(await openBallot(ctx, requireStaff(c, [...staffRoles]), pathId(c, 'id'))))
    .post('/ballots/:id/close', async (c) => c.json(await closeBallot(ctx, requireStaff(c, [...staffRoles]), pathId(c, 'id'))))
    .post('/ballots/:id/publish', async (c) => c.json(await publishBallot(ctx, requireStaff(c, [...staffRoles]), pathId(c, 'id'))))
    .post('/ballots/:id/cancel', async (c) => {
      const actor = requireStaff(c, [...staffRoles]);
      const ballotId = pathId(c, 'id');
      const { reason } = await readJson(c, cancelInput);
      return c.json(await cancelBallot(ctx, actor, ballotId, reason));
    })
    .get('/ballots/:id', async (c) => c.json(await getBallot(ctx, requirePrincipal(c), pathId(c, 'id'))))
    .post('/ballots/:id/votes', async (c) => {
      const ballotId = pathId(c, 'id');
      const member = requireMember(c);
      const input = await readJson(c, voteInput);
      const outcome = await castBallot(ctx, member, ballotId, input);
      return c.json({ receipt: outcome.receipt }, outcome.created ? 201 : 200);
    })
    // Published: public and final, served from memory with an ETag (publication/cache.ts).
    .get('/ballots/:id/result', async (c) => {
      const ballotId = pathId(c, 'id');
      const page = await publishedResult(ctx, ballotId);
      if (page) return servePage(c, page, publishedCacheControl);
      return c.json(await getResult(ctx, c.get('principal'), ballotId));
    })
    .get('/ballots/:id/box', async (c) => {
      const ballotId = pathId(c, 'id');
      const page = await publishedBox(ctx, ballotId);
      if (page) return servePage(c, page, publishedCacheControl);
      return c.json(await getBox(ctx, c.get('principal'), ballotId));
    })
    .get('/ballots/:id/result.jws', async (c) => {
      const ballotId = pathId(c, 'id');
      const b = await findBallot(ctx.db, ballotId);
      if (b.state !== 'published') throw new DomainError(403, 'not_published', '结果尚未公布 / not published yet');
      c.header('Content-Type', 'application/jose; charset=utf-8');
      return c.body(await signResult(ctx.secrets, ballotId, b.result));
    });
}
