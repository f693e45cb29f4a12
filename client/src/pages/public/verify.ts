// In-browser checks of a published ballot box: its digest, and a recount compared to the result.
import type { BallotBox, BallotResult, BoxEntry, Choices } from '../../../../shared/types';
import { boxDigest } from '../../../../shared/digest';
import { computeResult, tallyChoices } from '../../../../shared/counting';

export type Check = 'pass' | 'fail' | 'na';

/** Recompute the digest of the entries and compare it with the one the box carries. */
export function checkDigest(box: BallotBox): { check: Check; computed: string | null } {
  try {
    const computed = boxDigest(box.entries);
    return { check: computed === box.digest.toLowerCase() ? 'pass' : 'fail', computed };
  } catch {
    return { check: 'fail', computed: null };
  }
}

/** The parts of a result that a recount must reproduce exactly. */
function essence(r: BallotResult): unknown {
  const top = { kind: r.kind, base: r.base, cast: r.cast };
  if (r.kind === 'selection') {
    return {
      ...top,
      seats: r.seats,
      selected: [...r.selected].sort(),
      tied: [...r.tied].sort(),
      shortfall: r.shortfall,
      options: r.options.map((o) => [o.id, o.yes, o.no, o.abstain, o.passed, o.status]),
    };
  }
  if (r.kind === 'satisfaction') {
    return { ...top, options: r.options.map((o) => [o.id, o.satisfied, o.basic, o.unsatisfied, o.grade]) };
  }
  if (r.kind === 'evaluation') {
    return { ...top, form: r.form, options: r.options.map((o) => ('mean' in o ? [o.id, o.count, o.mean, o.rank, o.flag ?? null] : [o.id, o.satisfied, o.basic, o.unsatisfied, o.grade])) };
  }
  return { ...top, yes: r.yes, no: r.no, abstain: r.abstain, passed: r.passed };
}

/** Recount the box with the project's shared counting rules and compare with the published result. */
export function checkRecount(box: BallotBox, published: BallotResult): Check {
  const m = box.ballot;
  if (m.kind === 'motion' && box.entries.length === 0 && published.cast > 0) return 'na'; // named motion: no box
  try {
    const def = { kind: m.kind, form: m.form, seats: m.seats, question: m.question, options: m.options };
    const tally = tallyChoices(def, box.entries.map((e) => e.choices));
    const mine = computeResult(def, tally, {
      ballotId: m.ballotId,
      base: m.base,
      baseRule: m.baseRule,
      eligible: m.eligible,
      cast: box.entries.length,
      question: m.question,
    });
    return JSON.stringify(essence(mine)) === JSON.stringify(essence(published)) ? 'pass' : 'fail';
  } catch {
    return 'fail';
  }
}

export function findReceipt(box: BallotBox, receipt: string): BoxEntry | null {
  const r = receipt.trim().toUpperCase().replace(/[\s-]/g, '');
  if (!r) return null;
  return box.entries.find((e) => e.receipt.toUpperCase() === r) ?? null;
}

/** Choices of one box entry as [optionId or 'motion', mark] pairs, in ballot order. */
export function choicePairs(box: BallotBox, choices: Choices): [string, string][] {
  const c = choices as Record<string, unknown>;
  if (box.ballot.kind === 'motion') return [['motion', String(c.vote ?? '')]];
  if (Array.isArray(c.selected)) {
    const sel = new Set(c.selected as string[]);
    return box.ballot.options.map((o) => [o.id, sel.has(o.id) ? 'ticked' : 'notTicked']);
  }
  return box.ballot.options.map((o) => [o.id, typeof c[o.id] === 'string' ? (c[o.id] as string) : 'abstain']);
}
