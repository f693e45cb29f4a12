// Random inputs for shared/portal-timeline.ts, shared by its property tests (tests/shared) and the client's
// rendering of the same entries (tests/client/timelineText.test.ts). Not a test file itself.
import fc from 'fast-check';
import type { TimelineInput } from '../../shared/portal-timeline.js';

export const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
export const instant = fc.tuple(day, fc.integer({ min: 0, max: 86_399_999 })).map(([d, ms]) => new Date(Date.parse(`${d}T00:00:00Z`) + ms).toISOString());
// Department and milestone names are user-written, so Chinese here: a reader's language does not translate them.
export const departments = ['教育局', '交通局'];
export const milestones = ['开工', '竣工'];
export const timelineInput: fc.Arbitrary<TimelineInput> = fc.record({
  suggestions: fc.option(fc.record({ at: instant, count: fc.nat(50), supporters: fc.nat(500) }), { nil: null }),
  listedAt: fc.option(instant, { nil: null }),
  vote: fc.option(fc.record({ at: instant, yes: fc.nat(500), selected: fc.boolean() }), { nil: null }),
  plan: fc.option(fc.record({ at: instant, department: fc.constantFrom(...departments), completionDate: day }), { nil: null }),
  reports: fc.array(fc.record({ date: day, percent: fc.integer({ min: 0, max: 100 }), milestone: fc.option(fc.constantFrom(...milestones), { nil: null }) }), { maxLength: 6 }),
  rectifications: fc.array(fc.record({ date: day }), { maxLength: 3 }),
  inspections: fc.array(fc.record({ date: day }), { maxLength: 3 }),
  grades: fc.array(fc.record({ publishedAt: instant, round: fc.constantFrom('midyear', 'yearend', 'rectification'), grade: fc.constantFrom('满意', '基本满意', '不满意'), rate: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 3 }),
  carriedOver: fc.option(fc.record({ at: instant, toYear: fc.integer({ min: 2027, max: 2030 }) }), { nil: null }),
});
