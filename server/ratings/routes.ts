// 群众评单 routes (API.md last section): a public rating of a finished project; staff moderation of comments.
import { moderationInput, ratingInput, ratingListQuery } from '../../shared/portal-schemas.js';
import { route } from '../http/route.js';
import { clientAddress } from '../http/address.js';
import { listRatings, moderateRating, rateProject } from './ratings.js';

export const ratingRoutes = [
  route({
    method: 'POST', path: '/public/projects/:id/ratings', summary: 'A resident rates a finished public project (one rating per device key); a comment waits for moderation',
    status: 201, body: ratingInput, errors: ['too_many_attempts', 'project_not_finished', 'already_rated'], command: rateProject,
    // A rating is a resident's whoever holds a token: the trail says `public`.
    actor: () => null,
    input: async (r) => {
      // Counted per address only for well-formed ratings, before anything is looked up; the address itself is never stored.
      await r.ctx.publicLimits.rating(clientAddress(r.c, r.ctx.trustedProxies));
      return { projectId: r.params.id, ...r.body };
    },
  }),
  route({
    method: 'GET', path: '/bodies/:bodyId/ratings', summary: 'Comments of the body\'s projects in one moderation state, newest first, paged', roles: ['admin'], query: ratingListQuery,
    handler: (ctx, r) => listRatings(ctx, r.actor, r.params.bodyId, r.query),
  }),
  route({
    method: 'PUT', path: '/ratings/:id', summary: 'Show or hide a rating\'s comment on the public pages', body: moderationInput, errors: ['no_comment'],
    command: moderateRating, input: (r) => ({ ratingId: r.params.id, ...r.body }),
  }),
];
