// The reserve (储备库) for projects: API.md "Supervision tasks, referrals, the reserve".
import { reserveInput } from '../../shared/reserve-schemas.js';
import { route } from '../http/route.js';
import { reserveOf, setProjectReserve } from './reserve.js';

export const reserveRoutes = [
  route({
    method: 'PUT', path: '/projects/:id/reserve', summary: 'Keep a not-selected or infeasible project in the body\'s reserve (储备库) with a note, or take it out', body: reserveInput,
    errors: ['not_reservable'], command: setProjectReserve, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
  route({
    method: 'GET', path: '/bodies/:bodyId/reserve', summary: 'The body\'s reserve: `{projects, suggestions}`, each with year, title, supporters and note, newest year first', roles: ['admin'],
    handler: (ctx, r) => reserveOf(ctx, r.actor, r.params.bodyId),
  }),
];
