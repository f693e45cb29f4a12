// What to generate. The defaults are QUALITY.md's "city scale"; the test uses a tiny city.
export interface CityOptions {
  counties: number;
  /** townships per county */
  townships: number;
  years: number;
  /** the last year generated (default: this year in Asia/Shanghai); the years before it are finished */
  endYear: number;
  /** selected projects a year, city-wide, spread over every body */
  projectsPerYear: number;
  /** suggestions in one county-year (the first county, the last year) */
  suggestions: number;
  membersCity: number;
  membersCounty: number;
  membersTownship: number;
  seed: number;
  /** "today", for which reports are already in (default: now) */
  now: Date;
  log?: (line: string) => void;
}

export function cityOptions(partial: Partial<CityOptions> = {}): CityOptions {
  const now = partial.now ?? new Date();
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
  return {
    counties: 10, townships: 10, years: 5, endYear: year, projectsPerYear: 400, suggestions: 50_000,
    membersCity: 400, membersCounty: 200, membersTownship: 30, seed: 20260101, now, ...partial,
  };
}
