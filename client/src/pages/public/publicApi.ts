// The public portal's reads and the one public write (a resident's rating), per API.md's last section.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api';
import type { Execution } from '../../../../shared/execution';
import type { TimelineItem } from './timelineText';

export interface Photo { id: string; url: string; thumbUrl: string }
export interface Grade { ballotId: string; round: string; grade: string; satisfied: number; basic: number; unsatisfied: number; base: number; rate: number; publishedAt: string }
export interface PublicRatings { satisfied: number; basic: number; unsatisfied: number; count: number }
export interface PublicProject {
  id: string; bodyId: string; bodyName: string; year: number; title: string; description: string; category: string; department: string;
  investment: number | null; status: string; targets: string[]; supporters: number; suggestions: number;
  execution: Execution | null; percent: number | null;
  assessment: { feasible: boolean; reason: string; investment: number; fundingSource: string | null; completionDate: string; targets: string[] } | null;
  plan: { targets: string[]; milestones: { title: string; due: string }[]; funding: string; completionDate: string } | null;
  progress: { id: string; percent: number; milestone: string | null; note: string; date: string; photos: Photo[] }[];
  supervisors: { lead: string | null; members: string[] } | null;
  inspections: { id: string; date: string; findings: string; photos: Photo[] }[];
  rectifications: { id: string; date: string; note: string; photos: Photo[] }[];
  grades: Grade[];
  publicRatings: PublicRatings;
  comments: { id: string; grade: string; comment: string; createdAt: string }[];
  carriedOverFrom: number | null; carriedOverTo: number | null;
  timeline: TimelineItem[];
}
export interface ListedProject {
  id: string; bodyId: string; bodyName: string; year: number; title: string; category: string; department: string; investment: number | null;
  status: string; supporters: number; execution: Execution | null; percent: number | null; grade: string | null; carriedOverFrom: number | null;
}

const enc = encodeURIComponent;
export const usePublicProject = (id: string) => useQuery({ queryKey: ['public', 'project', id], queryFn: () => request<PublicProject>(`/api/public/projects/${enc(id)}`) });
export const usePublicList = (bodyId: string, year: number | null) => useQuery({
  queryKey: ['public', 'body', bodyId, 'projects', year],
  queryFn: () => request<ListedProject[]>(`/api/public/bodies/${enc(bodyId)}/projects${year ? `?year=${year}` : ''}`),
});

/** One key per browser, made once (API.md deviceKey: 22–64 of [A-Za-z0-9_-]). */
export function deviceKey(): string {
  const name = 'minsheng.deviceKey';
  try {
    const have = localStorage.getItem(name);
    if (have && /^[A-Za-z0-9_-]{22,64}$/.test(have)) return have;
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    const key = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    localStorage.setItem(name, key);
    return key;
  } catch {
    return btoa(String(Math.random())).replace(/[^A-Za-z0-9]/g, '').padEnd(22, 'x').slice(0, 32);
  }
}

export function useRate(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: { grade: 'satisfied' | 'basic' | 'unsatisfied'; comment?: string }) =>
      request(`/api/public/projects/${enc(projectId)}/ratings`, { body: { ...r, deviceKey: deviceKey() } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['public', 'project', projectId] }),
  });
}
