import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../context.js';
import { readJson, parseWith } from '../http/json.js';
import { requireStaff } from '../http/auth.js';
import { pathId } from '../http/params.js';
import { projectInput } from '../../shared/schemas.js';
import { createProject, listProjects, publicProjects } from './service.js';
import { pageCacheControl, publicPage, servePage } from '../publication/cache.js';

const yearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export function projectRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/bodies/:bodyId/projects', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const bodyId = pathId(c, 'bodyId');
      return c.json(await createProject(ctx, actor, bodyId, await readJson(c, projectInput)), 201);
    })
    .get('/bodies/:bodyId/projects', async (c) => {
      const actor = requireStaff(c, ['admin', 'presider', 'department']);
      const { year } = parseWith(yearQuery, c.req.query());
      return c.json(await listProjects(ctx, actor, pathId(c, 'bodyId'), year));
    })
    .get('/public/bodies/:bodyId/projects', async (c) => {
      // (no query string, the common case: nothing to validate)
      const { year } = c.req.url.includes('?') ? parseWith(yearQuery, c.req.query()) : { year: undefined };
      const bodyId = pathId(c, 'bodyId');
      // From memory for up to a second, dropped on any write here (publication/cache.ts).
      const page = await publicPage(`projects:${bodyId}:${year ?? ''}`, () => publicProjects(ctx, bodyId, year));
      return servePage(c, page, pageCacheControl);
    });
}
