// 实施督办 for staff: the year's overview (projects, groups, dashboard), supervision groups, carry-over.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type Answer, type BodyOf } from '../../../api';

export type YearOverview = Answer<'GET /api/bodies/:bodyId/implementation'>;
export type OverviewProject = YearOverview['projects'][number];

export const overviewKey = (bodyId: string, year: number) => ['body', bodyId, 'implementation', year] as const;

export const useYearOverview = (token: string, bodyId: string, year: number) =>
  useQuery({ queryKey: overviewKey(bodyId, year), queryFn: () => call('GET /api/bodies/:bodyId/implementation', { bodyId }, { token, query: { year } }) });

export const useBodyMembers = (token: string, bodyId: string) =>
  useQuery({ queryKey: ['body', bodyId, 'members'], queryFn: () => call('GET /api/bodies/:bodyId/members', { bodyId }, { token }), staleTime: 60_000 });

function useOverviewMutation<I>(bodyId: string, fn: (i: I) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['body', bodyId, 'implementation'] }) });
}

export const useSetGroup = (token: string, bodyId: string) => useOverviewMutation(bodyId, ({ projectId, ...body }: BodyOf<'PUT /api/projects/:id/supervisors'> & { projectId: string }) =>
  call('PUT /api/projects/:id/supervisors', { id: projectId }, { token, body }));

export const useCarryOver = (token: string, bodyId: string) => useOverviewMutation(bodyId, ({ projectId, ...body }: BodyOf<'POST /api/projects/:id/carry-over'> & { projectId: string }) =>
  call('POST /api/projects/:id/carry-over', { id: projectId }, { token, body }));
