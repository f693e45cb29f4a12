// PROCESS.md "Project execution, stated exactly", with its examples at the edges: a milestone due
// yesterday, today and tomorrow; the day as it is in Asia/Shanghai; grades and 100 % reports.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysBetween, executionStatus, reportOverdue, shanghaiDate, type ExecutionInput } from '../../shared/execution.js';

// 2027-06-30T17:00Z is already 1 July in Shanghai.
const now = new Date('2027-06-30T17:00:00Z');
const plan = (due: string, completionDate = '2027-12-31') => ({ milestones: [{ title: '开工', due }], completionDate });
const run = (i: Partial<ExecutionInput>) => executionStatus({ reports: [], grades: [], ...i }, now);

describe('the day', () => {
  it('is the calendar day in Asia/Shanghai', () => {
    expect(shanghaiDate(now)).toBe('2027-07-01');
    expect(shanghaiDate(new Date('2027-06-30T15:59:59Z'))).toBe('2027-06-30');
  });
});

describe('execution status', () => {
  it('is not started with a plan and no report, in progress with one', () => {
    expect(run({ plan: plan('2027-09-01') })).toEqual({ execution: 'not_started', percent: 0 });
    expect(run({ plan: plan('2027-09-01'), reports: [{ date: '2027-06-01', percent: 30 }] })).toEqual({ execution: 'in_progress', percent: 30 });
  });

  it('is behind once a milestone due before today is not reached — due yesterday, not today or tomorrow', () => {
    expect(run({ plan: plan('2027-06-30') }).execution).toBe('behind');
    expect(run({ plan: plan('2027-07-01') }).execution).toBe('not_started');
    expect(run({ plan: plan('2027-07-02') }).execution).toBe('not_started');
    expect(run({ plan: plan('2027-06-30'), reports: [{ date: '2027-06-29', percent: 40, milestone: '开工' }] }).execution).toBe('in_progress');
  });

  it('is behind after the completion date', () => {
    expect(run({ plan: plan('2027-09-01', '2027-06-30'), reports: [{ date: '2027-06-01', percent: 90 }] }).execution).toBe('behind');
  });

  it('is done when a report says 100 %, even late', () => {
    expect(run({ plan: plan('2027-01-01', '2027-03-01'), reports: [{ date: '2027-05-01', percent: 100 }] })).toEqual({ execution: 'done', percent: 100 });
  });

  it('is rectifying while the latest published grade is 不满意, until a later one is better', () => {
    const done = { reports: [{ date: '2027-05-01', percent: 100 }] };
    expect(run({ ...done, grades: [{ publishedAt: '2027-06-01T02:00:00Z', grade: '不满意' }] }).execution).toBe('rectifying');
    expect(run({ ...done, grades: [{ publishedAt: '2027-06-01T02:00:00Z', grade: '不满意' }, { publishedAt: '2027-06-20T02:00:00Z', grade: '基本满意' }] }).execution).toBe('done');
    expect(run({ ...done, grades: [{ publishedAt: '2027-06-20T02:00:00Z', grade: '不满意' }, { publishedAt: '2027-06-01T02:00:00Z', grade: '满意' }] }).execution).toBe('rectifying');
  });

  it('percent is the latest report\'s', () => {
    expect(run({ reports: [{ date: '2027-03-01', percent: 50 }, { date: '2027-06-01', percent: 35 }, { date: '2027-04-01', percent: 60 }] }).percent).toBe(35);
  });

  const dateArb = fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const input = fc.record({
    plan: fc.option(fc.record({ milestones: fc.array(fc.record({ title: fc.constantFrom('a', 'b', 'c'), due: dateArb }), { maxLength: 3 }), completionDate: dateArb }), { nil: null }),
    reports: fc.array(fc.record({ date: dateArb, percent: fc.integer({ min: 0, max: 100 }), milestone: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }) }), { maxLength: 5 }),
    grades: fc.array(fc.record({ publishedAt: dateArb.map((d) => `${d}T03:00:00Z`), grade: fc.constantFrom('满意' as const, '基本满意' as const, '不满意' as const) }), { maxLength: 3 }),
  });

  it('follows the rule\'s order for any input (property)', () => {
    fc.assert(fc.property(input, dateArb, (i, d) => {
      const at = new Date(`${d}T04:00:00Z`);
      const { execution, percent } = executionStatus(i, at);
      expect(percent).toBeGreaterThanOrEqual(0);
      expect(percent).toBeLessThanOrEqual(100);
      if (i.reports.length === 0) expect(percent).toBe(0);
      const worst = [...i.grades].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt)).at(-1);
      expect(execution === 'rectifying').toBe(worst?.grade === '不满意');
      if (execution !== 'rectifying') expect(execution === 'done').toBe(i.reports.some((r) => r.percent === 100));
      if (execution === 'not_started') expect(i.reports).toEqual([]);
      // without a plan a project cannot be behind
      if (!i.plan) expect(execution).not.toBe('behind');
    }));
  });
});

describe('overdue reports', () => {
  it('is overdue after 92 days without a report', () => {
    expect(daysBetween('2027-01-01', '2027-04-03')).toBe(92);
    expect(reportOverdue([{ date: '2027-03-31' }], '2027-01-01', new Date('2027-07-01T03:00:00Z'))).toBe(false);
    expect(reportOverdue([{ date: '2027-03-30' }], '2027-01-01', new Date('2027-07-01T03:00:00Z'))).toBe(true);
    expect(reportOverdue([], '2027-03-31', now)).toBe(false);
    expect(reportOverdue([], '2027-03-30', now)).toBe(true);
  });
});
