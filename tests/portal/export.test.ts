// GET /api/public/bodies/:bodyId/export.csv | export.json, and their signed digests: everything public for
// the body and below, streamed; CSV with BOM that parses back; no private data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { compactVerify, importJWK } from 'jose';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok } from '../helpers/fixtures.js';
import { exportColumns } from '../../server/portal/csv.js';
import { projects } from '../../server/db/schema.js';
import { buildCity, type City } from './support.js';

let server: TestServer;
let city: City;
const raw = async (path: string) => {
  const res = await fetch(server.url + path);
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
};

beforeAll(async () => {
  server = await startTestServer({ today: '2027-08-15' });
  city = await buildCity(server);
}, 120_000);
afterAll(async () => server?.close());

describe('CSV export', () => {
  it('is UTF-8 with a BOM, one public project a row, and parses back (quotes, commas, line breaks)', async () => {
    const r = await raw(`/api/public/bodies/${city.cityId}/export.csv?year=2027`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/);
    expect([...r.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(Buffer.from(r.bytes), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0])).toEqual(exportColumns.map((c) => c.name));
    const ids = Object.values(city.ids).filter((id) => id !== city.ids.aDraft);
    expect(records.map((x) => x.id).sort()).toEqual(ids.sort());
    const sug = records.find((x) => x.id === city.ids.aSug)!;
    expect(sug).toMatchObject({ title: '幸福路口信号灯, "安全" 工程\n二期', supporters: '2', suggestions: '2', investment: '50.5', status: 'selected', execution: 'not_started' });
    expect(records.find((x) => x.id === city.ids.a0)).toMatchObject({ execution: 'in_progress', percent: '60', grade: '满意', grade_round: 'midyear', grade_rate: '1' });
    expect(records.find((x) => x.id === city.ids.a1)).toMatchObject({ execution: 'done', grade: '基本满意' });
    // a county alone; another year: the header only
    const b = parse(Buffer.from((await raw(`/api/public/bodies/${city.b.bodyId}/export.csv`)).bytes), { bom: true, columns: true }) as { id: string }[];
    expect(b.map((x) => x.id).sort()).toEqual([city.ids.b0, city.ids.b1].sort());
    expect(parse(Buffer.from((await raw(`/api/public/bodies/${city.cityId}/export.csv?year=2030`)).bytes), { bom: true, columns: true })).toEqual([]);
  });

  it('neutralises text a spreadsheet would run as a formula, keeps numbers, and still parses back', async () => {
    // A body of its own, so the city's counts elsewhere in this file stay as they are.
    const body = ok(await server.call('POST', '/api/bodies', { token: server.adminToken, json: { name: '公式县人大', level: 'county' } }));
    const title = '=HYPERLINK("http://evil.example","点我")';
    await server.ctx.db.insert(projects).values({ id: 'formula0001x', bodyId: body.id, year: 2027, title, description: '@SUM(1+1)', category: '+教育', department: '-2+3', investment: -3, status: 'candidate' });
    const r = await raw(`/api/public/bodies/${body.id}/export.csv`);
    const [row] = parse(Buffer.from(r.bytes), { bom: true, columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ title: `'${title}`, description: "'@SUM(1+1)", category: "'+教育", department: "'-2+3", investment: '-3' });
    // the digest covers the same (neutralised) bytes
    const d = ok(await server.call('GET', `/api/public/bodies/${body.id}/export.csv.sha256`));
    expect(d.sha256).toBe(createHash('sha256').update(r.bytes).digest('hex'));
    // the JSON export is data, not a spreadsheet: unchanged
    const json = ok(await server.call('GET', `/api/public/bodies/${body.id}/export.json`));
    expect(json.projects[0]).toMatchObject({ title, department: '-2+3', investment: -3 });
  });

  it('refuses an unknown body and a bad year', async () => {
    expect((await raw('/api/public/bodies/nosuchbody0/export.csv')).status).toBe(404);
    expect((await raw(`/api/public/bodies/${city.cityId}/export.csv?year=20x7`)).status).toBe(422);
    expect((await raw(`/api/public/bodies/${city.cityId}/export.json?year=1`)).status).toBe(422);
  });
});

describe('JSON export', () => {
  it('adds plans, reports, inspections, grades and the published ballots', async () => {
    const e = ok(await server.call('GET', `/api/public/bodies/${city.cityId}/export.json`));
    expect(e).toMatchObject({ bodyId: city.cityId, year: null });
    expect(e.projects).toHaveLength(6);
    const a0 = e.projects.find((p: { id: string }) => p.id === city.ids.a0);
    expect(a0.plan).toMatchObject({ completionDate: '2099-12-31' });
    expect(a0.progress.map((r: { percent: number }) => r.percent)).toEqual([20, 60]);
    expect(a0.inspections).toEqual([{ id: expect.any(String), date: '2027-04-10', findings: '施工进度正常', photos: [] }]);
    expect(a0.grades).toEqual([expect.objectContaining({ round: 'midyear', grade: '满意', satisfied: 4, basic: 2, unsatisfied: 0, base: 6 })]);
    expect(a0.supervisors).toEqual({ lead: '代表2', members: ['代表1', '代表2'] });
    expect(e.ballots.map((b: { id: string }) => b.id).sort()).toEqual([...city.ballots].sort());
    expect(e.ballots.find((b: { id: string }) => b.id === city.ballots[2])).toMatchObject({ kind: 'satisfaction', round: 'midyear', result: { kind: 'satisfaction', base: 6 } });
  });

  it('names no member beside a vote and holds no contact, tracking code or secret', async () => {
    // a published named motion: its result names members; the export keeps the names, not the ids
    const p = { token: city.a.presiderToken };
    const m = ok(await server.call('POST', `/api/sessions/${city.a.sessionId}/ballots`, { ...p, json: { kind: 'motion', title: '记名表决', question: '通过？', secret: false } }));
    ok(await server.call('POST', `/api/ballots/${m.id}/open`, p));
    for (const x of city.a.members) ok(await server.call('POST', `/api/ballots/${m.id}/votes`, { token: x.token, json: { submissionKey: `k${x.id}`.padEnd(32, 'x'), choices: { vote: 'yes' } } }));
    ok(await server.call('POST', `/api/ballots/${m.id}/close`, p));
    ok(await server.call('POST', `/api/ballots/${m.id}/publish`, p));
    const texts = [
      new TextDecoder().decode((await raw(`/api/public/bodies/${city.cityId}/export.json`)).bytes),
      new TextDecoder().decode((await raw(`/api/public/bodies/${city.cityId}/export.csv`)).bytes),
    ];
    const named = JSON.parse(texts[0]).ballots.find((b: { id: string }) => b.id === m.id);
    expect(named.result.named).toHaveLength(city.a.members.length);
    expect(named.result.named[0]).toEqual({ name: expect.any(String), vote: 'yes' });
    for (const t of texts) {
      for (const secret of [...city.contacts, ...city.trackingCodes, ...city.a.members.map((x) => x.code), ...city.a.members.map((x) => x.id), ...city.b.members.map((x) => x.id)]) {
        expect(t.includes(secret), secret).toBe(false);
      }
      expect(t).not.toMatch(/scrypt\$|passwordHash|codeHash|keyHash|contact|trackingCode/);
    }
  });
});

describe('digests', () => {
  it('states the SHA-256 of the bytes the download gives, signed with the published key', async () => {
    const { keys } = ok(await server.call('GET', '/api/public/keys'));
    const key = await importJWK(keys[0], 'EdDSA');
    for (const format of ['csv', 'json'] as const) {
      const file = await raw(`/api/public/bodies/${city.cityId}/export.${format}?year=2027`);
      const d = ok(await server.call('GET', `/api/public/bodies/${city.cityId}/export.${format}.sha256?year=2027`));
      expect(d).toMatchObject({ file: `export.${format}`, bodyId: city.cityId, year: 2027, bytes: file.bytes.length });
      expect(d.sha256).toBe(createHash('sha256').update(file.bytes).digest('hex'));
      const { payload } = await compactVerify(d.signature, key);
      expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ file: d.file, bodyId: d.bodyId, year: d.year, sha256: d.sha256, bytes: d.bytes });
    }
  });
});

describe('streaming', () => {
  it('pages through more projects than one page, without a Content-Length (streamed)', async () => {
    const body = ok(await server.call('POST', '/api/bodies', { token: server.adminToken, json: { name: '大县人大', level: 'county', parentId: city.cityId } }));
    const rows = Array.from({ length: 250 }, (_, i) => ({
      id: `bulk${String(i).padStart(4, '0')}x`, bodyId: body.id, year: 2025 + (i % 3), title: `项目${i}`, description: '说明', category: '教育', department: '教育局', investment: 1, status: 'candidate' as const,
    }));
    await server.ctx.db.insert(projects).values(rows);
    const r = await raw(`/api/public/bodies/${body.id}/export.csv`);
    expect(r.headers.get('content-length')).toBeNull();
    const records = parse(Buffer.from(r.bytes), { bom: true, columns: true }) as { id: string; year: string }[];
    expect(records).toHaveLength(250);
    const order = [...rows].sort((x, y) => x.year - y.year || x.id.localeCompare(y.id)).map((x) => x.id);
    expect(records.map((x) => x.id)).toEqual(order);
    const json = ok(await server.call('GET', `/api/public/bodies/${body.id}/export.json?year=2026`));
    expect(json.projects.map((p: { id: string }) => p.id)).toEqual(order.filter((id) => rows.find((x) => x.id === id)!.year === 2026));
  });
});
