// 操作记录 · the body's trail (GET /api/bodies/:bodyId/audit): one page of 50, newest first, by stage and subject.
import { useQuery } from '@tanstack/react-query';
import { queryString, request } from '../../../api';
import type { AuditItem, AuditStage } from '../../../../../shared/audit';

export interface TrailFilters { stage?: AuditStage; subject?: string; offset: number; limit: number }
export interface TrailPage { total: number; offset: number; limit: number; items: AuditItem[] }


export const trailKeys = {
  all: (bodyId: string) => ['body', bodyId, 'audit'] as const,
  page: (bodyId: string, f: TrailFilters) => ['body', bodyId, 'audit', f] as const,
};

export const useTrail = (token: string, bodyId: string, f: TrailFilters) => useQuery({
  queryKey: trailKeys.page(bodyId, f),
  queryFn: () => request<TrailPage>(`/api/bodies/${encodeURIComponent(bodyId)}/audit?${queryString(f)}`, { token }),
  placeholderData: (previous) => previous,
});
