import { describe, expect, it } from 'vitest';
import { draftComplete, draftToChoices } from '../../client/src/pages/tablet/choices';
import { newSubmissionKey } from '../../client/src/pages/tablet/voteStore';

const options = [
  { id: 'p1', title: 'A' },
  { id: 'p2', title: 'B' },
  { id: 'p3', title: 'C' },
];

describe('tablet choices', () => {
  it('per_candidate: unmarked candidates are sent as abstain', () => {
    const b = { kind: 'selection' as const, form: 'per_candidate' as const, seats: 2, options };
    expect(draftToChoices(b, { p1: 'yes', p3: 'no' })).toEqual({ p1: 'yes', p2: 'abstain', p3: 'no' });
    expect(draftComplete(b, {})).toBe(true);
  });

  it('choose_n: 1..N ticks, in ballot order', () => {
    const b = { kind: 'selection' as const, form: 'choose_n' as const, seats: 2, options };
    expect(draftToChoices(b, { p3: 'yes', p1: 'yes' })).toEqual({ selected: ['p1', 'p3'] });
    expect(draftComplete(b, {})).toBe(false);
    expect(draftComplete(b, { p1: 'yes' })).toBe(true);
    expect(draftComplete(b, { p1: 'yes', p2: 'yes', p3: 'yes' })).toBe(false);
  });

  it('satisfaction: every project is required', () => {
    const b = { kind: 'satisfaction' as const, form: null, seats: null, options };
    expect(draftComplete(b, { p1: 'satisfied', p2: 'basic' })).toBe(false);
    const d = { p1: 'satisfied', p2: 'basic', p3: 'unsatisfied' };
    expect(draftComplete(b, d)).toBe(true);
    expect(draftToChoices(b, d)).toEqual(d);
  });

  it('motion: a vote is required', () => {
    const b = { kind: 'motion' as const, form: null, seats: null, options: [] };
    expect(draftComplete(b, {})).toBe(false);
    expect(draftToChoices(b, { vote: 'no' })).toEqual({ vote: 'no' });
  });

  it('submission keys are 32 chars of [A-Za-z0-9_-] and fresh', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newSubmissionKey()));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
