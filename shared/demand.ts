// The 民意指数 beside each candidate (API.md "Representatives and residents"): how many residents asked for a
// project and through which channels. Counted here from plain rows so the server, the tablet's bar and the
// tests share one rule; the order of the candidates is never touched (the index informs, it never ranks).
import type { SuggestionChannel } from './collection-schemas.js';

/** The bar's channel order (the tablet imports this without the schemas' zod; a test keeps it equal to suggestionChannels). */
export const demandChannels: readonly SuggestionChannel[] = ['web', 'station', 'rep', 'department', 'rep_code'];

export interface Demand {
  /** the residents behind the project, as the public lists count them (each adopted suggestion's supporters) */
  supporters: number;
  /** suggestions adopted into it, and every suggestion merged (transitively) into those */
  suggestions: number;
  /** those suggestions by channel: only channels with at least one */
  byChannel: Partial<Record<SuggestionChannel, number>>;
}

/** One suggestion of a project's tree: `adopted` ones carry the supporters the public lists sum. */
export interface DemandRow { projectId: string; channel: SuggestionChannel; adopted: boolean; supporters: number }

export const emptyDemand = (): Demand => ({ supporters: 0, suggestions: 0, byChannel: {} });

/** Each project's demand, every asked project present (an empty one when nothing was adopted into it). */
export function tallyDemand(projectIds: readonly string[], rows: readonly DemandRow[]): Map<string, Demand> {
  const out = new Map(projectIds.map((id) => [id, emptyDemand()]));
  for (const r of rows) {
    const d = out.get(r.projectId);
    if (!d) continue;
    d.suggestions += 1;
    d.byChannel[r.channel] = (d.byChannel[r.channel] ?? 0) + 1;
    if (r.adopted) d.supporters += r.supporters;
  }
  return out;
}

export interface ChannelShare { channel: SuggestionChannel; count: number; /** percent of the bar, 0–100 */ percent: number }

/**
 * The bar's segments, in the fixed order of the channels (never by size: the same colours in the same place
 * on every candidate), with whole percents that sum to exactly 100 when there is anything (largest remainders).
 */
export function channelShares(byChannel: Partial<Record<SuggestionChannel, number>>): ChannelShare[] {
  const parts = demandChannels.map((channel) => ({ channel, count: Math.max(0, Math.floor(byChannel[channel] ?? 0)) })).filter((p) => p.count > 0);
  const total = parts.reduce((s, p) => s + p.count, 0);
  if (!total) return [];
  const exact = parts.map((p) => (p.count * 100) / total);
  const shares = parts.map((p, i) => ({ ...p, percent: Math.floor(exact[i]) }));
  let left = 100 - shares.reduce((s, p) => s + p.percent, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i].percent += 1;
    left -= 1;
  }
  return shares;
}

/** The bar's length for one candidate, relative to the largest count of the ballot (0–100), never an order. */
export const barLength = (suggestions: number, largest: number): number =>
  largest > 0 ? Math.round((Math.max(0, Math.min(suggestions, largest)) * 100) / largest) : 0;
