// `npm run seed:city` at a tiny scale: the rows it writes, the execution the server derives from them,
// the public list over the whole city, and its refusal to write the city twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { CityExists, seedCity, type CitySeeded } from '../../scripts/city/seed.js';
import type { CityOptions } from '../../scripts/city/options.js';
import { allocate } from '../../scripts/city/projects.js';
import { executionOf } from '../../server/projects/execution.js';
import { bodies, ballots, carryOvers, members, progressReports, projectGrades, projects, suggestions, supervisors, inspections, projectPlans } from '../../server/db/schema.js';
import { gradeProject } from '../../shared/counting/satisfaction.js';
import type { SatisfactionResult } from '../../shared/types.js';
import { failures, verifyPublished } from '../helpers/verify-ballots.js';

let server: TestServer;
let seeded: CitySeeded;
const tiny: Partial<CityOptions> = {
  counties: 2, townships: 2, years: 2, projectsPerYear: 20, suggestions: 500, membersCity: 40, membersCounty: 30, membersTownship: 10,
  endYear: 2026, now: new Date('2026-12-04T08:00:00+08:00'),
};

beforeAll(async () => {
  server = await startTestServer();
  seeded = await seedCity(server.ctx.db, server.ctx.secrets.codeKey, tiny);
}, 120_000);
afterAll(async () => server?.close());

const n = async (table: PgTable, where?: SQL) =>
  (await server.ctx.db.select({ n: count() }).from(table).where(where))[0].n;

describe('seed:city at a tiny scale', () => {
  it('writes 1 city, its counties and townships, members, and 20 selected projects a year with their implementation', async () => {
    expect(await n(bodies)).toBe(1 + 2 + 4);
    expect(await n(members)).toBe(40 + 2 * 30 + 4 * 10);
    const selected = await server.ctx.db.select({ id: projects.id, year: projects.year }).from(projects).where(eq(projects.status, 'selected'));
    expect(selected.length).toBe(40);
    expect(selected.filter((p) => p.year === 2025).length).toBe(20);
    expect(await n(projects, eq(projects.status, 'not_selected'))).toBeGreaterThan(0);
    expect(await n(projects, eq(projects.status, 'candidate'))).toBe(3 * 3);
    expect(await n(projectPlans)).toBe(40);
    expect(await n(progressReports)).toBe(40 * 12);
    expect(await n(inspections)).toBe(40 * 2);
    expect(await n(supervisors)).toBe(40 * 5);
    expect(await n(suggestions)).toBe(500);
    expect(seeded.counts.suggestions).toBe(500);
    // every body carries some (largest remainder over the weights)
    expect(allocate([{ level: 'city' }, { level: 'county' }, { level: 'township' }] as never, 20).reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('supervision groups are members of the project’s body', async () => {
    const rows = await server.ctx.db.select({ p: projects.bodyId, m: members.bodyId }).from(supervisors)
      .innerJoin(projects, eq(projects.id, supervisors.projectId)).innerJoin(members, eq(members.id, supervisors.memberId));
    expect(rows.every((r) => r.p === r.m)).toBe(true);
  });

  it('grades come from published satisfaction ballots whose result agrees with them', async () => {
    const published = await server.ctx.db.select().from(ballots).where(eq(ballots.kind, 'satisfaction'));
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((b) => b.state === 'published')).toBe(true);
    const grades = await server.ctx.db.select().from(projectGrades).where(inArray(projectGrades.ballotId, published.map((b) => b.id)));
    expect(grades.length).toBe(40);
    for (const b of published) {
      const result = b.result as SatisfactionResult;
      for (const o of result.options) {
        expect(gradeProject(o, result.base).grade).toBe(o.grade);
        expect(o.satisfied + o.basic + o.unsatisfied).toBe(result.cast);
        const g = grades.find((x) => x.ballotId === b.id && x.projectId === o.id)!;
        expect(g.grade).toBe(o.grade);
      }
    }
  });

  it('published ballots verify: a sample of every kind, its box recounted to the signed result', async () => {
    const all = await server.ctx.db.select({ id: ballots.id, kind: ballots.kind, state: ballots.state }).from(ballots);
    expect(all.every((b) => b.state === 'published')).toBe(true);
    expect(new Set(all.map((b) => b.kind))).toEqual(new Set(['selection', 'satisfaction', 'evaluation']));
    // one of each kind and every 10th ballot: the file stays quick on a busy machine
    const sample = new Set([...new Map(all.map((b) => [b.kind, b.id])).values(), ...all.filter((_, i) => i % 10 === 0).map((b) => b.id)]);
    const reports = await verifyPublished(server, [...sample]);
    expect(failures(reports)).toEqual([]);
    expect([...reports.values()].every((r) => r.ok && r.checks.some((c) => c.id === 'signature' && c.ok))).toBe(true);
  }, 60_000);

  it('the server derives done, in progress, behind and rectifying from the rows', async () => {
    const selected = await server.ctx.db.select({ id: projects.id, year: projects.year }).from(projects).where(eq(projects.status, 'selected'));
    const exec = await executionOf(server.ctx.db, selected, new Date('2026-12-04T08:00:00+08:00'));
    const seen = new Set(selected.map((p) => `${p.year}:${exec.get(p.id)!.execution}`));
    expect(seen.has('2025:done')).toBe(true);
    for (const e of ['done', 'in_progress', 'behind', 'rectifying']) expect(seen.has(`2026:${e}`), e).toBe(true);
    expect([...seen].some((k) => k.endsWith('not_started'))).toBe(false);
  });

  it('the city-wide public list holds the year’s selected projects of every body, with the ones carried into it', async () => {
    const r = await server.call('GET', `/api/public/bodies/${seeded.cityId}/projects?year=2026`);
    expect(r.status).toBe(200);
    const list = r.body as { id: string; status: string; year: number; bodyName: string; execution: string | null }[];
    const own = list.filter((p) => p.status === 'selected' && p.year === 2026);
    expect(own.length).toBe(20);
    expect(new Set(list.map((p) => p.bodyName)).size).toBe(7);
    // the list derives execution too, as executionOf does today
    const today = await executionOf(server.ctx.db, own.map((p) => ({ id: p.id, year: p.year })), server.ctx.now());
    expect(own.map((p) => p.execution)).toEqual(own.map((p) => today.get(p.id)!.execution));
    const carried = await n(carryOvers, eq(carryOvers.toYear, 2026));
    expect(list.filter((p) => p.year === 2025).length).toBe(carried);
  });

  it('suggestions carry tracking codes, grams and their history; adopted ones count their merged duplicates', async () => {
    const rows = await server.ctx.db.select().from(suggestions).where(eq(suggestions.status, 'adopted'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((s) => s.projectId && s.grams.length > 0 && /^[0-9A-Z]{14}$/.test(s.trackingCode))).toBe(true);
    const [merged] = await server.ctx.db.select({ n: count() }).from(suggestions).where(eq(suggestions.status, 'merged'));
    expect(rows.reduce((a, s) => a + s.supporters - 1, 0)).toBe(merged.n);
    const track = await server.call('GET', `/api/suggestions/${rows[0].trackingCode}`);
    expect(track.status).toBe(200);
    expect(track.body.history.map((h: { status: string }) => h.status)).toEqual(['received', 'adopted']);
  });

  it('refuses to write the city twice', async () => {
    await expect(seedCity(server.ctx.db, server.ctx.secrets.codeKey, tiny)).rejects.toBeInstanceOf(CityExists);
    expect(await n(bodies)).toBe(7);
  });
});
