// The inbox's total and facets from grouped counts (rows of status × category × channel × station with how
// many suggestions each): a facet counts, for each value of its field, the suggestions that pass every
// other filter (what choosing that value would show); the total those that pass them all. The server reads
// the groups from its kept counts (no search) or groups the search's matches (one scan); either way the
// arithmetic is this.

export const facetFields = ['status', 'category', 'channel', 'stationId'] as const;
export type FacetField = (typeof facetFields)[number];

/** One group of suggestions; `stationId` null when they came through no station. */
export type FacetGroup = Record<FacetField, string | null> & { n: number };
export type FacetFilters = Partial<Record<FacetField, string>>;

export interface FacetCounts { total: number; facets: Record<FacetField, Record<string, number>> }

export function facetCounts(groups: readonly FacetGroup[], filters: FacetFilters): FacetCounts {
  const facets = { status: {}, category: {}, channel: {}, stationId: {} } as Record<FacetField, Record<string, number>>;
  let total = 0;
  const active = facetFields.filter((f) => filters[f] !== undefined);
  for (const g of groups) {
    if (g.n <= 0) continue;
    const failing = active.filter((f) => g[f] !== filters[f]);
    if (failing.length === 0) total += g.n;
    if (failing.length > 1) continue;
    for (const f of facetFields) {
      // a group counts in a field's facet when it passes every filter but (perhaps) that field's own
      if (failing.length === 1 && failing[0] !== f) continue;
      const key = g[f];
      if (key === null) continue;
      facets[f][key] = (facets[f][key] ?? 0) + g.n;
    }
  }
  return { total, facets };
}
