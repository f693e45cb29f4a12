// The bars of a result or a tally: widths as shares of a scale, passed through CSS custom properties.
import type { CSSProperties } from 'react';

/** Row density class, so 20 candidates still fit one hall screen. */
export function density(n: number): string {
  return n > 18 ? 'rows--xdense' : n > 12 ? 'rows--dense' : '';
}

/** A count as a share of `of`, for a bar width. */
export function share(n: number, of: number): string {
  if (!of || of <= 0) return '0%';
  return `${Math.max(0, Math.min(100, (n / of) * 100)).toFixed(3)}%`;
}
/** Bar widths go through CSS custom properties (no inline style text, CSP friendly). */
export function vars(v: Record<string, string>): CSSProperties {
  return v as CSSProperties;
}
