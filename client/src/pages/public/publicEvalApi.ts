// The public reads of issue 24: a body's published evaluations of a year and its combined satisfaction rule.
import { useQuery } from '@tanstack/react-query';
import { ApiError, call, type Answer } from '../../api';

export type PublicEvaluation = Answer<'GET /api/public/bodies/:bodyId/evaluations'>[number];
export type EvaluatedSubject = PublicEvaluation['subjects'][number];
export type CompositeWeights = Answer<'GET /api/public/bodies/:bodyId/satisfaction-rule'>['weights'];

export const usePublicEvaluations = (bodyId: string, year: number) => useQuery({
  queryKey: ['public', 'body', bodyId, 'evaluations', year],
  queryFn: () => call('GET /api/public/bodies/:bodyId/evaluations', { bodyId }, { query: { year } }),
});

/** The body's rule, or null when it has published none (the API's 404). */
export const useSatisfactionRule = (bodyId: string) => useQuery({
  queryKey: ['public', 'body', bodyId, 'satisfaction-rule'],
  queryFn: () => call('GET /api/public/bodies/:bodyId/satisfaction-rule', { bodyId })
    .catch((e: unknown) => { if (e instanceof ApiError && e.status === 404) return null; throw e; }),
});

export const compositeParts = ['members', 'public', 'survey'] as const;
export const partLabel = { members: 'publicEval.partMembers', public: 'publicEval.partPublic', survey: 'publicEval.partSurvey' } as const;
/** Where a project's page links for the rule: the body's evaluations page, its rule section. */
export const rulePath = (bodyId: string, year: number) => `/bodies/${encodeURIComponent(bodyId)}/evaluations?year=${year}#rule`;
