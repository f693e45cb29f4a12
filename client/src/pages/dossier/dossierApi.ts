// The dossier (材料提前送达) on the client: read by the member's tablet and the presider console, sent from the
// console. A member asking before it is sent gets 409 dossier_not_sent: that is "not yet", not an error.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, call, type Answer } from '../../api';

export type Dossier = Answer<'GET /api/sessions/:id/dossier'>;
export type DossierProject = Dossier['projects'][number];

export const dossierKey = (sessionId: string) => ['session', sessionId, 'dossier'] as const;

/** The dossier, or null while it is not sent (for a member); refetched when the session's live version moves. */
export const useDossier = (token: string, sessionId: string, version?: number) => useQuery({
  queryKey: [...dossierKey(sessionId), version ?? 0],
  queryFn: async (): Promise<Dossier | null> => {
    try {
      return await call('GET /api/sessions/:id/dossier', { id: sessionId }, { token });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'dossier_not_sent') return null;
      throw e;
    }
  },
  enabled: !!token && !!sessionId,
  placeholderData: (prev) => prev,
  retry: false,
});

export function useSendDossier(token: string, sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call('POST /api/sessions/:id/dossier', { id: sessionId }, { token }),
    onSuccess: () => qc.invalidateQueries({ queryKey: dossierKey(sessionId) }),
  });
}
