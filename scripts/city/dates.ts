// Calendar dates (YYYY-MM-DD) as plain strings, the way plans and reports store them.
const day = 86_400_000;

export const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const fromDate = (d: string) => Date.parse(`${d}T00:00:00Z`);
export const addDays = (d: string, n: number) => toDate(fromDate(d) + n * day);
/** an instant in Asia/Shanghai (UTC+8) on that day, at that hour */
export const at = (d: string, hour = 9) => `${d}T${String(hour).padStart(2, '0')}:00:00+08:00`;

/** `n` dates spread evenly from `first` to `last` (inclusive). */
export function spread(first: string, last: string, n: number): string[] {
  const a = fromDate(first);
  const b = Math.max(a, fromDate(last));
  return Array.from({ length: n }, (_, k) => toDate(a + Math.round(((b - a) * k) / Math.max(1, n - 1) / day) * day));
}
