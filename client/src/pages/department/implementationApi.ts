// A department's plan and progress reports for a selected project (photos go through components/PhotoPicker).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api';

export interface Report { id: string; percent: number; milestone: string | null; note: string; date: string; photos: { id: string; url: string; thumbUrl: string }[] }
export interface Implementation {
  projectId: string; execution: string; percent: number; overdue: boolean; lastReport: string | null;
  plan: { targets: string[]; milestones: { title: string; due: string }[]; funding: string; completionDate: string } | null;
  progress: Report[];
  rectifications?: { id: string; date: string; note: string }[];
}

const key = (id: string) => ['project', id, 'implementation'] as const;
const enc = encodeURIComponent;

export const useImplementation = (token: string, id: string) => useQuery({ queryKey: key(id), queryFn: () => request<Implementation>(`/api/projects/${enc(id)}/implementation`, { token }) });

function useProjectMutation<I>(id: string, fn: (i: I) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key(id) }) });
}
export const useSavePlan = (token: string, id: string) => useProjectMutation(id, (plan: NonNullable<Implementation['plan']>) =>
  request(`/api/projects/${enc(id)}/plan`, { token, method: 'PUT', body: plan }));
export const useRectify = (token: string, id: string) => useProjectMutation(id, (r: { note: string; date: string; photos?: string[] }) =>
  request(`/api/projects/${enc(id)}/rectifications`, { token, body: r }));
export const useReport = (token: string, id: string) => useProjectMutation(id, (r: { percent: number; milestone?: string | null; note: string; date: string; photos?: string[] }) =>
  request(`/api/projects/${enc(id)}/progress`, { token, body: r }));
