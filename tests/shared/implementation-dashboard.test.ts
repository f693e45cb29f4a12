// The year's implementation dashboard: counts that add up, the quarter's edges, overdue by department.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { executions, quarterStart, summarizeYear, type OverviewProject } from '../../shared/implementation-dashboard.js';
import type { Execution, Grade } from '../../shared/execution.js';

const p = (over: Partial<OverviewProject>): OverviewProject => ({
  id: 'p', department: '县教育局', execution: 'in_progress', overdue: false, groupSize: 10, lastInspection: '2027-07-02', grades: [], ...over,
});

describe('quarterStart', () => {
  it('is the first day of the quarter, at both edges', () => {
    expect(quarterStart('2027-01-01')).toBe('2027-01-01');
    expect(quarterStart('2027-03-31')).toBe('2027-01-01');
    expect(quarterStart('2027-04-01')).toBe('2027-04-01');
    expect(quarterStart('2027-12-31')).toBe('2027-10-01');
  });
});

describe('summarizeYear', () => {
  it('counts overdue reports by department, most first', () => {
    const s = summarizeYear([
      p({ department: 'A', overdue: true }), p({ department: 'B', overdue: true }), p({ department: 'B', overdue: true }), p({ department: 'C' }),
    ], '2027-08-01');
    expect(s.overdueByDepartment).toEqual([{ department: 'B', overdue: 2, projects: 2 }, { department: 'A', overdue: 1, projects: 1 }]);
  });

  it('finds projects without a group and groups without an inspection this quarter', () => {
    const s = summarizeYear([
      p({ groupSize: 0, lastInspection: null }),
      p({ lastInspection: '2027-06-30' }), // last quarter
      p({ lastInspection: '2027-07-01' }), // this quarter
      p({ lastInspection: null }),
      p({ lastInspection: null, execution: 'done' }), // finished: no more visits needed
    ], '2027-08-01');
    expect(s.coverage).toEqual({ withoutGroup: 1, notInspectedThisQuarter: 2 });
  });

  it('counts grades per round', () => {
    const s = summarizeYear([
      p({ grades: [{ round: 'midyear', grade: '不满意' }, { round: 'rectification', grade: '满意' }] }),
      p({ grades: [{ round: 'midyear', grade: '满意' }] }),
    ], '2027-08-01');
    expect(s.gradesByRound.midyear).toEqual({ 满意: 1, 基本满意: 0, 不满意: 1 });
    expect(s.gradesByRound.rectification.满意).toBe(1);
    expect(s.gradesByRound.yearend).toEqual({ 满意: 0, 基本满意: 0, 不满意: 0 });
  });

  it('adds up: every project in exactly one execution, every overdue project in its department', () => {
    const project = fc.record({
      id: fc.string(), department: fc.constantFrom('A', 'B', 'C'), execution: fc.constantFrom<Execution>(...executions), overdue: fc.boolean(),
      groupSize: fc.nat(12), lastInspection: fc.option(fc.constantFrom('2027-03-31', '2027-04-01', '2027-09-30')),
      grades: fc.array(fc.record({ round: fc.constantFrom('midyear', 'yearend', 'rectification'), grade: fc.constantFrom<Grade>('满意', '基本满意', '不满意') }), { maxLength: 3 }),
    });
    fc.assert(fc.property(fc.array(project, { maxLength: 40 }), (list) => {
      const s = summarizeYear(list, '2027-05-15');
      expect(Object.values(s.byExecution).reduce((a, b) => a + b, 0)).toBe(list.length);
      expect(s.overdueByDepartment.reduce((a, d) => a + d.overdue, 0)).toBe(list.filter((x) => x.overdue).length);
      expect(s.coverage.withoutGroup + s.coverage.notInspectedThisQuarter).toBeLessThanOrEqual(list.length);
      const graded = Object.values(s.gradesByRound).flatMap((r) => Object.values(r)).reduce((a, b) => a + b, 0);
      expect(graded).toBe(list.reduce((a, x) => a + x.grades.length, 0));
    }));
  });
});
