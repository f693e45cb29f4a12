// 公开 The public portal (API.md last section): one project's page, a body's statistics, open-data exports.
import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.js';
import { parseWith } from '../http/json.js';
import { pathId } from '../http/params.js';
import { pageCacheControl, publicPage, servePage } from '../core/page-cache.js';
import { yearQuery } from '../../shared/portal-schemas.js';
import { publicProjectPage } from './project-page.js';
import { bodyStats } from './stats.js';
import { exportDigest, exportResponse } from './export.js';

export function portalRoutes(ctx: AppContext) {
  const year = (c: { req: { url: string; query(): Record<string, string> } }) => (c.req.url.includes('?') ? parseWith(yearQuery, c.req.query()).year : undefined);
  return new Hono<AppEnv>()
    // From memory until something it shows changes (core/page-cache.ts).
    .get('/public/projects/:id', async (c) => {
      const id = pathId(c, 'id');
      return servePage(c, await publicPage(ctx.db, `project:${id}`, () => publicProjectPage(ctx, id)), pageCacheControl);
    })
    .get('/public/bodies/:bodyId/stats', async (c) => {
      const bodyId = pathId(c, 'bodyId');
      const y = year(c);
      return servePage(c, await publicPage(ctx.db, `stats:${bodyId}:${y ?? ''}`, () => bodyStats(ctx, bodyId, y)), pageCacheControl);
    })
    .get('/public/bodies/:bodyId/export.csv', async (c) => exportResponse(ctx, pathId(c, 'bodyId'), year(c), 'csv'))
    .get('/public/bodies/:bodyId/export.json', async (c) => exportResponse(ctx, pathId(c, 'bodyId'), year(c), 'json'))
    .get('/public/bodies/:bodyId/export.csv.sha256', async (c) => {
      const bodyId = pathId(c, 'bodyId');
      const y = year(c);
      return servePage(c, await publicPage(ctx.db, `digest:csv:${bodyId}:${y ?? ''}`, () => exportDigest(ctx, bodyId, y, 'csv')), pageCacheControl);
    })
    .get('/public/bodies/:bodyId/export.json.sha256', async (c) => {
      const bodyId = pathId(c, 'bodyId');
      const y = year(c);
      return servePage(c, await publicPage(ctx.db, `digest:json:${bodyId}:${y ?? ''}`, () => exportDigest(ctx, bodyId, y, 'json')), pageCacheControl);
    });
}
