// A seeded random source (mulberry32), so the same options always give the same city: ids, codes and
// figures included (the server's own ids are random; these only need to look like them).
export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  /** an opaque id in the server's alphabet and length (server/db/ids.ts) */
  id(): string;
  /** a tracking code in the alphabet of server/collection/suggestions.ts */
  trackingCode(): string;
}

const idAlphabet = '0123456789abcdefghjkmnpqrstvwxyz';
const codeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = (alphabet: string, n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * 32)];
    return s;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    id: () => word(idAlphabet, 16),
    trackingCode: () => word(codeAlphabet, 14),
  };
}
