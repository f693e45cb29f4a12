// 督办单 routes (API.md "Supervision tasks, referrals, the reserve"): a project's and a body's tasks, a
// department's own, opening one by hand, the department's answer and the staff's close.
import { taskAnswerInput, taskCloseInput, taskInput, tasksQuery } from '../../shared/task-schemas.js';
import { route } from '../http/route.js';
import { answerTask, closeTask } from './answer.js';
import { openTask } from './open.js';
import { bodyTasks, myTasks, projectTasks } from './read.js';

export const supervisionRoutes = [
  route({
    method: 'GET', path: '/projects/:id/tasks', summary: 'A project\'s 督办单 (supervision tasks), for an admin of its body, its carrying department and the members of its supervision group',
    roles: ['admin', 'department', 'member'], errors: ['not_your_department', 'not_supervisor', 'other_body'],
    handler: (ctx, r) => projectTasks(ctx, r.actor, r.params.id),
  }),
  route({
    method: 'GET', path: '/bodies/:bodyId/tasks', summary: 'The 督办单 of a body and the bodies below it, escalated first; `state` and `escalated` filter (a department sees its own, a member those of the projects it supervises)',
    roles: ['admin', 'department', 'member'], query: tasksQuery, errors: ['other_body'],
    handler: (ctx, r) => bodyTasks(ctx, r.actor, r.params.bodyId, r.query),
  }),
  route({
    method: 'POST', path: '/projects/:id/tasks', summary: 'Open a 督办单 by hand (reason `manual`, e.g. from an inspection\'s findings)', status: 201, body: taskInput,
    errors: ['task_open', 'project_not_selected'], command: openTask, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
  route({
    method: 'GET', path: '/me/tasks', summary: 'The department\'s 督办单, escalated and open first', roles: ['department'],
    handler: (ctx, r) => myTasks(ctx, r.actor),
  }),
  route({
    method: 'POST', path: '/tasks/:id/answer', summary: 'The carrying department\'s answer to an open 督办单: text, date, photos', body: taskAnswerInput,
    errors: ['not_your_department', 'task_not_open'], command: answerTask, input: (r) => ({ taskId: r.params.id, ...r.body }),
  }),
  route({
    method: 'POST', path: '/tasks/:id/close', summary: 'Close an answered 督办单, with a note', body: taskCloseInput,
    errors: ['task_not_answered'], command: closeTask, input: (r) => ({ taskId: r.params.id, ...r.body }),
  }),
];
