// 群众评单 routes (API.md last section): a public rating of a finished project; staff moderation of comments.
import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.js';
import { parseWith, readJson } from '../http/json.js';
import { requireStaff } from '../http/auth.js';
import { pathId } from '../http/params.js';
import { clientAddress } from '../http/address.js';
import { moderationInput, ratingInput, ratingListQuery } from '../../shared/portal-schemas.js';
import { listRatings, moderateRating, rateProject } from './ratings.js';

export function ratingRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/public/projects/:id/ratings', async (c) => {
      const id = pathId(c, 'id');
      const input = await readJson(c, ratingInput);
      // Counted per address only for well-formed ratings; the address itself is never stored.
      await ctx.publicLimits.rating(clientAddress(c, ctx.trustProxy));
      return c.json(await rateProject(ctx, id, input), 201);
    })
    .get('/bodies/:bodyId/ratings', async (c) => {
      const actor = requireStaff(c, ['admin']);
      return c.json(await listRatings(ctx, actor, pathId(c, 'bodyId'), parseWith(ratingListQuery, c.req.query())));
    })
    .put('/ratings/:id', async (c) => {
      const actor = requireStaff(c, ['admin']);
      return c.json(await moderateRating(ctx, actor, pathId(c, 'id'), await readJson(c, moderationInput)));
    });
}
