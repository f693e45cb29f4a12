// `npm run seed:province` at a smoke scale (0.01): the bodies by level, the rows every selected project
// carries, the suggestions of one body-year and of the year city-wide, the tasks, referrals, items and
// evaluations, and a sample of ballots of every kind that verify (and one that stops verifying when its box is touched).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { failures, verifyPublished } from '../helpers/verify-ballots.js';
import { provinceOptions, seedProvince } from '../../scripts/province/seed.js';
import { CityExists, type CitySeeded } from '../../scripts/city/seed.js';
import { townshipsOf } from '../../scripts/city/options.js';
import {
  ballotBox, ballotRoll, ballots, bodies, inspections, members, progressReports, projectGrades, projectItems, projectPlans, projects, referrals, roster,
  suggestions, supervisors, tasks,
} from '../../server/db/schema.js';

let server: TestServer;
let seeded: CitySeeded;
/** ballots already served (the server keeps a published box in memory once served) */
const served = new Set<string>();
const smoke = { scale: 0.01, years: 2, endYear: 2026, now: new Date('2026-12-04T08:00:00+08:00') };

beforeAll(async () => {
  server = await startTestServer();
  seeded = await seedProvince({ ...smoke, db: server.ctx.db });
}, 120_000);
afterAll(async () => server?.close());

const n = async (table: PgTable, where?: SQL) => (await server.ctx.db.select({ n: count() }).from(table).where(where))[0].n;

describe('seed:province at scale 0.01', () => {
  it('scales 重庆 down: 1 city, 2 districts and counties, 10 townships, 80 selected projects a year', () => {
    const o = provinceOptions(smoke);
    expect([o.counties, o.townshipsTotal, o.projectsPerYear, o.suggestions, o.suggestionsCityWide]).toEqual([2, 10, 80, 700, 3000]);
    expect([0, 1].map((i) => townshipsOf(o, i))).toEqual([5, 5]);
    const full = provinceOptions({ ...smoke, scale: 1 });
    expect([full.counties, full.districts, full.townshipsTotal, full.projectsPerYear, full.suggestions, full.suggestionsCityWide]).toEqual([38, 26, 990, 8000, 70_000, 300_000]);
    expect(Array.from({ length: 38 }, (_, i) => townshipsOf(full, i)).reduce((a, b) => a + b)).toBe(990);
  });

  it('writes the bodies by level with congresses of their real size', async () => {
    const byLevel = await server.ctx.db.select({ level: bodies.level, n: count() }).from(bodies).groupBy(bodies.level);
    expect(Object.fromEntries(byLevel.map((r) => [r.level, r.n]))).toEqual({ city: 1, county: 2, township: 10 });
    expect(seeded.countyIds.length).toBe(2);
    expect(seeded.townshipIds.length).toBe(10);
    expect(await n(members)).toBe(800 + 2 * 250 + 10 * 40);
    const names = (await server.ctx.db.select({ name: bodies.name }).from(bodies)).map((b) => b.name);
    expect(new Set(names).size).toBe(13);
    expect(names).toContain('渝江市人民代表大会常务委员会');
    expect(names.some((x) => /区人民代表大会常务委员会$/.test(x))).toBe(true);
  });

  it('gives every selected project its plan, 12 reports, 2 inspections, a group of 5 and a grade', async () => {
    const selected = await n(projects, eq(projects.status, 'selected'));
    expect(selected).toBe(2 * 80);
    expect(seeded.counts.selected).toBe(selected);
    expect(await n(projectPlans)).toBe(selected);
    expect(await n(progressReports)).toBe(selected * 12);
    expect(await n(inspections)).toBe(selected * 2);
    expect(await n(supervisors)).toBe(selected * 5);
    expect(await n(projectGrades)).toBe(selected);
    // the selection that chose each one is dated
    expect(await n(projects, and(eq(projects.status, 'selected'), isNotNull(projects.selectedOn)))).toBe(selected);
  });

  it('writes the suggestions of one body-year and of the year city-wide, with referrals', async () => {
    expect(await n(suggestions)).toBe(3000);
    expect(await n(suggestions, eq(suggestions.bodyId, seeded.suggestionsBodyId))).toBe(700);
    const bodiesWith = await server.ctx.db.selectDistinct({ b: suggestions.bodyId }).from(suggestions);
    expect(bodiesWith.length).toBe(13);
    expect(await n(referrals)).toBe(await n(suggestions, eq(suggestions.status, 'referred')));
    expect(await n(referrals)).toBeGreaterThan(0);
  });

  it('has 督办单 on late projects, items on some, evaluations of departments and rosters', async () => {
    const late = await n(tasks);
    expect(late).toBeGreaterThan(0);
    expect(await n(tasks, sql`${tasks.state} <> 'closed'`)).toBeGreaterThan(0);
    expect(await n(projectItems)).toBeGreaterThan(0);
    expect(await n(ballots, eq(ballots.kind, 'evaluation'))).toBeGreaterThan(0);
    expect(await n(roster)).toBeGreaterThan(0);
    // one roll mark per box entry, ballot by ballot
    const box = await server.ctx.db.select({ id: ballotBox.ballotId, n: count() }).from(ballotBox).groupBy(ballotBox.ballotId);
    const roll = await server.ctx.db.select({ id: ballotRoll.ballotId, n: count() }).from(ballotRoll).groupBy(ballotRoll.ballotId);
    expect(new Map(roll.map((r) => [r.id, r.n]))).toEqual(new Map(box.map((r) => [r.id, r.n])));
    const cast = await server.ctx.db.select({ id: ballots.id, cast: ballots.cast }).from(ballots);
    expect(new Map(cast.map((r) => [r.id, r.cast]))).toEqual(new Map(box.map((r) => [r.id, r.n])));
  });

  it('a sample of the published ballots of every kind and level verifies', async () => {
    const all = await server.ctx.db.select({ id: ballots.id, kind: ballots.kind, state: ballots.state, level: bodies.level }).from(ballots)
      .innerJoin(sql`sessions`, sql`sessions.id = ${ballots.sessionId}`).innerJoin(bodies, sql`${bodies.id} = sessions.body_id`);
    expect(all.every((b) => b.state === 'published')).toBe(true);
    const sample = [...new Map(all.map((b) => [`${b.kind}:${b.level}`, b.id])).values()];
    expect(sample.length).toBeGreaterThanOrEqual(6);
    sample.forEach((id) => served.add(id));
    const reports = await verifyPublished(server, sample);
    expect(failures(reports)).toEqual([]);
  }, 60_000);

  it('a ballot whose box was touched no longer verifies', async () => {
    const b = (await server.ctx.db.select({ id: ballots.id }).from(ballots).where(eq(ballots.kind, 'selection'))).find((x) => !served.has(x.id))!;
    const [entry] = await server.ctx.db.select().from(ballotBox).where(eq(ballotBox.ballotId, b.id)).limit(1);
    const choices = Object.fromEntries(Object.entries(entry.choices as Record<string, string>).map(([k, v]) => [k, v === 'yes' ? 'no' : 'yes']));
    await server.ctx.db.update(ballotBox).set({ choices }).where(and(eq(ballotBox.ballotId, b.id), eq(ballotBox.receipt, entry.receipt)));
    const reports = await verifyPublished(server, [b.id]);
    expect(failures(reports).length).toBeGreaterThan(0);
  });

  it('refuses to write the province twice', async () => {
    await expect(seedProvince({ ...smoke, db: server.ctx.db })).rejects.toBeInstanceOf(CityExists);
    expect(await n(bodies)).toBe(13);
    expect(await n(ballots, inArray(ballots.kind, ['selection', 'satisfaction', 'evaluation']))).toBe(await n(ballots));
  });
});
