// Pure helpers: the tablet's on-screen draft and the API's `choices` (API.md "Casting").
import type { Choices } from '../../../../shared/types';
import type { BallotDetail } from '../../api';
import type { Draft } from './voteStore';

export type Mark = 'yes' | 'no' | 'abstain' | 'satisfied' | 'basic' | 'unsatisfied';
export const YNA: Mark[] = ['yes', 'no', 'abstain'];
export const SAT: Mark[] = ['satisfied', 'basic', 'unsatisfied'];
export const MOTION_KEY = 'vote';

type Shape = Pick<BallotDetail, 'kind' | 'form'> & { scale?: { min: number; max: number } | null };

/** A scored evaluation (无记名打分): every subject gets a whole number within the scale. */
export function isScored(ballot: Pick<BallotDetail, 'kind' | 'form'>): boolean {
  return ballot.kind === 'evaluation' && (ballot.form as string) === 'score';
}

/** Rated with 满意/基本满意/不满意: a satisfaction ballot or a graded evaluation. */
export function isGraded(ballot: Pick<BallotDetail, 'kind' | 'form'>): boolean {
  return ballot.kind === 'satisfaction' || (ballot.kind === 'evaluation' && !isScored(ballot));
}

/** The scale of a scored evaluation: 0–100 unless the ballot says otherwise (as on the server). */
export function scaleOfBallot(ballot: Shape): { min: number; max: number } {
  return ballot.scale ?? { min: 0, max: 100 };
}

/** A typed score as the integer it means, or null when it is not a whole number within the scale. */
export function parseScore(ballot: Shape, raw: string | undefined): number | null {
  if (raw == null || !/^\s*-?\d+\s*$/.test(raw)) return null;
  const n = Number(raw);
  const { min, max } = scaleOfBallot(ballot);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

/** Turn the on-screen draft into the API's `choices` for this ballot. */
export function draftToChoices(ballot: Shape & Pick<BallotDetail, 'options'>, draft: Draft): Choices {
  if (isScored(ballot)) {
    // only called once draftComplete holds: every score is a whole number within the scale
    return Object.fromEntries(ballot.options.map((o) => [o.id, parseScore(ballot, draft[o.id]) ?? Number(draft[o.id])])) as Choices;
  }
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

export function draftComplete(ballot: Shape & Pick<BallotDetail, 'seats' | 'options'>, draft: Draft): boolean {
  if (ballot.kind === 'motion') return !!draft[MOTION_KEY];
  if (isScored(ballot)) return ballot.options.every((o) => parseScore(ballot, draft[o.id]) !== null);
  if (isGraded(ballot)) return ballot.options.every((o) => !!draft[o.id]);
  if (ballot.form === 'choose_n') {
    const n = ballot.options.filter((o) => draft[o.id] === 'yes').length;
    return n >= 1 && n <= (ballot.seats ?? ballot.options.length);
  }
  return true;
}

