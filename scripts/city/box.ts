// A generated ballot's box, its roll and its result, made the way closing a real ballot makes them: one
// entry per member who voted (a random receipt and choices the shared rules accept), one roll mark per
// voter, and the result counted from the entries by the shared counting code the verifier uses. So
// `npm run verify` on a generated ballot recomputes exactly the stored result.
import type { ballotBox, ballotRoll } from '../../server/db/schema.js';
import { validateChoices, type BallotDefinition } from '../../shared/ballot-definition.js';
import { computeResult, tallyChoices } from '../../shared/counting/index.js';
import type { BallotResult, BaseRule, Choices, SatisfactionChoice, YesNoAbstain } from '../../shared/types.js';
import type { Rng } from './rng.js';

export interface BoxRows { box: (typeof ballotBox.$inferInsert)[]; roll: (typeof ballotRoll.$inferInsert)[] }

const receiptAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const keyAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const word = (rng: Rng, alphabet: string, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng.next() * alphabet.length)];
  return s;
};

/** Fisher–Yates in place with the seeded source. */
export function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/**
 * Deals per-option counts out to `cast` ballots: option k's `counts[k]` (value → how many, summing to
 * cast) become that many ballots carrying the value, in a random order per option, so the ballots
 * differ from one another the way real ones do.
 */
export function dealChoices<V extends string | number>(rng: Rng, options: { id: string; counts: [V, number][] }[], cast: number): Record<string, V>[] {
  const ballots: Record<string, V>[] = Array.from({ length: cast }, () => ({}));
  for (const o of options) {
    const values: V[] = o.counts.flatMap(([v, n]) => Array<V>(n).fill(v));
    if (values.length !== cast) throw new Error(`option ${o.id}: ${values.length} values for ${cast} ballots`);
    shuffle(rng, values).forEach((v, i) => { ballots[i][o.id] = v; });
  }
  return ballots;
}

export const satisfactionCounts = (c: { satisfied: number; basic: number; unsatisfied: number }): [SatisfactionChoice, number][] =>
  [['satisfied', c.satisfied], ['basic', c.basic], ['unsatisfied', c.unsatisfied]];
export const selectionCounts = (c: { yes: number; no: number; abstain: number }): [YesNoAbstain, number][] =>
  [['yes', c.yes], ['no', c.no], ['abstain', c.abstain]];

export interface CastInput {
  ballotId: string;
  def: BallotDefinition;
  base: number;
  baseRule: BaseRule;
  eligible: number;
  /** the members who may vote; the first `choices.length` of them (shuffled) voted */
  voters: string[];
  choices: Choices[];
}

/** The box and roll rows of a cast ballot and the result counted from them (shared/counting, as the verifier counts). */
export function castBallot(rng: Rng, input: CastInput, into: BoxRows): BallotResult {
  const { ballotId, def, choices } = input;
  if (choices.length > input.voters.length) throw new Error(`ballot ${ballotId}: ${choices.length} ballots from ${input.voters.length} voters`);
  const receipts = new Set<string>();
  const valid = choices.map((raw) => {
    // stored as the server stores a cast ballot: checked and normalised (keys in code-unit order)
    const check = validateChoices(def, raw);
    if (!check.ok) throw new Error(`ballot ${ballotId}: generated choices refused: ${check.message}`);
    return check.choices;
  });
  for (const c of valid) {
    let receipt = word(rng, receiptAlphabet, 16);
    while (receipts.has(receipt)) receipt = word(rng, receiptAlphabet, 16);
    receipts.add(receipt);
    into.box.push({ ballotId, receipt, choices: c });
  }
  const who = shuffle(rng, [...input.voters]).slice(0, choices.length);
  for (const memberId of who) into.roll.push({ ballotId, memberId, keyHash: word(rng, keyAlphabet, 32) });
  return computeResult(def, tallyChoices(def, valid), {
    ballotId, base: input.base, baseRule: input.baseRule, eligible: input.eligible, cast: choices.length,
  });
}
