/**
 * Ascending order by UTF-16 code unit — the order the box digest is defined in (API.md).
 * Spelled out instead of `localeCompare`, whose result depends on the runtime's locale data,
 * so server, browser and verifier always agree.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
