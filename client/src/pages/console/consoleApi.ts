// The presider console's server state as TanStack queries keyed by resource. The live feed (socket) does
// not carry rosters, audit entries or ballot details: its events invalidate the matching queries instead,
// a little later so a burst of frames costs one request.
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { call, type BallotDetail, type CreateBallotInput, type RosterEntry } from '../../api';
import { bodiesQuery } from '../../queries/bodies';

export const consoleKeys = {
  sessions: (bodyId: string | null) => ['body', bodyId ?? '*', 'sessions'] as const,
  roster: (sessionId: string) => ['session', sessionId, 'roster'] as const,
  audit: (sessionId: string) => ['session', sessionId, 'audit'] as const,
  ballot: (ballotId: string) => ['ballot', ballotId] as const,
  projects: (bodyId: string) => ['body', bodyId, 'projects'] as const,
};

/** Invalidates `key` `delayMs` after the last change of `signal` (not on the first render). */
export function useInvalidateOn(key: QueryKey, signal: unknown[], delayMs: number) {
  const qc = useQueryClient();
  const k = JSON.stringify(key);
  const s = JSON.stringify(signal);
  useEffect(() => {
    const first = !qc.getQueryState(key)?.dataUpdatedAt;
    if (first) return;
    const timer = setTimeout(() => void qc.invalidateQueries({ queryKey: key }), delayMs);
    return () => clearTimeout(timer);
  }, [k, s]); // eslint-disable-line react-hooks/exhaustive-deps
}

const sessionsOf = (token: string, bodyId: string) => call('GET /api/bodies/:bodyId/sessions', { bodyId }, { token });

/** The sessions a staff user may open: their body's, or (a deployment-wide admin) every body's. */
export function useStaffSessions(token: string, bodyId: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: consoleKeys.sessions(bodyId),
    queryFn: () =>
      bodyId
        ? sessionsOf(token, bodyId)
        : qc.fetchQuery(bodiesQuery).then((bodies) => Promise.all(bodies.map((b) => sessionsOf(token, b.id)))).then((lists) => lists.flat()),
  });
}

export const useRoster = (token: string, sessionId: string) =>
  useQuery({ queryKey: consoleKeys.roster(sessionId), queryFn: () => call('GET /api/sessions/:id/roster', { id: sessionId }, { token }) });

export const useAudit = (token: string, sessionId: string) =>
  useQuery({ queryKey: consoleKeys.audit(sessionId), queryFn: () => call('GET /api/sessions/:id/audit', { id: sessionId }, { token }) });

export const useBallot = (token: string, ballotId: string) =>
  useQuery({ queryKey: consoleKeys.ballot(ballotId), queryFn: () => call('GET /api/ballots/:id', { id: ballotId }, { token }) });

export const useBodyProjects = (token: string, bodyId: string, enabled: boolean) =>
  useQuery({ queryKey: consoleKeys.projects(bodyId), queryFn: () => call('GET /api/bodies/:bodyId/projects', { bodyId }, { token }), enabled });

/** Present / absent / on leave: the row changes at once, then the roster and the log are asked again. */
export function useSetAttendance(token: string, sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, ...body }: { memberId: string; present: boolean; note?: string }) =>
      call('PUT /api/sessions/:id/attendance/:memberId', { id: sessionId, memberId }, { token, body }),
    onSuccess: (_r, { memberId, present, note }) => {
      qc.setQueryData<RosterEntry[]>(consoleKeys.roster(sessionId), (r) =>
        r?.map((x) => (x.memberId === memberId ? { ...x, present, note: note ?? (present ? x.note : null) } : x)));
      void qc.invalidateQueries({ queryKey: consoleKeys.audit(sessionId) });
    },
  });
}

/** A step of a ballot (open, close, publish, cancel): the answer replaces the cached detail. */
export function useBallotStep(token: string, ballotId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (step: { action: 'open' | 'close' | 'publish' } | { cancel: string }) =>
      'cancel' in step
        ? call('POST /api/ballots/:id/cancel', { id: ballotId }, { token, body: { reason: step.cancel } })
        : call(`POST /api/ballots/:id/${step.action}`, { id: ballotId }, { token }),
    onSuccess: (b) => qc.setQueryData<BallotDetail>(consoleKeys.ballot(ballotId), (old) => ({ ...(old ?? b), ...b })),
  });
}

export function useCreateBallot(token: string, sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateBallotInput) => call('POST /api/sessions/:id/ballots', { id: sessionId }, { token, body: input }),
    onSuccess: (b) => qc.setQueryData(consoleKeys.ballot(b.id), b),
  });
}
