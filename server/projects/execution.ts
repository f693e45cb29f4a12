// Execution status of projects, read from their plans, reports and grades (the rule: shared/execution.ts).
import { sql } from 'drizzle-orm';
import { anyOf } from '../db/any.js';
import type { DbOrTx } from '../db/connect.js';
import { progressReports, projectGrades, projectPlans } from '../db/schema.js';
import { executionStatus, reportOverdue, type Execution, type Grade } from '../../shared/execution.js';
import { rectifyByOf, supervisionColor, type RedReason, type SupervisionColor } from '../../shared/supervision.js';

/** RECTIFY_DAYS: how long a 不满意 grade gives the department to rectify (default 60 days). */
export const rectifyDays = () => Number(process.env.RECTIFY_DAYS) || 60;

/** Rows by project, grouped once (a city's year asks for hundreds of projects at a time). */
export function byProject<T extends { projectId: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) (m.get(r.projectId) ?? m.set(r.projectId, []).get(r.projectId)!).push(r);
  return m;
}

export interface ExecutionView {
  execution: Execution; percent: number; lastReport: string | null; overdue: boolean; grade: Grade | null;
  /** the supervision colour (shared/supervision.ts) and, when red, why */
  color: SupervisionColor; redReasons: RedReason[];
  /** the 整改 deadline while the latest grade is 不满意 */
  rectifyBy: string | null;
}

/** A project as far as its execution goes; `selectedOn` null for a project selected before it was recorded. */
export interface ExecutionSubject { id: string; year: number; selectedOn?: string | null }

/**
 * What the rule reads of a project's reports, summed in SQL (a province's year has 8,000 projects and 96,000
 * reports; shipping every report to count four facts took seconds): the latest report (by date, then
 * entry), whether any says 100 %, the milestones reached. Given to the rule as the few reports that say
 * exactly that (the rule reads nothing else of them: the latest's date and percent, any ≥ 100, milestones).
 */
async function reportSummaries(db: DbOrTx, ids: string[]) {
  const rows = await db.select({
    projectId: progressReports.projectId,
    lastDate: sql<string>`max(${progressReports.date})`,
    lastPercent: sql<number>`(array_agg(${progressReports.percent} order by ${progressReports.date} desc, ${progressReports.createdAt} desc, ${progressReports.id} desc))[1]`,
    firstDate: sql<string>`min(${progressReports.date})`,
    done: sql<boolean>`bool_or(${progressReports.percent} >= 100)`,
    milestones: sql<string[] | null>`array_agg(distinct ${progressReports.milestone}) filter (where ${progressReports.milestone} is not null)`,
  }).from(progressReports).where(anyOf(progressReports.projectId, ids)).groupBy(progressReports.projectId);
  return new Map(rows.map((r) => {
    // earliest first, the latest last (the rule takes the later-listed of a day's reports)
    const reports: { date: string; percent: number; milestone: string | null }[] = (r.milestones ?? []).map((m) => ({ date: r.firstDate, percent: 0, milestone: m }));
    if (r.done) reports.push({ date: r.firstDate, percent: 100, milestone: null });
    reports.push({ date: r.lastDate, percent: Number(r.lastPercent), milestone: null });
    return [r.projectId, reports];
  }));
}

export async function executionOf(db: DbOrTx, projects: ExecutionSubject[], now: Date): Promise<Map<string, ExecutionView>> {
  const ids = projects.map((p) => p.id);
  if (!ids.length) return new Map();
  const [plans, reportsOf, grades] = await Promise.all([
    db.select({ projectId: projectPlans.projectId, milestones: projectPlans.milestones, completionDate: projectPlans.completionDate }).from(projectPlans).where(anyOf(projectPlans.projectId, ids)),
    reportSummaries(db, ids),
    db.select({ projectId: projectGrades.projectId, grade: projectGrades.grade, publishedAt: projectGrades.publishedAt }).from(projectGrades).where(anyOf(projectGrades.projectId, ids)),
  ]);
  const planOf = new Map(plans.map((x) => [x.projectId, x]));
  const gradesOf = byProject(grades);
  const out = new Map<string, ExecutionView>();
  for (const p of projects) {
    const plan = planOf.get(p.id);
    const mine = reportsOf.get(p.id) ?? [];
    const graded = (gradesOf.get(p.id) ?? []).map((g) => ({ publishedAt: new Date(g.publishedAt).toISOString(), grade: g.grade as Grade }));
    const input = { plan: plan ?? null, reports: mine, grades: graded };
    const { execution, percent } = executionStatus(input, now);
    const last = graded.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt)).at(-1);
    // before any report, the count starts on the day of the selection (or, before that was recorded, the year's start)
    const selectedOn = p.selectedOn ?? `${p.year}-01-01`;
    const rectifyBy = rectifyByOf(graded, rectifyDays());
    const { color, reasons } = supervisionColor({ ...input, selectedOn, rectifyBy }, now);
    out.set(p.id, {
      execution, percent, lastReport: mine.at(-1)?.date ?? null, grade: last?.grade ?? null,
      overdue: execution !== 'done' && reportOverdue(mine, selectedOn, now),
      color, redReasons: reasons, rectifyBy: execution === 'rectifying' ? rectifyBy : null,
    });
  }
  return out;
}
