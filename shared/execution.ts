// Execution status of a selected project (PROCESS.md "Project execution, stated exactly"): a pure function
// of its plan, its progress reports, its published grades and today's date in Asia/Shanghai.

export type Execution = 'not_started' | 'in_progress' | 'behind' | 'done' | 'rectifying';
/** Every execution state, in the order lists and charts show them (zod-free: the public body page reads it). */
export const executions: Execution[] = ['not_started', 'in_progress', 'behind', 'done', 'rectifying'];
export type Grade = '满意' | '基本满意' | '不满意';
/** A grade as the rating choice it counts (choice.satisfied …), so a screen shows it in its reader's language. */
export const gradeChoice: Record<Grade, 'satisfied' | 'basic' | 'unsatisfied'> = { 满意: 'satisfied', 基本满意: 'basic', 不满意: 'unsatisfied' };

export interface ExecutionInput {
  plan?: { milestones: { title: string; due: string }[]; completionDate: string } | null;
  /** progress reports: calendar date, percent, the milestone reached (if any) */
  reports: { date: string; percent: number; milestone?: string | null }[];
  /** published satisfaction grades, with when each was published */
  grades: { publishedAt: string; grade: Grade }[];
}

/** The calendar day (YYYY-MM-DD) of an instant in Asia/Shanghai, where the bodies are. */
export function shanghaiDate(instant: Date): string {
  // The same instant again (a dashboard derives 8,000 projects at one "now", several times each) is not formatted again.
  const ms = instant.getTime();
  if (ms !== lastInstant) {
    lastInstant = ms;
    lastDay = shanghaiDays.format(instant);
  }
  return lastDay;
}
let lastInstant = Number.NaN;
let lastDay = '';
// Made once: building an Intl formatter costs far more than using it (a city's stats derive thousands).
const shanghaiDays = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The latest report: by date, the later-listed one on the same day. */
function latest<T extends { date: string }>(reports: T[]): T | undefined {
  let best: T | undefined;
  for (const r of reports) if (!best || r.date >= best.date) best = r;
  return best;
}

export function executionStatus(input: ExecutionInput, now: Date): { execution: Execution; percent: number } {
  const today = shanghaiDate(now);
  const last = latest(input.reports);
  const percent = last ? last.percent : 0;
  const lastGrade = [...input.grades].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt)).at(-1);
  if (lastGrade?.grade === '不满意') return { execution: 'rectifying', percent };
  if (input.reports.some((r) => r.percent >= 100)) return { execution: 'done', percent };
  const reached = new Set(input.reports.map((r) => r.milestone).filter((m): m is string => !!m));
  const plan = input.plan;
  if (plan && (plan.completionDate < today || plan.milestones.some((m) => m.due < today && !reached.has(m.title)))) return { execution: 'behind', percent };
  if (input.reports.length) return { execution: 'in_progress', percent };
  return { execution: 'not_started', percent };
}

/** Days between two calendar dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A report is overdue when the last one (or, before any, the day the project was selected) is more than 92 days old. */
export function reportOverdue(reports: { date: string }[], since: string, now: Date): boolean {
  const from = latest(reports)?.date ?? since;
  return daysBetween(from, shanghaiDate(now)) > 92;
}
