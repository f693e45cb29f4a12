// Every API route the server has, from each stage's definitions (http/route.ts). The app mounts exactly
// these, GET /api/openapi.json describes exactly these, and the role-matrix test and the fuzzer walk them.
import type { RouteDef } from './http/route.js';
import { route } from './http/route.js';
import { openApiDocument } from './http/openapi.js';
import { sessionRoutes } from './sessions/routes.js';
import { ballotRoutes } from './ballots/routes.js';
import { screeningRoutes } from './screening/routes.js';
import { trailRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { meRoutes } from './auth/me.js';
import { bodyRoutes } from './bodies/routes.js';
import { collectionRoutes } from './collection/routes.js';
import packageJson from '../package.json' with { type: 'json' };

const stageRoutes: readonly RouteDef[] = [
  ...authRoutes,
  ...meRoutes,
  ...bodyRoutes,
  ...collectionRoutes,
  ...sessionRoutes,
  ...ballotRoutes,
  ...screeningRoutes,
  ...trailRoutes,
];

let document: ReturnType<typeof openApiDocument> | null = null;

const contractRoute = route({
  method: 'GET', path: '/openapi.json', summary: 'This document: every route with its roles (`x-roles`), input schemas and error codes', roles: ['public'],
  handler: () => (document ??= openApiDocument(apiRoutes, { version: packageJson.version })),
});

export const apiRoutes: readonly RouteDef[] = [...stageRoutes, contractRoute];
