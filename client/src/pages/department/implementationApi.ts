// A department's plan and progress reports for a selected project (photos go through components/PhotoPicker).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, type BodyOf } from '../../api';
import { projectKey as key, useProjectDetail } from '../supervision/supervisionApi';

/** The project's implementation: the same query as a representative's and the staff's view of it. */
export const useImplementation = (token: string, id: string) => useProjectDetail(token, id);

function useProjectMutation<I>(id: string, fn: (i: I) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key(id) }) });
}
export const useSavePlan = (token: string, id: string) => useProjectMutation(id, (body: BodyOf<'PUT /api/projects/:id/plan'>) =>
  call('PUT /api/projects/:id/plan', { id }, { token, body }));
export const useRectify = (token: string, id: string) => useProjectMutation(id, (body: BodyOf<'POST /api/projects/:id/rectifications'>) =>
  call('POST /api/projects/:id/rectifications', { id }, { token, body }));
export const useReport = (token: string, id: string) => useProjectMutation(id, (body: BodyOf<'POST /api/projects/:id/progress'>) =>
  call('POST /api/projects/:id/progress', { id }, { token, body }));
export const useSaveItems = (token: string, id: string) => useProjectMutation(id, (body: BodyOf<'PUT /api/projects/:id/items'>) =>
  call('PUT /api/projects/:id/items', { id }, { token, body }));
