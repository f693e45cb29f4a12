// Pure rules of screening, shared by server and client.

/** The default 差额 ratio below which a candidate list is warned about (PROCESS.md: observed 1.2×–2×). */
export const defaultRatio = 1.2;

/**
 * Warnings for a list of `candidates` for `seats` (never a refusal): fewer candidates than `ratio × seats`.
 * Compared in integers (candidates × 10⁶ < ratio × 10⁶ × seats), so 12 for 10 at 1.2 is exactly enough.
 */
export function differentialWarnings(candidates: number, seats: number, ratio = defaultRatio): { code: string; message: string; needed: number }[] {
  const scaled = Math.round(ratio * 1_000_000);
  if (candidates * 1_000_000 >= scaled * seats) return [];
  const needed = Math.ceil((scaled * seats) / 1_000_000);
  return [{
    code: 'ratio_below',
    message: `候选项目 ${candidates} 个、名额 ${seats} 个，差额比例低于 ${ratio} 倍（至少需要 ${needed} 个） / ${candidates} candidates for ${seats} seats is below ${ratio}× (${needed} needed)`,
    needed,
  }];
}

/** The 差额 ratio of a list, e.g. 1.2 for 12 candidates and 10 seats. */
export const differentialRatio = (candidates: number, seats: number) => (seats > 0 ? candidates / seats : 0);
