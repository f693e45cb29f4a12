// 筛选 Screening routes (API.md "Collection and screening"): projects, assessments, candidate lists, the public list.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../context.js';
import { readJson, parseWith } from '../http/json.js';
import { requireStaff } from '../http/auth.js';
import { pathId } from '../http/params.js';
import { projectInput } from '../../shared/schemas.js';
import {
  approveInput, assessmentInput, candidateListInput, listBallotInput, listQuery, projectListQuery, projectUpdateInput, screeningInput,
} from '../../shared/screening-schemas.js';
import { createProject, listProjects, updateProject, withdrawProject } from './projects.js';
import { publicProjects } from './public-projects.js';
import { assessProject, myAssessments, setScreening } from './assessment.js';
import { approveCandidateList, ballotFromList, createCandidateList, getCandidateList, listCandidateLists } from './candidate-lists.js';
import { pageCacheControl, publicPage, servePage } from '../publication/cache.js';

const publicQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(['candidate', 'selected', 'not_selected', 'infeasible']).optional(),
});

export function projectRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .post('/bodies/:bodyId/projects', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const bodyId = pathId(c, 'bodyId');
      return c.json(await createProject(ctx, actor, bodyId, await readJson(c, projectInput)), 201);
    })
    .get('/bodies/:bodyId/projects', async (c) => {
      const actor = requireStaff(c, ['admin', 'presider', 'department']);
      const { year, department } = parseWith(projectListQuery, c.req.query());
      return c.json(await listProjects(ctx, actor, pathId(c, 'bodyId'), year, department === 'mine'));
    })
    .put('/projects/:id', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const id = pathId(c, 'id');
      return c.json(await updateProject(ctx, actor, id, await readJson(c, projectUpdateInput)));
    })
    .post('/projects/:id/withdraw', async (c) => c.json(await withdrawProject(ctx, requireStaff(c, ['admin']), pathId(c, 'id'))))
    .put('/projects/:id/assessment', async (c) => {
      const actor = requireStaff(c, ['admin', 'department']);
      const id = pathId(c, 'id');
      return c.json(await assessProject(ctx, actor, id, await readJson(c, assessmentInput)));
    })
    .put('/projects/:id/screening', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const id = pathId(c, 'id');
      return c.json(await setScreening(ctx, actor, id, await readJson(c, screeningInput)));
    })
    .get('/me/assessments', async (c) => c.json(await myAssessments(ctx, requireStaff(c, ['department']))))
    .post('/bodies/:bodyId/candidate-lists', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const bodyId = pathId(c, 'bodyId');
      return c.json(await createCandidateList(ctx, actor, bodyId, await readJson(c, candidateListInput)), 201);
    })
    .get('/bodies/:bodyId/candidate-lists', async (c) => {
      const actor = requireStaff(c, ['admin', 'presider']);
      const { year } = parseWith(listQuery, c.req.query());
      return c.json(await listCandidateLists(ctx, actor, pathId(c, 'bodyId'), year));
    })
    .get('/candidate-lists/:id', async (c) => c.json(await getCandidateList(ctx, requireStaff(c, ['admin', 'presider']), pathId(c, 'id'))))
    .post('/candidate-lists/:id/approve', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const id = pathId(c, 'id');
      return c.json(await approveCandidateList(ctx, actor, id, await readJson(c, approveInput)));
    })
    .post('/candidate-lists/:id/ballots', async (c) => {
      const actor = requireStaff(c, ['admin', 'presider']);
      const id = pathId(c, 'id');
      return c.json(await ballotFromList(ctx, actor, id, await readJson(c, listBallotInput)), 201);
    })
    .get('/public/bodies/:bodyId/projects', async (c) => {
      // (no query string, the common case: nothing to validate)
      const { year, status } = c.req.url.includes('?') ? parseWith(publicQuery, c.req.query()) : { year: undefined, status: undefined };
      const bodyId = pathId(c, 'bodyId');
      // From memory until something it shows changes (publication/cache.ts).
      const page = await publicPage(ctx.db, `projects:${bodyId}:${year ?? ''}:${status ?? ''}`, () => publicProjects(ctx, bodyId, year, status));
      return servePage(c, page, pageCacheControl);
    });
}
