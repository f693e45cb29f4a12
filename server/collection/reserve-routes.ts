// The reserve (储备库) for suggestions: API.md "Supervision tasks, referrals, the reserve".
import { reserveInput } from '../../shared/reserve-schemas.js';
import { route } from '../http/route.js';
import { setSuggestionReserve } from './reserve.js';

export const suggestionReserveRoutes = [
  route({
    method: 'PUT', path: '/suggestions/:id/reserve', summary: 'Keep a not-adopted suggestion in the body\'s reserve (储备库) with a note, or take it out', body: reserveInput,
    errors: ['not_reservable'], command: setSuggestionReserve, input: (r) => ({ suggestionId: r.params.id, ...r.body }),
  }),
];
