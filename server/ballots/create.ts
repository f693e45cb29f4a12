// createBallot: a draft ballot of a session, with its options frozen from the body's projects.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { ballotRounds, ballots, members, projectItems, projects } from '../db/schema.js';
import { command, live, type CommandContext } from '../core/command.js';
import { newId } from '../db/ids.js';
import { DomainError, conflict, invalid } from '../core/errors.js';
import { findSession, type SessionRow } from '../sessions/queries.js';
import { checkDefinition } from '../../shared/ballot-definition.js';
import type { BallotInput } from '../../shared/schemas.js';
import type { BallotOption, SelectionResult } from '../../shared/types.js';
import { definitionOf, findBallot, optionsOf, type BallotRow } from './queries.js';

const notTied = (message: string) => new DomainError(422, 'not_tied', message);
const field = (name: string, message: string) => invalid(message, [{ field: name, message }]);

/** Fills in a runoff's candidates and seats from its source ballot, refusing anything else. */
async function runoffInput(tx: Tx, sessionId: string, input: BallotInput): Promise<BallotInput> {
  if (input.kind !== 'selection') throw notTied('再次投票只能用于项目票决 / a runoff is a selection ballot');
  const source = await findBallot(tx, input.runoffOf!).catch(() => { throw notTied('原表决不存在 / no such source ballot'); });
  const result = source.result as SelectionResult | null;
  if (source.sessionId !== sessionId || source.kind !== 'selection' || !['closed', 'published'].includes(source.state) || !result?.tied.length) {
    throw notTied('原表决没有并列的候选项目 / the source ballot has no tied candidates');
  }
  const remaining = result.seats - result.selected.length;
  const tied = [...result.tied].sort();
  if (input.projectIds && [...new Set(input.projectIds)].sort().join() !== tied.join()) {
    throw notTied('再次投票的候选项目必须恰好是并列项目 / a runoff holds exactly the tied candidates');
  }
  if (input.seats !== undefined && input.seats !== remaining) throw notTied(`再次投票的名额必须为 ${remaining} / a runoff fills exactly ${remaining} seats`);
  return {
    ...input, projectIds: result.tied, seats: remaining, form: input.form ?? (source.form as BallotInput['form']),
    baseRule: input.baseRule ?? (source.baseRule as BallotInput['baseRule']),
  };
}

function checkFields(input: BallotInput) {
  if (input.kind === 'evaluation') {
    if (!input.subjects) throw field('subjects', '请选择评议对象 / subjects required');
    if (input.form !== 'grade' && input.form !== 'score') throw field('form', '评议须选择满意度测评或无记名打分 / form must be grade or score');
    if (input.form === 'grade' && (input.scale || input.flags)) throw field(input.scale ? 'scale' : 'flags', '满意度测评没有分值和旗 / a graded evaluation has no scale or flags');
    if (input.scale && input.scale.min >= input.scale.max) throw field('scale', '最低分须小于最高分 / min must be below max');
    if (input.flags && input.flags.red + input.flags.black > input.subjects.length) throw field('flags', '红旗与黑旗之和不能多于评议对象 / more flags than subjects');
    if (input.projectIds) throw field('projectIds', '评议的对象不是项目 / an evaluation has subjects, not projects');
    if (input.seats !== undefined) throw field('seats', '只有项目票决有名额 / only a selection has seats');
    if (input.question !== undefined) throw field('question', '只有议案表决有表决事项 / only a motion has a question');
    if (input.round !== undefined) throw field('round', '只有满意度测评有轮次 / only a satisfaction ballot has a round');
    if (input.byItem) throw field('byItem', '只有满意度测评可以按子项测评 / only a satisfaction ballot rates items');
    if (input.secret === false) throw field('secret', '评议必须无记名 / an evaluation is secret');
    return;
  }
  if (input.subjects || input.scale || input.flags) throw field(input.subjects ? 'subjects' : input.scale ? 'scale' : 'flags', '只有评议有评议对象、分值和旗 / only an evaluation has these');
  if (input.form === 'grade' || input.form === 'score') throw field('form', '只有评议按满意度或打分 / grade and score are for evaluations');
  if (input.kind === 'selection') {
    if (!input.projectIds) throw field('projectIds', '请选择候选项目 / projectIds required');
    if (input.seats === undefined) throw field('seats', '请填写应选名额 / seats required');
    if (input.seats > new Set(input.projectIds).size) throw field('seats', '名额不能多于候选项目 / more seats than candidates');
  } else {
    if (input.seats !== undefined) throw field('seats', '只有项目票决有名额 / only a selection has seats');
    if (input.form !== undefined) throw field('form', '只有项目票决有票式 / only a selection has a form');
  }
  if (input.kind === 'satisfaction' && !input.projectIds) throw field('projectIds', '请选择测评项目 / projectIds required');
  if (input.kind !== 'satisfaction' && input.round !== undefined) throw field('round', '只有满意度测评有轮次 / only a satisfaction ballot has a round');
  if (input.kind !== 'satisfaction' && input.byItem) throw field('byItem', '只有满意度测评可以按子项测评 / only a satisfaction ballot rates items');
  if (input.kind === 'motion') {
    if (!input.question) throw field('question', '请填写表决事项 / question required');
    if (input.projectIds) throw field('projectIds', '议案表决没有项目 / a motion has no projects');
  } else {
    if (input.question !== undefined) throw field('question', '只有议案表决有表决事项 / only a motion has a question');
    if (input.secret === false) throw field('secret', '项目票决和满意度测评必须无记名 / only a motion may be named');
  }
}

/** The session of a ballot to be made, open, its body the scope. */
export async function openSession(cx: CommandContext<unknown>, input: { sessionId: string }) {
  const session = await findSession(cx.tx, input.sessionId);
  return { bodyId: session.bodyId, session };
}

/** Checks a ballot's input against its session and freezes its options from the body's projects. */
export async function prepareBallot(tx: Tx, session: SessionRow, raw: BallotInput) {
  if (session.state !== 'open') throw conflict('session_ended', '会议已结束 / the session has ended');
  const input = raw.runoffOf ? await runoffInput(tx, session.id, raw) : raw;
  checkFields(input);
  if (input.kind === 'evaluation') return { input, options: await subjectOptions(tx, session.bodyId, input.subjects!) };
  const ids = [...new Set(input.projectIds ?? [])];
  if (input.projectIds && ids.length !== input.projectIds.length) throw field('projectIds', '项目重复 / duplicate projects');
  const rows = ids.length
    ? await tx.select().from(projects).where(and(eq(projects.bodyId, session.bodyId), inArray(projects.id, ids)))
    : [];
  if (rows.length !== ids.length) throw field('projectIds', '有项目不属于本人大 / some projects are not of this body');
  if (rows.some((p) => p.status === 'withdrawn')) throw field('projectIds', '有项目已撤回 / a project was withdrawn');
  const byId = new Map(rows.map((p) => [p.id, p]));
  const items = input.kind === 'satisfaction' && input.byItem ? await itemsOf(tx, ids) : new Map<string, { id: string; title: string }[]>();
  const options: BallotOption[] = ids.flatMap((id): BallotOption[] => {
    const p = byId.get(id)!;
    const own = items.get(id);
    // 子项: a project with items is rated item by item (option id = item id); one without stays whole
    if (own?.length) return own.map((it) => ({ id: it.id, title: `${p.title} · ${it.title}`, item: { projectId: p.id, projectTitle: p.title, title: it.title }, department: p.department }));
    return [{ id: p.id, title: p.title, department: p.department, investment: p.investment, category: p.category }];
  });
  return { input, options };
}

/** The items (子项) of the given projects, each project's in its own order. */
async function itemsOf(tx: Tx, projectIds: string[]) {
  const rows = projectIds.length
    ? await tx.select({ id: projectItems.id, projectId: projectItems.projectId, title: projectItems.title }).from(projectItems)
      .where(inArray(projectItems.projectId, projectIds)).orderBy(asc(projectItems.projectId), asc(projectItems.position))
    : [];
  const out = new Map<string, { id: string; title: string }[]>();
  for (const r of rows) out.set(r.projectId, [...(out.get(r.projectId) ?? []), { id: r.id, title: r.title }]);
  return out;
}

/** An evaluation's options: one per subject, a department by its name or a member of the body by theirs. */
async function subjectOptions(tx: Tx, bodyId: string, subjects: NonNullable<BallotInput['subjects']>): Promise<BallotOption[]> {
  const memberIds = subjects.flatMap((s) => (s.kind === 'member' ? [s.memberId] : []));
  const rows = memberIds.length ? await tx.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.bodyId, bodyId), inArray(members.id, memberIds))) : [];
  const names = new Map(rows.map((m) => [m.id, m.name]));
  const seen = new Set<string>();
  return subjects.map((s, i) => {
    const key = s.kind === 'member' ? `m:${s.memberId}` : `d:${s.name}`;
    if (seen.has(key)) throw field(`subjects.${i}`, '评议对象重复 / a subject is named twice');
    seen.add(key);
    if (s.kind === 'member' && !names.has(s.memberId)) throw field(`subjects.${i}.memberId`, '不是本级人大的代表 / not a member of this body');
    return { id: newId(), title: s.kind === 'member' ? names.get(s.memberId)! : s.name, subject: s };
  });
}

/** Inserts the draft ballot (and a satisfaction ballot's round). */
export async function insertBallot(tx: Tx, sessionId: string, input: BallotInput, options: BallotOption[]) {
  const [ballot] = await tx.insert(ballots).values({
    id: newId(), sessionId, kind: input.kind, title: input.title,
    form: input.kind === 'selection' ? (input.form as 'per_candidate' | 'choose_n' | undefined) ?? 'per_candidate' : null,
    evaluation: input.kind === 'evaluation'
      ? { subjects: input.subjects!, form: input.form as 'grade' | 'score', ...(input.form === 'score' ? { scale: input.scale ?? { min: 0, max: 100 } } : {}), ...(input.flags ? { flags: input.flags } : {}) }
      : null,
    seats: input.kind === 'selection' ? input.seats! : null,
    question: input.kind === 'motion' ? input.question! : null,
    secret: input.secret ?? true, baseRule: input.baseRule ?? 'roster', runoffOf: input.runoffOf ?? null, options,
    byItem: input.kind === 'satisfaction' && !!input.byItem,
  }).returning();
  const problem = checkDefinition(definitionOf(ballot));
  if (problem) throw invalid(problem);
  if (input.kind === 'satisfaction' && input.round) await tx.insert(ballotRounds).values({ ballotId: ballot.id, round: input.round });
  return ballot;
}

export const ballotSubject = (b: { id: string; title: string }) => ({ kind: 'ballot' as const, id: b.id, label: b.title });
export const ballotCreatedDetail = (b: BallotRow) => ({
  title: b.title, kind: b.kind, seats: b.seats, form: b.form, options: optionsOf(b).map((o) => o.id), runoffOf: b.runoffOf, ...(b.byItem ? { byItem: true } : {}),
});

/** createBallot: a draft ballot of a session, with its options frozen from the body's projects. */
export const createBallot = command<{ sessionId: string } & BallotInput>()({
  action: 'ballot.created', stage: 'vote', roles: ['admin', 'presider'],
  scope: openSession,
  run: async (cx, { sessionId: _s, ...raw }, { session }) => {
    const { input, options } = await prepareBallot(cx.tx, session, raw);
    return insertBallot(cx.tx, session.id, input, options);
  },
  audit: (b) => ({ action: b.runoffOf ? 'ballot.runoff_created' : 'ballot.created', sessionId: b.sessionId, subject: ballotSubject(b), detail: ballotCreatedDetail(b) }),
  effects: (b) => [live(b.sessionId)],
});
