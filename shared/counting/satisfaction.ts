import type { Grade } from '../types.js';

export interface SatisfactionCounts {
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

export interface GradeOutcome {
  grade: Grade;
  /** 满意率 = (满意 + 基本满意) / ballots cast; 0 when nobody voted, so it is always a finite number. */
  rate: number;
}

/**
 * Rule of record (PROCESS.md, e.g. a district standing committee's 2022 notice):
 * 满意 when 满意 votes are more than half of the base; else 基本满意 when 满意 + 基本满意 are more
 * than half; else 不满意 — so exactly half is 不满意 at either step.
 * The grade is measured against the base (usually the whole roster), not against ballots cast:
 * members who stay away do not make a project look better.
 */
export function gradeProject(counts: SatisfactionCounts, base: number): GradeOutcome {
  const { satisfied: s, basic: b, unsatisfied: u } = counts;
  const grade: Grade = 2 * s > base ? '满意' : 2 * (s + b) > base ? '基本满意' : '不满意';
  const cast = s + b + u;
  return { grade, rate: cast === 0 ? 0 : (s + b) / cast };
}
