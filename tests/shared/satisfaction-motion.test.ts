import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeProject, motionPasses } from '../../shared/counting/index.js';
import type { Grade } from '../../shared/types.js';

const LEVEL: Record<Grade, number> = { 不满意: 0, 基本满意: 1, 满意: 2 };

describe('gradeProject — rule of record', () => {
  it('满意 at exactly half of the base is not 满意', () => {
    // Roster 30: 15 满意 is exactly half; with 15 基本满意 the total 30 is more than half.
    expect(gradeProject({ satisfied: 15, basic: 15, unsatisfied: 0 }, 30).grade).toBe('基本满意');
    expect(gradeProject({ satisfied: 16, basic: 14, unsatisfied: 0 }, 30).grade).toBe('满意');
  });

  it('满意 + 基本满意 at exactly half of the base is 不满意 (含半数)', () => {
    expect(gradeProject({ satisfied: 10, basic: 5, unsatisfied: 10 }, 30).grade).toBe('不满意');
    expect(gradeProject({ satisfied: 10, basic: 6, unsatisfied: 9 }, 30).grade).toBe('基本满意');
  });

  it('counts against the base, so absent members weigh like 不满意 for the grade but not for the rate', () => {
    // 20 present of a 50-member committee, all 满意: 20 is not more than half of 50.
    const outcome = gradeProject({ satisfied: 20, basic: 0, unsatisfied: 0 }, 50);
    expect(outcome.grade).toBe('不满意');
    expect(outcome.rate).toBe(1);
  });

  it('满意率 = (满意 + 基本满意) / ballots cast, 0 with no ballots', () => {
    expect(gradeProject({ satisfied: 20, basic: 8, unsatisfied: 1 }, 29).rate).toBeCloseTo(28 / 29, 12);
    expect(gradeProject({ satisfied: 0, basic: 0, unsatisfied: 0 }, 29)).toEqual({ grade: '不满意', rate: 0 });
  });

  const arbCounts = fc
    .record({ s: fc.nat(100), b: fc.nat(100), u: fc.nat(100), extra: fc.nat(100) })
    .map(({ s, b, u, extra }) => ({ counts: { satisfied: s, basic: b, unsatisfied: u }, base: s + b + u + extra }));

  it('moving one vote upward (不满意→基本满意→满意) never lowers the grade', () => {
    fc.assert(
      fc.property(arbCounts, ({ counts, base }) => {
        const g = LEVEL[gradeProject(counts, base).grade];
        if (counts.unsatisfied > 0) {
          const up = { ...counts, unsatisfied: counts.unsatisfied - 1, basic: counts.basic + 1 };
          expect(LEVEL[gradeProject(up, base).grade]).toBeGreaterThanOrEqual(g);
        }
        if (counts.basic > 0) {
          const up = { ...counts, basic: counts.basic - 1, satisfied: counts.satisfied + 1 };
          expect(LEVEL[gradeProject(up, base).grade]).toBeGreaterThanOrEqual(g);
        }
      }),
    );
  });

  it('a larger base never raises the grade', () => {
    fc.assert(
      fc.property(arbCounts, fc.nat(50), ({ counts, base }, more) => {
        expect(LEVEL[gradeProject(counts, base + more).grade]).toBeLessThanOrEqual(LEVEL[gradeProject(counts, base).grade]);
      }),
    );
  });

  it('rate stays within 0..1', () => {
    fc.assert(
      fc.property(arbCounts, ({ counts, base }) => {
        const { rate } = gradeProject(counts, base);
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('motionPasses', () => {
  it('needs more than half of the base', () => {
    expect(motionPasses(150, 300)).toBe(false);
    expect(motionPasses(151, 300)).toBe(true);
    expect(motionPasses(15, 29)).toBe(true);
    expect(motionPasses(14, 29)).toBe(false);
    expect(motionPasses(0, 0)).toBe(false);
  });

  it('agrees with yes/base > 1/2 without floating point', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (yes, base) => {
        expect(motionPasses(yes, base)).toBe(yes * 2 > base);
        if (base % 2 === 0) expect(motionPasses(base / 2, base)).toBe(false);
      }),
    );
  });
});
