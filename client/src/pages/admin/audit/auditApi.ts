// 操作记录 · the body's trail (GET /api/bodies/:bodyId/audit): one page of 50, newest first, by stage and subject.
import { useQuery } from '@tanstack/react-query';
import { call, type ApiQueries } from '../../../api';

/** The trail's query (offset and limit, which the server coerces from text, as numbers). */
export type TrailFilters = Omit<NonNullable<ApiQueries['GET /api/bodies/:bodyId/audit']>, 'offset' | 'limit'> & { offset: number; limit: number };

export const trailKeys = {
  all: (bodyId: string) => ['body', bodyId, 'audit'] as const,
  page: (bodyId: string, f: TrailFilters) => ['body', bodyId, 'audit', f] as const,
};

export const useTrail = (token: string, bodyId: string, f: TrailFilters) => useQuery({
  queryKey: trailKeys.page(bodyId, f),
  queryFn: () => call('GET /api/bodies/:bodyId/audit', { bodyId }, { token, query: f }),
  placeholderData: (previous) => previous,
});
