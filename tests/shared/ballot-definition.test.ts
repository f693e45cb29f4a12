import { describe, expect, it } from 'vitest';
import { checkDefinition, validateChoices, type BallotDefinition } from '../../shared/ballot-definition.js';

const options = [
  { id: 'p3', title: '老旧小区改造' },
  { id: 'p1', title: '养老床位' },
  { id: 'p2', title: '农村公路' },
];
const perCandidate: BallotDefinition = { kind: 'selection', form: 'per_candidate', seats: 2, options };
const chooseN: BallotDefinition = { kind: 'selection', form: 'choose_n', seats: 2, options };
const satisfaction: BallotDefinition = { kind: 'satisfaction', options };
const motion: BallotDefinition = { kind: 'motion', question: '通过票决办法', options: [] };

function ok(def: BallotDefinition, raw: unknown) {
  const r = validateChoices(def, raw);
  if (!r.ok) throw new Error(`expected valid, got: ${r.message}`);
  return r.choices;
}
function refused(def: BallotDefinition, raw: unknown): string {
  const r = validateChoices(def, raw);
  if (r.ok) throw new Error(`expected refusal, got ${JSON.stringify(r.choices)}`);
  return r.message;
}

describe('per_candidate', () => {
  it('fills left-out candidates in as abstain, keys in code-unit order', () => {
    const c = ok(perCandidate, { p3: 'yes', p1: 'no' });
    expect(c).toEqual({ p1: 'no', p2: 'abstain', p3: 'yes' });
    expect(Object.keys(c)).toEqual(['p1', 'p2', 'p3']);
  });

  it('accepts a blank ballot (every candidate abstain), like an unmarked paper ballot', () => {
    expect(ok(perCandidate, {})).toEqual({ p1: 'abstain', p2: 'abstain', p3: 'abstain' });
  });

  it('refuses unknown candidates, bad values, arrays and non-objects', () => {
    expect(refused(perCandidate, { p9: 'yes' })).toMatch(/p9/);
    expect(refused(perCandidate, { p1: 'maybe' })).toMatch(/p1/);
    expect(refused(perCandidate, { p1: true })).toMatch(/p1/);
    refused(perCandidate, ['p1']);
    refused(perCandidate, null);
    refused(perCandidate, 'p1');
    refused(perCandidate, 42);
    refused(perCandidate, { selected: ['p1'] });
  });

  it('refuses prototype keys even when they arrive as own properties from JSON', () => {
    refused(perCandidate, JSON.parse('{"__proto__": "yes"}'));
    refused(perCandidate, JSON.parse('{"constructor": "yes"}'));
    refused(perCandidate, Object.create({ p1: 'yes' })); // inherited, not plain
  });

  it('does not echo a huge key back in full', () => {
    const key = 'x'.repeat(10_000);
    expect(refused(perCandidate, { [key]: 'yes' }).length).toBeLessThan(200);
  });
});

describe('choose_n', () => {
  it('accepts 1..N distinct candidates, sorted', () => {
    expect(ok(chooseN, { selected: ['p3', 'p1'] })).toEqual({ selected: ['p1', 'p3'] });
    expect(ok(chooseN, { selected: ['p2'] })).toEqual({ selected: ['p2'] });
  });

  it('refuses none, more than N, duplicates, unknown ids, wrong types and extra keys', () => {
    refused(chooseN, { selected: [] });
    refused(chooseN, { selected: ['p1', 'p2', 'p3'] });
    expect(refused(chooseN, { selected: ['p1', 'p1'] })).toMatch(/twice/);
    refused(chooseN, { selected: ['p9'] });
    refused(chooseN, { selected: [1] });
    refused(chooseN, { selected: 'p1' });
    refused(chooseN, { selected: ['p1'], extra: 1 });
    refused(chooseN, { p1: 'yes' });
    refused(chooseN, [['p1']]);
  });
});

describe('satisfaction', () => {
  it('needs every project rated, keys sorted', () => {
    const c = ok(satisfaction, { p2: 'basic', p3: 'satisfied', p1: 'unsatisfied' });
    expect(Object.keys(c)).toEqual(['p1', 'p2', 'p3']);
  });

  it('refuses missing, extra and badly rated projects', () => {
    expect(refused(satisfaction, { p1: 'basic', p2: 'basic' })).toMatch(/p3/);
    refused(satisfaction, { p1: 'basic', p2: 'basic', p3: 'basic', p4: 'basic' });
    refused(satisfaction, { p1: 'basic', p2: 'basic', p3: 'yes' });
    refused(satisfaction, {});
  });
});

describe('motion', () => {
  it('is exactly {vote}', () => {
    expect(ok(motion, { vote: 'no' })).toEqual({ vote: 'no' });
    refused(motion, { vote: 'maybe' });
    refused(motion, { vote: 'yes', also: 1 });
    refused(motion, {});
    refused(motion, [{ vote: 'yes' }]);
    refused(motion, JSON.parse('{"vote": "yes", "__proto__": {"x": 1}}'));
  });
});

describe('checkDefinition', () => {
  it('accepts sane ballots and names what is wrong otherwise', () => {
    expect(checkDefinition(perCandidate)).toBeNull();
    expect(checkDefinition(motion)).toBeNull();
    expect(checkDefinition({ ...perCandidate, seats: 0 })).toMatch(/seats/);
    expect(checkDefinition({ ...perCandidate, options: [...options, options[0]] })).toMatch(/distinct/);
    expect(checkDefinition({ ...satisfaction, options: [{ id: '__proto__', title: 'x' }] })).toMatch(/__proto__/);
    expect(checkDefinition({ ...motion, options })).toMatch(/no options/);
  });
});
