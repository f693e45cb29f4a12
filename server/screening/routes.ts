// 筛选 Screening routes (API.md "Collection and screening"): projects, assessments, candidate lists, the public list.
import { z } from 'zod';
import { projectCreateInput } from '../../shared/reserve-schemas.js';
import {
  approveInput, assessmentInput, candidateListInput, listQuery, projectListQuery, projectUpdateInput, screeningInput,
} from '../../shared/screening-schemas.js';
import { pageCacheControl, publicPage, servePage } from '../core/page-cache.js';
import { route } from '../http/route.js';
import { createProject, listProjects, updateProject, withdrawProject } from './projects.js';
import { publicProjectCount, publicProjects } from './public-projects.js';
import { withPaging } from '../http/paging.js';
import { assessProject, myAssessments, setScreening } from './assessment.js';
import { approveCandidateList, createCandidateList, getCandidateList, listCandidateLists } from './candidate-lists.js';

const publicQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(['candidate', 'selected', 'not_selected', 'infeasible']).optional(),
  // Paging (an extension, docs/PAGING.md): without them the whole list, as API.md gives it.
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

export const screeningRoutes = [
  route({
    method: 'POST', path: '/bodies/:bodyId/projects', summary: 'Create a draft project, adopting the suggestions it names; or from a reserved project of an earlier year (`fromReserve`)', status: 201, body: projectCreateInput,
    errors: ['already_merged', 'suggestion_adopted', 'not_in_reserve'], command: createProject, input: (r) => ({ bodyId: r.params.bodyId, ...r.body }),
  }),
  route({
    method: 'GET', path: '/bodies/:bodyId/projects', summary: 'The body\'s projects as staff see them (drafts included; a department its own)', roles: ['admin', 'presider', 'department'],
    query: projectListQuery, extension: true, handler: (ctx, r) => listProjects(ctx, r.actor, r.params.bodyId, r.query.year, r.query.department === 'mine'),
  }),
  route({
    method: 'PUT', path: '/projects/:id', summary: 'Edit a project before its list is approved', body: projectUpdateInput, errors: ['project_locked'], extension: true,
    command: updateProject, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
  route({
    method: 'POST', path: '/projects/:id/withdraw', summary: 'Withdraw a project before its list is approved; its suggestions wait again', errors: ['project_locked'], extension: true,
    command: withdrawProject, input: (r) => ({ projectId: r.params.id }),
  }),
  route({
    method: 'PUT', path: '/projects/:id/assessment', summary: 'The carrying department\'s assessment: feasible or not, with a published reason, cost, date, targets', body: assessmentInput,
    errors: ['project_locked', 'not_your_department'], command: assessProject, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
  route({
    method: 'PUT', path: '/projects/:id/screening', summary: 'Staff\'s checklist of the exclusion rules (not finished within the year, debt risk, assigned from above)', body: screeningInput, errors: ['project_locked'], extension: true,
    command: setScreening, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
  route({
    method: 'GET', path: '/me/assessments', summary: 'A department\'s worklist: its projects, those waiting for its assessment first', roles: ['department'], extension: true,
    handler: (ctx, r) => myAssessments(ctx, r.actor),
  }),
  route({
    method: 'POST', path: '/bodies/:bodyId/candidate-lists', summary: 'Draft a candidate list of the year\'s feasible projects for a number of seats', status: 201, body: candidateListInput,
    errors: ['project_not_assessed'], command: createCandidateList, input: (r) => ({ bodyId: r.params.bodyId, ...r.body }),
  }),
  route({
    method: 'GET', path: '/bodies/:bodyId/candidate-lists', summary: 'The body\'s candidate lists, with their 差额 warnings', roles: ['admin', 'presider'], query: listQuery, extension: true,
    handler: (ctx, r) => listCandidateLists(ctx, r.actor, r.params.bodyId, r.query.year),
  }),
  route({
    method: 'GET', path: '/candidate-lists/:id', summary: 'One candidate list', roles: ['admin', 'presider'], extension: true,
    handler: (ctx, r) => getCandidateList(ctx, r.actor, r.params.id),
  }),
  route({
    method: 'POST', path: '/candidate-lists/:id/approve', summary: 'The 主任会议 approves the list: its projects become candidates and public', body: approveInput,
    errors: ['list_not_draft', 'project_not_assessed'], command: approveCandidateList, input: (r) => ({ listId: r.params.id, ...r.body }),
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/projects', summary: 'Public projects of the body and every body below it, with execution, percent, grade and supporters; `limit`/`offset` (extension) give one page, with `X-Total-Count` and a `Link` to the next',
    roles: ['public'], query: publicQuery,
    handler: async (ctx, r) => {
      const { year, status, limit, offset } = r.query;
      const bodyId = r.params.bodyId;
      const key = `projects:${bodyId}:${year ?? ''}:${status ?? ''}`;
      // From memory until something it shows changes (core/page-cache.ts).
      if (limit === undefined && offset === undefined) {
        return servePage(r.c, await publicPage(ctx.db, key, () => publicProjects(ctx, bodyId, year, status)), pageCacheControl);
      }
      const slice = { limit: limit ?? null, offset: offset ?? 0 };
      const [page, total] = await Promise.all([
        publicPage(ctx.db, `${key}:${slice.limit ?? ''}:${slice.offset}`, () => publicProjects(ctx, bodyId, year, status, slice)),
        publicPage(ctx.db, `${key}:total`, () => publicProjectCount(ctx, bodyId, year, status)),
      ]);
      return withPaging(r.c, servePage(r.c, page, pageCacheControl), Number(total.body), slice);
    },
  }),
];
