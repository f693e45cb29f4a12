// What a representative reads and records about the projects after the vote (代表督单): the projects of
// their supervision groups, one project's implementation, and their inspections (专项视察).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api';
import type { Execution } from '../../../../shared/execution';

export interface Photo { id: string; url: string; thumbUrl: string }
export interface ProjectDetail {
  id: string; title: string; year: number; department: string; investment: number | null; category: string;
  execution: Execution; percent: number; overdue: boolean; lastReport: string | null; supervising: boolean;
  plan: { targets: string[]; milestones: { title: string; due: string }[]; funding: string; completionDate: string } | null;
  progress: { id: string; percent: number; milestone: string | null; note: string; date: string; photos: Photo[] }[];
  supervisors: { id: string; name: string; delegation: string | null; lead: boolean }[];
  inspections: { id: string; date: string; findings: string; photos: Photo[]; by: string | null }[];
  rectifications: { id: string; date: string; note: string; photos: Photo[] }[];
  grades: { ballotId: string; round: string; grade: string; rate: number; publishedAt: string }[];
  carriedOverFrom: number | null; carriedOverTo: number | null;
}
export interface MyProject { id: string; title: string; year: number; department: string; lead: boolean; execution: Execution; percent: number; lastReport: string | null; overdue: boolean }

const enc = encodeURIComponent;
/** The same key as the department's view of the project: a report invalidates both. */
export const projectKey = (id: string) => ['project', id, 'implementation'] as const;

export const useProjectDetail = (token: string, id: string, enabled = true) =>
  useQuery({ queryKey: projectKey(id), queryFn: () => request<ProjectDetail>(`/api/projects/${enc(id)}/implementation`, { token }), enabled });

export const useMyProjects = (token: string) =>
  useQuery({ queryKey: ['me', 'projects'], queryFn: () => request<MyProject[]>('/api/me/projects', { token }) });

export function useRecordInspection(token: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (i: { date: string; findings: string; photos?: string[] }) => request(`/api/projects/${enc(id)}/inspections`, { token, body: i }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: projectKey(id) }), qc.invalidateQueries({ queryKey: ['me', 'projects'] })]),
  });
}
