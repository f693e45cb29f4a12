// 代表码 and duty rosters (API.md "Representatives and residents"): the public roster and cards, who is on
// duty at the stations, the member's 群众找我 and replies, and the staff's week grid — queries keyed by
// resource; every mutation invalidates what it changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type Answer, type BodyOf } from '../../api';

export type Representative = Answer<'GET /api/public/bodies/:bodyId/representatives'>[number];
export type RepCard = Answer<'GET /api/public/members/:id'>;
export type Station = Answer<'GET /api/public/bodies/:bodyId/stations'>[number];
export type DutyDay = Station['onDuty'][number];
export type InboxItem = Answer<'GET /api/me/inbox'>[number];
export type BodyDuty = Answer<'GET /api/bodies/:bodyId/duty'>;

export const repsKeys = {
  representatives: (bodyId: string) => ['body', bodyId, 'representatives'] as const,
  card: (id: string) => ['member', id, 'card'] as const,
  /** the same key as the collection screens' stations (collectionApi, inboxApi): one list, with its duty */
  stations: (bodyId: string) => ['body', bodyId, 'stations'] as const,
  inbox: ['me', 'inbox'] as const,
  duty: (bodyId: string, from: string, days: number) => ['body', bodyId, 'duty', from, days] as const,
};

export const useRepresentatives = (bodyId: string) => useQuery({
  queryKey: repsKeys.representatives(bodyId), queryFn: () => call('GET /api/public/bodies/:bodyId/representatives', { bodyId }), enabled: !!bodyId, staleTime: 60_000,
});
export const useRepCard = (id: string | null | undefined) => useQuery({
  queryKey: repsKeys.card(id ?? ''), queryFn: () => call('GET /api/public/members/:id', { id: id! }), enabled: !!id, retry: false,
});

export const useMyInbox = (token: string) => useQuery({ queryKey: repsKeys.inbox, queryFn: () => call('GET /api/me/inbox', { token }) });
export function useReply(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text }: { id: string } & BodyOf<'POST /api/suggestions/:id/reply'>) => call('POST /api/suggestions/:id/reply', { id }, { token, body: { text } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: repsKeys.inbox }),
  });
}

export const useBodyDuty = (token: string, bodyId: string, from: string, days: number) => useQuery({
  queryKey: repsKeys.duty(bodyId, from, days), queryFn: () => call('GET /api/bodies/:bodyId/duty', { bodyId }, { token, query: { from, days } }),
  placeholderData: (previous) => previous,
});
export function useSetDuty(token: string, bodyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ stationId, slots }: { stationId: string } & BodyOf<'PUT /api/stations/:id/duty'>) => call('PUT /api/stations/:id/duty', { id: stationId }, { token, body: { slots } }),
    onSuccess: () => Promise.all([
      qc.invalidateQueries({ queryKey: ['body', bodyId, 'duty'] }),
      qc.invalidateQueries({ queryKey: repsKeys.stations(bodyId) }),
      qc.invalidateQueries({ queryKey: repsKeys.representatives(bodyId) }),
    ]),
  });
}
