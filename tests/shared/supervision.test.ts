// PROCESS.md "Supervision colours and tasks, stated exactly", at its edges (30, 92 and 122 days; the 整改
// deadline; the day as it is in Asia/Shanghai) and as properties over any project and any day.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, rectifyByOf, supervisionColor, type ColorInput } from '../../shared/supervision.js';
import { executionStatus } from '../../shared/execution.js';

/** Noon in Shanghai on that day. */
const on = (day: string) => new Date(`${day}T04:00:00Z`);
const base: ColorInput = { reports: [], grades: [], plan: null, selectedOn: '2027-01-20', rectifyBy: null };
const colorOn = (day: string, i: Partial<ColorInput>) => supervisionColor({ ...base, ...i }, on(day));
const plan = (due: string, completionDate = '2027-12-31') => ({ milestones: [{ title: '开工', due }], completionDate });
const recent = [{ date: '2027-05-01', percent: 40 }];

describe('examples', () => {
  it('on course: green', () => {
    expect(colorOn('2027-05-10', { plan: plan('2027-06-01'), reports: recent })).toEqual({ color: 'green', reasons: [] });
  });

  it('behind: yellow up to 30 days after the missed date, red from the 31st', () => {
    const i = { plan: plan('2027-05-01'), reports: recent };
    expect(colorOn('2027-05-31', i).color).toBe('yellow'); // 30 days
    expect(colorOn('2027-06-01', i)).toEqual({ color: 'red', reasons: ['behind'] }); // 31 days
  });

  it('counts from the earliest missed date: the completion date when it comes first', () => {
    const i = { plan: { milestones: [{ title: '开工', due: '2027-05-20' }], completionDate: '2027-05-10' }, reports: [{ date: '2027-05-09', percent: 80 }] };
    expect(colorOn('2027-06-09', i).color).toBe('yellow'); // 30 days after 05-10
    expect(colorOn('2027-06-10', i).reasons).toEqual(['behind']);
  });

  it('no report: yellow after 92 days from the selection, red after 122', () => {
    expect(colorOn(addDays('2027-01-20', 92), {}).color).toBe('green');
    expect(colorOn(addDays('2027-01-20', 93), {}).color).toBe('yellow');
    expect(colorOn(addDays('2027-01-20', 122), {}).color).toBe('yellow');
    expect(colorOn(addDays('2027-01-20', 123), {})).toEqual({ color: 'red', reasons: ['report_overdue'] });
  });

  it('counts silence from the last report once there is one', () => {
    expect(colorOn(addDays('2027-05-01', 122), { reports: recent }).color).toBe('yellow');
    expect(colorOn(addDays('2027-05-01', 123), { reports: recent }).color).toBe('red');
  });

  it('rectifying: yellow until the 整改 deadline, red the day after', () => {
    const i = { reports: [{ date: '2027-09-01', percent: 100 }], grades: [{ publishedAt: '2027-10-10T02:00:00Z', grade: '不满意' as const }], rectifyBy: '2027-12-09' };
    expect(colorOn('2027-12-09', i).color).toBe('yellow');
    expect(colorOn('2027-12-10', i)).toEqual({ color: 'red', reasons: ['rectify_overdue'] });
  });

  it('done: blue, however late', () => {
    expect(colorOn('2028-06-01', { plan: plan('2027-03-01', '2027-04-01'), reports: [{ date: '2027-11-01', percent: 100 }] })).toEqual({ color: 'blue', reasons: [] });
  });

  it('names every reason that holds, in the rule\'s order', () => {
    expect(colorOn('2027-12-01', { plan: plan('2027-02-01') }).reasons).toEqual(['behind', 'report_overdue']);
  });

  it('takes the day in Asia/Shanghai: 16:00 UTC is already the next day', () => {
    const i = { plan: plan('2027-05-01'), reports: recent };
    expect(supervisionColor({ ...base, ...i }, new Date('2027-05-31T15:59:00Z')).color).toBe('yellow');
    expect(supervisionColor({ ...base, ...i }, new Date('2027-05-31T16:00:00Z')).color).toBe('red');
  });
});

describe('the 整改 deadline', () => {
  it('is the latest grade\'s publication day in Shanghai + the days, when that grade is 不满意', () => {
    expect(rectifyByOf([{ publishedAt: '2027-10-09T17:00:00Z', grade: '不满意' }], 60)).toBe(addDays('2027-10-10', 60));
    expect(rectifyByOf([{ publishedAt: '2027-10-09T02:00:00Z', grade: '不满意' }, { publishedAt: '2027-11-01T02:00:00Z', grade: '基本满意' }], 60)).toBeNull();
    expect(rectifyByOf([], 60)).toBeNull();
  });
});

describe('properties', () => {
  const dayArb = fc.integer({ min: 0, max: 900 }).map((d) => addDays('2026-06-01', d));
  const input: fc.Arbitrary<ColorInput> = fc.record({
    plan: fc.option(fc.record({ milestones: fc.array(fc.record({ title: fc.constantFrom('a', 'b'), due: dayArb }), { maxLength: 3 }), completionDate: dayArb }), { nil: null }),
    reports: fc.array(fc.record({ date: dayArb, percent: fc.integer({ min: 0, max: 100 }), milestone: fc.option(fc.constantFrom('a', 'b'), { nil: null }) }), { maxLength: 4 }),
    grades: fc.array(fc.record({ publishedAt: dayArb.map((d) => `${d}T03:00:00Z`), grade: fc.constantFrom('满意' as const, '基本满意' as const, '不满意' as const) }), { maxLength: 2 }),
    selectedOn: dayArb,
    rectifyBy: fc.option(dayArb, { nil: null }),
  });
  const severity = { green: 0, yellow: 1, red: 2, blue: -1 } as const;

  it('blue exactly when done; red exactly when a reason holds; yellow only when something asks for attention', () => {
    fc.assert(fc.property(input, dayArb, (i, d) => {
      const { color, reasons } = supervisionColor(i, on(d));
      const { execution } = executionStatus(i, on(d));
      expect(color === 'blue').toBe(execution === 'done');
      expect(color === 'red').toBe(reasons.length > 0);
      expect(reasons).toEqual((['behind', 'report_overdue', 'rectify_overdue'] as const).filter((r) => reasons.includes(r)));
      if (color === 'green') expect(['not_started', 'in_progress']).toContain(execution);
      if (reasons.includes('rectify_overdue')) expect(execution).toBe('rectifying');
    }), { numRuns: 500 });
  });

  it('never gets better by waiting: with nothing reported, a later day is as severe or more', () => {
    fc.assert(fc.property(input, dayArb, fc.integer({ min: 1, max: 200 }), (i, d, later) => {
      const a = supervisionColor(i, on(d)).color;
      const b = supervisionColor(i, on(addDays(d, later))).color;
      if (a !== 'blue') expect(severity[b]).toBeGreaterThanOrEqual(severity[a]);
    }), { numRuns: 500 });
  });
});
