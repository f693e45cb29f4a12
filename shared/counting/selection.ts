import type { OptionStatus, SelectionOptionResult } from '../types.js';

export interface SelectionCounts {
  id: string;
  title: string;
  yes: number;
  no: number;
  abstain: number;
}

export interface SelectionInput {
  /** N, the number of projects to choose. */
  seats: number;
  /** Votes needed are "more than half of base" (base = roster or present, see PROCESS.md). */
  base: number;
  /** In ballot order. */
  options: SelectionCounts[];
}

export interface SelectionOutcome {
  /** Same order as the input (the order printed on the ballot). */
  options: SelectionOptionResult[];
  /** Rank order: yes descending, then ballot order. */
  selected: string[];
  /** Candidates tied at the boundary for the seats left after `selected`; rank (= ballot) order. */
  tied: string[];
  /** Seats left empty because fewer than N candidates passed. 0 when there is a tie. */
  shortfall: number;
}

/**
 * Winning rule of PROCESS.md "Counting, stated exactly".
 *
 * A tie at the boundary is never broken here (not by ballot order, not by lot): the law leaves it to
 * a runoff among exactly the tied candidates for the seats that remain (seats − selected.length),
 * so the tied candidates are reported and none of them is selected.
 * Ballot order is used only to list equal-yes candidates in a stable order.
 */
export function selectWinners(input: SelectionInput): SelectionOutcome {
  const { seats, base, options } = input;
  assertCount(seats, 'seats');
  if (seats < 1) throw new RangeError('seats must be at least 1');
  assertCount(base, 'base');
  for (const o of options) {
    assertCount(o.yes, `yes of ${o.id}`);
    assertCount(o.no, `no of ${o.id}`);
    assertCount(o.abstain, `abstain of ${o.id}`);
  }

  const passes = (o: SelectionCounts) => 2 * o.yes > base;
  // Stable sort (ES2019+) keeps ballot order among equal yes counts.
  const ranked = options.filter(passes).sort((a, b) => b.yes - a.yes);

  let selected: SelectionCounts[];
  let tied: SelectionCounts[] = [];
  let shortfall = 0;

  if (ranked.length < seats) {
    selected = ranked;
    shortfall = seats - ranked.length;
  } else {
    const boundary = ranked[seats - 1].yes; // y*
    const above = ranked.filter((o) => o.yes > boundary);
    const atBoundary = ranked.filter((o) => o.yes === boundary);
    const remaining = seats - above.length;
    if (atBoundary.length <= remaining) {
      selected = [...above, ...atBoundary];
    } else {
      selected = above;
      tied = atBoundary;
    }
  }

  const selectedIds = new Set(selected.map((o) => o.id));
  const tiedIds = new Set(tied.map((o) => o.id));
  const statusOf = (o: SelectionCounts): OptionStatus =>
    selectedIds.has(o.id) ? 'selected' : tiedIds.has(o.id) ? 'tied' : passes(o) ? 'passed_not_selected' : 'not_passed';

  return {
    options: options.map((o) => ({
      id: o.id,
      title: o.title,
      yes: o.yes,
      no: o.no,
      abstain: o.abstain,
      passed: passes(o),
      status: statusOf(o),
    })),
    selected: selected.map((o) => o.id),
    tied: tied.map((o) => o.id),
    shortfall,
  };
}

function assertCount(n: number, name: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}
