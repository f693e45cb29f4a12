// Screening for staff: the year's projects with their assessments, the exclusion checklist, candidate lists.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api';

export interface StaffProject {
  id: string; year: number; title: string; description: string; category: string; department: string; status: string; investment: number | null; supporters: number;
  assessment: { feasible: boolean; reason: string; investment: number; completionDate: string } | null;
  screening: { exclusions: Record<string, boolean | undefined>; note: string | null } | null;
}
export interface CandidateList { id: string; year: number; seats: number; projectIds: string[]; ratio: number; state: string; meeting: string | null; approvedAt: string | null; warnings: { code: string; message: string }[] }

const enc = encodeURIComponent;
export const screeningKeys = {
  projects: (bodyId: string, year: number) => ['body', bodyId, 'projects', year] as const,
  lists: (bodyId: string, year: number) => ['body', bodyId, 'candidate-lists', year] as const,
};

export const useYearProjects = (token: string, bodyId: string, year: number) => useQuery({
  queryKey: screeningKeys.projects(bodyId, year), queryFn: () => request<StaffProject[]>(`/api/bodies/${enc(bodyId)}/projects?year=${year}`, { token }),
});
export const useLists = (token: string, bodyId: string, year: number) => useQuery({
  queryKey: screeningKeys.lists(bodyId, year), queryFn: () => request<CandidateList[]>(`/api/bodies/${enc(bodyId)}/candidate-lists?year=${year}`, { token }),
});

function useYearMutation<I, O>(bodyId: string, fn: (i: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['body', bodyId, 'projects'] }), qc.invalidateQueries({ queryKey: ['body', bodyId, 'candidate-lists'] })]) });
}
export const useCreateList = (token: string, bodyId: string) => useYearMutation(bodyId, (v: { year: number; projectIds: string[]; seats: number }) =>
  request<CandidateList>(`/api/bodies/${enc(bodyId)}/candidate-lists`, { token, body: v }));
export const useApprove = (token: string, bodyId: string) => useYearMutation(bodyId, (v: { id: string; meeting: string; approvedAt?: string }) =>
  request<CandidateList>(`/api/candidate-lists/${enc(v.id)}/approve`, { token, body: { meeting: v.meeting, ...(v.approvedAt ? { approvedAt: v.approvedAt } : {}) } }));
export const useChecklist = (token: string, bodyId: string) => useYearMutation(bodyId, (v: { id: string; exclusions: Record<string, boolean> }) =>
  request<unknown>(`/api/projects/${enc(v.id)}/screening`, { token, method: 'PUT', body: { exclusions: v.exclusions } }));
export const useWithdraw = (token: string, bodyId: string) => useYearMutation(bodyId, (id: string) =>
  request<unknown>(`/api/projects/${enc(id)}/withdraw`, { token, body: {} }));
export const useEditProject = (token: string, bodyId: string) => useYearMutation(bodyId, ({ id, ...body }: { id: string; title: string; description: string; category: string; department: string }) =>
  request<unknown>(`/api/projects/${enc(id)}`, { token, method: 'PUT', body }));
