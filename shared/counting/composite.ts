// The combined satisfaction a body may publish (API.md "Evaluation"; 镇海 weighs 群众 60 / 官员 30 / 网络 10):
// each part is a 满意率 of its own counts, and the figure is their weighted mean over the parts present.
import type { SatisfactionCounts } from './satisfaction.js';

export type CompositePart = 'members' | 'public' | 'survey';
export type CompositeWeights = Record<CompositePart, number>;
export interface Composite {
  rate: number;
  parts: Partial<Record<CompositePart, number>>;
  weights: CompositeWeights;
}

const PARTS: readonly CompositePart[] = ['members', 'public', 'survey'];

/** (satisfied + basic) / all three, or null when there are no counts at all. */
export function satisfactionRate(c: SatisfactionCounts): number | null {
  const all = c.satisfied + c.basic + c.unsatisfied;
  return all === 0 ? null : (c.satisfied + c.basic) / all;
}

/** Weights are each ≥ 0 and sum to 1 within 0.001 (a rule written as 0.6 / 0.3 / 0.1 passes however it adds up). */
export function weightsValid(w: CompositeWeights): boolean {
  const values = PARTS.map((p) => w[p]);
  return values.every((v) => Number.isFinite(v) && v >= 0) && Math.abs(values.reduce((a, b) => a + b, 0) - 1) <= 0.001;
}

/**
 * rate = Σ weight × part / Σ weight over the parts present, rounded to four decimals; the parts themselves
 * unrounded. Null without a rule, with no part present, or when every present part weighs nothing.
 */
export function compositeSatisfaction(counts: Partial<Record<CompositePart, SatisfactionCounts | null>>, weights: CompositeWeights | null): Composite | null {
  if (!weights) return null;
  const parts: Partial<Record<CompositePart, number>> = {};
  let weighted = 0;
  let total = 0;
  for (const p of PARTS) {
    const c = counts[p];
    const rate = c ? satisfactionRate(c) : null;
    if (rate === null) continue;
    parts[p] = rate;
    weighted += weights[p] * rate;
    total += weights[p];
  }
  if (Object.keys(parts).length === 0 || total === 0) return null;
  return { rate: Math.round((weighted / total) * 10_000) / 10_000, parts, weights };
}
