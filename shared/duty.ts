// Stations' duty rosters (编组排班): which calendar days a roster shows. Days are calendar dates in
// Asia/Shanghai (shared/execution.ts `shanghaiDate`), written YYYY-MM-DD; a roster shows today and the
// next 14 days (API.md "Representatives and residents").

/** How many days after today the public roster and a representative's card show. */
export const dutyDaysAhead = 14;

/** The calendar day `n` days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** `from`, the day after, … for `count` days. */
export function daysFrom(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** The Monday of the week holding `date` (weeks start on Monday in China). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}
