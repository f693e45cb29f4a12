// GET /api/public/projects/:id: everything public about one project, from suggestion to evaluation.
// Never a contact, a member id or a tracking code: supervisors by name, inspections without their author.
import { and, asc, desc, eq, min, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import {
  assessments, ballots, bodies, carryOvers, inspections, members, notices, projectGrades, projectPlans, rectifications, sessions, suggestions, supervisors,
} from '../db/schema.js';
import { notFound } from '../core/errors.js';
import { reservedFromOf, supportersOf } from '../projects/views.js';
import { iso } from '../db/time.js';
import { rowsOf } from '../db/connect.js';
import { describeProject, findProject } from '../projects/find.js';
import { isProjectPublic, publicAssessments } from '../projects/public.js';
import { executionOf } from '../projects/execution.js';
import { photoUrls, projectProgress } from '../projects/progress.js';
import { describeGrade } from '../projects/grades.js';
import { tasksOfProjects } from '../projects/tasks.js';
import { ratingSummaries, visibleComments } from '../projects/ratings.js';
import { compositeOf } from '../projects/composite.js';
import { itemsOfProject } from '../projects/items.js';
import type { SelectionResult } from '../../shared/types.js';
import { buildTimeline } from '../../shared/portal-timeline.js';


/**
 * The published selection vote over a project (the latest, if a runoff followed): its day, the project's counts
 * of the base (赞成 yes / base), and where to read it — the signed result and the presidium's notice, if issued.
 */
async function selectionVote(ctx: AppContext, projectId: string) {
  const [b] = await ctx.db.select({ id: ballots.id, title: ballots.title, result: ballots.result, publishedAt: ballots.publishedAt, sessionId: ballots.sessionId, sessionName: sessions.name })
    .from(ballots).innerJoin(sessions, eq(sessions.id, ballots.sessionId))
    .where(and(eq(ballots.kind, 'selection'), eq(ballots.state, 'published'), sql`${ballots.options} @> ${JSON.stringify([{ id: projectId }])}::jsonb`))
    .orderBy(desc(ballots.publishedAt)).limit(1);
  const result = b?.result as SelectionResult | null;
  const option = result?.options.find((o) => o.id === projectId);
  if (!b?.publishedAt || !result || !option) return null;
  const [notice] = await ctx.db.select({ id: notices.id, number: notices.number, title: notices.title }).from(notices).where(eq(notices.ballotId, b.id));
  return {
    at: iso(b.publishedAt), ballotId: b.id, title: b.title, sessionName: b.sessionName,
    yes: option.yes, no: option.no, abstain: option.abstain, base: result.base, cast: result.cast, status: option.status, selected: option.status === 'selected',
    notice: notice ? { id: notice.id, number: notice.number, title: notice.title } : null,
  };
}

/** Every suggestion behind the project: its adopted ones and all merged into them (at any depth). */
async function suggestionsBehind(ctx: AppContext, projectId: string): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(await ctx.db.execute(sql`
    with recursive chain(id) as (
      select id from suggestions where project_id = ${projectId} and status = 'adopted'
      union select s.id from suggestions s join chain c on s.merged_into = c.id
    ) select count(*) as n from chain`));
  return Number(row?.n ?? 0);
}

export async function publicProjectPage(ctx: AppContext, projectId: string) {
  const p = await findProject(ctx.db, projectId);
  if (!(await isProjectPublic(ctx.db, p))) throw notFound('项目');
  const db = ctx.db;
  const [[body], support, [firstSuggestion], assessed, progress, group, inspected, rectified, grades, ratings, comments, [carried], [planRow], vote, behind] = await Promise.all([
    db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, p.bodyId)),
    supportersOf(db, [p.id]),
    db.select({ at: min(suggestions.createdAt) }).from(suggestions).where(and(eq(suggestions.projectId, p.id), eq(suggestions.status, 'adopted'))),
    publicAssessments(db, [p.id]),
    projectProgress(db, p.id),
    db.select({ name: members.name, lead: supervisors.lead }).from(supervisors).innerJoin(members, eq(members.id, supervisors.memberId))
      .where(eq(supervisors.projectId, p.id)).orderBy(desc(supervisors.lead), asc(members.name)),
    db.select().from(inspections).where(eq(inspections.projectId, p.id)).orderBy(desc(inspections.date), desc(inspections.createdAt)),
    db.select().from(rectifications).where(eq(rectifications.projectId, p.id)).orderBy(desc(rectifications.date), desc(rectifications.createdAt)),
    db.select().from(projectGrades).where(eq(projectGrades.projectId, p.id)).orderBy(asc(projectGrades.publishedAt)),
    ratingSummaries(db, [p.id]),
    visibleComments(db, p.id),
    db.select().from(carryOvers).where(eq(carryOvers.projectId, p.id)),
    db.select({ updatedAt: projectPlans.updatedAt }).from(projectPlans).where(eq(projectPlans.projectId, p.id)),
    selectionVote(ctx, p.id),
    suggestionsBehind(ctx, p.id),
  ]);
  const s = support.get(p.id)!;
  const assessment = assessed.get(p.id) ?? null;
  const exec = p.status === 'selected' ? (await executionOf(db, [p], ctx.now())).get(p.id)! : null;
  // 督办单: when opened and why, due, the department's answer, when closed (staff's notes stay with staff)
  const tasks = ((await tasksOfProjects(db, [p.id], ctx.now())).get(p.id) ?? [])
    .map((t) => ({ id: t.id, reason: t.reason, openedAt: t.openedAt, due: t.due, state: t.state, escalated: t.escalated, answer: t.answer, closedAt: t.closedAt }));
  const timeline = buildTimeline({
    // the count is every suggestion behind the project (the merged repeats too), as 点单 says
    suggestions: firstSuggestion?.at ? { at: iso(firstSuggestion.at), count: behind, supporters: s.supporters } : null,
    listedAt: p.status !== 'infeasible' && assessment ? (await listedAt(ctx, p.id)) : null,
    vote,
    plan: progress.plan && planRow ? { at: iso(planRow.updatedAt), department: p.department, completionDate: progress.plan.completionDate } : null,
    reports: progress.progress.map((r) => ({ date: r.date, percent: r.percent, milestone: r.milestone })),
    rectifications: rectified, inspections: inspected,
    grades: grades.map((g) => ({ publishedAt: iso(g.publishedAt), round: g.round, grade: g.grade, rate: g.rate })),
    carriedOver: carried ? { at: iso(carried.createdAt), toYear: carried.toYear } : null,
  });
  return {
    ...describeProject(p), createdAt: iso(p.createdAt), bodyName: body?.name ?? null, supporters: s.supporters, suggestions: s.suggestionIds.length, suggestionsBehind: behind,
    // taken from the reserve (储备库) of an earlier year: `{id, year}` of that project
    reservedFrom: (await reservedFromOf(db, [p])).get(p.id) ?? null,
    assessment, plan: progress.plan, progress: progress.progress,
    // 子项: each item's title, target and percent
    items: await itemsOfProject(db, p.id),
    supervisors: { lead: group.find((m) => m.lead)?.name ?? null, members: group.map((m) => m.name) },
    inspections: inspected.map((i) => ({ id: i.id, date: i.date, findings: i.findings, photos: photoUrls(i.photos) })),
    rectifications: rectified.map((r) => ({ id: r.id, date: r.date, note: r.note, photos: photoUrls(r.photos) })),
    grades: grades.map(describeGrade),
    publicRatings: ratings.get(p.id)!,
    comments,
    // (a project not carried over has no row: `[carried]` is then undefined, whatever its type says)
    carriedOverFrom: carried ? carried.fromYear : null, carriedOverTo: carried ? carried.toYear : null,
    execution: exec?.execution ?? null, percent: exec ? exec.percent : null, color: exec?.color ?? null, redReasons: exec?.redReasons ?? [], rectifyBy: exec?.rectifyBy ?? null,
    // the body's 综合满意度 over the parts present, each part shown as well (null without a rule or a part)
    composite: await compositeOf(db, p),
    // 定单: the vote's day, counts, signed result and notice (null before a published selection)
    vote,
    tasks,
    timeline,
  };
}

/** When the project's assessment became public: the approval of its year's candidate list (定单). */
async function listedAt(ctx: AppContext, projectId: string): Promise<string | null> {
  const [a] = await ctx.db.select({ at: assessments.publishedAt }).from(assessments).where(eq(assessments.projectId, projectId));
  return a?.at ? iso(a.at) : null;
}
