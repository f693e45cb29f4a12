import { z } from 'zod';
import { byCodeUnit } from './code-unit-order.js';
import type { BallotForm, BallotKind, Choices, EvaluationRule, ItemRef, SatisfactionChoice, YesNoAbstain } from './types.js';

/** What a ballot asks: everything needed to check a member's choices and to count them. */
export interface BallotDefinition {
  kind: BallotKind;
  /** Selection only; `per_candidate` when absent. */
  form?: BallotForm;
  /** Selection only: N. */
  seats?: number;
  /** Motion only. */
  question?: string;
  /** Evaluation only: graded or scored (default scale 0–100), with flags for the top and bottom. */
  evaluation?: EvaluationRule;
  /** Satisfaction only: items (子项) rated one by one; item options carry `item` (their project). */
  byItem?: boolean;
  /** Candidates (selection) or projects to rate (satisfaction), in ballot order; empty for a motion. */
  options: { id: string; title: string; item?: ItemRef }[];
}

export type ChoicesCheck = { ok: true; choices: Choices } | { ok: false; message: string };

/**
 * Keys that would reach Object.prototype machinery if code ever indexed a plain object with them.
 * They are refused as choice keys whatever the ballot says, and `checkDefinition` refuses them as
 * option ids, so no project can ever be named by one.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const yesNoAbstain = z.enum(['yes', 'no', 'abstain']);
const motionChoices = z.strictObject({ vote: yesNoAbstain });
// Plain sets for the per-option loop: a tablet's vote is checked on every request of a burst.
const yesNoAbstainValues: ReadonlySet<unknown> = new Set<YesNoAbstain>(['yes', 'no', 'abstain']);
const satisfactionValues: ReadonlySet<unknown> = new Set<SatisfactionChoice>(['satisfied', 'basic', 'unsatisfied']);

/** Problems with a ballot definition itself (null when fine); the server checks this when a ballot is created. */
export function checkDefinition(def: BallotDefinition): string | null {
  const ids = def.options.map((o) => o.id);
  if (new Set(ids).size !== ids.length) return 'option ids must be distinct';
  if (ids.some((id) => typeof id !== 'string' || id === '' || RESERVED_KEYS.has(id))) {
    return 'option ids must be non-empty strings other than __proto__, constructor, prototype';
  }
  if (def.kind === 'selection') {
    if (ids.length === 0) return 'a selection needs at least one candidate';
    if (!Number.isSafeInteger(def.seats) || (def.seats as number) < 1) return 'a selection needs seats ≥ 1';
  }
  if (def.kind === 'satisfaction' && ids.length === 0) return 'a satisfaction ballot needs at least one project';
  if (def.byItem && def.kind !== 'satisfaction') return 'only a satisfaction ballot rates items';
  if (def.options.some((o) => o.item !== undefined) && !def.byItem) return 'item options belong to a byItem ballot';
  if (def.byItem) {
    const wholes = new Set(def.options.filter((o) => !o.item).map((o) => o.id));
    for (const o of def.options) {
      const it = o.item;
      if (!it) continue;
      if (typeof it.projectId !== 'string' || it.projectId === '' || typeof it.projectTitle !== 'string' || typeof it.title !== 'string') return 'an item option names its project and title';
      if (wholes.has(it.projectId)) return 'a project is rated whole or by its items, not both';
    }
  }
  if (def.kind === 'motion' && ids.length !== 0) return 'a motion has no options';
  if (def.kind === 'evaluation') {
    if (ids.length === 0) return 'an evaluation needs at least one subject';
    const e = def.evaluation;
    if (!e || (e.form !== 'grade' && e.form !== 'score')) return 'an evaluation is graded or scored';
    if (e.form === 'score') {
      const { min, max } = scaleOf(def);
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min >= max) return 'a score scale needs integers min < max';
      if (e.flags && (!Number.isSafeInteger(e.flags.red) || !Number.isSafeInteger(e.flags.black) || e.flags.red < 0 || e.flags.black < 0 || e.flags.red + e.flags.black > ids.length)) {
        return 'flags: red and black are counts ≥ 0 that together do not exceed the subjects';
      }
    } else if (e.scale || e.flags) return 'a graded evaluation has no scale or flags';
  }
  return null;
}

/**
 * Checks what a member submitted against the ballot (API.md "Casting") and returns it in one
 * normal form, so that equal votes are stored identically and the published box reads the same
 * whichever tablet produced it:
 * - per_candidate: every candidate present, left-out ones filled in as "abstain" (the box is then
 *   self-describing: a reader never has to know the "missing = abstain" rule to recount it);
 * - choose_n: `selected` sorted by code unit (the order ticked says nothing and could fingerprint a tablet);
 * - satisfaction: every project, exactly;
 * - motion: `{vote}`.
 * Object keys are inserted in code-unit order; JavaScript still lists integer-like keys ("7", "12")
 * first, which is harmless because the digest uses `canonicalJson`, which sorts keys itself.
 * Anything else — extra keys, wrong types, arrays for objects, inherited or symbol keys — is refused.
 */
export function validateChoices(def: BallotDefinition, raw: unknown): ChoicesCheck {
  switch (def.kind) {
    case 'motion':
      return validateMotion(raw);
    case 'satisfaction':
      return validateSatisfaction(def, raw);
    case 'evaluation':
      return def.evaluation?.form === 'score' ? validateScores(def, raw) : validateSatisfaction(def, raw);
    case 'selection':
      return (def.form ?? 'per_candidate') === 'choose_n' ? validateChooseN(def, raw) : validatePerCandidate(def, raw);
  }
}

function validateMotion(raw: unknown): ChoicesCheck {
  const plain = plainEntries(raw);
  if (typeof plain === 'string') return fail(plain);
  const parsed = motionChoices.safeParse(raw);
  if (!parsed.success) return fail('choices must be exactly {"vote": "yes" | "no" | "abstain"}');
  return { ok: true, choices: { vote: parsed.data.vote } };
}

function validatePerCandidate(def: BallotDefinition, raw: unknown): ChoicesCheck {
  const plain = plainEntries(raw);
  if (typeof plain === 'string') return fail(plain);
  const { ids, sorted } = optionIndex(def);
  const given = new Map<string, YesNoAbstain>();
  for (const [key, value] of plain) {
    if (!ids.has(key)) return fail(`choices.${short(key)}: not a candidate on this ballot`);
    if (!yesNoAbstainValues.has(value)) return fail(`choices.${short(key)}: must be "yes", "no" or "abstain"`);
    given.set(key, value as YesNoAbstain);
  }
  return { ok: true, choices: Object.fromEntries(sorted.map((id): [string, YesNoAbstain] => [id, given.get(id) ?? 'abstain'])) };
}

function validateChooseN(def: BallotDefinition, raw: unknown): ChoicesCheck {
  const seats = def.seats ?? 0;
  const plain = plainEntries(raw);
  if (typeof plain === 'string') return fail(plain);
  if (plain.length !== 1 || plain[0][0] !== 'selected') return fail('choices must be exactly {"selected": [candidate ids]}');
  const list = plain[0][1];
  if (!Array.isArray(list)) return fail('choices.selected: must be an array of candidate ids');
  if (list.length < 1 || list.length > seats) return fail(`choices.selected: tick between 1 and ${seats} candidates`);
  const { ids } = optionIndex(def);
  const seen = new Set<string>();
  for (const item of list) {
    if (typeof item !== 'string' || !ids.has(item)) return fail(`choices.selected: ${typeof item === 'string' ? short(item) : `a ${typeof item}`} is not a candidate on this ballot`);
    if (seen.has(item)) return fail(`choices.selected: ${short(item)} is ticked twice`);
    seen.add(item);
  }
  return { ok: true, choices: { selected: [...seen].sort(byCodeUnit) } };
}

function validateSatisfaction(def: BallotDefinition, raw: unknown): ChoicesCheck {
  const plain = plainEntries(raw);
  if (typeof plain === 'string') return fail(plain);
  const { ids, sorted } = optionIndex(def);
  const given = new Map<string, SatisfactionChoice>();
  for (const [key, value] of plain) {
    if (!ids.has(key)) return fail(`choices.${short(key)}: not a project on this ballot`);
    if (!satisfactionValues.has(value)) return fail(`choices.${short(key)}: must be "satisfied", "basic" or "unsatisfied"`);
    given.set(key, value as SatisfactionChoice);
  }
  // Unlike a selection, a rating has no neutral default: a project left out would silently lower
  // its 满意率 denominator, so the tablet must rate every one.
  const missing = sorted.filter((id) => !given.has(id));
  if (missing.length > 0) return fail(`choices: every project must be rated; missing ${missing.join(', ')}`);
  return { ok: true, choices: Object.fromEntries(sorted.map((id) => [id, given.get(id)!])) };
}

/** The scale of a scored evaluation: 0–100 unless the ballot says otherwise. */
export function scaleOf(def: BallotDefinition): { min: number; max: number } {
  return def.evaluation?.scale ?? { min: 0, max: 100 };
}

function validateScores(def: BallotDefinition, raw: unknown): ChoicesCheck {
  const plain = plainEntries(raw);
  if (typeof plain === 'string') return fail(plain);
  const { ids, sorted } = optionIndex(def);
  const { min, max } = scaleOf(def);
  const given = new Map<string, number>();
  for (const [key, value] of plain) {
    if (!ids.has(key)) return fail(`choices.${short(key)}: not a subject on this ballot`);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) return fail(`choices.${short(key)}: a whole number from ${min} to ${max}`);
    given.set(key, value);
  }
  // as with ratings, a subject left out would change its mean's denominator: every one is scored
  const missing = sorted.filter((id) => !given.has(id));
  if (missing.length > 0) return fail(`choices: every subject must be scored; missing ${missing.join(', ')}`);
  return { ok: true, choices: Object.fromEntries(sorted.map((id) => [id, given.get(id)!])) };
}

/**
 * The own string-keyed entries of a plain JSON object, or a message saying why `raw` is not one.
 * JSON.parse turns `{"__proto__": …}` into an own property, so reserved names are checked explicitly.
 */
function plainEntries(raw: unknown): [string, unknown][] | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'choices must be a JSON object';
  const proto = Object.getPrototypeOf(raw);
  if (proto !== Object.prototype && proto !== null) return 'choices must be a plain JSON object';
  const keys = Reflect.ownKeys(raw);
  const entries: [string, unknown][] = [];
  for (const key of keys) {
    if (typeof key !== 'string') return 'choices must not have symbol keys';
    if (RESERVED_KEYS.has(key)) return `choices.${key}: reserved name`;
    const desc = Object.getOwnPropertyDescriptor(raw, key);
    if (!desc || !('value' in desc) || !desc.enumerable) return `choices.${short(key)}: must be a plain data property`;
    entries.push([key, desc.value]);
  }
  return entries;
}

// Option ids as a set and in code-unit order, worked out once per options list (definitions are not
// mutated once made; the server keeps one per ballot for the whole sitting).
const optionIndexes = new WeakMap<BallotDefinition['options'], { ids: ReadonlySet<string>; sorted: readonly string[] }>();

function optionIndex(def: BallotDefinition): { ids: ReadonlySet<string>; sorted: readonly string[] } {
  let index = optionIndexes.get(def.options);
  if (!index) {
    const list = def.options.map((o) => o.id);
    index = { ids: new Set(list), sorted: [...list].sort(byCodeUnit) };
    optionIndexes.set(def.options, index);
  }
  return index;
}

/** Echoes of submitted text are cut short: a hostile client must not get a megabyte error back. */
function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function fail(message: string): ChoicesCheck {
  return { ok: false, message };
}
