import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignedAt, buildTimeline, phaseOf } from '../../shared/portal-timeline.js';
import { timelineInput as input } from './timeline-input.js';

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

  it('says nothing in the text that is not in stage + data (clients rebuild the sentence from them)', () => {
    fc.assert(fc.property(input, input, (i, j) => {
      const seen = new Map<string, string>();
      for (const e of [...buildTimeline(i), ...buildTimeline(j)]) {
        const key = JSON.stringify([e.stage, e.data ?? null]);
        if (seen.has(key)) expect(e.text).toBe(seen.get(key));
        else seen.set(key, e.text);
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

  // issue 25: a plan edited after the work was done must not put 派单 after the completion in 大事记
  it('puts 派单 no later than the first progress report, whenever the plan was last written', () => {
    const t = buildTimeline({ suggestions: null, listedAt: null, vote: null, plan: { at: '2026-12-07T10:00:00.000Z', department: '县教育局', completionDate: '2026-09-30' },
      reports: [{ date: '2026-03-28', percent: 20, milestone: null }, { date: '2026-09-20', percent: 100, milestone: null }], rectifications: [], inspections: [], grades: [], carriedOver: null });
    expect(t.map((e) => e.stage)).toEqual(['assigned', 'progress', 'progress']);
    expect(t[0].at).toBe('2026-03-28');
    fc.assert(fc.property(input, (i) => {
      if (!i.plan) return;
      const at = assignedAt(i.plan.at, i.reports);
      expect(at.slice(0, 10) <= i.plan.at.slice(0, 10)).toBe(true);
      for (const r of i.reports) expect(at.slice(0, 10) <= r.date.slice(0, 10)).toBe(true);
    }));
  });
});
