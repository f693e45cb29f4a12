// Collection (API.md "Collection and screening"): windows, stations, submission by every channel,
// tracking, the inbox, duplicates, merge and status — every endpoint and refusal, on either database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, departmentToken, ok, type Hall } from '../helpers/fixtures.js';
import { gt, sql } from 'drizzle-orm';
import { suggestionCounts, suggestions } from '../../server/db/schema.js';
import { rowsOf } from '../../server/db/connect.js';

let server: TestServer;
let hall: Hall;
let other: Hall;
let admin = '';
let dept = '';
let otherDept = '';
let stationId = '';
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
const day = 86_400_000;

const submit = (bodyId: string, json: Record<string, unknown>, token?: string) =>
  server.call('POST', `/api/bodies/${bodyId}/suggestions`, { token, json: { description: '详细说明', category: '交通出行', ...json } });


beforeAll(async () => {
  server = await startTestServer();
  admin = server.adminToken;
  hall = await createHall(server, { members: 3 });
  other = await createHall(server, { members: 1 });
  dept = await departmentToken(server, hall.bodyId, '县交通运输局');
  otherDept = await departmentToken(server, other.bodyId, '交通局');
}, 120_000);
afterAll(async () => server?.close());

describe('collection windows', () => {
  it('refuses submissions before any window', async () => {
    const r = await submit(hall.bodyId, { title: '早到的建议' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('collection_closed');
  });

  it('creates a window and refuses a bad or overlapping one', async () => {
    const bad = await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: admin, json: { year: 2027, opensAt: iso(now), closesAt: iso(now) } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].field).toBe('closesAt');
    const w = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: admin, json: { year: 2027, opensAt: iso(now - day), closesAt: iso(now + 30 * day) } }));
    expect(w).toMatchObject({ year: 2027, open: true });
    const overlap = await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: admin, json: { year: 2028, opensAt: iso(now + 29 * day), closesAt: iso(now + 60 * day) } });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.code).toBe('window_overlaps');
    // touching end to start is not an overlap
    ok(await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: admin, json: { year: 2028, opensAt: iso(now + 30 * day), closesAt: iso(now + 60 * day) } }));
    const presider = await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: hall.presiderToken, json: { year: 2029, opensAt: iso(now + 90 * day), closesAt: iso(now + 99 * day) } });
    expect(presider.status).toBe(403);
  });

  it('shows the open window and counts publicly', async () => {
    const r = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/collection`));
    expect(r.window).toMatchObject({ year: 2027, open: true });
    expect(typeof r.received).toBe('number');
    const later = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/collection?year=2028`));
    expect(later.window).toMatchObject({ year: 2028, open: false });
    expect((await server.call('GET', `/api/public/bodies/${hall.bodyId}/collection?year=abc`)).status).toBe(422);
  });
});

describe('stations and channels', () => {
  it('creates a station and lists it publicly', async () => {
    stationId = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/stations`, { token: admin, json: { name: '城关镇代表联络站', address: '城关镇人民路1号' } })).id;
    const list = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/stations`));
    expect(list).toEqual([{ id: stationId, bodyId: hall.bodyId, name: '城关镇代表联络站', address: '城关镇人民路1号', onDuty: [] }]);
  });

  it('takes a suggestion from the web with a tracking code', async () => {
    const r = await submit(hall.bodyId, { title: '幸福路与建设路交叉口加装红绿灯', area: '城关镇', contact: '13800000000' });
    expect(r.status).toBe(201);
    expect(r.body.trackingCode).toMatch(/^[0-9A-Z]{10,16}$/);
    expect(Object.keys(r.body).sort()).toEqual(['id', 'trackingCode']);
  });

  it('records the station, the representative and the department as channels', async () => {
    ok(await submit(hall.bodyId, { title: '联络站收到的建议', channel: 'station', stationId }));
    ok(await submit(hall.bodyId, { title: '代表提出的建议', channel: 'rep' }, hall.members[0].token));
    ok(await submit(hall.bodyId, { title: '部门提出的建议', channel: 'department' }, dept));
    const inbox = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions?year=2027`, { token: admin }));
    const byTitle = Object.fromEntries(inbox.items.map((s: any) => [s.title, s]));
    expect(byTitle['联络站收到的建议']).toMatchObject({ channel: 'station', stationId });
    expect(byTitle['代表提出的建议']).toMatchObject({ channel: 'rep', sender: hall.members[0].name });
    expect(byTitle['部门提出的建议']).toMatchObject({ channel: 'department', sender: '县交通运输局' });
    const mine = ok(await server.call('GET', '/api/me/suggestions', { token: hall.members[0].token }));
    expect(mine.map((s: any) => s.title)).toEqual(['代表提出的建议']);
  });

  it('refuses a channel without its credential, a foreign station, a bad category', async () => {
    const cases: [Record<string, unknown>, string | undefined, string][] = [
      [{ channel: 'rep' }, undefined, 'channel'],
      [{ channel: 'rep' }, other.members[0].token, 'channel'],
      [{ channel: 'department' }, otherDept, 'channel'],
      [{ channel: 'department' }, hall.members[0].token, 'channel'],
      [{ channel: 'station' }, undefined, 'stationId'],
      [{ channel: 'station', stationId: 'nosuchstation' }, undefined, 'stationId'],
      [{ channel: 'web', stationId }, undefined, 'stationId'],
      [{ category: '外星' }, undefined, 'category'],
      [{ title: '' }, undefined, 'title'],
    ];
    for (const [extra, token, field] of cases) {
      const r = await submit(hall.bodyId, { title: '一条建议', ...extra }, token);
      expect(`${JSON.stringify(extra)} ${r.status}`).toBe(`${JSON.stringify(extra)} 422`);
      expect(r.body.error.fields.map((f: any) => f.field)).toContain(field);
    }
    const foreign = await submit(other.bodyId, { title: '别处的建议', channel: 'station', stationId });
    expect(foreign.status).toBe(422);
  });
});

describe('tracking, inbox, duplicates, merge and status', () => {
  let a: { id: string; trackingCode: string };
  let b: { id: string; trackingCode: string };
  let c: { id: string; trackingCode: string };
  let unrelated: { id: string; trackingCode: string };

  beforeAll(async () => {
    a = ok(await submit(hall.bodyId, { title: '建设路幸福路路口没有信号灯，过马路很危险', area: '城关镇', contact: 'a@example.cn' }));
    b = ok(await submit(hall.bodyId, { title: '幸福路建设路十字路口希望装红绿灯', area: '城关镇' }));
    c = ok(await submit(hall.bodyId, { title: '建设路口红绿灯', area: '城关镇' }));
    unrelated = ok(await submit(hall.bodyId, { title: '县第二小学食堂改造', category: '教育', area: '城东' }));
  });

  it('tracks a suggestion by its code without private details', async () => {
    const t = ok(await server.call('GET', `/api/suggestions/${a.trackingCode}`));
    expect(t).toMatchObject({ trackingCode: a.trackingCode, status: 'received', category: '交通出行' });
    expect(t.history).toEqual([expect.objectContaining({ status: 'received' })]);
    expect(JSON.stringify(t)).not.toContain('a@example.cn');
    expect(t).not.toHaveProperty('contact');
    expect(ok(await server.call('GET', `/api/suggestions/${a.trackingCode.toLowerCase()}`)).trackingCode).toBe(a.trackingCode);
    expect((await server.call('GET', '/api/suggestions/ZZZZZZZZZZZZ')).status).toBe(404);
    expect((await server.call('GET', '/api/suggestions/x')).status).toBe(404);
  });

  it('searches the inbox in Chinese without spaces, filters, counts and pages', async () => {
    const q = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions?year=2027&q=${encodeURIComponent('信号灯')}`, { token: admin }));
    expect(q.items.map((s: any) => s.id)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
    expect(q.items.map((s: any) => s.id)).not.toContain(unrelated.id);
    const byCode = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions?q=${unrelated.trackingCode}`, { token: admin }));
    expect(byCode.items.map((s: any) => s.id)).toEqual([unrelated.id]);
    // a code without a digit (codes are random: about one in thirty) is found as well
    await server.ctx.db.execute(sql`update suggestions set tracking_code = 'QWERTYUPASDF' where id = ${unrelated.id}`);
    const lettersOnly = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions?q=qwertyupasdf`, { token: admin }));
    expect(lettersOnly.items.map((s: any) => s.id)).toEqual([unrelated.id]);
    await server.ctx.db.execute(sql`update suggestions set tracking_code = ${unrelated.trackingCode} where id = ${unrelated.id}`);
    const edu = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions?year=2027&category=${encodeURIComponent('教育')}`, { token: admin }));
    expect(edu.items.map((s: any) => s.id)).toEqual([unrelated.id]);
    expect(edu.facets.category['交通出行']).toBeGreaterThanOrEqual(3);
    const page = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions?year=2027&limit=2&offset=1`, { token: admin }));
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(8);
    const withContact = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions?year=2027&q=${encodeURIComponent('信号灯')}`, { token: admin }));
    expect(withContact.items.find((s: any) => s.id === a.id).contact).toBe('a@example.cn');
    expect((await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions?limit=0`, { token: admin })).status).toBe(422);
    expect((await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions`, { token: hall.presiderToken })).status).toBe(403);
  });

  it('ranks likely duplicates first', async () => {
    const similar = ok(await server.call('GET', `/api/suggestions/${a.id}/similar`, { token: admin }));
    expect(similar.length).toBeGreaterThanOrEqual(2);
    expect(similar.slice(0, 3).map((s: any) => s.id)).toEqual(expect.arrayContaining([b.id, c.id]));
    expect(similar.map((s: any) => s.id)).not.toContain(a.id);
    for (let i = 1; i < similar.length; i++) expect(similar[i - 1].score).toBeGreaterThanOrEqual(similar[i].score);
    for (const s of similar) expect(s.score).toBeGreaterThan(0);
    for (const s of similar) expect(s.score).toBeLessThanOrEqual(1);
  });

  it('tells the public how many similar suggestions exist, never their text', async () => {
    const r = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/similar?text=${encodeURIComponent('幸福路口装红绿灯')}`));
    expect(r.suggestions).toBeGreaterThanOrEqual(3);
    expect(Array.isArray(r.projects)).toBe(true);
    expect(JSON.stringify(r)).not.toContain('过马路很危险');
    expect((await server.call('GET', `/api/public/bodies/${hall.bodyId}/similar`)).status).toBe(422);
  });

  it('merges duplicates into one with their supporters', async () => {
    const m = ok(await server.call('POST', `/api/suggestions/${b.id}/merge`, { token: admin, json: { into: a.id } }));
    expect(m).toEqual({ id: a.id, supporters: 2, mergedFrom: [b.id] });
    const again = await server.call('POST', `/api/suggestions/${b.id}/merge`, { token: admin, json: { into: a.id } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_merged');
    expect((await server.call('POST', `/api/suggestions/${a.id}/merge`, { token: admin, json: { into: a.id } })).status).toBe(422);
    expect((await server.call('POST', `/api/suggestions/${c.id}/merge`, { token: admin, json: { into: b.id } })).status).toBe(422);
    const many = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/suggestions/merge`, { token: admin, json: { into: a.id, ids: [c.id] } }));
    expect(many.supporters).toBe(3);
    expect(many.mergedFrom.sort()).toEqual([b.id, c.id].sort());
    const tracked = ok(await server.call('GET', `/api/suggestions/${b.trackingCode}`));
    expect(tracked.status).toBe('merged');
    expect(tracked.mergedInto).toEqual({ title: '建设路幸福路路口没有信号灯，过马路很危险' });
    expect(tracked.history.map((h: any) => h.status)).toEqual(['received', 'merged']);
  });

  it('refuses a merge across bodies', async () => {
    ok(await server.call('POST', `/api/bodies/${other.bodyId}/collection`, { token: admin, json: { year: 2027, opensAt: iso(now - day), closesAt: iso(now + day) } }));
    const foreign = ok(await submit(other.bodyId, { title: '另一个县的信号灯' }));
    const r = await server.call('POST', `/api/suggestions/${foreign.id}/merge`, { token: admin, json: { into: unrelated.id } });
    expect(r.status).toBe(422);
  });

  it('closes a suggestion as not adopted or referred, with the reason on its page', async () => {
    const r = ok(await server.call('PUT', `/api/suggestions/${unrelated.id}/status`, { token: admin, json: { status: 'not_adopted', reason: '已列入县教育局年度计划' } }));
    expect(r).toMatchObject({ id: unrelated.id, status: 'not_adopted', reason: '已列入县教育局年度计划' });
    const t = ok(await server.call('GET', `/api/suggestions/${unrelated.trackingCode}`));
    expect(t.history.at(-1)).toMatchObject({ status: 'not_adopted', note: '已列入县教育局年度计划' });
    ok(await server.call('PUT', `/api/suggestions/${unrelated.id}/status`, { token: admin, json: { status: 'referred', reason: '转交县教育局办理' } }));
    const merged = await server.call('PUT', `/api/suggestions/${b.id}/status`, { token: admin, json: { status: 'referred', reason: '转交' } });
    expect(merged.status).toBe(409);
    expect((await server.call('PUT', `/api/suggestions/${unrelated.id}/status`, { token: admin, json: { status: 'adopted', reason: 'x' } })).status).toBe(422);
    expect((await server.call('PUT', `/api/suggestions/${unrelated.id}/status`, { token: admin, json: { status: 'referred' } })).status).toBe(422);
    expect((await server.call('PUT', '/api/suggestions/nosuchid/status', { token: admin, json: { status: 'referred', reason: 'x' } })).status).toBe(404);
  });

  it('writes every decision to the audit log without the contact', async () => {
    const list = rowsOf<{ action: string; detail: string }>(await server.ctx.db.execute(sql.raw(`select action, detail::text as detail from audit_log where action like 'suggestion.%' or action like 'collection.%'`)));
    const actions = new Set(list.map((r) => r.action));
    for (const a of ['collection.window_created', 'collection.station_created', 'suggestion.received', 'suggestion.merged', 'suggestion.not_adopted', 'suggestion.referred']) expect(actions).toContain(a);
    expect(list.map((r) => r.detail).join('\n')).not.toMatch(/13800000000|a@example\.cn/);
  });
});

describe('the counts the database keeps (suggestion_counts, migration 0015)', () => {
  it('equal the suggestions grouped, after every submission, merge and status change above', async () => {
    const db = server.ctx.db;
    const kept = await db.select().from(suggestionCounts).where(gt(suggestionCounts.n, 0));
    const counted = await db.select({
      bodyId: suggestions.bodyId, year: suggestions.year, status: suggestions.status, category: suggestions.category, channel: suggestions.channel,
      stationId: sql<string>`coalesce(${suggestions.stationId}, '')`, n: sql<number>`count(*)::int`,
    }).from(suggestions).groupBy(suggestions.bodyId, suggestions.year, suggestions.status, suggestions.category, suggestions.channel, suggestions.stationId);
    const key = (r: { bodyId: string; year: number; status: string; category: string; channel: string; stationId: string; n: number }) =>
      JSON.stringify([r.bodyId, r.year, r.status, r.category, r.channel, r.stationId, Number(r.n)]);
    expect(counted.map(key).sort()).toEqual(kept.map(key).sort());
    expect(counted.some((r) => r.status === 'merged')).toBe(true);
  });
});
