// Dates a person types about a project's work (a report's, an inspection's, a rectification's, an answer's, a
// visit's): they lie from 1 January of the year before the project's year to today in Asia/Shanghai, both
// included (API.md "Conventions"). A report dated 2099-12-31 must not clear an overdue flag.
import { shanghaiDate } from './execution.js';

export function typedDateProblem(date: string, projectYear: number, now: Date): string | null {
  const from = `${projectYear - 1}-01-01`;
  const today = shanghaiDate(now);
  if (date < from) return `日期不能早于 ${from} / the date cannot be before ${from}`;
  if (date > today) return `日期不能晚于今天（${today}）/ the date cannot be after today (${today})`;
  return null;
}
