// 实施与督办 routes (API.md last section): plan, progress, supervisors, my projects, inspections,
// rectifications, carry-over, a project's implementation and the year's overview.
import { carryOverInput, inspectionInput, itemsInput, planInput, progressInput, rectificationInput, supervisorsInput } from '../../shared/implementation-schemas.js';
import { listQuery } from '../../shared/screening-schemas.js';
import { shanghaiDate } from '../../shared/execution.js';
import { route } from '../http/route.js';
import { reportProgress, setPlan } from './plans.js';
import { setProjectItems } from './items.js';
import { projectImplementation } from './project-detail.js';
import { yearOverview } from './overview.js';
import { myProjects, recordInspection, setSupervisors } from './supervision.js';
import { addRectification, carryOver } from './rectify.js';

export const implementationRoutes = [
  route({
    method: 'GET', path: '/projects/:id/implementation', summary: 'A selected project\'s plan, reports, group, inspections, rectifications and grades, for its carrier, staff and members of its body',
    roles: ['admin', 'presider', 'department', 'member'], errors: ['not_your_department'], extension: true,
    handler: (ctx, r) => projectImplementation(ctx, r.actor, r.params.id),
  }),
  route({
    method: 'GET', path: '/bodies/:bodyId/implementation', summary: 'The year\'s projects of the body and the bodies below it, with execution, groups, inspections, grades and the dashboard',
    roles: ['admin', 'presider'], query: listQuery, extension: true,
    handler: (ctx, r) => yearOverview(ctx, r.actor, r.params.bodyId, r.query.year ?? Number(shanghaiDate(ctx.now()).slice(0, 4))),
  }),
  route({
    method: 'PUT', path: '/projects/:id/plan', summary: 'The carrying department\'s plan of a selected project: targets, milestones, funding, completion date', body: planInput,
    errors: ['not_your_department', 'project_not_selected'], command: setPlan, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
  route({
    method: 'POST', path: '/projects/:id/progress', summary: 'A progress report of a selected project: percent, milestone reached, note, photos', status: 201, body: progressInput,
    errors: ['not_your_department', 'project_not_selected'], command: reportProgress, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
  route({
    method: 'PUT', path: '/projects/:id/items', summary: 'The items (子项) of a selected project, each with a title and target; an unchanged title keeps its percent', body: itemsInput,
    errors: ['not_your_department', 'project_not_selected'], command: setProjectItems, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
  route({
    method: 'PUT', path: '/projects/:id/supervisors', summary: 'The project\'s supervision group (members of its body) and its lead', body: supervisorsInput,
    errors: ['project_not_selected'], command: setSupervisors, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
  route({
    method: 'GET', path: '/me/projects', summary: 'The projects whose supervision group holds the member, with their execution', roles: ['member'],
    handler: (ctx, r) => myProjects(ctx, r.actor),
  }),
  route({
    method: 'POST', path: '/projects/:id/inspections', summary: 'An inspection (专项视察) by a member of the project\'s group or an admin: date, findings, photos', status: 201, body: inspectionInput,
    errors: ['not_supervisor', 'project_not_selected'], command: recordInspection, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
  route({
    method: 'POST', path: '/projects/:id/rectifications', summary: 'A rectification report while the project is rectifying (graded 不满意)', status: 201, body: rectificationInput,
    errors: ['not_your_department', 'project_not_selected', 'not_rectifying'], command: addRectification, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
  route({
    method: 'POST', path: '/projects/:id/carry-over', summary: 'Carry an unfinished project over into a later year (跨年督办)', body: carryOverInput,
    errors: ['project_not_selected', 'project_done'], command: carryOver, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
];
