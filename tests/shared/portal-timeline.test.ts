import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTimeline, phaseOf, type TimelineInput } from '../../shared/portal-timeline.js';

const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const instant = fc.tuple(day, fc.integer({ min: 0, max: 86_399_999 })).map(([d, ms]) => new Date(Date.parse(`${d}T00:00:00Z`) + ms).toISOString());
const input: fc.Arbitrary<TimelineInput> = fc.record({
  suggestions: fc.option(fc.record({ at: instant, count: fc.nat(50), supporters: fc.nat(500) }), { nil: null }),
  listedAt: fc.option(instant, { nil: null }),
  vote: fc.option(fc.record({ at: instant, yes: fc.nat(500), selected: fc.boolean() }), { nil: null }),
  plan: fc.option(fc.record({ at: instant, department: fc.constantFrom('教育局', '交通局'), completionDate: day }), { nil: null }),
  reports: fc.array(fc.record({ date: day, percent: fc.integer({ min: 0, max: 100 }), milestone: fc.option(fc.constantFrom('开工', '竣工'), { nil: null }) }), { maxLength: 6 }),
  rectifications: fc.array(fc.record({ date: day }), { maxLength: 3 }),
  inspections: fc.array(fc.record({ date: day }), { maxLength: 3 }),
  grades: fc.array(fc.record({ publishedAt: instant, round: fc.constantFrom('midyear', 'yearend', 'rectification'), grade: fc.constantFrom('满意', '基本满意', '不满意'), rate: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 3 }),
  carriedOver: fc.option(fc.record({ at: instant, toYear: fc.integer({ min: 2027, max: 2030 }) }), { nil: null }),
});
const order = ['suggested', 'listed', 'voted', 'assigned', 'progress', 'rectification', 'inspected', 'graded', 'carried_over'];

describe('public timeline', () => {
  it('has one entry per event, ordered by day and, within a day, in process order, each in its phase', () => {
    fc.assert(fc.property(input, (i) => {
      const t = buildTimeline(i);
      const events = [i.suggestions, i.listedAt, i.vote, i.plan, i.carriedOver].filter((x) => x !== null).length + i.reports.length + i.rectifications.length + i.inspections.length + i.grades.length;
      expect(t).toHaveLength(events);
      for (let k = 1; k < t.length; k++) {
        const [a, b] = [t[k - 1], t[k]];
        expect(a.at.slice(0, 10) <= b.at.slice(0, 10)).toBe(true);
        if (a.at.slice(0, 10) === b.at.slice(0, 10)) expect(order.indexOf(a.stage) <= order.indexOf(b.stage)).toBe(true);
      }
      for (const e of t) {
        expect(e.phase).toBe(phaseOf[e.stage]);
        expect(e.text.length).toBeGreaterThan(0);
      }
    }));
  });

  it('writes the numbers into the text and the data', () => {
    const t = buildTimeline({ suggestions: { at: '2026-09-01T02:00:00.000Z', count: 3, supporters: 7 }, listedAt: null, vote: { at: '2027-01-10T02:00:00.000Z', yes: 280, selected: true }, plan: null, reports: [{ date: '2027-03-01', percent: 30, milestone: '开工' }], rectifications: [], inspections: [], grades: [], carriedOver: null });
    expect(t.map((e) => [e.stage, e.phase, e.text])).toEqual([
      ['suggested', '点单', '群众提出建议 3 条，7 人支持'], ['voted', '定单', '代表票决通过，赞成 280 票'], ['progress', '办单', '进度 30%，开工'],
    ]);
    expect(t[1].data).toEqual({ yes: 280, selected: true });
  });
});
