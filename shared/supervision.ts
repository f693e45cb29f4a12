// Supervision colours (PROCESS.md "Supervision colours and tasks, stated exactly"): a pure function of what
// decides the execution status, the day the project was selected, its 整改 deadline and today's date in
// Asia/Shanghai. Blue is done, red opens a 督办单, yellow asks for attention, green is on course.
import { daysBetween, executionStatus, shanghaiDate, type ExecutionInput, type Grade } from './execution.js';

export type SupervisionColor = 'green' | 'yellow' | 'red' | 'blue';
/** Why a project is red, in the order PROCESS.md gives them: a task names the first that holds. */
export type RedReason = 'behind' | 'report_overdue' | 'rectify_overdue';

export const colorRule = {
  /** a missed date more than this many days before today makes a behind project red */
  behindDays: 30,
  /** a report older than this is overdue (yellow) */
  reportDays: 92,
  /** …and older than this, red (92 + 30) */
  silentDays: 122,
} as const;

export interface ColorInput extends ExecutionInput {
  /** the calendar day the selection was published: the count of days without a report starts there */
  selectedOn: string;
  /** the 整改 deadline set by the latest 不满意 grade (rectifyByOf), or null */
  rectifyBy: string | null;
}

export interface ColorView { color: SupervisionColor; reasons: RedReason[] }

/** The earliest date the plan has missed by today (a milestone due and not reached, or the completion date). */
export function earliestMissed(input: ExecutionInput, today: string): string | null {
  const plan = input.plan;
  if (!plan) return null;
  const reached = new Set(input.reports.map((r) => r.milestone).filter((m): m is string => !!m));
  const missed = plan.milestones.filter((m) => m.due < today && !reached.has(m.title)).map((m) => m.due);
  if (plan.completionDate < today) missed.push(plan.completionDate);
  return missed.length ? missed.reduce((a, b) => (a < b ? a : b)) : null;
}

export function supervisionColor(input: ColorInput, now: Date): ColorView {
  const today = shanghaiDate(now);
  const { execution } = executionStatus(input, now);
  if (execution === 'done') return { color: 'blue', reasons: [] };
  const lastReport = input.reports.reduce<string | null>((a, r) => (a === null || r.date > a ? r.date : a), null);
  const silent = daysBetween(lastReport ?? input.selectedOn, today);
  const missed = execution === 'behind' ? earliestMissed(input, today) : null;
  const reasons: RedReason[] = [];
  if (missed !== null && daysBetween(missed, today) > colorRule.behindDays) reasons.push('behind');
  if (silent > colorRule.silentDays) reasons.push('report_overdue');
  if (execution === 'rectifying' && input.rectifyBy !== null && input.rectifyBy < today) reasons.push('rectify_overdue');
  if (reasons.length) return { color: 'red', reasons };
  if (execution === 'behind' || execution === 'rectifying' || silent > colorRule.reportDays) return { color: 'yellow', reasons };
  return { color: 'green', reasons };
}

/** The calendar day `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The 整改 deadline: the publication day (Asia/Shanghai) of the latest grade + `days`, when that grade is 不满意;
 * null otherwise (a later, better grade ends the rectification).
 */
export function rectifyByOf(grades: { publishedAt: string; grade: Grade }[], days: number): string | null {
  const last = [...grades].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt)).at(-1);
  return last?.grade === '不满意' ? addDays(shanghaiDate(new Date(last.publishedAt)), days) : null;
}
