// 交办—反馈—回访 on the client: the staff's list (with the body's departments to refer to), the department's
// list, the department's answer and the staff's return call (API.md "Supervision tasks, referrals, the reserve").
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type Answer, type ApiQueries } from '../../api';

export type StaffReferral = Answer<'GET /api/bodies/:bodyId/referrals'>['referrals'][number];
export type DeptReferral = Answer<'GET /api/me/referrals'>[number];
export type ReferralFilter = NonNullable<NonNullable<ApiQueries['GET /api/bodies/:bodyId/referrals']>['state']>;
/** What a referral shows as: its state, or 逾期 when it is open past its due day. */
export type ReferralShown = 'open' | 'answered' | 'closed' | 'overdue';
export const shownState = (r: { state: string; overdue: boolean }): ReferralShown => (r.overdue ? 'overdue' : r.state as ReferralShown);

export const referralKeys = {
  body: (bodyId: string) => ['body', bodyId, 'referrals'] as const,
  list: (bodyId: string, state?: ReferralFilter) => ['body', bodyId, 'referrals', state ?? null] as const,
  mine: ['me', 'referrals'] as const,
};

export const useBodyReferrals = (token: string, bodyId: string, state?: ReferralFilter) => useQuery({
  queryKey: referralKeys.list(bodyId, state),
  queryFn: () => call('GET /api/bodies/:bodyId/referrals', { bodyId }, { token, query: state ? { state } : {} }),
  placeholderData: (previous) => previous,
});

export const useMyReferrals = (token: string) => useQuery({ queryKey: referralKeys.mine, queryFn: () => call('GET /api/me/referrals', { token }) });

export function useVisit(token: string, bodyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; date: string; satisfied: boolean; note: string }) => call('POST /api/referrals/:id/visit', { id }, { token, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: referralKeys.body(bodyId) }),
  });
}

export function useAnswer(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) => call('POST /api/referrals/:id/answer', { id }, { token, body: { text } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: referralKeys.mine }),
  });
}
