// 群众评单 (API.md last section): one rating per browser and finished project, race-safe; unfinished → 409;
// throttled per address → 429; comments public only once an admin approves them; moderation audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok } from '../helpers/fixtures.js';
import { rowsOf } from '../../server/db/connect.js';
import { buildCity, type City } from '../portal/support.js';

let server: TestServer;
let city: City;
const deviceKey = () => randomBytes(24).toString('base64url');
const rate = (projectId: string, json: object) => server.call('POST', `/api/public/projects/${projectId}/ratings`, { json });
const status = async (r: Promise<{ status: number; body: any }>) => { const x = await r; return `${x.status} ${x.body?.error?.code ?? ''}`.trim(); };

beforeAll(async () => {
  server = await startTestServer({ today: '2027-08-15' });
  city = await buildCity(server);
}, 120_000);
afterAll(async () => server?.close());

describe('rating a project', () => {
  it('takes a rating of a done project once per device key', async () => {
    const key = deviceKey();
    const r = await rate(city.ids.a1, { grade: 'satisfied', deviceKey: key });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ projectId: city.ids.a1, grade: 'satisfied', comment: null, status: null });
    expect(JSON.stringify(r.body).includes(key)).toBe(false);
    expect(await status(rate(city.ids.a1, { grade: 'basic', deviceKey: key }))).toBe('409 already_rated');
    // the same key may rate another project (when it is done)
    expect(await status(rate(city.ids.a0, { grade: 'basic', deviceKey: key }))).toBe('409 project_not_finished');
  });

  it('refuses unfinished, non-public and unknown projects, and bad input', async () => {
    const good = { grade: 'basic', deviceKey: deviceKey() };
    expect(await status(rate(city.ids.a0, good))).toBe('409 project_not_finished');
    expect(await status(rate(city.ids.a2, good))).toBe('409 project_not_finished');
    expect(await status(rate(city.ids.aDraft, good))).toBe('404 not_found');
    expect(await status(rate('nosuchproject0', good))).toBe('404 not_found');
    for (const bad of [{ grade: '满意', deviceKey: deviceKey() }, { grade: 'basic', deviceKey: 'short' }, { grade: 'basic', deviceKey: `${deviceKey()}!` },
      { grade: 'basic', deviceKey: 'x'.repeat(65) }, { grade: 'basic' }, { ...good, comment: 'x'.repeat(501) }, { ...good, ip: '1.2.3.4' }]) {
      expect(await status(rate(city.ids.a1, bad)), JSON.stringify(bad)).toBe('422 invalid_input');
    }
  });

  it('lets exactly one of many concurrent ratings with the same key through', async () => {
    const key = deviceKey();
    const answers = await Promise.all(Array.from({ length: 12 }, () => rate(city.ids.a1, { grade: 'unsatisfied', deviceKey: key })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409 && a.body.error.code === 'already_rated')).toHaveLength(11);
  });

  it('stores no address and no device key', async () => {
    const key = deviceKey();
    ok(await rate(city.ids.a1, { grade: 'basic', deviceKey: key }));
    const cols = rowsOf<{ column_name: string }>(await server.ctx.db.execute(sql`select column_name from information_schema.columns where table_name = 'public_ratings'`)).map((c) => c.column_name);
    expect(cols.some((c) => /ip|addr/i.test(c))).toBe(false);
    const dump = JSON.stringify(rowsOf(await server.ctx.db.execute(sql`select * from public_ratings`)));
    expect(dump.includes(key)).toBe(false);
    expect(dump.includes('127.0.0.1')).toBe(false);
  });
});

describe('moderation', () => {
  let commented = '';
  it('keeps a comment off the page until an admin of the body approves it', async () => {
    const r = ok(await rate(city.ids.a1, { grade: 'satisfied', comment: '  路口安全多了，谢谢！ ', deviceKey: deviceKey() }));
    commented = r.id;
    expect(r).toMatchObject({ comment: '路口安全多了，谢谢！', status: 'pending' });
    ok(await rate(city.ids.a1, { grade: 'basic', comment: '', deviceKey: deviceKey() }));
    const before = ok(await server.call('GET', `/api/public/projects/${city.ids.a1}`));
    expect(before.comments).toEqual([]);
    expect(before.publicRatings.count).toBeGreaterThanOrEqual(5);
    const pending = ok(await server.call('GET', `/api/bodies/${city.a.bodyId}/ratings?status=pending`, { token: server.adminToken }));
    expect(pending).toMatchObject({ status: 'pending', total: 1, offset: 0 });
    expect(pending.items).toEqual([expect.objectContaining({ id: commented, projectId: city.ids.a1, comment: '路口安全多了，谢谢！', grade: 'satisfied', status: 'pending' })]);
    // the default is the pending list
    expect(ok(await server.call('GET', `/api/bodies/${city.a.bodyId}/ratings`, { token: server.adminToken })).total).toBe(1);
    const shown = ok(await server.call('PUT', `/api/ratings/${commented}`, { token: server.adminToken, json: { visible: true } }));
    expect(shown.status).toBe('visible');
    const after = ok(await server.call('GET', `/api/public/projects/${city.ids.a1}`));
    expect(after.comments).toEqual([{ id: commented, grade: 'satisfied', comment: '路口安全多了，谢谢！', createdAt: expect.any(String) }]);
    ok(await server.call('PUT', `/api/ratings/${commented}`, { token: server.adminToken, json: { visible: false } }));
    expect(ok(await server.call('GET', `/api/public/projects/${city.ids.a1}`)).comments).toEqual([]);
    expect(ok(await server.call('GET', `/api/bodies/${city.a.bodyId}/ratings?status=hidden`, { token: server.adminToken })).items.map((i: { id: string }) => i.id)).toEqual([commented]);
    const audit = rowsOf<{ action: string; subject: string; detail: { visible: boolean } }>(await server.ctx.db.execute(sql`select action, subject, detail from audit_log where action = 'rating.moderated' order by id`));
    expect(audit.map((a) => [a.subject, a.detail.visible])).toEqual([[commented, true], [commented, false]]);
  });

  it('pages the list, and refuses other bodies, other roles, bad input and ratings without comment', async () => {
    for (let i = 0; i < 3; i++) ok(await rate(city.ids.a1, { grade: 'basic', comment: `留言${i}`, deviceKey: deviceKey() }));
    const page1 = ok(await server.call('GET', `/api/bodies/${city.a.bodyId}/ratings?status=pending&offset=0&limit=2`, { token: server.adminToken }));
    const page2 = ok(await server.call('GET', `/api/bodies/${city.a.bodyId}/ratings?status=pending&offset=2&limit=2`, { token: server.adminToken }));
    expect(page1.total).toBe(3);
    expect(page1.items).toHaveLength(2);
    expect(page2.items).toHaveLength(1);
    expect(new Set([...page1.items, ...page2.items].map((i: { comment: string }) => i.comment))).toEqual(new Set(['留言0', '留言1', '留言2']));
    expect(await status(server.call('GET', `/api/bodies/${city.a.bodyId}/ratings?status=unknown`, { token: server.adminToken }))).toBe('422 invalid_input');
    expect(await status(server.call('GET', `/api/bodies/${city.a.bodyId}/ratings?limit=0`, { token: server.adminToken }))).toBe('422 invalid_input');
    expect(await status(server.call('GET', `/api/bodies/${city.a.bodyId}/ratings`))).toBe('401 unauthorized');
    expect(await status(server.call('GET', `/api/bodies/${city.a.bodyId}/ratings`, { token: city.a.presiderToken }))).toBe('403 forbidden');
    expect(await status(server.call('GET', `/api/bodies/${city.a.bodyId}/ratings`, { token: city.deptA }))).toBe('403 forbidden');
    // an admin of the other county may not moderate A's comments
    const username = `adminb${Date.now()}`;
    ok(await server.call('POST', '/api/users', { token: server.adminToken, json: { username, password: 'admin-b-password', role: 'admin', bodyId: city.b.bodyId } }));
    const adminB = ok(await server.call('POST', '/api/auth/login', { json: { username, password: 'admin-b-password' } })).token;
    expect(await status(server.call('GET', `/api/bodies/${city.a.bodyId}/ratings`, { token: adminB }))).toBe('403 other_body');
    expect(await status(server.call('PUT', `/api/ratings/${page1.items[0].id}`, { token: adminB, json: { visible: true } }))).toBe('403 other_body');
    expect(await status(server.call('PUT', `/api/ratings/${page1.items[0].id}`, { token: city.a.presiderToken, json: { visible: true } }))).toBe('403 forbidden');
    expect(await status(server.call('PUT', `/api/ratings/${page1.items[0].id}`, { token: server.adminToken, json: { visible: 'yes' } }))).toBe('422 invalid_input');
    expect(await status(server.call('PUT', '/api/ratings/nosuchrating0', { token: server.adminToken, json: { visible: true } }))).toBe('404 not_found');
    const plain = ok(await rate(city.ids.a1, { grade: 'basic', deviceKey: deviceKey() }));
    expect(await status(server.call('PUT', `/api/ratings/${plain.id}`, { token: server.adminToken, json: { visible: true } }))).toBe('409 no_comment');
  });
});

describe('throttle', () => {
  it('refuses a public address past RATINGS_PER_HOUR with 429', async () => {
    const small = await startTestServer({ publicLimits: { ratingsPerHour: 2 } });
    try {
      const send = () => small.call('POST', '/api/public/projects/nosuchproject0/ratings', { json: { grade: 'basic', deviceKey: deviceKey() } });
      expect((await send()).status).toBe(404);
      expect((await send()).status).toBe(404);
      const third = await send();
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe('too_many_attempts');
    } finally {
      await small.close();
    }
  }, 60_000);
});
