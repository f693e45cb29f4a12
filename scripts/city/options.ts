// What to generate. The defaults are QUALITY.md's "city scale"; the test uses a tiny city.
export interface CityOptions {
  /** the city's place name (江川市); its standing committee is the top body */
  place: string;
  counties: number;
  /** the first `districts` counties are 区 (districts), the rest 县 */
  districts: number;
  /** townships per county */
  townships: number;
  /** when set, this many townships in all, spread as evenly as they go over the counties (overrides `townships`) */
  townshipsTotal?: number;
  years: number;
  /** the last year generated (default: this year in Asia/Shanghai); the years before it are finished */
  endYear: number;
  /** selected projects a year, city-wide, spread over every body */
  projectsPerYear: number;
  /** suggestions in one county-year (the first county, the last year) */
  suggestions: number;
  /** suggestions in the last year city-wide, that county's included (0: only that county's) */
  suggestionsCityWide: number;
  /** share of selected projects with items (子项), of behind/rectifying ones with a 督办单, of the city's and counties' years with an evaluation of departments */
  itemsRate: number;
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
    place: '江川市', counties: 10, districts: 0, townships: 10, years: 5, endYear: year, projectsPerYear: 400, suggestions: 50_000, suggestionsCityWide: 0, itemsRate: 0.3,
    membersCity: 400, membersCounty: 200, membersTownship: 30, seed: 20260101, now, ...partial,
  };
}

/** How many townships county `i` has. */
export function townshipsOf(o: CityOptions, i: number): number {
  if (o.townshipsTotal === undefined) return o.townships;
  return Math.floor(o.townshipsTotal / o.counties) + (i < o.townshipsTotal % o.counties ? 1 : 0);
}
