// The staff side of collection: the inbox, duplicates, decisions, windows and stations, as TanStack
// queries keyed by resource; every mutation invalidates what it changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type Answer, type ApiQueries, type BodyOf } from '../../../api';

/** The inbox's query (the numbers, which the server coerces from text, as numbers). */
export type InboxFilters = Omit<NonNullable<ApiQueries['GET /api/bodies/:bodyId/suggestions']>, 'year' | 'offset' | 'limit'> & { year?: number; offset: number; limit: number };
export type InboxItem = Answer<'GET /api/bodies/:bodyId/suggestions'>['items'][number];

export const inboxKeys = {
  all: (bodyId: string) => ['body', bodyId, 'suggestions'] as const,
  page: (bodyId: string, f: InboxFilters) => ['body', bodyId, 'suggestions', f] as const,
  similar: (id: string) => ['suggestion', id, 'similar'] as const,
  windows: (bodyId: string) => ['body', bodyId, 'collection'] as const,
  stations: (bodyId: string) => ['body', bodyId, 'stations'] as const,
};

export const useInbox = (token: string, bodyId: string, f: InboxFilters) => useQuery({
  queryKey: inboxKeys.page(bodyId, f),
  queryFn: () => call('GET /api/bodies/:bodyId/suggestions', { bodyId }, { token, query: f }),
  placeholderData: (previous) => previous,
});
export const useSimilarTo = (token: string, id: string | null) => useQuery({
  queryKey: inboxKeys.similar(id ?? ''),
  queryFn: () => call('GET /api/suggestions/:id/similar', { id: id! }, { token }),
  enabled: !!id,
});
export const useWindows = (token: string, bodyId: string) => useQuery({
  queryKey: inboxKeys.windows(bodyId), queryFn: () => call('GET /api/bodies/:bodyId/collection', { bodyId }, { token }),
});
export const useStaffStations = (bodyId: string) => useQuery({
  queryKey: inboxKeys.stations(bodyId), queryFn: () => call('GET /api/public/bodies/:bodyId/stations', { bodyId }),
});

/** A mutation that refreshes the body's suggestions (and anything else named) once it succeeds. */
function useBodyMutation<I, O>(bodyId: string, fn: (input: I) => Promise<O>, also: (readonly unknown[])[] = []) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: inboxKeys.all(bodyId) }), qc.invalidateQueries({ queryKey: ['suggestion'] }), ...also.map((k) => qc.invalidateQueries({ queryKey: k }))]);
    },
  });
}

export const useMerge = (token: string, bodyId: string) => useBodyMutation(bodyId, (body: BodyOf<'POST /api/bodies/:bodyId/suggestions/merge'>) =>
  call('POST /api/bodies/:bodyId/suggestions/merge', { bodyId }, { token, body }));
export const useDecide = (token: string, bodyId: string) => useBodyMutation(bodyId, (body: BodyOf<'POST /api/bodies/:bodyId/suggestions/status'>) =>
  call('POST /api/bodies/:bodyId/suggestions/status', { bodyId }, { token, body }), [['body', bodyId, 'referrals']]);
export const useAdopt = (token: string, bodyId: string) => useBodyMutation(bodyId, (body: BodyOf<'POST /api/bodies/:bodyId/projects'>) =>
  call('POST /api/bodies/:bodyId/projects', { bodyId }, { token, body }), [['body', bodyId, 'projects']]);
export const useCreateWindow = (token: string, bodyId: string) => useBodyMutation(bodyId, (body: BodyOf<'POST /api/bodies/:bodyId/collection'>) =>
  call('POST /api/bodies/:bodyId/collection', { bodyId }, { token, body }), [inboxKeys.windows(bodyId)]);
export const useCreateStation = (token: string, bodyId: string) => useBodyMutation(bodyId, (body: BodyOf<'POST /api/bodies/:bodyId/stations'>) =>
  call('POST /api/bodies/:bodyId/stations', { bodyId }, { token, body }), [inboxKeys.stations(bodyId)]);
