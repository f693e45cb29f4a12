// The download addresses a page links to (a ballot box, a signed result, the signing keys), from the same
// route keys as call(); every JSON call goes through call() itself (api/call.ts).
import { pathOf } from './call';

export const urls = {
  box: (id: string) => pathOf('GET /api/ballots/:id/box', { id }),
  jws: (id: string) => pathOf('GET /api/ballots/:id/result.jws', { id }),
  keys: () => pathOf('GET /api/public/keys'),
};
