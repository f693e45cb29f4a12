// The demo county's 评议 right after `npm start` (issue 24): a 2026 scored evaluation of its departments with
// red and black flags, one representative's 述职评议 by grade, both published with boxes and signed results
// that the independent verifier accepts; the body's 60/30/10 rule; a household survey, so one project's public
// page shows the combined satisfaction; and one project with items.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { seedDemo } from '../../server/demo/seed.js';
import { demoRule, evaluatedDepartments } from '../../server/demo/evaluation.js';
import { ok } from '../helpers/fixtures.js';
import { verifyBox } from '../../scripts/verify-lib.js';

let server: TestServer;
let bodyId = '';
type Subject = { kind: string; name: string; mean?: number; rank?: number; flag?: string; grade?: string; rate?: number };
type Evaluation = { ballotId: string; title: string; form: string; subjects: Subject[] };
let evaluations: Evaluation[] = [];
beforeAll(async () => {
  server = await startTestServer();
  ({ bodyId } = await seedDemo(server.ctx));
  evaluations = ok(await server.call('GET', `/api/public/bodies/${bodyId}/evaluations?year=2026`));
}, 120_000);
afterAll(async () => { await server?.close(); });

it('publishes a scored 2026 evaluation of the departments, two red flags and one black', () => {
  const scored = evaluations.filter((e) => e.form === 'score');
  expect(scored).toHaveLength(1);
  const { subjects } = scored[0];
  expect(subjects.map((s) => s.name).sort()).toEqual(evaluatedDepartments.map(([n]) => n).sort());
  expect(subjects.every((s) => s.kind === 'department' && typeof s.mean === 'number')).toBe(true);
  const byRank = [...subjects].sort((a, b) => a.rank! - b.rank!);
  expect(byRank.filter((s) => s.flag === 'red').map((s) => s.name)).toEqual(['县教育局', '县卫生健康局']);
  expect(byRank.filter((s) => s.flag === 'black').map((s) => s.name)).toEqual(['县城市管理局']);
  expect(byRank.filter((s) => s.flag === 'yellow')).toHaveLength(evaluatedDepartments.length - 3);
});

it('publishes one representative\'s 述职评议 by grade', async () => {
  const graded = evaluations.filter((e) => e.form === 'grade');
  expect(graded).toHaveLength(1);
  expect(graded[0].subjects).toHaveLength(1);
  const [s] = graded[0].subjects;
  expect(s.kind).toBe('member');
  expect(s.grade).toBe('满意');
  expect(s.rate).toBeGreaterThan(0.9);
});

it('the two evaluation boxes and signed results verify', async () => {
  expect(evaluations).toHaveLength(2);
  const jwks = ok(await server.call('GET', '/api/public/keys'));
  for (const e of evaluations) {
    const [box, jws] = await Promise.all([server.call('GET', `/api/ballots/${e.ballotId}/box`), server.call('GET', `/api/ballots/${e.ballotId}/result.jws`)]);
    expect(box.status).toBe(200);
    expect(box.body.entries.length).toBe(30);
    const report = await verifyBox(box.body, { jws: jws.body as string, jwks });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
  }
}, 60_000);

it('has the published 60/30/10 rule and a surveyed project whose public page shows the combined satisfaction', async () => {
  const rule = ok(await server.call('GET', `/api/public/bodies/${bodyId}/satisfaction-rule`));
  expect(rule.weights).toEqual(demoRule);
  expect(rule.weights.survey + rule.weights.members + rule.weights.public).toBeCloseTo(1, 6);
  const y = ok(await server.call('GET', `/api/bodies/${bodyId}/implementation?year=2026`, { token: server.adminToken }));
  const pages = await Promise.all((y.projects as { id: string }[]).map(async (p) => ok(await server.call('GET', `/api/public/projects/${p.id}`))));
  const withAll = pages.filter((p) => p.composite && p.composite.parts.survey !== undefined && p.composite.parts.survey !== null);
  expect(withAll).toHaveLength(1);
  const { composite, title } = withAll[0];
  expect(title).toMatch(/明厨亮灶/);
  expect(composite.weights).toEqual(demoRule);
  expect(composite.parts.survey).toBeCloseTo((158 + 27) / (158 + 27 + 7), 6);
  expect(typeof composite.parts.members).toBe('number');
  expect(typeof composite.parts.public).toBe('number');
  expect(composite.rate).toBeGreaterThan(0);
  expect(composite.rate).toBeLessThanOrEqual(1);
  // one project of the year has items (子项)
  expect(pages.filter((p) => p.items.length)).toHaveLength(1);
}, 60_000);
