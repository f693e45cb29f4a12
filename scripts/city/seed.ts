// seedCity: the whole generated city, written in big multi-row inserts inside two transactions.
import { recordPublicChange } from '../../server/core/public-changes.js';
import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/connect.js';
import {
  ballotRounds, ballots, bodies, carryOvers, collectionWindows, inspections, members, progressReports, projectGrades, projectPlans, projects,
  rectifications, sessions, stations, suggestionEvents, suggestions, supervisors,
} from '../../server/db/schema.js';
import { seededRng } from './rng.js';
import { insertMany } from './batch.js';
import { cityOptions, type CityOptions } from './options.js';
import { generateBodies } from './bodies.js';
import { generateProjects } from './projects.js';
import { generateGrades } from './grades.js';
import { generateSuggestions } from './suggestions.js';
import { cityName } from './names.js';

export class CityExists extends Error {}

export interface CitySeeded { cityId: string; countyIds: string[]; suggestionsBodyId: string; suggestionsYear: number; counts: Record<string, number>; ms: number }

export async function findCity(db: Db): Promise<string | null> {
  const [row] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.name, cityName));
  return row?.id ?? null;
}

export async function seedCity(db: Db, codeKey: Buffer, partial: Partial<CityOptions> = {}): Promise<CitySeeded> {
  const o = cityOptions(partial);
  const log = o.log ?? (() => {});
  const t0 = Date.now();
  if (await findCity(db)) throw new CityExists(`the city (${cityName}) is already in this database: nothing written. Use a fresh database (or DATA_DIR) to generate it again.`);
  const rng = seededRng(o.seed);
  const b = generateBodies(rng, o, codeKey);
  const p = generateProjects(rng, o, b.list);
  const g = generateGrades(rng, o, b.list, p.selected);
  const s = generateSuggestions(rng, o, b.list, p.selected);
  log(`generated in memory in ${Date.now() - t0} ms; writing…`);
  const counts: Record<string, number> = {};
  const put = async (tx: Db, name: string, table: Parameters<typeof insertMany>[1], rows: unknown[]) => {
    const t = Date.now();
    counts[name] = await insertMany(tx, table, rows as never);
    log(`  ${name.padEnd(16)} ${String(rows.length).padStart(7)} rows  ${Date.now() - t} ms`);
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
    await put(t, 'sessions', sessions, g.sessions);
    await put(t, 'ballots', ballots, g.ballots);
    await put(t, 'ballot_rounds', ballotRounds, g.rounds);
    await put(t, 'project_grades', projectGrades, g.grades);
  });
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await put(t, 'windows', collectionWindows, s.windows);
    await put(t, 'stations', stations, s.stations);
    await put(t, 'suggestions', suggestions, s.suggestions);
    await put(t, 'suggestion_events', suggestionEvents, s.events);
  });
  counts.selected = p.selected.length;
  // Written around the server's own writes: tell running servers their public pages are out of date.
  await recordPublicChange(db, 'staff');
  return {
    cityId: b.list[0].id, countyIds: b.list.filter((x) => x.level === 'county').map((x) => x.id),
    suggestionsBodyId: s.countyId, suggestionsYear: s.year, counts, ms: Date.now() - t0,
  };
}
