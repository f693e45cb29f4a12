// The tablet's drafts for 评议 (issue 24): a scored evaluation is complete only when every subject has a whole
// number within the scale, and whatever the tablet then sends is accepted by the server's own rule
// (shared/ballot-definition.ts validateChoices); a graded one is rated like a satisfaction ballot.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateChoices, type BallotDefinition } from '../../shared/ballot-definition';
import { draftComplete, draftToChoices, parseScore } from '../../client/src/pages/tablet/choices';

const options = [
  { id: 'd1', title: '县教育局' },
  { id: 'd2', title: '县卫健委' },
  { id: 'd3', title: '县交通运输局' },
];
const scored = (scale?: { min: number; max: number }) => ({ kind: 'evaluation' as const, form: 'score' as const, seats: null, options, scale: scale ?? null });
const definition = (scale: { min: number; max: number }): BallotDefinition => ({ kind: 'evaluation', options, evaluation: { form: 'score', subjects: [], scale } } as unknown as BallotDefinition);

describe('tablet choices for an evaluation', () => {
  it('scored: every subject needs a whole number within the scale (0–100 by default)', () => {
    const b = scored();
    expect(draftComplete(b, { d1: '90', d2: '80' })).toBe(false);
    expect(draftComplete(b, { d1: '90', d2: '80', d3: '101' })).toBe(false);
    expect(draftComplete(b, { d1: '90', d2: '80', d3: '7.5' })).toBe(false);
    expect(draftComplete(b, { d1: '90', d2: '80', d3: '' })).toBe(false);
    expect(draftComplete(b, { d1: '90', d2: '0', d3: '100' })).toBe(true);
    expect(draftToChoices(b, { d1: '90', d2: '0', d3: '100' })).toEqual({ d1: 90, d2: 0, d3: 100 });
    expect(parseScore(scored({ min: 1, max: 10 }), '0')).toBeNull();
    expect(parseScore(scored({ min: -5, max: 5 }), '-5')).toBe(-5);
  });

  it('graded: like a satisfaction ballot, every subject rated', () => {
    const b = { kind: 'evaluation' as const, form: 'grade' as const, seats: null, options };
    expect(draftComplete(b, { d1: 'satisfied', d2: 'basic' })).toBe(false);
    const d = { d1: 'satisfied', d2: 'basic', d3: 'unsatisfied' };
    expect(draftComplete(b, d)).toBe(true);
    expect(draftToChoices(b, d)).toEqual(d);
  });

  it('a complete scored draft is always accepted by the server rule; an incomplete one never sent', () => {
    const scale = fc.tuple(fc.integer({ min: -1000, max: 999 }), fc.integer({ min: 1, max: 500 })).map(([min, w]) => ({ min, max: Math.min(1000, min + w) }));
    const typed = fc.oneof(fc.integer({ min: -1200, max: 1200 }).map(String), fc.constantFrom('', ' ', '1.5', 'abc', '1e2', '-0', '007'));
    fc.assert(fc.property(scale, fc.tuple(typed, typed, typed), (s, [a, b, c]) => {
      const ballot = scored(s);
      const draft = { d1: a, d2: b, d3: c };
      const complete = draftComplete(ballot, draft);
      const everyInScale = [a, b, c].every((x) => /^\s*-?\d+\s*$/.test(x) && Number(x) >= s.min && Number(x) <= s.max);
      expect(complete).toBe(everyInScale);
      if (complete) expect(validateChoices(definition(s), draftToChoices(ballot, draft)).ok).toBe(true);
    }));
  });
});
