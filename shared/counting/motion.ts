/**
 * A motion passes with more than half of the base voting yes.
 * `2 * yes > base` rather than `yes > base / 2` so odd bases need no rounding decision.
 */
export function motionPasses(yes: number, base: number): boolean {
  return 2 * yes > base;
}
