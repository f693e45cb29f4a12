// Malformed input on every foundation endpoint: always a 4xx with {error: {code, message}}, never a 5xx,
// never a change of state. Plus the security headers and the JSON 404 for unknown API paths.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { adminPassword, startTestServer, type Reply, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';
import { rowsOf } from '../../server/db/connect.js';
import { createApp } from '../../server/app.js';


// Machines here are shared and noisy: generous limits, while every promised bound (e.g. 1 s) is still asserted.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });
let server: TestServer;
let hall: Hall;
let screenToken: string;

beforeAll(async () => {
  server = await startTestServer();
  hall = await createHall(server, { members: 4, committee: 2, checkIn: 1 });
  screenToken = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, { token: hall.presiderToken })).token;
});
afterAll(async () => { await server?.close(); });

/** Row count and a digest of the content of every table: equal snapshots mean nothing was written. */
async function snapshot(): Promise<Record<string, { n: number; h: string }>> {
  const db = server.ctx.db;
  const tables = rowsOf<{ name: string }>(await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`));
  expect(tables.length).toBeGreaterThanOrEqual(10);
  const out: Record<string, { n: number; h: string }> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ n: number | string; h: string }>(await db.execute(sql.raw(
      `select count(*) as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from "${name}" t`,
    )));
    out[name] = { n: Number(row.n), h: row.h };
  }
  return out;
}

function expectRefusal(r: Reply, label: string) {
  expect(r.status, `${label}: ${r.status} ${JSON.stringify(r.body)?.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(r.status, label).toBeLessThan(500);
  expect(r.headers.get('content-type') ?? '', label).toMatch(/^application\/json/);
  expect(r.body?.error?.code, label).toMatch(/^[a-z][a-z_]*$/);
  expect(typeof r.body.error.message, label).toBe('string');
  expect(r.body.error.message.length, label).toBeGreaterThan(0);
}

// ---- building bad bodies ------------------------------------------------------------------------

type Json = Record<string, unknown>;
const clone = <T>(v: T): T => structuredClone(v);

function setPath(obj: Json, p: string, value: unknown): Json {
  const out = clone(obj);
  const keys = p.split('.');
  let cur: any = out;
  for (const k of keys.slice(0, -1)) cur = cur[k];
  cur[keys.at(-1)!] = value;
  return out;
}

function deletePath(obj: Json, p: string): Json {
  const out = clone(obj);
  const keys = p.split('.');
  let cur: any = out;
  for (const k of keys.slice(0, -1)) cur = cur[k];
  delete cur[keys.at(-1)!];
  return out;
}

const mark = 'BADUTF8MARK';
/** Byte sequences that are not UTF-8: a stray byte, an overlong '/', an encoded surrogate, a cut-off character, a 5-byte form. */
const badSequences = [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe4, 0xbd], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe, 0xfe, 0xff, 0xff]];

function withBadBytes(obj: Json, p: string, bytes: number[]): Uint8Array {
  const [before, after] = JSON.stringify(setPath(obj, p, `ab${mark}cd`)).split(mark);
  return new Uint8Array(Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]));
}

interface Variant { label: string; body: string | Uint8Array; type?: string | null }

interface JsonEndpoint {
  method: string;
  path: () => string;
  token: () => string;
  /** a body that would succeed: every variant differs from it in one bad respect */
  base: () => Json;
  required: string[];
  wrong: () => Record<string, unknown[]>;
  strings: string[];
}

const notAnId = ['NOT-AN-ID', 'a b', '', 'ZZZZZZZZ', 'x'.repeat(41), '你好'];
const unknownId = 'zzzzzzzzzzzzzzzz';

function variants(e: JsonEndpoint): Variant[] {
  const base = e.base();
  const json = (v: unknown) => JSON.stringify(v);
  const out: Variant[] = [];
  // Malformed JSON, and JSON that is not an object.
  for (const raw of ['{', '{"a":', '[', 'nul', 'undefined', "{'a':1}", '{"a":1,}', '{"a":"\\x"}', '\u0000', ' ', '{"a":1}{"b":2}', '\uFEFF\uFEFF{}',
    `${json(base).slice(0, -1)}`, `${json(base)}garbage`, '['.repeat(100_000) + ']'.repeat(100_000), '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000),
    '', 'null', '42', '"text"', '[]', 'true', json([base])]) {
    out.push({ label: `malformed ${raw.slice(0, 30)}`, body: raw });
  }
  // The right body with the wrong content type.
  for (const type of [null, 'text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/jsonx', 'application/xml', 'json']) {
    out.push({ label: `content-type ${type}`, body: json(base), type });
  }
  // Wrong types, missing fields, extra fields.
  for (const [field, values] of Object.entries(e.wrong())) for (const v of values) out.push({ label: `wrong ${field}=${json(v)}`, body: json(setPath(base, field, v)) });
  for (const field of e.required) out.push({ label: `missing ${field}`, body: json(deletePath(base, field)) });
  out.push({ label: 'extra field', body: json({ ...base, extra: 1 }) });
  out.push({ label: 'extra id', body: json({ ...base, id: 'chosenbyclient' }) });
  out.push({ label: 'extra __proto__', body: `${json(base).slice(0, -1)},"__proto__":{"role":"admin"}}` });
  out.push({ label: 'extra constructor', body: `${json(base).slice(0, -1)},"constructor":{"prototype":{"x":1}}}` });
  out.push({ label: 'duplicate key, second wrong', body: `${json(base).slice(0, -1)},"${Object.keys(base)[0]}":12345}` });
  // Huge strings, NUL, unpaired surrogates, bad UTF-8 bytes in each string field.
  for (const field of e.strings) {
    out.push({ label: `huge ${field}`, body: json(setPath(base, field, 'a'.repeat(1 << 20))) });
    // 1.8 MB of UTF-8: under the body limit, so it is the field's own limit that refuses it.
    out.push({ label: `huge CJK ${field}`, body: json(setPath(base, field, '票'.repeat(600_000))) });
    out.push({ label: `NUL in ${field}`, body: json(setPath(base, field, 'a\u0000b')) });
    out.push({ label: `lone NUL ${field}`, body: json(setPath(base, field, '\u0000')) });
    out.push({ label: `unpaired surrogate ${field}`, body: json(setPath(base, field, `ab${mark}`)).replace(mark, '\\ud800') });
    out.push({ label: `unpaired low surrogate ${field}`, body: json(setPath(base, field, `${mark}ab`)).replace(mark, '\\udc00') });
    for (const bytes of badSequences) out.push({ label: `bad UTF-8 ${bytes.map((b) => b.toString(16)).join(' ')} in ${field}`, body: withBadBytes(base, field, bytes) });
  }
  return out;
}

async function send(e: JsonEndpoint, v: Variant, pathOverride?: string) {
  const headers: Record<string, string> = {};
  if (v.type !== null) headers['content-type'] = v.type ?? 'application/json';
  return server.call(e.method, pathOverride ?? e.path(), { token: e.token(), body: v.body as BodyInit, headers })
    .catch((err) => { throw new Error(`${e.method} ${e.path()} ${v.label}: ${err} ${err.cause}`); });
}

// ---- the endpoints ------------------------------------------------------------------------------

const jsonEndpoints: Record<string, JsonEndpoint> = {
  'POST /api/auth/login': {
    method: 'POST', path: () => '/api/auth/login', token: () => '',
    base: () => ({ username: 'admin', password: adminPassword }),
    required: ['username', 'password'],
    wrong: () => ({ username: [1, true, null, [], {}, ['admin'], ''], password: [1, true, null, [], {}, [adminPassword], ''] }),
    strings: ['username', 'password'],
  },
  'POST /api/auth/member-login': {
    method: 'POST', path: () => '/api/auth/member-login', token: () => '',
    base: () => ({ code: hall.members[0].code }),
    required: ['code'],
    wrong: () => ({ code: [1, true, null, [], {}, [hall.members[0].code], ''] }),
    strings: ['code'],
  },
  'POST /api/bodies': {
    method: 'POST', path: () => '/api/bodies', token: () => server.adminToken,
    base: () => ({ name: '坏输入镇人大', level: 'township', parentId: hall.bodyId }),
    required: ['name', 'level'],
    wrong: () => ({ name: [1, true, null, [], {}, ['x'], '', '   '], level: ['country', 'City', '', 1, null, ['city']], parentId: [1, true, [], {}, ...notAnId] }),
    strings: ['name', 'level', 'parentId'],
  },
  'POST /api/users': {
    method: 'POST', path: () => '/api/users', token: () => server.adminToken,
    base: () => ({ username: 'bad-input-user', password: 'a-good-password', role: 'presider', bodyId: hall.bodyId }),
    required: ['username', 'password', 'role', 'bodyId'],
    wrong: () => ({
      username: [1, null, [], {}, 'a', 'has space', '名字', 'x'.repeat(65)], password: [12345678, null, [], {}, 'short'],
      role: ['root', 'Admin', 1, null, ['admin']], bodyId: [1, null, [], ...notAnId], department: [1, true, [], {}],
    }),
    strings: ['username', 'password', 'role', 'bodyId', 'department'],
  },
  'POST /api/bodies/:bodyId/members': {
    method: 'POST', path: () => `/api/bodies/${hall.bodyId}/members`, token: () => server.adminToken,
    base: () => ({ members: [{ name: '坏输入代表', delegation: '甲代表团', kind: 'rep' }] }),
    required: ['members', 'members.0.name'],
    wrong: () => ({
      members: [null, 1, 'x', {}, [], Array.from({ length: 5001 }, () => ({ name: 'n' }))],
      'members.0': [null, 1, 'x', [], ['x']],
      'members.0.name': [1, null, [], {}, '', '\t'], 'members.0.delegation': [1, true, [], {}], 'members.0.kind': ['boss', 'REP', 1, null, []],
    }),
    strings: ['members.0.name', 'members.0.delegation', 'members.0.kind'],
  },
  'POST /api/bodies/:bodyId/sessions': {
    method: 'POST', path: () => `/api/bodies/${hall.bodyId}/sessions`, token: () => server.adminToken,
    base: () => ({ name: '坏输入会议', kind: 'congress', memberIds: [hall.members[0].id], quorum: { num: 2, den: 3, strict: false } }),
    required: ['name', 'kind', 'quorum.num', 'quorum.den', 'quorum.strict'],
    wrong: () => ({
      name: [1, null, [], {}, ''], kind: ['plenary', 1, null, ['congress']],
      memberIds: ['x', null, 1, {}, [1], [null], ['NOT-AN-ID'], [unknownId], Array.from({ length: 10_001 }, () => hall.members[0].id)],
      quorum: [null, '2/3', [2, 3], 1, {}],
      'quorum.num': [0, -1, 1.5, '2', null, 101, 1e300, 4], 'quorum.den': [0, -3, 1.5, '3', null, 101], 'quorum.strict': ['false', 0, null, []],
    }),
    strings: ['name', 'kind', 'memberIds.0'],
  },
  'PUT /api/sessions/:id/attendance/:memberId': {
    method: 'PUT', path: () => `/api/sessions/${hall.sessionId}/attendance/${hall.members[3].id}`, token: () => hall.presiderToken,
    base: () => ({ present: true, note: '请假' }),
    required: ['present'],
    wrong: () => ({ present: ['true', 1, 0, null, [], {}], note: [1, true, [], {}] }),
    strings: ['note'],
  },
};

/** Every foundation endpoint with path ids: a template, the token that may call it, and a body that passes validation. */
const pathEndpoints: { method: string; template: string; token: () => string; json?: () => unknown }[] = [
  { method: 'POST', template: '/api/bodies/:bodyId/members', token: () => server.adminToken, json: () => ({ members: [{ name: '甲' }] }) },
  { method: 'POST', template: '/api/bodies/:bodyId/members/import', token: () => server.adminToken },
  { method: 'GET', template: '/api/bodies/:bodyId/members', token: () => server.adminToken },
  { method: 'POST', template: '/api/bodies/:bodyId/sessions', token: () => server.adminToken, json: () => ({ name: '会', kind: 'congress' }) },
  { method: 'GET', template: '/api/bodies/:bodyId/sessions', token: () => server.adminToken },
  { method: 'GET', template: '/api/sessions/:id', token: () => server.adminToken },
  { method: 'POST', template: '/api/sessions/:id/checkin', token: () => hall.members[3].token },
  { method: 'PUT', template: '/api/sessions/:id/attendance/:memberId', token: () => hall.presiderToken, json: () => ({ present: true }) },
  { method: 'POST', template: '/api/sessions/:id/end', token: () => server.adminToken },
  { method: 'GET', template: '/api/sessions/:id/roster', token: () => server.adminToken },
  { method: 'GET', template: '/api/sessions/:id/audit', token: () => server.adminToken },
  { method: 'POST', template: '/api/sessions/:id/screen-token', token: () => server.adminToken },
];

const realIds = () => ({ bodyId: hall.bodyId, id: hall.sessionId, memberId: hall.members[3].id });

const oddIds = [
  'ZZZZZZZZ', 'NOT-AN-ID', '%00', 'a%00b', '%2e%2e', '..', 'a%2Fb', '%E4%BD%A0%E5%A5%BD', '%ff', '%E4%BD', '%', '%zz', 'x'.repeat(41), 'x'.repeat(5000),
  "1'%20or%20'1'%3D'1", '%20', '-1', '1e3', '%3Cscript%3E', '__proto__', 'constructor', '%5B%5D', 'a;b', 'a,b', '%0d%0a', '~', '%F0%9F%98%80',
];

describe('malformed bodies on every JSON endpoint', () => {
  for (const [name, e] of Object.entries(jsonEndpoints)) {
    it(`${name}: every malformed body is a 4xx and changes nothing`, async () => {
      const before = await snapshot();
      const list = variants(e);
      expect(list.length).toBeGreaterThan(40);
      for (let i = 0; i < list.length; i += 8) {
        const batch = list.slice(i, i + 8);
        const replies = await Promise.all(batch.map((v) => send(e, v)));
        replies.forEach((r, j) => expectRefusal(r, `${name} ${batch[j].label}`));
      }
      expect(await snapshot()).toEqual(before);
    }, 60_000);
  }

  it('a body over the size limit is 413 payload_too_large', async () => {
    const before = await snapshot();
    const r = await server.call('POST', '/api/bodies', { token: server.adminToken, body: JSON.stringify({ name: 'x'.repeat((2 << 20) + 1000), level: 'city' }), headers: { 'content-type': 'application/json' } });
    expectRefusal(r, 'too large');
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('payload_too_large');
    expect(await snapshot()).toEqual(before);
  });

  it('names the failing fields of a 422', async () => {
    const r = await server.call('POST', `/api/bodies/${hall.bodyId}/sessions`, { token: server.adminToken, json: { name: 1, kind: 'plenary', extra: true } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('invalid_input');
    expect(r.body.error.fields.map((f: any) => f.field).join(' ')).toMatch(/name/);
    expect(r.body.error.fields.map((f: any) => f.field).join(' ')).toMatch(/kind/);
  });
});

describe('malformed CSV on the import endpoint', () => {
  it('refuses every bad file and imports nothing', async () => {
    const before = await snapshot();
    const url = `/api/bodies/${hall.bodyId}/members/import`;
    const good = 'name,delegation,kind\n张三,甲团,rep\n';
    const cases: { label: string; body: string | Uint8Array; type?: string | null }[] = [
      { label: 'no type', body: new Blob([new TextEncoder().encode(good)]) as unknown as Uint8Array, type: null },
      ...['application/json', 'application/octet-stream', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'csv'].map((type) => ({ label: `type ${type}`, body: good, type })),
      { label: 'empty', body: '' },
      { label: 'header only', body: 'name,delegation,kind\n' },
      { label: 'no header', body: '张三,甲团,rep\n' },
      { label: 'unknown column', body: 'name,delegation,kind,phone\n张三,甲团,rep,123\n' },
      { label: 'unclosed quote', body: 'name,delegation,kind\n"张三,甲团,rep\n' },
      { label: 'NUL', body: 'name,delegation,kind\n张\u0000三,甲团,rep\n' },
      { label: 'bad kind', body: 'name,delegation,kind\n张三,甲团,boss\n' },
      { label: 'huge name', body: `name,delegation,kind\n${'a'.repeat(1 << 20)},甲团,rep\n` },
      { label: 'huge file', body: `name,delegation,kind\n${'张三,甲团,rep\n'.repeat(5001)}` },
      { label: 'JSON instead', body: JSON.stringify({ members: [{ name: '张三' }] }) },
      ...badSequences.map((bytes) => ({ label: `bad UTF-8 ${bytes}`, body: new Uint8Array(Buffer.concat([Buffer.from('name,delegation,kind\n张'), Buffer.from(bytes), Buffer.from(',甲团,rep\n')])) })),
      { label: 'UTF-16', body: new Uint8Array(Buffer.from(`\uFEFF${good}`, 'utf16le')) },
    ];
    for (const c of cases) {
      const headers: Record<string, string> = {};
      if (c.type !== null) headers['content-type'] = c.type ?? 'text/csv';
      const r = await server.call('POST', url, { token: server.adminToken, body: c.body as BodyInit, headers }).catch((e) => { throw new Error(`csv ${c.label}: ${e} ${e.cause} ${e.cause?.code}`); });
      expectRefusal(r, `csv ${c.label}`);
    }
    expect(await snapshot()).toEqual(before);
  }, 60_000);
});

describe('unknown and odd path ids', () => {
  it('answers 404 not_found for well-formed ids that do not exist', async () => {
    const before = await snapshot();
    for (const e of pathEndpoints) {
      const params = e.template.match(/:[a-zA-Z]+/g)!;
      for (const param of params) {
        const ids = { ...realIds(), [param.slice(1)]: unknownId } as Record<string, string>;
        const url = e.template.replace(/:([a-zA-Z]+)/g, (_, k) => ids[k]);
        const r = e.template.endsWith('/import')
          ? await server.call(e.method, url, { token: e.token(), body: 'name\n张三\n', headers: { 'content-type': 'text/csv' } })
          : await server.call(e.method, url, { token: e.token(), json: e.json?.() });
        expectRefusal(r, `${e.method} ${url}`);
        expect(r.status, `${e.method} ${url}`).toBe(404);
        expect(r.body.error.code).toBe('not_found');
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers 4xx for path ids with odd characters', async () => {
    const before = await snapshot();
    for (const e of pathEndpoints) {
      const params = e.template.match(/:[a-zA-Z]+/g)!;
      for (const param of params) {
        const replies = await Promise.all(oddIds.map(async (odd) => {
          const ids = { ...realIds(), [param.slice(1)]: odd } as Record<string, string>;
          const url = e.template.replace(/:([a-zA-Z]+)/g, (_, k) => ids[k]);
          const r = e.template.endsWith('/import')
            ? await server.call(e.method, url, { token: e.token(), body: 'name\n张三\n', headers: { 'content-type': 'text/csv' } })
            : await server.call(e.method, url, { token: e.token(), json: e.json?.() });
          return { r, label: `${e.method} ${url.slice(0, 120)}` };
        }));
        for (const { r, label } of replies) expectRefusal(r, label);
      }
    }
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it('refuses every endpoint without a token (401) and with a broken Authorization header', async () => {
    const before = await snapshot();
    for (const e of pathEndpoints) {
      const url = e.template.replace(/:([a-zA-Z]+)/g, (_, k) => (realIds() as Record<string, string>)[k]);
      for (const authorization of [undefined, 'Bearer', 'Bearer ', 'Basic YWRtaW46eA==', `Bearer ${'x'.repeat(4000)}`, 'Bearer a.b.c', `Bearer ${server.adminToken}x`]) {
        const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
        const r = await server.call(e.method, url, { headers, json: e.json?.() });
        expectRefusal(r, `${e.method} ${url} auth=${authorization?.slice(0, 20)}`);
        expect(r.status).toBe(401);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the screen token refuses everything but its session', async () => {
    const before = await snapshot();
    for (const e of pathEndpoints) {
      if (e.template === '/api/sessions/:id') continue;
      const url = e.template.replace(/:([a-zA-Z]+)/g, (_, k) => (realIds() as Record<string, string>)[k]);
      const r = await server.call(e.method, url, { token: screenToken, json: e.json?.() });
      expectRefusal(r, `screen ${e.method} ${url}`);
      expect(r.status).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('the server is still well after all that', () => {
  it('signs in, reads and writes normally', async () => {
    expect((await server.call('POST', '/api/auth/login', { json: { username: 'admin', password: adminPassword } })).status).toBe(200);
    const s = ok(await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken }));
    expect(s).toMatchObject({ rosterSize: 4, present: 1, state: 'open' });
    expect((await server.call('POST', '/api/bodies', { token: server.adminToken, json: { name: '正常的镇', level: 'township', parentId: hall.bodyId } })).status).toBe(201);
  });
});

describe('headers and unknown paths', () => {
  function expectSecurityHeaders(h: Headers, label: string) {
    const csp = h.get('content-security-policy') ?? '';
    expect(csp, label).not.toBe('');
    const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [k, ...v] = d.split(/\s+/);
      return [k.toLowerCase(), v] as const;
    }));
    const scripts = directives.get('script-src') ?? directives.get('default-src');
    expect(scripts, label).toBeDefined();
    expect(scripts!.join(' '), label).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(directives.get('frame-ancestors'), label).toEqual(["'none'"]);
    expect(directives.get('object-src'), label).toEqual(["'none'"]);
    expect(h.get('x-content-type-options'), label).toBe('nosniff');
    expect(h.get('referrer-policy'), label).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    expect(h.get('x-frame-options'), label).toBe('DENY');
  }

  it('sends the security headers on API answers, errors included', async () => {
    expectSecurityHeaders((await server.call('GET', '/api/bodies')).headers, 'GET /api/bodies');
    expectSecurityHeaders((await server.call('GET', '/api/me')).headers, '401');
    expectSecurityHeaders((await server.call('POST', '/api/bodies', { token: server.adminToken, body: '{', headers: { 'content-type': 'application/json' } })).headers, '422');
    expectSecurityHeaders((await server.call('GET', '/api/nope')).headers, '404');
  });

  it('sends them on / and on the pages of the client', async () => {
    expectSecurityHeaders((await server.call('GET', '/')).headers, '/ without a client');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-client-'));
    try {
      fs.mkdirSync(path.join(dir, 'assets'));
      fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
      fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
      const app = createApp(server.ctx, { clientDir: dir });
      for (const p of ['/', '/tablet', '/console', '/screen/abc', '/assets/app.js']) {
        const res = await app.request(p);
        expect(res.status, p).toBe(200);
        expectSecurityHeaders(res.headers, p);
      }
      const page = await app.request('/tablet');
      expect(await page.text()).toContain('<div id="root">');
      const api = await app.request('/api/nope');
      expect(api.status).toBe(404);
      expect((await api.json()).error.code).toBe('not_found');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers unknown /api paths with a JSON 404', async () => {
    for (const [method, p] of [['GET', '/api/nope'], ['GET', '/api/'], ['POST', '/api/bodies/x/y/z'], ['DELETE', '/api/bodies'], ['PATCH', '/api/sessions/abc'], ['GET', '/api/auth/login'], ['GET', '/api/%ff'], ['GET', '/api/bodies/../nope']]) {
      const r = await server.call(method, p, { token: server.adminToken });
      expectRefusal(r, `${method} ${p}`);
      expect(r.status, `${method} ${p}`).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
  });
});
