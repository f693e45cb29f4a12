// The candidate list (候选项目名单): built by staff, approved by the chairpersons' meeting (主任会议), voted from.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import { assessments, candidateLists, projects } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { StaffPrincipal } from '../core/principal.js';
import { assertStaffOfBody } from '../bodies/tree.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { writeAudit } from '../audit/log.js';
import { findBody } from '../bodies/tree.js';
import { findSession } from '../sessions/queries.js';
import { createBallot } from '../ballots/create.js';
import { differentialWarnings } from '../../shared/screening.js';
import { iso } from '../db/time.js';
import type { approveInput, candidateListInput, listBallotInput } from '../../shared/screening-schemas.js';

type ListRow = typeof candidateLists.$inferSelect;

const describeList = (l: ListRow) => ({
  id: l.id, bodyId: l.bodyId, year: l.year, seats: l.seats, projectIds: l.projectIds, ratio: l.ratio, state: l.state,
  meeting: l.meeting, approvedAt: l.approvedAt, createdAt: iso(l.createdAt), warnings: differentialWarnings(l.projectIds.length, l.seats, l.ratio),
});

async function findList(db: AppContext['db'], id: string, lock = false): Promise<ListRow> {
  const q = db.select().from(candidateLists).where(eq(candidateLists.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('候选项目名单');
  return row;
}

export async function createCandidateList(ctx: AppContext, actor: StaffPrincipal, bodyId: string, input: z.infer<typeof candidateListInput>) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const ids = [...new Set(input.projectIds)];
  if (ids.length !== input.projectIds.length) throw invalid('项目重复 / duplicate projects', [{ field: 'projectIds', message: 'duplicates' }]);
  if (input.seats > ids.length) throw invalid('名额不能多于候选项目 / more seats than candidates', [{ field: 'seats', message: 'more seats than candidates' }]);
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.select().from(projects).where(inArray(projects.id, ids)).orderBy(asc(projects.id)).for('share');
    const ok = new Set(rows.filter((p) => p.bodyId === bodyId && p.year === input.year && p.status === 'assessed').map((p) => p.id));
    const bad = ids.filter((id) => !ok.has(id));
    if (bad.length) {
      throw conflict('project_not_assessed', `${bad.length} 个项目未经评估为可行，或不属于该人大、该年度 / ${bad.length} project(s) not assessed feasible, or of another body or year: ${bad.slice(0, 5).join(', ')}`);
    }
    const [list] = await tx.insert(candidateLists).values({ id: newId(), bodyId, year: input.year, seats: input.seats, projectIds: ids, ratio: input.ratio ?? 1.2 }).returning();
    await writeAudit(tx, { actor, action: 'candidate_list.created', subject: list.id, detail: { year: list.year, seats: list.seats, projects: ids.length } });
    return describeList(list);
  });
}

export async function listCandidateLists(ctx: AppContext, actor: StaffPrincipal, bodyId: string, year?: number) {
  await findBody(ctx.db, bodyId);
  await assertStaffOfBody(ctx.db, actor, bodyId);
  const where = year === undefined ? eq(candidateLists.bodyId, bodyId) : and(eq(candidateLists.bodyId, bodyId), eq(candidateLists.year, year));
  return (await ctx.db.select().from(candidateLists).where(where).orderBy(asc(candidateLists.createdAt), asc(candidateLists.id))).map(describeList);
}

export async function getCandidateList(ctx: AppContext, actor: StaffPrincipal, id: string) {
  const l = await findList(ctx.db, id);
  await assertStaffOfBody(ctx.db, actor, l.bodyId);
  return describeList(l);
}

/** Today in Asia/Shanghai, YYYY-MM-DD. */
const todayInChina = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The chairpersons' meeting approves the list: its projects become candidates and public; the year's
 * other assessments (the infeasible ones with their reasons) are published with them.
 */
export async function approveCandidateList(ctx: AppContext, actor: StaffPrincipal, id: string, input: z.infer<typeof approveInput>) {
  return ctx.db.transaction(async (tx) => {
    const pre = await findList(tx, id);
    await assertStaffOfBody(tx, actor, pre.bodyId);
    const l = await findList(tx, id, true);
    if (l.state !== 'draft') throw conflict('list_not_draft', '名单已批准，不能再次批准 / the list is not a draft');
    const rows = await tx.select().from(projects).where(inArray(projects.id, l.projectIds)).orderBy(asc(projects.id)).for('update');
    const notAssessed = rows.filter((p) => p.status !== 'assessed');
    if (notAssessed.length || rows.length !== l.projectIds.length) {
      throw conflict('project_not_assessed', `名单中有项目已不是"可行"状态 / ${notAssessed.length} project(s) on the list are no longer assessed feasible`);
    }
    await tx.update(projects).set({ status: 'candidate' }).where(inArray(projects.id, l.projectIds));
    await tx.update(assessments).set({ publishedAt: sql`now()` }).where(and(
      sql`${assessments.publishedAt} is null`,
      inArray(assessments.projectId, tx.select({ id: projects.id }).from(projects).where(and(eq(projects.bodyId, l.bodyId), eq(projects.year, l.year), inArray(projects.status, ['candidate', 'infeasible'])))),
    ));
    const [row] = await tx.update(candidateLists).set({ state: 'approved', meeting: input.meeting, approvedAt: input.approvedAt ?? todayInChina() })
      .where(eq(candidateLists.id, id)).returning();
    await writeAudit(tx, { actor, action: 'candidate_list.approved', subject: id, detail: { meeting: input.meeting, approvedAt: row.approvedAt, projects: l.projectIds.length, seats: l.seats } });
    return describeList(row);
  });
}

/** The selection ballot over exactly the approved list, for its seats, in a session of the same body. */
export async function ballotFromList(ctx: AppContext, actor: StaffPrincipal, id: string, input: z.infer<typeof listBallotInput>) {
  const l = await findList(ctx.db, id);
  await assertStaffOfBody(ctx.db, actor, l.bodyId);
  if (l.state !== 'approved') throw conflict('list_not_approved', '候选项目名单尚未批准 / the candidate list is not approved');
  const session = await findSession(ctx.db, input.sessionId).catch(() => { throw invalid('会议不存在 / no such session', [{ field: 'sessionId', message: 'not found' }]); });
  if (session.bodyId !== l.bodyId) throw invalid('会议不属于该人大 / a session of another body', [{ field: 'sessionId', message: 'other body' }]);
  return createBallot(ctx, actor, session.id, {
    kind: 'selection', title: input.title ?? `${l.year} 年度民生实事项目票决`, projectIds: l.projectIds, seats: l.seats, form: input.form ?? 'per_candidate',
  });
}
