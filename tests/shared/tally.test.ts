import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateChoices, type BallotDefinition } from '../../shared/ballot-definition.js';
import { addChoices, computeResult, emptyTally, tallyChoices } from '../../shared/counting/index.js';
import type { Choices } from '../../shared/types.js';

const options = [
  { id: 'a', title: '甲' },
  { id: 'b', title: '乙' },
  { id: 'c', title: '丙' },
];
const perCandidate: BallotDefinition = { kind: 'selection', seats: 2, options };
const chooseN: BallotDefinition = { kind: 'selection', form: 'choose_n', seats: 2, options };
const satisfaction: BallotDefinition = { kind: 'satisfaction', options };
const motion: BallotDefinition = { kind: 'motion', question: '是否通过票决办法', options: [] };
const ctx = { ballotId: 'B1', base: 5, baseRule: 'roster' as const, eligible: 5 };

describe('tallyChoices and computeResult', () => {
  it('per_candidate: counts each answer and fills left-out as abstain', () => {
    const ballots: Choices[] = [{ a: 'yes', b: 'no' }, { a: 'yes', c: 'yes' }, { a: 'yes', b: 'yes', c: 'no' }, {}];
    const tally = tallyChoices(perCandidate, ballots);
    expect(tally).toEqual({
      kind: 'selection',
      options: [
        { id: 'a', yes: 3, no: 0, abstain: 1 },
        { id: 'b', yes: 1, no: 1, abstain: 2 },
        { id: 'c', yes: 1, no: 1, abstain: 2 },
      ],
    });
    const result = computeResult(perCandidate, tally, { ...ctx, cast: 4 });
    expect(result).toEqual({
      ballotId: 'B1', kind: 'selection', form: 'per_candidate', seats: 2,
      base: 5, baseRule: 'roster', eligible: 5, cast: 4,
      options: [
        { id: 'a', title: '甲', yes: 3, no: 0, abstain: 1, passed: true, status: 'selected' },
        { id: 'b', title: '乙', yes: 1, no: 1, abstain: 2, passed: false, status: 'not_passed' },
        { id: 'c', title: '丙', yes: 1, no: 1, abstain: 2, passed: false, status: 'not_passed' },
      ],
      selected: ['a'], tied: [], shortfall: 1,
    });
    // Key order follows API.md's example, for readable published JSON.
    expect(Object.keys(result)).toEqual(['ballotId', 'kind', 'form', 'seats', 'base', 'baseRule', 'eligible', 'cast', 'options', 'selected', 'tied', 'shortfall']);
  });

  it('choose_n: yes = ballots ticking, no = 0, abstain = cast − yes', () => {
    const tally = tallyChoices(chooseN, [{ selected: ['a', 'b'] }, { selected: ['a'] }, { selected: ['b', 'c'] }]);
    expect(tally).toEqual({
      kind: 'selection',
      options: [
        { id: 'a', yes: 2, no: 0, abstain: 1 },
        { id: 'b', yes: 2, no: 0, abstain: 1 },
        { id: 'c', yes: 1, no: 0, abstain: 2 },
      ],
    });
    const result = computeResult(chooseN, tally, { ...ctx, base: 3, eligible: 3, cast: 3 });
    if (result.kind !== 'selection') throw new Error('kind');
    expect(result.form).toBe('choose_n');
    expect(result.selected).toEqual(['a', 'b']);
  });

  it('satisfaction: grades and rates per project', () => {
    const ballots: Choices[] = [
      { a: 'satisfied', b: 'basic', c: 'unsatisfied' },
      { a: 'satisfied', b: 'basic', c: 'unsatisfied' },
      { a: 'satisfied', b: 'satisfied', c: 'basic' },
      { a: 'basic', b: 'unsatisfied', c: 'unsatisfied' },
    ];
    const result = computeResult(satisfaction, tallyChoices(satisfaction, ballots), { ...ctx, cast: 4 });
    if (result.kind !== 'satisfaction') throw new Error('kind');
    expect(result.options).toEqual([
      { id: 'a', title: '甲', satisfied: 3, basic: 1, unsatisfied: 0, grade: '满意', rate: 1 },
      { id: 'b', title: '乙', satisfied: 1, basic: 2, unsatisfied: 1, grade: '基本满意', rate: 0.75 },
      { id: 'c', title: '丙', satisfied: 0, basic: 1, unsatisfied: 3, grade: '不满意', rate: 0.25 },
    ]);
    expect(Object.keys(result)).toEqual(['ballotId', 'kind', 'base', 'baseRule', 'eligible', 'cast', 'options']);
  });

  it('motion: counts and passes on more than half of the base', () => {
    const ballots: Choices[] = [{ vote: 'yes' }, { vote: 'yes' }, { vote: 'no' }, { vote: 'yes' }];
    const result = computeResult(motion, tallyChoices(motion, ballots), { ...ctx, cast: 4 });
    expect(result).toEqual({
      ballotId: 'B1', kind: 'motion', question: '是否通过票决办法',
      base: 5, baseRule: 'roster', eligible: 5, cast: 4, yes: 3, no: 1, abstain: 0, passed: true,
    });
    const named = [{ memberId: 'm1', name: '张三', vote: 'yes' as const }];
    const withNames = computeResult(motion, tallyChoices(motion, [{ vote: 'yes' }]), { ...ctx, cast: 1, named });
    if (withNames.kind !== 'motion') throw new Error('kind');
    expect(withNames.named).toEqual(named);
    expect(withNames.passed).toBe(false); // 1 of a base of 5
  });

  it('emptyTally is all zeros in ballot order, and addChoices does not mutate', () => {
    const empty = emptyTally(perCandidate);
    const one = addChoices(perCandidate, empty, { a: 'yes' });
    expect(empty).toEqual(tallyChoices(perCandidate, []));
    expect(one).toEqual(tallyChoices(perCandidate, [{ a: 'yes' }]));
    expect(emptyTally(motion)).toEqual({ kind: 'motion', yes: 0, no: 0, abstain: 0 });
  });

  it('refuses to count what does not belong to the ballot', () => {
    expect(() => tallyChoices(motion, [{ vote: 'perhaps' } as unknown as Choices])).toThrow();
    expect(() => tallyChoices(satisfaction, [{ a: 'satisfied' }])).toThrow();
    expect(() => tallyChoices(perCandidate, [{ a: 'toString' } as unknown as Choices])).toThrow();
  });

  it('lines tally rows up with options by id, not by position', () => {
    const tally = tallyChoices(perCandidate, [{ a: 'yes', b: 'no' }]);
    if (tally.kind !== 'selection') throw new Error('kind');
    const reversed = { ...tally, options: [...tally.options].reverse() };
    expect(computeResult(perCandidate, reversed, { ...ctx, cast: 1 })).toEqual(computeResult(perCandidate, tally, { ...ctx, cast: 1 }));
    expect(() => computeResult(perCandidate, { ...tally, options: tally.options.slice(1) }, { ...ctx, cast: 1 })).toThrow();
  });
});

const vote = fc.constantFrom('yes', 'no', 'abstain');
const rating = fc.constantFrom('satisfied', 'basic', 'unsatisfied');
const anyBallots: fc.Arbitrary<{ def: BallotDefinition; ballots: unknown[] }> = fc.oneof(
  fc.array(fc.record({ a: vote, b: vote, c: vote }, { requiredKeys: [] }), { maxLength: 40 }).map((ballots) => ({ def: perCandidate, ballots })),
  fc.array(fc.subarray(['a', 'b', 'c'], { minLength: 1, maxLength: 2 }).map((selected) => ({ selected })), { maxLength: 40 }).map((ballots) => ({ def: chooseN, ballots })),
  fc.array(fc.record({ a: rating, b: rating, c: rating }), { maxLength: 40 }).map((ballots) => ({ def: satisfaction, ballots })),
  fc.array(fc.record({ vote }), { maxLength: 40 }).map((ballots) => ({ def: motion, ballots })),
);

function normalise(def: BallotDefinition, raw: unknown): Choices {
  const r = validateChoices(def, raw);
  if (!r.ok) throw new Error(r.message);
  return r.choices;
}

describe('tally properties', () => {
  it('permuting the ballots never changes the result', () => {
    fc.assert(
      fc.property(anyBallots, fc.func(fc.integer()), ({ def, ballots }, key) => {
        const choices = ballots.map((b) => normalise(def, b));
        const permuted = choices.map((c, i) => ({ c, k: key(i) })).sort((x, y) => x.k - y.k).map((x) => x.c);
        const run = (list: Choices[]) => computeResult(def, tallyChoices(def, list), { ...ctx, base: 40, eligible: 40, cast: list.length });
        expect(run(permuted)).toEqual(run(choices));
      }),
    );
  });

  it('every option row adds up to the number of ballots cast', () => {
    fc.assert(
      fc.property(anyBallots, ({ def, ballots }) => {
        const tally = tallyChoices(def, ballots.map((b) => normalise(def, b)));
        const n = ballots.length;
        if (tally.kind === 'motion') expect(tally.yes + tally.no + tally.abstain).toBe(n);
        else if (tally.kind === 'selection') for (const o of tally.options) expect(o.yes + o.no + o.abstain).toBe(n);
        else if (tally.kind === 'evaluation' && tally.form === 'score') for (const o of tally.options) expect(o.count).toBe(n);
        else for (const o of tally.options) expect((o as { satisfied: number }).satisfied + (o as { basic: number }).basic + (o as { unsatisfied: number }).unsatisfied).toBe(n);
      }),
    );
  });

  it('counting normalised and raw per_candidate ballots gives the same tally', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: vote, b: vote, c: vote }, { requiredKeys: [] }), { maxLength: 30 }), (ballots) => {
        const raw = ballots as Choices[];
        expect(tallyChoices(perCandidate, raw)).toEqual(tallyChoices(perCandidate, raw.map((b) => normalise(perCandidate, b))));
      }),
    );
  });
});
