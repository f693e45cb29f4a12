// A department's worklist and its assessments (API.md "Collection and screening").
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type Answer, type BodyOf } from '../../api';

export type WorkItem = Answer<'GET /api/me/assessments'>[number];

export const departmentKeys = { work: ['me', 'assessments'] as const };

export const useWorklist = (token: string) => useQuery({ queryKey: departmentKeys.work, queryFn: () => call('GET /api/me/assessments', { token }) });

export function useAssess(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<'PUT /api/projects/:id/assessment'> & { id: string }) => call('PUT /api/projects/:id/assessment', { id }, { token, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: departmentKeys.work }),
  });
}
