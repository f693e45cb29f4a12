// What a representative reads and records about the projects after the vote (代表督单): the projects of
// their supervision groups, one project's implementation, and their inspections (专项视察).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type Answer, type BodyOf } from '../../api';

/** One project's implementation (GET /api/projects/:id/implementation), as the department's view reads it too. */
export type ProjectDetail = Answer<'GET /api/projects/:id/implementation'>;
export type Photo = ProjectDetail['progress'][number]['photos'][number];

/** The same key as the department's view of the project: a report invalidates both. */
export const projectKey = (id: string) => ['project', id, 'implementation'] as const;

export const useProjectDetail = (token: string, id: string, enabled = true) =>
  useQuery({ queryKey: projectKey(id), queryFn: () => call('GET /api/projects/:id/implementation', { id }, { token }), enabled });

export const useMyProjects = (token: string) =>
  useQuery({ queryKey: ['me', 'projects'], queryFn: () => call('GET /api/me/projects', { token }) });

export function useRecordInspection(token: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'POST /api/projects/:id/inspections'>) => call('POST /api/projects/:id/inspections', { id }, { token, body }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: projectKey(id) }), qc.invalidateQueries({ queryKey: ['me', 'projects'] })]),
  });
}
