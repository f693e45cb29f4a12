import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTimeline, phaseOf } from '../../shared/portal-timeline.js';
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
});
