// Bodies form a tree; each body's staff manage that body and those below it; members and their sign-in codes.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok } from '../helpers/fixtures.js';
import { members } from '../../server/db/schema.js';


// Machines here are shared and noisy: generous limits, while every promised bound (e.g. 1 s) is still asserted.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });
let server: TestServer;
let seq = 0;
const uniq = (p: string) => `${p}${Date.now().toString(36)}${(seq++).toString(36)}`;

beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

async function body(name: string, level: 'city' | 'county' | 'township', parentId?: string, token = server.adminToken) {
  return ok(await server.call('POST', '/api/bodies', { token, json: { name, level, ...(parentId ? { parentId } : {}) } }));
}

async function staff(role: 'admin' | 'presider' | 'department', bodyId: string, department?: string) {
  const username = uniq(role);
  const user = ok(await server.call('POST', '/api/users', { token: server.adminToken, json: { username, password: 'a-good-password', role, bodyId, ...(department ? { department } : {}) } }));
  const token = ok(await server.call('POST', '/api/auth/login', { json: { username, password: 'a-good-password' } })).token as string;
  return { user, token };
}

async function memberCount(bodyId: string) {
  const [row] = await server.ctx.db.select({ n: count() }).from(members).where(eq(members.bodyId, bodyId));
  return Number(row.n);
}

describe('the tree of bodies', () => {
  let city: any, county: any, township: any, otherCity: any, otherCounty: any;
  let countyAdmin: string, countyPresider: string;
  beforeAll(async () => {
    city = await body('江城市人大常委会', 'city');
    county = await body('江北区人大常委会', 'county', city.id);
    otherCity = await body('河城市人大常委会', 'city');
    otherCounty = await body('河西县人大常委会', 'county', otherCity.id);
    countyAdmin = (await staff('admin', county.id)).token;
    countyPresider = (await staff('presider', county.id)).token;
    township = await body('江北镇人大', 'township', county.id, countyAdmin);
  });

  it('creates bodies with their level and parent, listed publicly', async () => {
    expect(city).toMatchObject({ name: '江城市人大常委会', level: 'city', parentId: null });
    expect(typeof city.id).toBe('string');
    expect(county.parentId).toBe(city.id);
    expect(township).toMatchObject({ level: 'township', parentId: county.id });
    const list = ok(await server.call('GET', '/api/bodies'));
    const byId = new Map(list.map((b: any) => [b.id, b]));
    for (const b of [city, county, township, otherCity, otherCounty]) expect(byId.get(b.id)).toEqual(b);
  });

  it('refuses an unknown parent (404)', async () => {
    const r = await server.call('POST', '/api/bodies', { token: server.adminToken, json: { name: '孤儿', level: 'county', parentId: 'zzzzzzzzzzzzzzzz' } });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });

  it('lets a body admin work below its own body, never beside or above it (403)', async () => {
    const refusals: [string, string, unknown][] = [
      ['POST', '/api/bodies', { name: '顶级', level: 'city' }],
      ['POST', '/api/bodies', { name: '别处的镇', level: 'township', parentId: otherCounty.id }],
      ['POST', '/api/bodies', { name: '上级之下', level: 'county', parentId: city.id }],
      ['POST', '/api/users', { username: uniq('x'), password: 'a-good-password', role: 'presider', bodyId: otherCounty.id }],
      ['POST', '/api/users', { username: uniq('x'), password: 'a-good-password', role: 'admin', bodyId: city.id }],
      ['POST', `/api/bodies/${otherCounty.id}/members`, { members: [{ name: '别处代表' }] }],
      ['POST', `/api/bodies/${city.id}/members`, { members: [{ name: '上级代表' }] }],
      ['GET', `/api/bodies/${otherCounty.id}/members`, undefined],
      ['POST', `/api/bodies/${otherCounty.id}/sessions`, { name: '别处会议', kind: 'congress' }],
      ['GET', `/api/bodies/${otherCounty.id}/sessions`, undefined],
    ];
    for (const [method, path, json] of refusals) {
      const r = await server.call(method, path, { token: countyAdmin, json });
      expect(r.status, `${method} ${path} ${JSON.stringify(json)}`).toBe(403);
      expect(r.body.error).toMatchObject({ code: expect.stringMatching(/^(other_body|forbidden)$/), message: expect.any(String) });
    }
    expect(await memberCount(otherCounty.id)).toBe(0);
    // Below its own body it may.
    ok(await server.call('POST', `/api/bodies/${township.id}/members`, { token: countyAdmin, json: { members: [{ name: '镇代表' }] } }));
    ok(await server.call('POST', '/api/users', { token: countyAdmin, json: { username: uniq('tp'), password: 'a-good-password', role: 'presider', bodyId: township.id } }));
  });

  it('lets a presider read its body\'s members but not another body\'s, nor add any', async () => {
    ok(await server.call('POST', `/api/bodies/${county.id}/members`, { token: countyAdmin, json: { members: [{ name: '区代表' }] } }));
    const list = ok(await server.call('GET', `/api/bodies/${county.id}/members`, { token: countyPresider }));
    expect(list.map((m: any) => m.name)).toContain('区代表');
    expect((await server.call('GET', `/api/bodies/${otherCounty.id}/members`, { token: countyPresider })).status).toBe(403);
    expect((await server.call('POST', `/api/bodies/${county.id}/members`, { token: countyPresider, json: { members: [{ name: 'x' }] } })).status).toBe(403);
    expect((await server.call('POST', '/api/bodies', { token: countyPresider, json: { name: 'x', level: 'township', parentId: county.id } })).status).toBe(403);
  });

  it('lets a department user do none of this', async () => {
    const dept = (await staff('department', county.id, '区教育局')).token;
    expect((await server.call('GET', `/api/bodies/${county.id}/members`, { token: dept })).status).toBe(403);
    expect((await server.call('POST', `/api/bodies/${county.id}/members`, { token: dept, json: { members: [{ name: 'x' }] } })).status).toBe(403);
  });

  it('lets the parent body\'s admin manage the bodies below it', async () => {
    const cityAdmin = (await staff('admin', city.id)).token;
    ok(await server.call('POST', `/api/bodies/${township.id}/members`, { token: cityAdmin, json: { members: [{ name: '市管镇代表' }] } }));
    ok(await server.call('GET', `/api/bodies/${county.id}/members`, { token: cityAdmin }));
    expect((await server.call('GET', `/api/bodies/${otherCounty.id}/members`, { token: cityAdmin })).status).toBe(403);
  });
});

describe('users', () => {
  let bodyId: string;
  beforeAll(async () => { bodyId = (await body('用户测试人大', 'county')).id; });

  it('creates a user without exposing the password, and refuses a taken username (409)', async () => {
    const username = uniq('clerk');
    const r = await server.call('POST', '/api/users', { token: server.adminToken, json: { username, password: 'a-good-password', role: 'presider', bodyId } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ username, role: 'presider', bodyId });
    expect(JSON.stringify(r.body)).not.toMatch(/password|scrypt/i);
    const again = await server.call('POST', '/api/users', { token: server.adminToken, json: { username, password: 'another-password', role: 'admin', bodyId } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('username_taken');
    const adminAgain = await server.call('POST', '/api/users', { token: server.adminToken, json: { username: 'admin', password: 'another-password', role: 'admin', bodyId } });
    expect(adminAgain.body.error.code).toBe('username_taken');
    // The first password still works; the refused one does not.
    expect((await server.call('POST', '/api/auth/login', { json: { username, password: 'a-good-password' } })).status).toBe(200);
    expect((await server.call('POST', '/api/auth/login', { json: { username, password: 'another-password' } })).status).toBe(401);
  });

  it('needs a department name for a department user, and a known body', async () => {
    const r = await server.call('POST', '/api/users', { token: server.adminToken, json: { username: uniq('d'), password: 'a-good-password', role: 'department', bodyId } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('invalid_input');
    const d = await server.call('POST', '/api/users', { token: server.adminToken, json: { username: uniq('d'), password: 'a-good-password', role: 'department', bodyId, department: '住建局' } });
    expect(d.status).toBe(201);
    expect(d.body.department).toBe('住建局');
    const unknown = await server.call('POST', '/api/users', { token: server.adminToken, json: { username: uniq('d'), password: 'a-good-password', role: 'presider', bodyId: 'zzzzzzzzzzzzzzzz' } });
    expect(unknown.status).toBe(404);
  });

  it('names the failing fields (422 invalid_input)', async () => {
    const r = await server.call('POST', '/api/users', { token: server.adminToken, json: { username: 'a b', password: 'short', role: 'king', bodyId } });
    expect(r.status).toBe(422);
    const fields = r.body.error.fields.map((f: any) => f.field).sort();
    expect(fields).toEqual(['password', 'role', 'username']);
  });
});

describe('members', () => {
  let bodyId: string;
  beforeAll(async () => { bodyId = (await body('代表测试人大', 'county')).id; });

  it('adds members and shows each sign-in code once; the list never has codes', async () => {
    const r = await server.call('POST', `/api/bodies/${bodyId}/members`, {
      token: server.adminToken,
      json: { members: [{ name: '王芳', delegation: '城关镇代表团' }, { name: '李强', kind: 'committee' }, { name: '赵敏', delegation: '东乡代表团', kind: 'rep' }] },
    });
    expect(r.status).toBe(201);
    const added = r.body.members;
    expect(added).toHaveLength(3);
    expect(added[0]).toMatchObject({ name: '王芳', delegation: '城关镇代表团', kind: 'rep' });
    expect(added[1]).toMatchObject({ name: '李强', delegation: null, kind: 'committee' });
    for (const m of added) {
      expect(Object.keys(m).sort()).toEqual(['code', 'delegation', 'id', 'kind', 'name']);
      expect(m.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    }
    expect(new Set(added.map((m: any) => m.code)).size).toBe(3);

    const list = ok(await server.call('GET', `/api/bodies/${bodyId}/members`, { token: server.adminToken }));
    expect(list).toHaveLength(3);
    const text = JSON.stringify(list);
    for (const m of added) expect(text).not.toContain(m.code);
    for (const m of list) {
      expect(m).not.toHaveProperty('code');
      expect(m).not.toHaveProperty('codeHash');
    }
    expect(list.map((m: any) => m.id).sort()).toEqual(added.map((m: any) => m.id).sort());

    // Each code signs its member in.
    const login = ok(await server.call('POST', '/api/auth/member-login', { json: { code: added[1].code } }));
    expect(login.member).toMatchObject({ id: added[1].id, name: '李强', bodyId });
    // Nothing stored holds the code itself.
    const rows = await server.ctx.db.select().from(members).where(eq(members.bodyId, bodyId));
    expect(JSON.stringify(rows)).not.toContain(added[0].code);
  });

  it('refuses an unknown body (404) and an empty list (422)', async () => {
    const r = await server.call('POST', '/api/bodies/zzzzzzzzzzzzzzzz/members', { token: server.adminToken, json: { members: [{ name: 'x' }] } });
    expect(r.status).toBe(404);
    expect((await server.call('GET', '/api/bodies/zzzzzzzzzzzzzzzz/members', { token: server.adminToken })).status).toBe(404);
    const empty = await server.call('POST', `/api/bodies/${bodyId}/members`, { token: server.adminToken, json: { members: [] } });
    expect(empty.status).toBe(422);
  });
});

describe('CSV import', () => {
  let bodyId: string;
  beforeAll(async () => { bodyId = (await body('导入测试人大', 'county')).id; });

  const importCsv = (text: string | Uint8Array, type = 'text/csv; charset=utf-8') =>
    server.call('POST', `/api/bodies/${bodyId}/members/import`, { token: server.adminToken, body: text as BodyInit, headers: { 'content-type': type } });

  it('imports a good file, with codes in the answer', async () => {
    const before = await memberCount(bodyId);
    const csv = 'name,delegation,kind\n张伟,城关镇代表团,rep\n刘洋,城关镇代表团,committee\n"陈,静",东乡代表团,\n\n孙磊,,\n';
    const r = await importCsv(csv);
    expect(r.status).toBe(201);
    expect(r.body.members).toHaveLength(4);
    expect(r.body.members[0]).toMatchObject({ name: '张伟', delegation: '城关镇代表团', kind: 'rep', code: expect.any(String) });
    expect(r.body.members[1].kind).toBe('committee');
    expect(r.body.members[2]).toMatchObject({ name: '陈,静', kind: 'rep' });
    expect(r.body.members[3]).toMatchObject({ name: '孙磊', delegation: null });
    expect(await memberCount(bodyId)).toBe(before + 4);
    expect((await server.call('POST', '/api/auth/member-login', { json: { code: r.body.members[3].code } })).status).toBe(200);
  });

  it('accepts a byte-order mark, CRLF line ends and a header without delegation', async () => {
    const bom = await importCsv('\uFEFFname,delegation,kind\r\n周杰,西乡代表团,rep\r\n');
    expect(bom.status).toBe(201);
    expect(bom.body.members[0]).toMatchObject({ name: '周杰', delegation: '西乡代表团' });
    const reordered = await importCsv('name,kind\n吴刚,committee\n', 'text/csv');
    expect(reordered.status).toBe(201);
    expect(reordered.body.members[0]).toMatchObject({ name: '吴刚', kind: 'committee', delegation: null });
  });

  it('reports every bad row by its line number and imports nothing', async () => {
    const before = await memberCount(bodyId);
    const csv = ['name,delegation,kind', '好人,甲团,rep', ',甲团,rep', '坏类别,甲团,boss', '好人二,乙团,', `${'长'.repeat(51)},乙团,rep`, '多一列,乙团,rep,extra'].join('\n');
    const r = await importCsv(csv);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('invalid_input');
    const rows = [...new Set(r.body.error.fields.map((f: any) => f.row))].sort();
    expect(rows).toEqual([3, 4, 6, 7]);
    expect(r.body.error.fields.find((f: any) => f.row === 4).field).toBe('kind');
    expect(await memberCount(bodyId)).toBe(before);
  });

  it('refuses a wrong header, an empty file, a header with no rows, NUL and bad bytes (422), nothing imported', async () => {
    const before = await memberCount(bodyId);
    for (const bad of ['姓名,代表团,类别\n张三,甲团,rep\n', 'delegation,name\n甲团,张三\n'.replace('delegation,name', 'delegation,nom'), 'name,delegation,role\n张三,甲团,rep\n', '', '\n\n', 'name,delegation,kind\n', 'name,delegation,kind\n张\u0000三,甲团,rep\n', 'name,delegation,kind\n"未闭合,甲团,rep\n']) {
      const r = await importCsv(bad);
      expect(r.status, JSON.stringify(bad)).toBe(422);
      expect(r.body.error).toMatchObject({ code: 'invalid_input', message: expect.any(String) });
    }
    const badBytes = Buffer.concat([Buffer.from('name,delegation,kind\n'), Buffer.from([0xe5, 0xbc, 0xff, 0xfe]), Buffer.from(',甲团,rep\n')]);
    const r = await importCsv(new Uint8Array(badBytes));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('invalid_input');
    expect(await memberCount(bodyId)).toBe(before);
  });

  it('refuses a body that is not CSV (415)', async () => {
    const before = await memberCount(bodyId);
    for (const type of ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'image/png']) {
      const r = await importCsv('name,delegation,kind\n张三,甲团,rep\n', type);
      expect(r.status, type).toBe(415);
      expect(r.body.error.code).toBe('unsupported_media_type');
    }
    const none = await server.call('POST', `/api/bodies/${bodyId}/members/import`, { token: server.adminToken, body: new Blob([new TextEncoder().encode('name\n张三\n')]) });
    expect(none.status).toBe(415);
    expect(await memberCount(bodyId)).toBe(before);
  });

  it('is for admins of the body only', async () => {
    const other = await body('别处', 'county');
    const { token } = await staff('admin', other.id);
    const r = await server.call('POST', `/api/bodies/${bodyId}/members/import`, { token, body: 'name\n张三\n', headers: { 'content-type': 'text/csv' } });
    expect(r.status).toBe(403);
    const anon = await server.call('POST', `/api/bodies/${bodyId}/members/import`, { body: 'name\n张三\n', headers: { 'content-type': 'text/csv' } });
    expect(anon.status).toBe(401);
  });
});
