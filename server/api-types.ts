// Every route's answer as the client receives it, and the body and query it takes in, keyed
// `"<METHOD> /api<path>"`, taken from the route definitions themselves (http/route.ts keeps each route's
// method, path, answer and input schemas in its type). The client imports these types only (client/src/api/
// call.ts, types.ts): a change of a route on the server fails the client's type-check instead of going unnoticed.
import type { RouteDef } from './http/route.js';
import type { authRoutes } from './auth/routes.js';
import type { meRoutes } from './auth/me.js';
import type { bodyRoutes } from './bodies/routes.js';
import type { collectionRoutes } from './collection/routes.js';
import type { screeningRoutes } from './screening/routes.js';
import type { sessionRoutes } from './sessions/routes.js';
import type { ballotRoutes } from './ballots/routes.js';
import type { implementationRoutes } from './implementation/routes.js';
import type { supervisionRoutes } from './supervision/routes.js';
import type { ratingRoutes } from './ratings/routes.js';
import type { fileRoutes } from './files/routes.js';
import type { portalRoutes } from './portal/routes.js';
import type { publicationRoutes } from './publication/routes.js';
import type { trailRoutes } from './audit/routes.js';
import type { backupRoutes } from './db/backup/routes.js';
import type { outboxRoutes } from './outbox/routes.js';
import type { departmentRoutes } from './departments/routes.js';
import type { reserveRoutes } from './screening/reserve-routes.js';
import type { suggestionReserveRoutes } from './collection/reserve-routes.js';
import type { evaluationRoutes } from './evaluation/routes.js';

type Defs =
  | (typeof authRoutes)[number] | (typeof meRoutes)[number] | (typeof bodyRoutes)[number] | (typeof collectionRoutes)[number]
  | (typeof screeningRoutes)[number] | (typeof sessionRoutes)[number] | (typeof ballotRoutes)[number]
  | (typeof implementationRoutes)[number] | (typeof ratingRoutes)[number] | (typeof fileRoutes)[number]
  | (typeof portalRoutes)[number] | (typeof publicationRoutes)[number] | (typeof trailRoutes)[number] | (typeof backupRoutes)[number]
  | (typeof outboxRoutes)[number]
  // departments as a list and the reserve (issue 23)
  | (typeof departmentRoutes)[number] | (typeof reserveRoutes)[number] | (typeof suggestionReserveRoutes)[number]
  // the combined satisfaction rule and surveys (issue 24)
  | (typeof evaluationRoutes)[number]

  | (typeof supervisionRoutes)[number]
  // evaluation: the combined-satisfaction rule and household surveys (issue 24)
  | (typeof evaluationRoutes)[number];

type KeyOf<D> = D extends RouteDef<unknown, infer M, infer P> ? `${M} /api${P}` : never;

export type ApiAnswers = {
  [D in Defs as KeyOf<D>]: D extends RouteDef<infer O> ? O : never;
};

/** What each route's JSON body takes in (its schema's z.input); `undefined` for a route without one. */
export type ApiBodies = {
  [D in Defs as KeyOf<D>]: D extends RouteDef<unknown, infer _M, infer _P, infer _QI, infer BI> ? BI : never;
};

/** What each route's query string takes in (its schema's z.input); `undefined` for a route without one. */
export type ApiQueries = {
  [D in Defs as KeyOf<D>]: D extends RouteDef<unknown, infer _M, infer _P, infer QI> ? QI : never;
};

/** The answer of one route: `Answer<'GET /api/sessions/:id'>`. */
export type Answer<K extends keyof ApiAnswers> = ApiAnswers[K];
/** The body one route takes: `Body<'POST /api/sessions/:id/ballots'>`. */
export type Body<K extends keyof ApiBodies> = ApiBodies[K];
