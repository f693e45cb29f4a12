// 督办单 (supervision tasks): the body's list for staff, the department's own, a project's, and the three changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type Answer, type BodyOf } from '../../api';

export type Task = Answer<'GET /api/bodies/:bodyId/tasks'>[number];
export type ProjectTask = Answer<'GET /api/projects/:id/tasks'>[number];
export interface TaskFilter { state?: 'open' | 'answered' | 'closed'; escalated?: boolean }

export const useBodyTasks = (token: string, bodyId: string, f: TaskFilter) =>
  useQuery({
    queryKey: ['tasks', 'body', bodyId, f.state ?? '', f.escalated ?? ''],
    queryFn: () => call('GET /api/bodies/:bodyId/tasks', { bodyId }, { token, query: { ...(f.state ? { state: f.state } : {}), ...(f.escalated === undefined ? {} : { escalated: f.escalated ? 'true' : 'false' }) } }),
  });
export const useMyTasks = (token: string) => useQuery({ queryKey: ['tasks', 'me'], queryFn: () => call('GET /api/me/tasks', { token }) });
export const useProjectTasks = (token: string, id: string) => useQuery({ queryKey: ['tasks', 'project', id], queryFn: () => call('GET /api/projects/:id/tasks', { id }, { token }) });

function useTaskMutation<I>(fn: (i: I) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['tasks'] }) });
}
export const useAnswerTask = (token: string) => useTaskMutation(({ id, ...body }: BodyOf<'POST /api/tasks/:id/answer'> & { id: string }) =>
  call('POST /api/tasks/:id/answer', { id }, { token, body }));
export const useCloseTask = (token: string) => useTaskMutation(({ id, ...body }: BodyOf<'POST /api/tasks/:id/close'> & { id: string }) =>
  call('POST /api/tasks/:id/close', { id }, { token, body }));
export const useOpenTask = (token: string) => useTaskMutation(({ projectId, ...body }: BodyOf<'POST /api/projects/:id/tasks'> & { projectId: string }) =>
  call('POST /api/projects/:id/tasks', { id: projectId }, { token, body }));
