// Screening for staff: the year's projects with their assessments, the exclusion checklist, candidate lists.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type Answer, type BodyOf } from '../../../api';

export type StaffProject = Answer<'GET /api/bodies/:bodyId/projects'>[number];

export const screeningKeys = {
  projects: (bodyId: string, year: number) => ['body', bodyId, 'projects', year] as const,
  lists: (bodyId: string, year: number) => ['body', bodyId, 'candidate-lists', year] as const,
};

export const useYearProjects = (token: string, bodyId: string, year: number) => useQuery({
  queryKey: screeningKeys.projects(bodyId, year), queryFn: () => call('GET /api/bodies/:bodyId/projects', { bodyId }, { token, query: { year } }),
});
export const useLists = (token: string, bodyId: string, year: number) => useQuery({
  queryKey: screeningKeys.lists(bodyId, year), queryFn: () => call('GET /api/bodies/:bodyId/candidate-lists', { bodyId }, { token, query: { year } }),
});

function useYearMutation<I, O>(bodyId: string, fn: (i: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['body', bodyId, 'projects'] }), qc.invalidateQueries({ queryKey: ['body', bodyId, 'candidate-lists'] })]) });
}
export const useCreateList = (token: string, bodyId: string) => useYearMutation(bodyId, (body: BodyOf<'POST /api/bodies/:bodyId/candidate-lists'>) =>
  call('POST /api/bodies/:bodyId/candidate-lists', { bodyId }, { token, body }));
export const useApprove = (token: string, bodyId: string) => useYearMutation(bodyId, ({ id, ...body }: BodyOf<'POST /api/candidate-lists/:id/approve'> & { id: string }) =>
  call('POST /api/candidate-lists/:id/approve', { id }, { token, body }));
export const useChecklist = (token: string, bodyId: string) => useYearMutation(bodyId, ({ id, ...body }: BodyOf<'PUT /api/projects/:id/screening'> & { id: string }) =>
  call('PUT /api/projects/:id/screening', { id }, { token, body }));
export const useWithdraw = (token: string, bodyId: string) => useYearMutation(bodyId, (id: string) =>
  call('POST /api/projects/:id/withdraw', { id }, { token }));
export const useEditProject = (token: string, bodyId: string) => useYearMutation(bodyId, ({ id, ...body }: BodyOf<'PUT /api/projects/:id'> & { id: string }) =>
  call('PUT /api/projects/:id', { id }, { token, body }));
