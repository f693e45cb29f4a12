// Hearings (听取报告) on the client: the session's agenda read by the console and the tablets (asked again when
// the session's live version moves: every change of a hearing moves it), added and removed from the console.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type Answer, type BodyOf } from '../../api';

export type Hearing = Answer<'GET /api/sessions/:id/hearings'>[number];
export type HearingBody = BodyOf<'POST /api/sessions/:id/hearings'>;

export const hearingsKey = (sessionId: string) => ['session', sessionId, 'hearings'] as const;

export const useHearings = (token: string, sessionId: string, version?: number) => useQuery({
  queryKey: [...hearingsKey(sessionId), version ?? 0],
  queryFn: () => call('GET /api/sessions/:id/hearings', { id: sessionId }, { token }),
  enabled: !!token && !!sessionId,
  placeholderData: (prev) => prev,
});

export function useAddHearing(token: string, sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: HearingBody) => call('POST /api/sessions/:id/hearings', { id: sessionId }, { token, body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: hearingsKey(sessionId) }),
  });
}

export function useRemoveHearing(token: string, sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('POST /api/hearings/:id/remove', { id }, { token }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: hearingsKey(sessionId) }),
  });
}

/** Moves a hearing on the agenda: the same hearing sent again with its new place (PUT takes the whole of it). */
export function useMoveHearing(token: string, sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ h, position }: { h: Hearing; position: number }) => call('PUT /api/hearings/:id', { id: h.id }, { token, body: { ...bodyOf(h), position } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: hearingsKey(sessionId) }),
  });
}

/** A hearing as its input again. A link to a cancelled ballot is dropped: it will never be voted, and the server refuses it. */
export const bodyOf = (h: Hearing): HearingBody => ({
  kind: h.kind, title: h.title,
  reporter: h.reporter.memberId ? { memberId: h.reporter.memberId, post: h.reporter.post } : { name: h.reporter.name, post: h.reporter.post },
  fileId: h.document?.id ?? null,
  ballotId: h.ballot && h.ballot.state !== 'cancelled' ? h.ballot.id : null,
});

export const uploadDocument = (token: string, file: File) => call('POST /api/files/documents', { token, file });

/** "1.2 MB", "830 KB": a document's size for its link. */
export const sizeText = (bytes: number, num: (n: number) => string) =>
  bytes >= 1024 * 1024 ? `${num(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB` : `${num(Math.max(1, Math.round(bytes / 1024)))} KB`;
