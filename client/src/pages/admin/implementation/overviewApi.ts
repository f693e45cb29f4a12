// 实施督办 for staff: the year's overview (projects, groups, dashboard), supervision groups, carry-over.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../api';
import type { Execution, Grade } from '../../../../../shared/execution';
import type { YearDashboard } from '../../../../../shared/implementation-dashboard';

export interface GroupMember { id: string; name: string; delegation: string | null; lead: boolean; load: number }
export interface OverviewProject {
  id: string; bodyId: string; bodyName: string; title: string; year: number; department: string; category: string; investment: number | null;
  execution: Execution; percent: number; lastReport: string | null; overdue: boolean;
  group: GroupMember[]; groupSize: number; inspections: number; lastInspection: string | null; rectifications: number;
  grades: { ballotId: string; round: string; grade: Grade; rate: number }[];
  carriedOverFrom: number | null; carriedOverTo: number | null;
}
export interface YearOverview { bodyId: string; year: number; today: string; projects: OverviewProject[]; dashboard: YearDashboard }
export interface BodyMember { id: string; name: string; delegation: string | null; kind: string }

const enc = encodeURIComponent;
export const overviewKey = (bodyId: string, year: number) => ['body', bodyId, 'implementation', year] as const;

export const useYearOverview = (token: string, bodyId: string, year: number) =>
  useQuery({ queryKey: overviewKey(bodyId, year), queryFn: () => request<YearOverview>(`/api/bodies/${enc(bodyId)}/implementation?year=${year}`, { token }) });

export const useBodyMembers = (token: string, bodyId: string) =>
  useQuery({ queryKey: ['body', bodyId, 'members'], queryFn: () => request<BodyMember[]>(`/api/bodies/${enc(bodyId)}/members`, { token }), staleTime: 60_000 });

function useOverviewMutation<I>(bodyId: string, fn: (i: I) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['body', bodyId, 'implementation'] }) });
}

export const useSetGroup = (token: string, bodyId: string) => useOverviewMutation(bodyId, (g: { projectId: string; memberIds: string[]; leadMemberId: string }) =>
  request(`/api/projects/${enc(g.projectId)}/supervisors`, { token, method: 'PUT', body: { memberIds: g.memberIds, leadMemberId: g.leadMemberId } }));

export const useCarryOver = (token: string, bodyId: string) => useOverviewMutation(bodyId, (c: { projectId: string; toYear: number }) =>
  request(`/api/projects/${enc(c.projectId)}/carry-over`, { token, body: { toYear: c.toYear } }));
