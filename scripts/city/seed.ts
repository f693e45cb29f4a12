// seedCity: the whole generated city, written in big multi-row inserts: the bodies, projects and votes in
// one transaction, then the suggestions body by body (so a province's 300,000 never sit in memory at once).
// The province seed (scripts/province/) is this with other options.
import { recordPublicChange } from '../../server/core/public-changes.js';
import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/connect.js';
import {
  ballotBox, ballotRoll, ballotRounds, ballots, bodies, carryOvers, collectionWindows, departments, inspections, members, progressReports, projectGrades,
  projectItems, projectPlans, projects, rectifications, referralAnswers, referralVisits, referrals, roster, sessions, stations, suggestionEvents, suggestions,
  supervisors, tasks,
} from '../../server/db/schema.js';
import { seededRng } from './rng.js';
import { insertMany } from './batch.js';
import { cityOptions, type CityOptions } from './options.js';
import { generateBodies } from './bodies.js';
import { generateProjects } from './projects.js';
import { generateGrades } from './grades.js';
import { generateVotes } from './votes.js';
import { generateWindows, suggestionPlan, suggestionsOf, type BodySuggestions } from './suggestions.js';
import { bodyName } from './names.js';

export class CityExists extends Error {}

export interface CitySeeded {
  cityId: string; countyIds: string[]; townshipIds: string[]; suggestionsBodyId: string; suggestionsYear: number;
  /** rows written per table, and `selected` (selected projects) */
  counts: Record<string, number>; ms: number;
}

export async function findCity(db: Db, place = cityOptions().place): Promise<string | null> {
  const [row] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.name, bodyName(place)));
  return row?.id ?? null;
}

export async function seedCity(db: Db, codeKey: Buffer, partial: Partial<CityOptions> = {}): Promise<CitySeeded> {
  return writeCity(db, codeKey, cityOptions(partial));
}

/** Generates and writes the city `o` describes; refuses (CityExists, nothing written) when its top body is already there. */
export async function writeCity(db: Db, codeKey: Buffer, o: CityOptions): Promise<CitySeeded> {
  const log = o.log ?? (() => {});
  const t0 = Date.now();
  if (await findCity(db, o.place)) throw new CityExists(`the city (${bodyName(o.place)}) is already in this database: nothing written. Use a fresh database (or DATA_DIR) to generate it again.`);
  const rng = seededRng(o.seed);
  const b = generateBodies(rng, o, codeKey);
  const p = generateProjects(rng, o, b.list);
  const v = generateVotes(rng, o, b.list, p.rows.projects);
  const g = generateGrades(rng, o, b.list, p.selected, v);
  const w = generateWindows(rng, o, b.list);
  log(`generated bodies, projects and votes in memory in ${Date.now() - t0} ms; writing…`);
  const counts: Record<string, number> = {};
  const put = async (tx: Db, name: string, table: Parameters<typeof insertMany>[1], rows: unknown[], quiet = false) => {
    const t = Date.now();
    counts[name] = (counts[name] ?? 0) + (await insertMany(tx, table, rows as never));
    if (!quiet) log(`  ${name.padEnd(18)} ${String(rows.length).padStart(8)} rows  ${Date.now() - t} ms`);
  };
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await put(t, 'bodies', bodies, b.bodyRows);
    await put(t, 'members', members, b.memberRows);
    await put(t, 'projects', projects, p.rows.projects);
    await put(t, 'project_plans', projectPlans, p.rows.plans);
    await put(t, 'progress_reports', progressReports, p.rows.reports);
    await put(t, 'supervisors', supervisors, p.rows.supervisors);
    await put(t, 'inspections', inspections, p.rows.inspections);
    await put(t, 'rectifications', rectifications, p.rows.rectifications);
    await put(t, 'carry_overs', carryOvers, p.rows.carryOvers);
    await put(t, 'project_items', projectItems, p.rows.items);
    await put(t, 'tasks', tasks, p.rows.tasks);
    await put(t, 'departments', departments, v.departments);
    await put(t, 'sessions', sessions, v.sessions);
    await put(t, 'roster', roster, v.roster);
    await put(t, 'ballots', ballots, v.ballots);
    await put(t, 'ballot_box', ballotBox, v.box);
    await put(t, 'ballot_roll', ballotRoll, v.roll);
    await put(t, 'ballot_rounds', ballotRounds, g.rounds);
    await put(t, 'project_grades', projectGrades, g.grades);
    await put(t, 'windows', collectionWindows, w.windows);
  });
  // The suggestions of the last year, a transaction per ~20,000.
  const plan = suggestionPlan(o, b.list);
  const ts = Date.now();
  for (let i = 0; i < plan.length;) {
    const batch: BodySuggestions[] = [];
    for (let n = 0; i < plan.length && n < 20_000; i++) {
      const { body, count } = plan[i];
      batch.push(suggestionsOf(rng, o, body, count, p.selected, w.windowOf.get(`${body.id}:${o.endYear}`)!));
      n += count;
    }
    const all = (k: keyof BodySuggestions): unknown[] => batch.flatMap((x) => x[k] as unknown[]);
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      await put(t, 'stations', stations, all('stations'), true);
      await put(t, 'suggestions', suggestions, all('suggestions'), true);
      await put(t, 'suggestion_events', suggestionEvents, all('events'), true);
      await put(t, 'referrals', referrals, all('referrals'), true);
      await put(t, 'referral_answers', referralAnswers, all('answers'), true);
      await put(t, 'referral_visits', referralVisits, all('visits'), true);
    });
    log(`  suggestions        ${String(counts.suggestions).padStart(8)} rows so far (${i} of ${plan.length} bodies)  ${Date.now() - ts} ms`);
  }
  counts.selected = p.selected.length;
  // Written around the server's own writes: tell running servers their public pages are out of date.
  await recordPublicChange(db, 'staff');
  const ids = (level: string) => b.list.filter((x) => x.level === level).map((x) => x.id);
  return {
    cityId: b.list[0].id, countyIds: ids('county'), townshipIds: ids('township'),
    suggestionsBodyId: plan[0].body.id, suggestionsYear: o.endYear, counts, ms: Date.now() - t0,
  };
}
