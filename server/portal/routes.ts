// 公开 The public portal (API.md last section): one project's page, a body's statistics, open-data exports.
// Pages and digests from memory until something they show changes (core/page-cache.ts); exports streamed.
import { pageCacheControl, publicPage, servePage } from '../core/page-cache.js';
import { route } from '../http/route.js';
import { yearQuery } from '../../shared/portal-schemas.js';
import { publicProjectPage } from './project-page.js';
import { bodyStats } from './stats.js';
import { exportDigest, exportResponse } from './export.js';

export const portalRoutes = [
  route({
    method: 'GET', path: '/public/projects/:id', summary: 'Everything public about one project, from suggestion to evaluation, with its timeline; `vote`: the published selection (day, counts of the base, the signed result and the notice); `suggestionsBehind`: every suggestion behind it, merged ones too', roles: ['public'],
    handler: async (ctx, r) => {
      const id = r.params.id;
      return servePage(r.c, await publicPage(ctx.db, `project:${id}`, () => publicProjectPage(ctx, id)), pageCacheControl);
    },
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/stats', summary: 'Statistics of the body and every body below it: projects, investment, grades, residents\' ratings, suggestions',
    roles: ['public'], query: yearQuery,
    handler: async (ctx, r) => {
      const { bodyId } = r.params;
      const y = r.query.year;
      return servePage(r.c, await publicPage(ctx.db, `stats:${bodyId}:${y ?? ''}`, () => bodyStats(ctx, bodyId, y)), pageCacheControl);
    },
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/export.csv', summary: 'Open data: the public projects of the body and every body below it, as CSV (docs/OPEN-DATA.md)',
    roles: ['public'], query: yearQuery,
    handler: (ctx, r) => exportResponse(ctx, r.params.bodyId, r.query.year, 'csv'),
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/export.json', summary: 'Open data: the public projects and published ballots of the body and every body below it, as JSON (docs/OPEN-DATA.md)',
    roles: ['public'], query: yearQuery,
    handler: (ctx, r) => exportResponse(ctx, r.params.bodyId, r.query.year, 'json'),
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/export.csv.sha256', summary: 'The SHA-256 of what export.csv gives now, signed (JWS, EdDSA; key at /api/public/keys)',
    roles: ['public'], query: yearQuery, extension: true,
    handler: async (ctx, r) => {
      const { bodyId } = r.params;
      const y = r.query.year;
      return servePage(r.c, await publicPage(ctx.db, `digest:csv:${bodyId}:${y ?? ''}`, () => exportDigest(ctx, bodyId, y, 'csv')), pageCacheControl);
    },
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/export.json.sha256', summary: 'The SHA-256 of what export.json gives now, signed (JWS, EdDSA; key at /api/public/keys)',
    roles: ['public'], query: yearQuery, extension: true,
    handler: async (ctx, r) => {
      const { bodyId } = r.params;
      const y = r.query.year;
      return servePage(r.c, await publicPage(ctx.db, `digest:json:${bodyId}:${y ?? ''}`, () => exportDigest(ctx, bodyId, y, 'json')), pageCacheControl);
    },
  }),
];
