// Issue 24 in the open data: published evaluations (subjects by name, counts, means, ranks, flags) and the
// bodies' satisfaction rules in export.json; every project's surveys and `composite`, the same as its public
// page, which the verifier recomputes from the export alone (and a tampered copy fails); the CSV's survey and
// composite columns; the stats' combined figure beside its parts; the public evaluations link their notice.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok, submissionKey } from '../helpers/fixtures.js';
import { verifyExport } from '../../scripts/verify-export.js';
import { buildCity, type City } from './support.js';

let server: TestServer;
let city: City;
let evaluationId: string;
let noticeId: string;
const admin = () => ({ token: server.adminToken });
const weights = { members: 0.3, public: 0.6, survey: 0.1 };
const survey = { satisfied: 80, basic: 15, unsatisfied: 5, households: 120, method: '入户调查', date: '2027-07-01' };
const exportJson = async (bodyId: string) => ok(await server.call('GET', `/api/public/bodies/${bodyId}/export.json`));

beforeAll(async () => {
  server = await startTestServer({ today: '2027-08-15' });
  city = await buildCity(server);
  ok(await server.call('PUT', `/api/bodies/${city.a.bodyId}/satisfaction-rule`, { ...admin(), json: { weights } }));
  for (const grade of ['satisfied', 'basic', 'unsatisfied', 'unsatisfied']) {
    ok(await server.call('POST', `/api/public/projects/${city.ids.a1}/ratings`, { json: { grade, deviceKey: randomBytes(24).toString('base64url') } }));
  }
  // an older survey first: the latest one (by date) is the part that counts
  ok(await server.call('POST', `/api/projects/${city.ids.a1}/surveys`, { ...admin(), json: survey }));
  ok(await server.call('POST', `/api/projects/${city.ids.a1}/surveys`, { ...admin(), json: { ...survey, date: '2027-06-01', satisfied: 10, basic: 0, unsatisfied: 90, households: 100 } }));
  ok(await server.call('POST', `/api/projects/${city.ids.a0}/surveys`, { ...admin(), json: { ...survey, satisfied: 50, basic: 30, unsatisfied: 20, households: 100 } }));
  // 部门评议 by secret scores, with a representative among the subjects: means 90, 80, 60 → ranks 1, 2, 3
  const p = { token: city.a.presiderToken };
  const subjects = [{ kind: 'department', name: '县教育局' }, { kind: 'department', name: '县卫健委' }, { kind: 'member', memberId: city.a.members[0].id }];
  const b = ok(await server.call('POST', `/api/sessions/${city.a.sessionId}/ballots`, { ...p, json: { kind: 'evaluation', title: '部门评议', form: 'score', subjects, flags: { red: 1, black: 1 } } }));
  evaluationId = b.id;
  const ids = b.options.map((o: { id: string }) => o.id);
  ok(await server.call('POST', `/api/ballots/${b.id}/open`, p));
  for (const m of city.a.members) {
    ok(await server.call('POST', `/api/ballots/${b.id}/votes`, { token: m.token, json: { submissionKey: submissionKey(), choices: { [ids[0]]: 90, [ids[1]]: 80, [ids[2]]: 60 } } }));
  }
  ok(await server.call('POST', `/api/ballots/${b.id}/close`, p));
  ok(await server.call('POST', `/api/ballots/${b.id}/publish`, p));
  noticeId = ok(await server.call('POST', `/api/sessions/${city.a.sessionId}/notices`, { ...p, json: { ballotId: b.id } })).id;
}, 180_000);
afterAll(async () => server?.close());

describe('export.json', () => {
  it('gives each project its surveys (oldest first) and the composite of its public page', async () => {
    const data = await exportJson(city.cityId);
    for (const id of [city.ids.a0, city.ids.a1, city.ids.b0]) {
      const row = data.projects.find((x: any) => x.id === id);
      const page = ok(await server.call('GET', `/api/public/projects/${id}`));
      expect(row.composite, id).toEqual(page.composite);
    }
    const a1 = data.projects.find((x: any) => x.id === city.ids.a1);
    expect(a1.surveys.map((s: any) => [s.date, s.satisfied, s.households, s.method])).toEqual([['2027-06-01', 10, 100, '入户调查'], ['2027-07-01', 80, 120, '入户调查']]);
    // members: a1's midyear grade is 2 满意 + 4 基本满意 → 1; public 2 of 4 → 0.5; survey 95 of 100
    expect(a1.composite).toEqual({ rate: Math.round(((0.3 * 1 + 0.6 * 0.5 + 0.1 * 0.95) / 1) * 10_000) / 10_000, parts: { members: 1, public: 0.5, survey: 0.95 }, weights });
    expect(data.projects.find((x: any) => x.id === city.ids.b0).composite).toBeNull();
    expect(data.rules).toEqual([{ bodyId: city.a.bodyId, weights, updatedAt: expect.any(String) }]);
  });

  it('holds the published evaluation: subjects by name, counts, means, ranks and flags, and no member id', async () => {
    const data = await exportJson(city.cityId);
    const e = data.ballots.find((b: any) => b.id === evaluationId);
    expect(e.kind).toBe('evaluation');
    expect(e.subjects.map((s: any) => [s.kind, s.name])).toEqual([['department', '县教育局'], ['department', '县卫健委'], ['member', city.a.members[0].name]]);
    expect(e.result.options.map((o: any) => [o.title, o.count, o.mean, o.rank, o.flag])).toEqual([
      ['县教育局', 6, 90, 1, 'red'], ['县卫健委', 6, 80, 2, 'yellow'], [city.a.members[0].name, 6, 60, 3, 'black'],
    ]);
    expect(JSON.stringify(e)).not.toContain(city.a.members[0].id);
    // the county's own export has it too; the other county's does not
    expect((await exportJson(city.a.bodyId)).ballots.some((b: any) => b.id === evaluationId)).toBe(true);
    expect((await exportJson(city.b.bodyId)).ballots.some((b: any) => b.id === evaluationId)).toBe(false);
    expect((await exportJson(city.b.bodyId)).rules).toEqual([]);
  });
});

describe('the verifier on an export', () => {
  it('recomputes every composite and passes an untouched export', async () => {
    const report = verifyExport(await exportJson(city.cityId));
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('fails when a part, a weight or the figure itself was changed', async () => {
    const data = await exportJson(city.cityId);
    const tamper = (f: (d: any) => void) => { const d = structuredClone(data); f(d); return verifyExport(d); };
    const a1 = (d: any) => d.projects.find((x: any) => x.id === city.ids.a1);
    for (const report of [
      tamper((d) => { a1(d).surveys.at(-1).unsatisfied += 20; }),
      tamper((d) => { a1(d).publicRatings.satisfied += 3; }),
      tamper((d) => { a1(d).composite.rate = 0.99; }),
      tamper((d) => { d.rules[0].weights = { members: 0.6, public: 0.3, survey: 0.1 }; }),
      tamper((d) => { d.projects.find((x: any) => x.id === city.ids.b0).composite = a1(d).composite; }),
    ]) {
      expect(report.ok).toBe(false);
      expect(report.checks.some((c) => c.id.startsWith('composite.') && !c.ok)).toBe(true);
    }
    expect(verifyExport({ bodyId: 'x', projects: [{ id: 'p' }], rules: [] }).checks[0].id).toBe('export.shape');
  });

  it('npm run verify -- --export: exit 0 on the download, 1 on a tampered copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-verify-'));
    const good = join(dir, 'export.json');
    const bad = join(dir, 'bad.json');
    const data = await exportJson(city.cityId);
    writeFileSync(good, JSON.stringify(data));
    data.projects.find((x: any) => x.id === city.ids.a1).surveys.at(-1).satisfied = 0;
    writeFileSync(bad, JSON.stringify(data));
    const run = promisify(execFile);
    const passed = await run('npx', ['tsx', 'scripts/verify.ts', '--export', good]);
    expect(passed.stdout).toContain('every check passed');
    const failed = await run('npx', ['tsx', 'scripts/verify.ts', '--export', bad]).then(() => null, (e: { code: number; stdout: string }) => e);
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain('FAIL');
  }, 60_000);
});

describe('CSV, stats and the public evaluations', () => {
  it('the CSV gives the latest survey and the combined figure in their own columns', async () => {
    const res = await fetch(`${server.url}/api/public/bodies/${city.cityId}/export.csv`);
    const rows = parse(Buffer.from(await res.arrayBuffer()), { bom: true, columns: true }) as Record<string, string>[];
    const a1 = ok(await server.call('GET', `/api/public/projects/${city.ids.a1}`));
    expect(rows.find((r) => r.id === city.ids.a1)).toMatchObject({ survey_satisfied: '80', survey_basic: '15', survey_unsatisfied: '5', survey_date: '2027-07-01', composite_rate: String(a1.composite.rate) });
    expect(rows.find((r) => r.id === city.ids.b0)).toMatchObject({ survey_satisfied: '', composite_rate: '' });
  });

  it('the stats show the combined figure under the body\'s rule beside each part, and none without a rule', async () => {
    const stats = ok(await server.call('GET', `/api/public/bodies/${city.a.bodyId}/stats?year=2027`));
    // members: latest grades of a0 (6 满意) and a1 (2 + 4): 12 of 12; public: a1's 2 of 4; survey: a0 80 of 100 + a1 95 of 100
    expect(stats.composite.parts).toEqual({ members: 1, public: 0.5, survey: 175 / 200 });
    expect(stats.composite.rate).toBe(Math.round((0.3 * 1 + 0.6 * 0.5 + 0.1 * 0.875) * 10_000) / 10_000);
    expect(stats.composite.counts.survey).toEqual({ satisfied: 130, basic: 45, unsatisfied: 25 });
    expect(stats.grades.satisfactionRate).toBe(1);
    expect(stats.publicRatings.rate).toBe(0.5);
    expect(ok(await server.call('GET', `/api/public/bodies/${city.b.bodyId}/stats`)).composite).toBeNull();
    // the city has no rule of its own
    expect(ok(await server.call('GET', `/api/public/bodies/${city.cityId}/stats`)).composite).toBeNull();
  });

  it('the public evaluations give each one its notice', async () => {
    const list = ok(await server.call('GET', `/api/public/bodies/${city.a.bodyId}/evaluations`));
    expect(list.find((e: any) => e.ballotId === evaluationId)).toMatchObject({ noticeId, form: 'score', scale: { min: 0, max: 100 } });
  });
});
