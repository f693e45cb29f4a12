// 承办单位 routes (API.md "Supervision tasks, referrals, the reserve"): a body's departments as a list, and the
// departments' returns with the staff's reassignment (extensions).
import { departmentInput, reassignInput, returnInput } from '../../shared/reserve-schemas.js';
import { route } from '../http/route.js';
import { createDepartment, listDepartments } from './list.js';
import { reassignProject, returnProject } from './returns.js';

export const departmentRoutes = [
  route({
    method: 'GET', path: '/bodies/:bodyId/departments', summary: 'The body\'s departments (承办单位) `[{id, name}]`, the list staff choose a project\'s department from', roles: ['admin'],
    handler: (ctx, r) => listDepartments(ctx, r.actor, r.params.bodyId),
  }),
  route({
    method: 'POST', path: '/bodies/:bodyId/departments', summary: 'Add a department to the body\'s list on purpose (新增承办单位)', status: 201, body: departmentInput,
    errors: ['department_exists'], command: createDepartment, input: (r) => ({ bodyId: r.params.bodyId, ...r.body }),
  }),
  route({
    method: 'POST', path: '/projects/:id/return', summary: 'The carrying department returns a project that is not theirs to the staff, with a reason', body: returnInput,
    errors: ['not_returnable', 'not_your_department'], extension: true, command: returnProject, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
  route({
    method: 'PUT', path: '/projects/:id/department', summary: 'Staff reassign a project to a department (from the list, or added to it); a return is cleared', body: reassignInput,
    errors: ['project_locked'], extension: true, command: reassignProject, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
];
