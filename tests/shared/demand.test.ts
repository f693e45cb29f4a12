// The 民意指数's pure rule (shared/demand.ts): counting rows by project and channel, the bar's segments in the
// fixed channel order summing to exactly 100, and the bar's length never above the largest.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { barLength, channelShares, demandChannels, tallyDemand, type DemandRow } from '../../shared/demand.js';
import { suggestionChannels } from '../../shared/collection-schemas.js';

const channel = fc.constantFrom(...suggestionChannels);
const row = (ids: string[]) => fc.record({ projectId: fc.constantFrom(...ids, 'elsewhere'), channel, adopted: fc.boolean(), supporters: fc.integer({ min: 1, max: 50 }) });

describe('tallyDemand', () => {
  it('an example: a chain merged into an adopted suggestion', () => {
    const rows: DemandRow[] = [
      { projectId: 'a', channel: 'web', adopted: true, supporters: 3 },
      { projectId: 'a', channel: 'rep', adopted: false, supporters: 2 },
      { projectId: 'a', channel: 'station', adopted: false, supporters: 1 },
    ];
    expect(Object.fromEntries(tallyDemand(['a', 'b'], rows))).toEqual({
      a: { supporters: 3, suggestions: 3, byChannel: { web: 1, rep: 1, station: 1 } },
      b: { supporters: 0, suggestions: 0, byChannel: {} },
    });
  });

  it('every asked project is present; channels sum to suggestions; only asked projects counted', () => {
    const ids = ['p1', 'p2', 'p3'];
    fc.assert(fc.property(fc.array(row(ids), { maxLength: 60 }), (rows) => {
      const d = tallyDemand(ids, rows);
      expect([...d.keys()]).toEqual(ids);
      for (const id of ids) {
        const mine = rows.filter((r) => r.projectId === id);
        const e = d.get(id)!;
        expect(e.suggestions).toBe(mine.length);
        expect(Object.values(e.byChannel).reduce((s, n) => s + (n ?? 0), 0)).toBe(mine.length);
        expect(e.supporters).toBe(mine.filter((r) => r.adopted).reduce((s, r) => s + r.supporters, 0));
        expect(Object.values(e.byChannel).every((n) => (n ?? 0) > 0)).toBe(true);
      }
    }));
  });
});

describe('channelShares', () => {
  it('orders every channel of the schemas, each once', () => {
    expect([...demandChannels].sort()).toEqual([...suggestionChannels].sort());
  });


  it('an example: thirds round to 34/33/33 by largest remainder, in channel order', () => {
    expect(channelShares({ station: 1, web: 1, rep: 1 })).toEqual([
      { channel: 'web', count: 1, percent: 34 }, { channel: 'station', count: 1, percent: 33 }, { channel: 'rep', count: 1, percent: 33 },
    ]);
    expect(channelShares({})).toEqual([]);
  });

  it('sums to 100, keeps the fixed channel order, each share within one point of exact', () => {
    fc.assert(fc.property(fc.dictionary(channel, fc.integer({ min: 0, max: 10_000 })), (by) => {
      const shares = channelShares(by);
      const total = Object.values(by).reduce((s, n) => s + n, 0);
      if (!total) { expect(shares).toEqual([]); return; }
      expect(shares.reduce((s, p) => s + p.percent, 0)).toBe(100);
      const order = shares.map((p) => suggestionChannels.indexOf(p.channel));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const p of shares) {
        expect(p.count).toBeGreaterThan(0);
        expect(Math.abs(p.percent - (p.count * 100) / total)).toBeLessThan(1);
      }
    }));
  });
});

describe('barLength', () => {
  it('is 0–100, 100 for the largest, monotone in the count', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (a, b, largest) => {
      const [x, y] = [Math.min(a, largest), Math.min(b, largest)];
      expect(barLength(x, largest)).toBeGreaterThanOrEqual(0);
      expect(barLength(x, largest)).toBeLessThanOrEqual(100);
      expect(barLength(largest, largest)).toBe(100);
      if (x <= y) expect(barLength(x, largest)).toBeLessThanOrEqual(barLength(y, largest));
    }));
    expect(barLength(5, 0)).toBe(0);
  });
});
