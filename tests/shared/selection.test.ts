import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectWinners, type SelectionCounts } from '../../shared/counting/index.js';
import type { OptionStatus } from '../../shared/types.js';

/** Candidates c1..cn with the given yes counts; no/abstain make up `cast`. */
function candidates(yes: number[], cast: number): SelectionCounts[] {
  return yes.map((y, i) => ({ id: `c${i + 1}`, title: `候选项目${i + 1}`, yes: y, no: Math.max(0, cast - y - 5), abstain: Math.min(5, cast - y) }));
}

function statusMap(outcome: ReturnType<typeof selectWinners>): Record<string, OptionStatus> {
  return Object.fromEntries(outcome.options.map((o) => [o.id, o.status]));
}

describe('selectWinners — examples from PROCESS.md', () => {
  it('12 candidates → 10 seats: the top ten by yes are selected', () => {
    // Base 300 (roster), 287 cast. c11 passes but ranks 11th; c12 has exactly half and does not pass.
    const yes = [251, 270, 262, 240, 233, 281, 199, 210, 226, 205, 160, 150];
    const out = selectWinners({ seats: 10, base: 300, options: candidates(yes, 287) });
    expect(out.selected).toEqual(['c6', 'c2', 'c3', 'c1', 'c4', 'c5', 'c9', 'c8', 'c10', 'c7']);
    expect(out.tied).toEqual([]);
    expect(out.shortfall).toBe(0);
    expect(out.options.map((o) => o.id)).toEqual(yes.map((_, i) => `c${i + 1}`)); // ballot order kept
    expect(statusMap(out).c11).toBe('passed_not_selected');
    expect(statusMap(out).c12).toBe('not_passed');
    expect(out.options[11].passed).toBe(false);
    expect(out.options[10].passed).toBe(true);
  });

  it('a tie at the boundary that would exceed N selects none of the tied', () => {
    // Ten seats; c10 and c11 both have 200 for the last seat.
    const yes = [290, 280, 270, 260, 250, 240, 230, 220, 210, 200, 200, 170];
    const out = selectWinners({ seats: 10, base: 300, options: candidates(yes, 295) });
    expect(out.selected).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
    expect(out.tied).toEqual(['c10', 'c11']);
    expect(out.shortfall).toBe(0);
    expect(statusMap(out).c10).toBe('tied');
    expect(statusMap(out).c11).toBe('tied');
    expect(statusMap(out).c12).toBe('passed_not_selected');
  });

  it('a tie at the boundary that fits in the remaining seats selects all of the tied', () => {
    const out = selectWinners({ seats: 3, base: 100, options: candidates([90, 80, 80, 60], 95) });
    expect(out.selected).toEqual(['c1', 'c2', 'c3']);
    expect(out.tied).toEqual([]);
    expect(statusMap(out).c4).toBe('passed_not_selected');
  });

  it('three tied for two remaining seats: all three go to a runoff', () => {
    const out = selectWinners({ seats: 3, base: 100, options: candidates([70, 90, 70, 70, 40], 95) });
    expect(out.selected).toEqual(['c2']);
    expect(out.tied).toEqual(['c1', 'c3', 'c4']);
    expect(3 - out.selected.length).toBe(2); // seats the runoff fills
    expect(statusMap(out).c5).toBe('not_passed');
  });

  it('a tie among candidates that do not pass is no tie at all', () => {
    // Only two pass for three seats; the 50-50 pair below the line is irrelevant.
    const out = selectWinners({ seats: 3, base: 100, options: candidates([60, 55, 50, 50], 99) });
    expect(out.selected).toEqual(['c1', 'c2']);
    expect(out.tied).toEqual([]);
    expect(out.shortfall).toBe(1);
  });

  it('fewer than N pass: all passing are selected and the shortfall is reported', () => {
    const yes = [200, 190, 180, 170, 160, 155, 152, 151, 150, 120, 90, 10];
    const out = selectWinners({ seats: 10, base: 300, options: candidates(yes, 280) });
    expect(out.selected).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']);
    expect(out.shortfall).toBe(2);
    expect(out.tied).toEqual([]);
  });

  it('exactly half of the base never passes; one more does', () => {
    const even = selectWinners({ seats: 2, base: 300, options: candidates([150, 151], 300) });
    expect(even.options.map((o) => o.passed)).toEqual([false, true]);
    // Odd base 301: half is 150.5, so 150 fails and 151 passes.
    const odd = selectWinners({ seats: 2, base: 301, options: candidates([150, 151], 301) });
    expect(odd.options.map((o) => o.passed)).toEqual([false, true]);
  });

  it('measures against the base, not against ballots cast', () => {
    // 180 of 200 cast voted yes, but the roster is 400: 180 is not more than half of 400.
    const out = selectWinners({ seats: 1, base: 400, options: candidates([180], 200) });
    expect(out.selected).toEqual([]);
    expect(out.shortfall).toBe(1);
  });

  it('rejects impossible inputs', () => {
    expect(() => selectWinners({ seats: 0, base: 10, options: [] })).toThrow(RangeError);
    expect(() => selectWinners({ seats: 1, base: 10, options: candidates([-1], 10) })).toThrow(RangeError);
    expect(() => selectWinners({ seats: 1.5, base: 10, options: [] })).toThrow(RangeError);
  });
});

/** A ballot: seats, base, and per-candidate yes counts not above the base. */
const arbSelection = fc
  .record({
    seats: fc.integer({ min: 1, max: 12 }),
    base: fc.integer({ min: 1, max: 60 }),
    yesFractions: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 15 }),
  })
  .map(({ seats, base, yesFractions }) => ({
    seats,
    base,
    // Coarse steps make ties and exact halves common, which is where the rules are tested.
    options: yesFractions.map((f, i) => {
      const yes = Math.round(((f % 11) / 10) * base);
      return { id: `p${i}`, title: `P${i}`, yes, no: base - yes, abstain: 0 };
    }),
  }));

const RANK: Record<OptionStatus, number> = { not_passed: 0, passed_not_selected: 1, tied: 2, selected: 3 };

describe('selectWinners — properties', () => {
  it('never selects more than N, and selected + shortfall ≤ N', () => {
    fc.assert(
      fc.property(arbSelection, (input) => {
        const out = selectWinners(input);
        expect(out.selected.length).toBeLessThanOrEqual(input.seats);
        expect(out.selected.length + out.shortfall).toBeLessThanOrEqual(input.seats);
      }),
    );
  });

  it('without a tie every seat is either filled or reported as shortfall', () => {
    fc.assert(
      fc.property(arbSelection, (input) => {
        const out = selectWinners(input);
        if (out.tied.length === 0) expect(out.selected.length + out.shortfall).toBe(input.seats);
      }),
    );
  });

  it('a tie exists only when the tied would not all fit, and leaves at least one seat for the runoff', () => {
    fc.assert(
      fc.property(arbSelection, (input) => {
        const out = selectWinners(input);
        if (out.tied.length === 0) return;
        const yesOf = new Map(input.options.map((o) => [o.id, o.yes]));
        const tiedYes = new Set(out.tied.map((id) => yesOf.get(id)));
        expect(tiedYes.size).toBe(1);
        expect(out.shortfall).toBe(0);
        expect(out.tied.length).toBeGreaterThanOrEqual(2);
        expect(out.selected.length).toBeLessThan(input.seats);
        // The tied candidates outnumber the seats left: that is why none is chosen.
        expect(out.tied.length).toBeGreaterThan(input.seats - out.selected.length);
        const y = [...tiedYes][0]!;
        for (const id of out.selected) expect(yesOf.get(id)!).toBeGreaterThan(y);
      }),
    );
  });

  it('passes exactly when 2·yes > base; a candidate at exactly half never passes', () => {
    fc.assert(
      fc.property(arbSelection, (input) => {
        const out = selectWinners(input);
        out.options.forEach((o, i) => {
          expect(o.passed).toBe(2 * input.options[i].yes > input.base);
          if (2 * o.yes === input.base) {
            expect(o.passed).toBe(false);
            expect(o.status).toBe('not_passed');
          }
          expect(o.status === 'not_passed').toBe(!o.passed);
        });
      }),
    );
  });

  it('ranks: anyone selected has at least as many yes as anyone passed but not selected', () => {
    fc.assert(
      fc.property(arbSelection, (input) => {
        const out = selectWinners(input);
        const chosen = out.options.filter((o) => o.status === 'selected' || o.status === 'tied').map((o) => o.yes);
        const left = out.options.filter((o) => o.status === 'passed_not_selected').map((o) => o.yes);
        if (chosen.length && left.length) expect(Math.min(...chosen)).toBeGreaterThan(Math.max(...left));
        // selected and tied are listed by yes descending
        const yesOf = new Map(input.options.map((o) => [o.id, o.yes]));
        const ys = out.selected.map((id) => yesOf.get(id)!);
        expect([...ys].sort((a, b) => b - a)).toEqual(ys);
      }),
    );
  });

  it('does not depend on the order of candidates on the ballot (except for listing order)', () => {
    fc.assert(
      fc.property(arbSelection, fc.func(fc.integer()), (input, key) => {
        const shuffled = { ...input, options: [...input.options].sort((a, b) => key(a.id) - key(b.id)) };
        const a = selectWinners(input);
        const b = selectWinners(shuffled);
        expect(new Set(b.selected)).toEqual(new Set(a.selected));
        expect(new Set(b.tied)).toEqual(new Set(a.tied));
        expect(b.shortfall).toBe(a.shortfall);
        expect(statusMap(b)).toEqual(statusMap(a));
        expect(b.options.map((o) => o.id)).toEqual(shuffled.options.map((o) => o.id));
      }),
    );
  });

  it('one more yes for a candidate never demotes it', () => {
    fc.assert(
      fc.property(arbSelection, fc.nat(), (input, pick) => {
        const i = pick % input.options.length;
        const target = input.options[i];
        if (target.yes >= input.base) return;
        const raised = {
          ...input,
          options: input.options.map((o, j) => (j === i ? { ...o, yes: o.yes + 1, no: o.no - 1 } : o)),
        };
        const before = statusMap(selectWinners(input))[target.id];
        const after = statusMap(selectWinners(raised))[target.id];
        expect(RANK[after]).toBeGreaterThanOrEqual(RANK[before]);
      }),
    );
  });
});
