// A department's plan and progress reports for a selected project, and photo upload.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, request } from '../../api';

export interface Report { id: string; percent: number; milestone: string | null; note: string; date: string; photos: { id: string; url: string; thumbUrl: string }[] }
export interface Implementation {
  projectId: string; execution: string; percent: number; overdue: boolean; lastReport: string | null;
  plan: { targets: string[]; milestones: { title: string; due: string }[]; funding: string; completionDate: string } | null;
  progress: Report[];
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
export const useReport = (token: string, id: string) => useProjectMutation(id, (r: { percent: number; milestone?: string | null; note: string; date: string; photos?: string[] }) =>
  request(`/api/projects/${enc(id)}/progress`, { token, body: r }));

/** Sends one photo's raw bytes (API.md POST /api/files); the server strips its metadata. */
export async function uploadPhoto(token: string, file: File): Promise<{ id: string; thumbUrl: string }> {
  const res = await fetch('/api/files', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.type || 'application/octet-stream' }, body: file });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? res.statusText);
  return body;
}
