// The inbox's facets from grouped counts equal counting the suggestions one by one under the filters.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { facetCounts, facetFields, type FacetFilters, type FacetGroup } from '../../shared/inbox-facets.js';

const value = (field: string) => fc.constantFrom(`${field}1`, `${field}2`, `${field}3`);
const suggestion = fc.record({ status: value('s'), category: value('c'), channel: value('ch'), stationId: fc.option(value('st'), { nil: null }) });
const filters = fc.record({ status: value('s'), category: value('c'), channel: value('ch'), stationId: value('st') }, { requiredKeys: [] });

/** What the inbox did before: one count per facet over the rows under the other filters. */
function naive(rows: Omit<FacetGroup, 'n'>[], f: FacetFilters) {
  const passes = (r: Omit<FacetGroup, 'n'>, except?: string) => facetFields.every((k) => k === except || f[k] === undefined || r[k] === f[k]);
  const facets = Object.fromEntries(facetFields.map((k) => {
    const counts: Record<string, number> = {};
    for (const r of rows) if (passes(r, k) && r[k] !== null) counts[r[k]!] = (counts[r[k]!] ?? 0) + 1;
    return [k, counts];
  }));
  return { total: rows.filter((r) => passes(r)).length, facets };
}

/** The same rows grouped (as the kept counts hold them), with some emptied groups (n = 0) left behind. */
function grouped(rows: Omit<FacetGroup, 'n'>[], empties: Omit<FacetGroup, 'n'>[]): FacetGroup[] {
  const m = new Map<string, FacetGroup>();
  for (const r of rows) {
    const k = JSON.stringify(r);
    const g = m.get(k) ?? { ...r, n: 0 };
    g.n++;
    m.set(k, g);
  }
  for (const e of empties) if (!m.has(JSON.stringify(e))) m.set(JSON.stringify(e), { ...e, n: 0 });
  return [...m.values()];
}

describe('inbox facets from grouped counts', () => {
  it('equal counting the rows one by one, whatever the filters', () => {
    fc.assert(fc.property(fc.array(suggestion, { maxLength: 60 }), fc.array(suggestion, { maxLength: 5 }), filters, (rows, empties, f) => {
      expect(facetCounts(grouped(rows, empties), f)).toEqual(naive(rows, f));
    }), { numRuns: 500 });
  });

  it('a filter narrows the total and the other facets, never its own', () => {
    const groups: FacetGroup[] = [
      { status: 'received', category: '教育', channel: 'web', stationId: null, n: 3 },
      { status: 'adopted', category: '教育', channel: 'rep', stationId: 'st1', n: 2 },
      { status: 'received', category: '养老服务', channel: 'web', stationId: 'st1', n: 1 },
    ];
    expect(facetCounts(groups, { status: 'received' })).toEqual({
      total: 4,
      facets: { status: { received: 4, adopted: 2 }, category: { 教育: 3, 养老服务: 1 }, channel: { web: 4 }, stationId: { st1: 1 } },
    });
  });
});
