// 评议 Evaluation routes (API.md "Evaluation"): the combined-satisfaction rule and household surveys.
import { satisfactionRuleInput, surveyInput } from '../../shared/evaluation-schemas.js';
import { route } from '../http/route.js';
import { publicSatisfactionRule, setSatisfactionRule } from './rules.js';
import { listSurveys, recordSurvey } from './surveys.js';

export const evaluationRoutes = [
  route({
    method: 'PUT', path: '/bodies/:bodyId/satisfaction-rule', summary: 'Publish how the body weighs the members\' grade, the residents\' ratings and its surveys into one 综合满意度 (weights ≥ 0 summing to 1)', body: satisfactionRuleInput,
    command: setSatisfactionRule, input: (r) => ({ bodyId: r.params.bodyId, ...r.body }),
  }),
  route({
    method: 'GET', path: '/public/bodies/:bodyId/satisfaction-rule', summary: 'The body\'s published rule for the combined satisfaction (404 when it has none)', roles: ['public'],
    handler: (ctx, r) => publicSatisfactionRule(ctx, r.params.bodyId),
  }),
  route({
    method: 'POST', path: '/projects/:id/surveys', summary: 'Record a household survey (入户调查) of a selected project: its three counts, the households asked, the method and the day', status: 201, body: surveyInput,
    errors: ['project_not_selected'], command: recordSurvey, input: (r) => ({ projectId: r.params.id, ...r.body }),
  }),
  route({
    method: 'GET', path: '/projects/:id/surveys', summary: 'The household surveys of a project, the latest (the one the combined satisfaction counts) first; staff of its body', roles: ['admin', 'presider'],
    extension: true, handler: (ctx, r) => listSurveys(ctx, r.actor, r.params.id),
  }),
];
