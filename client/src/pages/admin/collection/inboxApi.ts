// The staff side of collection: the inbox, duplicates, decisions, windows and stations, as TanStack
// queries keyed by resource; every mutation invalidates what it changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryString, request } from '../../../api';

export interface InboxFilters { year?: number; status?: string; category?: string; channel?: string; stationId?: string; q?: string; sort?: string; offset: number; limit: number }
export interface InboxItem {
  id: string; trackingCode: string; title: string; description: string; category: string; area: string | null; channel: string; stationId: string | null;
  sender: string | null; status: string; reason: string | null; supporters: number; createdAt: string; mergedInto: string | null; projectId: string | null; contact: string | null;
}
export interface InboxPage { year: number; total: number; items: InboxItem[]; facets: Record<'status' | 'category' | 'channel' | 'stationId', Record<string, number>> }
export interface SimilarItem { id: string; title: string; status: string; supporters: number; score: number }
export interface StaffWindow { id: string; year: number; opensAt: string; closesAt: string; open: boolean }
export interface StaffStation { id: string; name: string; address: string | null }

const enc = encodeURIComponent;

export const inboxKeys = {
  all: (bodyId: string) => ['body', bodyId, 'suggestions'] as const,
  page: (bodyId: string, f: InboxFilters) => ['body', bodyId, 'suggestions', f] as const,
  similar: (id: string) => ['suggestion', id, 'similar'] as const,
  windows: (bodyId: string) => ['body', bodyId, 'collection'] as const,
  stations: (bodyId: string) => ['body', bodyId, 'stations'] as const,
};

export const useInbox = (token: string, bodyId: string, f: InboxFilters) => useQuery({
  queryKey: inboxKeys.page(bodyId, f),
  queryFn: () => request<InboxPage>(`/api/bodies/${enc(bodyId)}/suggestions?${queryString(f)}`, { token }),
  placeholderData: (previous) => previous,
});
export const useSimilarTo = (token: string, id: string | null) => useQuery({
  queryKey: inboxKeys.similar(id ?? ''),
  queryFn: () => request<SimilarItem[]>(`/api/suggestions/${enc(id!)}/similar`, { token }),
  enabled: !!id,
});
export const useWindows = (token: string, bodyId: string) => useQuery({
  queryKey: inboxKeys.windows(bodyId), queryFn: () => request<StaffWindow[]>(`/api/bodies/${enc(bodyId)}/collection`, { token }),
});
export const useStaffStations = (bodyId: string) => useQuery({
  queryKey: inboxKeys.stations(bodyId), queryFn: () => request<StaffStation[]>(`/api/public/bodies/${enc(bodyId)}/stations`),
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

export const useMerge = (token: string, bodyId: string) => useBodyMutation(bodyId, (v: { into: string; ids: string[] }) =>
  request<{ id: string; supporters: number; mergedFrom: string[] }>(`/api/bodies/${enc(bodyId)}/suggestions/merge`, { token, body: v }));
export const useDecide = (token: string, bodyId: string) => useBodyMutation(bodyId, (v: { ids: string[]; status: 'not_adopted' | 'referred'; reason: string }) =>
  request<InboxItem[]>(`/api/bodies/${enc(bodyId)}/suggestions/status`, { token, body: v }));
export const useAdopt = (token: string, bodyId: string) => useBodyMutation(bodyId, (v: { year: number; title: string; description: string; category: string; department: string; suggestionIds: string[] }) =>
  request<{ id: string; title: string }>(`/api/bodies/${enc(bodyId)}/projects`, { token, body: v }), [['body', bodyId, 'projects']]);
export const useCreateWindow = (token: string, bodyId: string) => useBodyMutation(bodyId, (v: { year: number; opensAt: string; closesAt: string }) =>
  request<StaffWindow>(`/api/bodies/${enc(bodyId)}/collection`, { token, body: v }), [inboxKeys.windows(bodyId)]);
export const useCreateStation = (token: string, bodyId: string) => useBodyMutation(bodyId, (v: { name: string; address?: string | null }) =>
  request<StaffStation>(`/api/bodies/${enc(bodyId)}/stations`, { token, body: v }), [inboxKeys.stations(bodyId)]);
