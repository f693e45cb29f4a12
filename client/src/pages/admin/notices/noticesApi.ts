// 通知 · the body's outbox (GET /api/bodies/:bodyId/notifications): a page of notices to people, newest first,
// numbers masked by the server; a failed one is sent again with POST /api/notifications/:id/retry.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type Answer, type ApiQueries } from '../../../api';

export type NoticeFilters = Omit<NonNullable<ApiQueries['GET /api/bodies/:bodyId/notifications']>, 'offset' | 'limit'> & { offset: number; limit: number };
export type NoticeItem = Answer<'GET /api/bodies/:bodyId/notifications'>['items'][number];
export const NOTICE_STATUSES = ['pending', 'sent', 'failed'] as const;
export const NOTICE_KINDS = ['suggestion_status', 'rep_suggestion', 'dossier', 'task', 'red'] as const;

export const noticeKeys = {
  all: (bodyId: string) => ['body', bodyId, 'notifications'] as const,
  page: (bodyId: string, f: NoticeFilters) => ['body', bodyId, 'notifications', f] as const,
};

export const useNotices = (token: string, bodyId: string, f: NoticeFilters) => useQuery({
  queryKey: noticeKeys.page(bodyId, f),
  queryFn: () => call('GET /api/bodies/:bodyId/notifications', { bodyId }, { token, query: f }),
  placeholderData: (previous) => previous,
  // a notice waiting to go out is sent within a minute or two: the page follows it while one is shown
  refetchInterval: (q) => (q.state.data?.items.some((n) => n.status === 'pending') ? 5000 : false),
});

export function useRetryNotice(token: string, bodyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('POST /api/notifications/:id/retry', { id }, { token }),
    onSettled: () => qc.invalidateQueries({ queryKey: noticeKeys.all(bodyId) }),
  });
}

/** PUT /api/members/:memberId/phone: the number a member's notices go to (null removes it); the roster is fetched again. */
export function useSetMemberPhone(token: string, bodyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, phone }: { memberId: string; phone: string | null }) => call('PUT /api/members/:memberId/phone', { memberId }, { token, body: { phone } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['body', bodyId, 'members'] }),
  });
}

/** A member's number as the roster answers it to an admin (the field is left out for anyone else). */
export const phoneOf = (m: object): string | null => ('phone' in m && typeof m.phone === 'string' ? m.phone : null);
