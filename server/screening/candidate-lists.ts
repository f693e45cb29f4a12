// The candidate list (候选项目名单): built by staff, approved by the chairpersons' meeting (主任会议), voted from.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/connect.js';
import { assessments, ballots, candidateLists, projects } from '../db/schema.js';
import { command, publicChange } from '../core/command.js';
import { inBody } from '../bodies/scope.js';
import { moveProjects } from '../projects/transitions.js';
import { shanghaiDate } from '../../shared/execution.js';
import { newId } from '../db/ids.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody, findBody } from '../bodies/tree.js';
import { conflict, fieldError, notFound } from '../core/errors.js';
import { differentialWarnings } from '../../shared/screening.js';
import { iso } from '../db/time.js';
import type { approveInput, candidateListInput } from '../../shared/screening-schemas.js';

type ListRow = typeof candidateLists.$inferSelect;

const listSubject = (l: { id: string; year: number }) => ({ kind: 'candidate_list' as const, id: l.id, label: String(l.year) });

const describeList = (l: ListRow) => ({
  id: l.id, bodyId: l.bodyId, year: l.year, seats: l.seats, projectIds: l.projectIds, ratio: l.ratio, state: l.state,
  meeting: l.meeting, approvedAt: l.approvedAt, createdAt: iso(l.createdAt), warnings: differentialWarnings(l.projectIds.length, l.seats, l.ratio),
});

/**
 * The ballot made from each list that is not cancelled (at most one: a second is 409 list_already_voted), so
 * the console says which ballot the list went to instead of offering to make another.
 */
async function liveBallots(db: DbOrTx, listIds: string[]) {
  const out = new Map<string, { id: string; title: string; state: string; sessionId: string }>();
  if (!listIds.length) return out;
  const rows = await db.select({ id: ballots.id, title: ballots.title, state: ballots.state, sessionId: ballots.sessionId, fromList: ballots.fromList })
    .from(ballots).where(and(inArray(ballots.fromList, listIds), ne(ballots.state, 'cancelled'))).orderBy(asc(ballots.createdAt));
  for (const b of rows) if (b.fromList && !out.has(b.fromList)) out.set(b.fromList, { id: b.id, title: b.title, state: b.state, sessionId: b.sessionId });
  return out;
}

async function withBallots(db: DbOrTx, lists: ListRow[]) {
  const voted = await liveBallots(db, lists.map((l) => l.id));
  return lists.map((l) => ({ ...describeList(l), ballot: voted.get(l.id) ?? null }));
}

async function findList(db: DbOrTx, id: string, lock = false): Promise<ListRow> {
  const q = db.select().from(candidateLists).where(eq(candidateLists.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('候选项目名单');
  return row;
}

/** createCandidateList: a draft list of the year's feasible projects, for its seats (差额 warned below the ratio). */
export const createCandidateList = command<{ bodyId: string } & z.infer<typeof candidateListInput>>()({
  action: 'candidate_list.created', stage: 'screening', roles: ['admin'],
  scope: inBody,
  run: async (cx, input) => {
    const ids = [...new Set(input.projectIds)];
    if (ids.length !== input.projectIds.length) throw fieldError('projectIds', '项目重复 / duplicate projects');
    if (input.seats > ids.length) throw fieldError('seats', '名额不能多于候选项目 / more seats than candidates');
    const rows = await cx.tx.select().from(projects).where(inArray(projects.id, ids)).orderBy(asc(projects.id)).for('share');
    const ok = new Set(rows.filter((p) => p.bodyId === input.bodyId && p.year === input.year && p.status === 'assessed').map((p) => p.id));
    const bad = ids.filter((id) => !ok.has(id));
    if (bad.length) {
      throw conflict('project_not_assessed', `${bad.length} 个项目未经评估为可行，或不属于该人大、该年度 / ${bad.length} project(s) not assessed feasible, or of another body or year: ${bad.slice(0, 5).join(', ')}`);
    }
    const [list] = await cx.tx.insert(candidateLists).values({ id: newId(), bodyId: input.bodyId, year: input.year, seats: input.seats, projectIds: ids, ratio: input.ratio ?? 1.2 }).returning();
    return describeList(list);
  },
  audit: (l) => ({ subject: listSubject(l), detail: { year: l.year, seats: l.seats, projects: l.projectIds.length } }),
});

export async function listCandidateLists(ctx: AppContext, actor: StaffPrincipal, bodyId: string, year?: number) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const where = year === undefined ? eq(candidateLists.bodyId, bodyId) : and(eq(candidateLists.bodyId, bodyId), eq(candidateLists.year, year));
  return withBallots(ctx.db, await ctx.db.select().from(candidateLists).where(where).orderBy(asc(candidateLists.createdAt), asc(candidateLists.id)));
}

export async function getCandidateList(ctx: AppContext, actor: StaffPrincipal, id: string) {
  const l = await findList(ctx.db, id);
  await assertStaffOfBody(ctx.db, actor, l.bodyId);
  return (await withBallots(ctx.db, [l]))[0];
}

/**
 * The chairpersons' meeting approves the list: its projects become candidates and public; the year's
 * other assessments (the infeasible ones with their reasons) are published with them.
 */
export const approveCandidateList = command<{ listId: string } & z.infer<typeof approveInput>>()({
  action: 'candidate_list.approved', stage: 'screening', roles: ['admin'],
  scope: async (cx, input: { listId: string }) => {
    const list = await findList(cx.tx, input.listId, true);
    return { bodyId: list.bodyId, list };
  },
  run: async (cx, input, { list: l }) => {
    if (l.state !== 'draft') throw conflict('list_not_draft', '名单已批准，不能再次批准 / the list is not a draft');
    const rows = await cx.tx.select().from(projects).where(inArray(projects.id, l.projectIds)).orderBy(asc(projects.id)).for('update');
    if (rows.length !== l.projectIds.length) throw conflict('project_not_assessed', '名单中有项目已不存在 / a project of the list no longer exists');
    await moveProjects(cx.tx, rows, 'candidate', 'approveCandidateList');
    await cx.tx.update(assessments).set({ publishedAt: sql`now()` }).where(and(
      sql`${assessments.publishedAt} is null`,
      inArray(assessments.projectId, cx.tx.select({ id: projects.id }).from(projects).where(and(eq(projects.bodyId, l.bodyId), eq(projects.year, l.year), inArray(projects.status, ['candidate', 'infeasible'])))),
    ));
    const [row] = await cx.tx.update(candidateLists).set({ state: 'approved', meeting: input.meeting, approvedAt: input.approvedAt ?? shanghaiDate(cx.ctx.now()) })
      .where(eq(candidateLists.id, l.id)).returning();
    return describeList(row);
  },
  audit: (l) => ({ subject: listSubject(l), detail: { meeting: l.meeting, approvedAt: l.approvedAt, projects: l.projectIds.length, seats: l.seats } }),
  effects: [publicChange],
});
