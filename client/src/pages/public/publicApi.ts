// The public site's reads, keyed under ['public', …] by resource, and its one write (a resident's rating),
// per API.md: published results and their ballot boxes, a body's year, a project's story, the open data.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../api';
import type { BallotBox } from '../../../../shared/types';
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
/** A body's published results (and those of the bodies below), as listed on its page. */
export const usePublicResults = (bodyId: string) =>
  useQuery({ queryKey: ['public', 'body', bodyId, 'results'], queryFn: () => api.publicResults(bodyId) });

// A published result and its ballot box never change: asked once per visit.
export const usePublicResult = (ballotId: string) =>
  useQuery({ queryKey: ['public', 'ballot', ballotId, 'result'], queryFn: () => api.result(ballotId), staleTime: Infinity });
/** The published ballot box, read as text and checked to be one (a file that is not fails the query). */
export const useBallotBox = (ballotId: string) =>
  useQuery({ queryKey: ['public', 'ballot', ballotId, 'box'], queryFn: () => api.boxText(ballotId), select: readBox, staleTime: Infinity });
/** A ballot box file (the published one, or a copy someone checks), or null if the text is not one. */
export function parseBox(text: string): BallotBox | null {
  try {
    const v = JSON.parse(text) as BallotBox;
    if (!v || typeof v !== 'object' || !Array.isArray(v.entries) || typeof v.digest !== 'string' || !v.ballot) return null;
    return v;
  } catch {
    return null;
  }
}
// one function for every render, so a large box is parsed once
function readBox(text: string) {
  const box = parseBox(text);
  if (!box) throw new Error('bad box');
  return box;
}

/** An export's signed digest: its SHA-256, size and signature (`export.<format>.sha256`). */
export interface ExportDigest { file: string; sha256: string; bytes: number; signature: string }
export const exportUrl = (bodyId: string, format: 'csv' | 'json') => `/api/public/bodies/${enc(bodyId)}/export.${format}`;
export const useExportDigest = (bodyId: string, format: 'csv' | 'json', year: number | null) => useQuery({
  queryKey: ['public', 'body', bodyId, 'export', format, year],
  queryFn: () => request<ExportDigest>(`${exportUrl(bodyId, format)}.sha256${year ? `?year=${year}` : ''}`),
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
