// Every API route the server has, from each stage's definitions (http/route.ts), in the sections of the API
// reference (docs/API.md). The app mounts exactly these, GET /api/openapi.json describes exactly these, and
// the role-matrix test and the fuzzer walk them.
import type { RouteDef } from './http/route.js';
import { route } from './http/route.js';
import { openApiDocument } from './http/openapi.js';
import { sessionRoutes } from './sessions/routes.js';
import { ballotRoutes } from './ballots/routes.js';
import { screeningRoutes } from './screening/routes.js';
import { trailRoutes } from './audit/routes.js';
import { backupRoutes } from './db/backup/routes.js';
import { authRoutes } from './auth/routes.js';
import { meRoutes } from './auth/me.js';
import { bodyRoutes } from './bodies/routes.js';
import { collectionRoutes } from './collection/routes.js';
import { implementationRoutes } from './implementation/routes.js';
import { ratingRoutes } from './ratings/routes.js';
import { fileRoutes } from './files/routes.js';
import { portalRoutes } from './portal/routes.js';
import { publicationRoutes } from './publication/routes.js';
import { outboxRoutes } from './outbox/routes.js';
import { evaluationRoutes } from './evaluation/routes.js';
import packageJson from '../package.json' with { type: 'json' };

export interface RouteSection { title: string; routes: readonly RouteDef[] }

let document: ReturnType<typeof openApiDocument> | null = null;

const contractRoute = route({
  method: 'GET', path: '/openapi.json', summary: 'This API as an OpenAPI 3.1 document: every route with its roles (`x-roles`), input schemas and error codes', roles: ['public'],
  handler: () => (document ??= openApiDocument(apiRoutes, { version: packageJson.version })),
});

export const routeSections: readonly RouteSection[] = [
  { title: 'Signing in', routes: [...authRoutes, ...meRoutes] },
  { title: 'Bodies, users, members', routes: bodyRoutes },
  { title: 'Collection (群众点单)', routes: collectionRoutes },
  { title: 'Screening (人大派单)', routes: screeningRoutes },
  { title: 'Sessions and check-in', routes: sessionRoutes },
  { title: 'Ballots and notices (代表定单)', routes: ballotRoutes },
  { title: 'Implementation and supervision (政府办单, 代表督单)', routes: implementationRoutes },
  { title: 'Residents\' ratings (群众评单)', routes: ratingRoutes },
  { title: 'Evaluation (评议, 综合满意度)', routes: evaluationRoutes },
  { title: 'Photos', routes: fileRoutes },
  { title: 'Public portal (公开)', routes: [...portalRoutes, ...publicationRoutes] },
  { title: 'Notices to people (短信、微信通知)', routes: outboxRoutes },
  { title: 'The trail, operations and the contract', routes: [...trailRoutes, ...backupRoutes, contractRoute] },
];

export const apiRoutes: readonly RouteDef[] = routeSections.flatMap((s) => s.routes);
