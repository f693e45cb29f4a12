// The reserve (储备库) for staff: its list, keeping a project or suggestion in it, and a draft from it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api';

export type Reserve = Awaited<ReturnType<typeof fetchReserve>>;
const fetchReserve = (token: string, bodyId: string) => call('GET /api/bodies/:bodyId/reserve', { bodyId }, { token });

export const useReserve = (token: string, bodyId: string) => useQuery({ queryKey: ['body', bodyId, 'reserve'], queryFn: () => fetchReserve(token, bodyId) });

/** Everything a reserve change shows in: the reserve, the year's projects, the inbox. */
function useBodyMutation<I, O>(bodyId: string, fn: (i: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(['reserve', 'projects', 'suggestions', 'inbox'].map((k) => qc.invalidateQueries({ queryKey: ['body', bodyId, k] }))),
  });
}

export const useSetReserve = (token: string, bodyId: string) => useBodyMutation(bodyId,
  ({ kind, id, reserve, note }: { kind: 'project' | 'suggestion'; id: string; reserve: boolean; note?: string }) => (kind === 'project'
    ? call('PUT /api/projects/:id/reserve', { id }, { token, body: { reserve, note: note || undefined } })
    : call('PUT /api/suggestions/:id/reserve', { id }, { token, body: { reserve, note: note || undefined } })).then(() => undefined));

export const useFromReserve = (token: string, bodyId: string) => useBodyMutation(bodyId,
  ({ year, fromReserve }: { year: number; fromReserve: string }) => call('POST /api/bodies/:bodyId/projects', { bodyId }, { token, body: { year, fromReserve } }));
