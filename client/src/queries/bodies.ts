// The people's congresses (GET /api/bodies, public): one query for every screen that names a body or
// walks the tree — the public pages, the collection box and poster, notices, the admin office and the
// console's session list. The admin office invalidates it when it creates a body.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '../api';

export const bodiesQuery = queryOptions({ queryKey: ['bodies'] as const, queryFn: () => call('GET /api/bodies'), staleTime: 60_000 });

/** `enabled` false: not yet (a staff screen before its sign-in is known). */
export const useBodies = (enabled = true) => useQuery({ ...bodiesQuery, enabled });
