// A department's worklist and its assessments (API.md "Collection and screening").
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api';

export interface Assessment { feasible: boolean; reason: string; investment: number; fundingSource: string | null; completionDate: string; targets: string[] }
export interface WorkItem {
  id: string; bodyId: string; year: number; title: string; description: string; category: string; department: string; status: string;
  supporters: number; waiting: boolean; assessment: Assessment | null;
}

export const departmentKeys = { work: ['me', 'assessments'] as const };

export const useWorklist = (token: string) => useQuery({ queryKey: departmentKeys.work, queryFn: () => request<WorkItem[]>('/api/me/assessments', { token }) });

export function useAssess(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Assessment & { id: string }) => request<WorkItem>(`/api/projects/${encodeURIComponent(id)}/assessment`, { token, method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: departmentKeys.work }),
  });
}
