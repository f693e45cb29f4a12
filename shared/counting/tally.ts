import type { BallotDefinition } from '../ballot-definition.js';
import type {
  BallotResult,
  BaseRule,
  EvaluationResult,
  Choices,
  MotionResult,
  SatisfactionChoice,
  SatisfactionResult,
  SelectionResult,
  Tally,
  YesNoAbstain,
} from '../types.js';
import { motionPasses } from './motion.js';
import { gradeProject } from './satisfaction.js';
import { gradeByItem } from './items.js';
import { selectWinners } from './selection.js';
import { scoreResult } from './score.js';

/** What a result needs beyond the counts; all of it is published so anyone can recompute. */
export interface ResultContext {
  ballotId: string;
  base: number;
  baseRule: BaseRule;
  eligible: number;
  cast: number;
  /** Motion only; falls back to the definition's question. */
  question?: string;
  /** Named (记名) motion only: each member's vote, listed in the result by name. */
  named?: MotionResult['named'];
}

/** All zeros, one row per option in ballot order: what the presider sees the moment a ballot opens. */
export function emptyTally(def: BallotDefinition): Tally {
  switch (def.kind) {
    case 'selection':
      return { kind: 'selection', options: def.options.map((o) => ({ id: o.id, yes: 0, no: 0, abstain: 0 })) };
    case 'satisfaction':
      return {
        kind: 'satisfaction',
        options: def.options.map((o) => ({ id: o.id, satisfied: 0, basic: 0, unsatisfied: 0 })),
      };
    case 'motion':
      return { kind: 'motion', yes: 0, no: 0, abstain: 0 };
    case 'evaluation':
      return def.evaluation?.form === 'score'
        ? { kind: 'evaluation', form: 'score', options: def.options.map((o) => ({ id: o.id, count: 0, sum: 0 })) }
        : { kind: 'evaluation', form: 'grade', options: def.options.map((o) => ({ id: o.id, satisfied: 0, basic: 0, unsatisfied: 0 })) };
  }
}

/**
 * Counts ballots that already passed `validateChoices`. The order of `choicesList` cannot matter:
 * each ballot only adds to its own rows.
 * For choose_n a candidate not ticked is counted as abstain, so yes + no + abstain = cast for
 * every form and the result reads the same way.
 * A per_candidate ballot that leaves a candidate out counts as abstain for it (API.md "Casting"),
 * so stored boxes are recounted correctly even if written before choices were filled in.
 * A value that does not belong to the ballot throws: it means unchecked input reached the count,
 * which must stop the count rather than be skipped.
 */
export function tallyChoices(def: BallotDefinition, choicesList: readonly Choices[]): Tally {
  const tally = emptyTally(def);
  for (const choices of choicesList) addInPlace(def, tally, choices);
  return tally;
}

/** One more ballot on a live tally, without touching the one given (for incremental live counts). */
export function addChoices(def: BallotDefinition, tally: Tally, choices: Choices): Tally {
  const copy: Tally = copyTally(tally);
  addInPlace(def, copy, choices);
  return copy;
}

function addInPlace(def: BallotDefinition, tally: Tally, choices: Choices): void {
  const record = choices as Record<string, unknown>;
  if (tally.kind === 'motion') {
    const vote = record.vote as YesNoAbstain;
    if (vote !== 'yes' && vote !== 'no' && vote !== 'abstain') throw new TypeError('motion ballot without a valid vote');
    tally[vote] += 1;
    return;
  }
  if (tally.kind === 'evaluation' && tally.form === 'score') {
    for (const row of tally.options) {
      const score = own(record, row.id);
      if (typeof score !== 'number' || !Number.isSafeInteger(score)) throw new TypeError(`evaluation ballot without a valid score for ${row.id}`);
      row.count += 1;
      row.sum += score;
    }
    return;
  }
  if (tally.kind === 'satisfaction' || tally.kind === 'evaluation') {
    for (const row of tally.options) {
      const grade = own(record, row.id) as SatisfactionChoice | undefined;
      if (grade !== 'satisfied' && grade !== 'basic' && grade !== 'unsatisfied') {
        throw new TypeError(`satisfaction ballot without a valid rating for ${row.id}`);
      }
      row[grade] += 1;
    }
    return;
  }
  if (tally.kind !== 'selection') throw new TypeError('tally does not match the ballot kind');
  if ((def.form ?? 'per_candidate') === 'choose_n') {
    const ticked = record.selected;
    if (!Array.isArray(ticked)) throw new TypeError('choose_n ballot without a selected list');
    const set = new Set<unknown>(ticked);
    for (const row of tally.options) {
      if (set.has(row.id)) row.yes += 1;
      else row.abstain += 1;
    }
    return;
  }
  for (const row of tally.options) {
    const vote = (own(record, row.id) ?? 'abstain') as YesNoAbstain;
    if (vote !== 'yes' && vote !== 'no' && vote !== 'abstain') throw new TypeError(`invalid vote for ${row.id}`);
    row[vote] += 1;
  }
}

/** Reads only own properties: an id such as "toString" must never find something on Object.prototype. */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function copyTally(tally: Tally): Tally {
  if (tally.kind === 'motion') return { ...tally };
  if (tally.kind === 'selection') return { kind: 'selection', options: tally.options.map((o) => ({ ...o })) };
  if (tally.kind === 'evaluation') {
    return tally.form === 'score'
      ? { kind: 'evaluation', form: 'score', options: tally.options.map((o) => ({ ...o })) }
      : { kind: 'evaluation', form: 'grade', options: tally.options.map((o) => ({ ...o })) };
  }
  return { kind: 'satisfaction', options: tally.options.map((o) => ({ ...o })) };
}

/**
 * The result object of API.md "Result", keys in the order of its example so the published JSON
 * reads naturally. Options keep ballot order; titles come from the definition.
 * Everything is derived from the tally and the context: the same inputs give a deep-equal object
 * on the server, in the browser and in the verifier, which is what lets a signed result be checked.
 */
export function computeResult(def: BallotDefinition, tally: Tally, ctx: ResultContext): BallotResult {
  const head = { ballotId: ctx.ballotId };
  const counts = { base: ctx.base, baseRule: ctx.baseRule, eligible: ctx.eligible, cast: ctx.cast };

  if (def.kind === 'motion' || tally.kind === 'motion') {
    if (def.kind !== 'motion' || tally.kind !== 'motion') throw new TypeError('tally does not match the ballot kind');
    const result: MotionResult = {
      ...head,
      kind: 'motion',
      question: ctx.question ?? def.question ?? '',
      ...counts,
      yes: tally.yes,
      no: tally.no,
      abstain: tally.abstain,
      passed: motionPasses(tally.yes, ctx.base),
    };
    if (ctx.named) result.named = ctx.named;
    return result;
  }

  if (def.kind === 'satisfaction') {
    if (tally.kind !== 'satisfaction') throw new TypeError('tally does not match the ballot kind');
    const rows = rowsByDefinition(def, tally.options);
    const result: SatisfactionResult = {
      ...head,
      kind: 'satisfaction',
      ...counts,
      options: def.options.map((o, i) => {
        const row = rows[i];
        const { grade, rate } = gradeProject(row, ctx.base);
        return { id: o.id, title: o.title, satisfied: row.satisfied, basic: row.basic, unsatisfied: row.unsatisfied, grade, rate };
      }),
    };
    // 子项: each project once, graded from its items' counts (shared/counting/items.ts)
    if (def.byItem) {
      result.byItem = true;
      result.projects = gradeByItem(def.options.map((o, i) => ({ id: o.id, title: o.title, ...(o.item ? { item: o.item } : {}), satisfied: rows[i].satisfied, basic: rows[i].basic, unsatisfied: rows[i].unsatisfied })), ctx.base);
    }
    return result;
  }

  if (def.kind === 'evaluation') {
    if (tally.kind !== 'evaluation') throw new TypeError('tally does not match the ballot kind');
    const rule = def.evaluation;
    if (tally.form === 'score') {
      const rows = rowsByDefinition(def, tally.options);
      const result: EvaluationResult = {
        ...head, kind: 'evaluation', form: 'score', ...counts, scale: def.evaluation?.scale ?? { min: 0, max: 100 },
        ...(rule?.flags ? { flags: rule.flags } : {}),
        options: scoreResult(def.options.map((o, i) => ({ id: o.id, title: o.title, count: rows[i].count, sum: rows[i].sum })), rule?.flags),
      };
      return result;
    }
    const rows = rowsByDefinition(def, tally.options);
    const result: EvaluationResult = {
      ...head, kind: 'evaluation', form: 'grade', ...counts,
      options: def.options.map((o, i) => {
        const row = rows[i];
        const { grade, rate } = gradeProject(row, ctx.base);
        return { id: o.id, title: o.title, satisfied: row.satisfied, basic: row.basic, unsatisfied: row.unsatisfied, grade, rate };
      }),
    };
    return result;
  }

  if (tally.kind !== 'selection') throw new TypeError('tally does not match the ballot kind');
  if (def.seats === undefined) throw new TypeError('a selection ballot needs seats');
  const rows = rowsByDefinition(def, tally.options);
  const outcome = selectWinners({
    seats: def.seats,
    base: ctx.base,
    options: def.options.map((o, i) => ({ id: o.id, title: o.title, yes: rows[i].yes, no: rows[i].no, abstain: rows[i].abstain })),
  });
  const result: SelectionResult = {
    ...head,
    kind: 'selection',
    form: def.form ?? 'per_candidate',
    seats: def.seats,
    ...counts,
    options: outcome.options,
    selected: outcome.selected,
    tied: outcome.tied,
    shortfall: outcome.shortfall,
  };
  return result;
}

/** Tally rows lined up with the definition's options, so a reordered or partial tally cannot shift counts onto the wrong project. */
function rowsByDefinition<T extends { id: string }>(def: BallotDefinition, rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (byId.size !== def.options.length) throw new TypeError('tally rows do not match the ballot options');
  return def.options.map((o) => {
    const row = byId.get(o.id);
    if (!row) throw new TypeError(`tally has no row for option ${o.id}`);
    return row;
  });
}
