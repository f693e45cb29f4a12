// Pure helpers: the tablet's on-screen draft and the API's `choices` (API.md "Casting").
import type { Choices } from '../../../../shared/types';
import type { BallotDetail } from '../../api';
import type { Draft } from './voteStore';

export type Mark = 'yes' | 'no' | 'abstain' | 'satisfied' | 'basic' | 'unsatisfied';
export const YNA: Mark[] = ['yes', 'no', 'abstain'];
export const SAT: Mark[] = ['satisfied', 'basic', 'unsatisfied'];
export const MOTION_KEY = 'vote';

/** Turn the on-screen draft into the API's `choices` for this ballot. */
export function draftToChoices(ballot: Pick<BallotDetail, 'kind' | 'form' | 'options'>, draft: Draft): Choices {
  if (ballot.kind === 'motion') return { vote: (draft[MOTION_KEY] ?? 'abstain') as 'yes' | 'no' | 'abstain' };
  if (ballot.kind === 'selection' && ballot.form === 'choose_n') {
    return { selected: ballot.options.filter((o) => draft[o.id] === 'yes').map((o) => o.id) };
  }
  const out: Record<string, string> = {};
  for (const o of ballot.options) {
    // per_candidate: an unmarked candidate is an abstention; we send it explicitly
    out[o.id] = draft[o.id] ?? 'abstain';
  }
  return out as Choices;
}

export function draftComplete(ballot: Pick<BallotDetail, 'kind' | 'form' | 'seats' | 'options'>, draft: Draft): boolean {
  if (ballot.kind === 'motion') return !!draft[MOTION_KEY];
  if (ballot.kind === 'satisfaction') return ballot.options.every((o) => !!draft[o.id]);
  if (ballot.form === 'choose_n') {
    const n = ballot.options.filter((o) => draft[o.id] === 'yes').length;
    return n >= 1 && n <= (ballot.seats ?? ballot.options.length);
  }
  return true;
}

