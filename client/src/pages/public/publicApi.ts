// The public site's reads, keyed under ['public', …] by resource, and its one write (a resident's rating),
// per API.md: published results and their ballot boxes, a body's year, a project's story, the open data.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, pathOf, requestText, type Answer, type BodyOf } from '../../api';
import type { BallotBox } from '../../../../shared/types';

export type PublicProject = Answer<'GET /api/public/projects/:id'>;
export type Photo = PublicProject['progress'][number]['photos'][number];
export type ListedProject = Answer<'GET /api/public/bodies/:bodyId/projects'>[number];

export const usePublicProject = (id: string) => useQuery({ queryKey: ['public', 'project', id], queryFn: () => call('GET /api/public/projects/:id', { id }) });
export const usePublicList = (bodyId: string, year: number | null) => useQuery({
  queryKey: ['public', 'body', bodyId, 'projects', year],
  queryFn: () => call('GET /api/public/bodies/:bodyId/projects', { bodyId }, { query: { year } }),
});
/** A body's published results (and those of the bodies below), as listed on its page. */
export const usePublicResults = (bodyId: string) =>
  useQuery({ queryKey: ['public', 'body', bodyId, 'results'], queryFn: () => call('GET /api/public/bodies/:bodyId/results', { bodyId }) });

// A published result and its ballot box never change: asked once per visit.
export const usePublicResult = (ballotId: string) =>
  useQuery({ queryKey: ['public', 'ballot', ballotId, 'result'], queryFn: () => call('GET /api/ballots/:id/result', { id: ballotId }), staleTime: Infinity });
/** The published ballot box, read as text and checked to be one (a file that is not fails the query). */
export const useBallotBox = (ballotId: string) =>
  useQuery({ queryKey: ['public', 'ballot', ballotId, 'box'], queryFn: () => requestText(pathOf('GET /api/ballots/:id/box', { id: ballotId })), select: readBox, staleTime: Infinity });
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

export const exportUrl = (bodyId: string, format: 'csv' | 'json') => pathOf(`GET /api/public/bodies/:bodyId/export.${format}`, { bodyId });
/** An export's signed digest: its SHA-256, size and signature (`export.<format>.sha256`). */
export const useExportDigest = (bodyId: string, format: 'csv' | 'json', year: number | null) => useQuery({
  queryKey: ['public', 'body', bodyId, 'export', format, year],
  queryFn: () => call(`GET /api/public/bodies/:bodyId/export.${format}.sha256`, { bodyId }, { query: { year } }),
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

/** A little longer than the server takes to show a resident's write on public pages (residentLagMs, 1 s). */
const ratingsCatchUpMs = 1500;

export function useRate(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: Omit<BodyOf<'POST /api/public/projects/:id/ratings'>, 'deviceKey'>) =>
      call('POST /api/public/projects/:id/ratings', { id: projectId }, { body: { ...r, deviceKey: deviceKey() } }),
    onSuccess: (_answer, r) => {
      // Counted at once here. The server's page shows residents' writes within about a second, and the first
      // reader after that may still get the old page while it is rebuilt (core/page-cache.ts): so the page is
      // asked again after the lag and taken only once it counts this rating too (a few tries, then left as is).
      const key = ['public', 'project', projectId];
      let want = 0;
      qc.setQueryData<PublicProject>(key, (p) => {
        if (!p) return p;
        want = p.publicRatings.count + 1;
        return { ...p, publicRatings: { ...p.publicRatings, count: want, [r.grade]: p.publicRatings[r.grade] + 1 } };
      });
      const settle = (tries: number) => setTimeout(() => {
        void call('GET /api/public/projects/:id', { id: projectId }).then((fresh) => {
          if (fresh.publicRatings.count >= want) qc.setQueryData(key, fresh);
          else if (tries > 1) settle(tries - 1);
        }, () => undefined);
      }, ratingsCatchUpMs);
      settle(3);
    },
  });
}
