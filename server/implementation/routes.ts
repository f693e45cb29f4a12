// 实施与督办 routes (API.md last section): plan, progress, supervisors, my projects, inspections,
// rectifications, carry-over. Handlers validate, call one service.
import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.js';
import { readJson } from '../http/json.js';
import { requireMember, requirePrincipal, requireStaff } from '../http/auth.js';
import { pathId } from '../http/params.js';
import { carryOverInput, inspectionInput, planInput, progressInput, rectificationInput, supervisorsInput } from '../../shared/implementation-schemas.js';
import { reportProgress, setPlan } from './plans.js';
import { projectImplementation } from './project-detail.js';
import { yearOverview } from './overview.js';
import { listQuery } from '../../shared/screening-schemas.js';
import { parseWith } from '../http/json.js';
import { shanghaiDate } from '../../shared/execution.js';
import { myProjects, recordInspection, setSupervisors } from './supervision.js';
import { addRectification, carryOver } from './rectify.js';

export function implementationRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/projects/:id/implementation', async (c) => c.json(await projectImplementation(ctx, requirePrincipal(c), pathId(c, 'id'))))
    .get('/bodies/:bodyId/implementation', async (c) => {
      const actor = requireStaff(c, ['admin', 'presider']);
      return c.json(await yearOverview(ctx, actor, pathId(c, 'bodyId'), parseWith(listQuery, c.req.query()).year ?? Number(shanghaiDate(new Date()).slice(0, 4))));
    })
    .put('/projects/:id/plan', async (c) => {
      const actor = requireStaff(c, ['admin', 'department']);
      return c.json(await setPlan(ctx, actor, pathId(c, 'id'), await readJson(c, planInput)));
    })
    .post('/projects/:id/progress', async (c) => {
      const actor = requireStaff(c, ['admin', 'department']);
      return c.json(await reportProgress(ctx, actor, pathId(c, 'id'), await readJson(c, progressInput)), 201);
    })
    .put('/projects/:id/supervisors', async (c) => {
      const actor = requireStaff(c, ['admin']);
      return c.json(await setSupervisors(ctx, actor, pathId(c, 'id'), await readJson(c, supervisorsInput)));
    })
    .get('/me/projects', async (c) => c.json(await myProjects(ctx, requireMember(c))))
    .post('/projects/:id/inspections', async (c) => {
      const who = requirePrincipal(c);
      return c.json(await recordInspection(ctx, who, pathId(c, 'id'), await readJson(c, inspectionInput)), 201);
    })
    .post('/projects/:id/rectifications', async (c) => {
      const actor = requireStaff(c, ['admin', 'department']);
      return c.json(await addRectification(ctx, actor, pathId(c, 'id'), await readJson(c, rectificationInput)), 201);
    })
    .post('/projects/:id/carry-over', async (c) => {
      const actor = requireStaff(c, ['admin']);
      return c.json(await carryOver(ctx, actor, pathId(c, 'id'), await readJson(c, carryOverInput)));
    });
}
