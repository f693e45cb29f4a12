// Sign-in, throttling and every kind of token the API (and the socket handshake) must refuse.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { adminPassword, startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';


// Machines here are shared and noisy: generous limits, while every promised bound (e.g. 1 s) is still asserted.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });
let server: TestServer;
let hall: Hall;
let other: Hall;
let screenToken: string;
let adminId: string;

beforeAll(async () => {
  server = await startTestServer();
  hall = await createHall(server, { members: 4 });
  other = await createHall(server, { members: 2 });
  adminId = ok(await server.call('GET', '/api/me', { token: server.adminToken })).user.id;
  screenToken = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, { token: hall.presiderToken })).token;
});
afterAll(async () => { await server?.close(); });

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A token with the server's own claims, signed as the test says. */
async function sign(claims: Record<string, unknown>, opts: { key?: Uint8Array; exp?: number | string; iss?: string; alg?: string } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: opts.alg ?? 'HS256', typ: 'JWT' }).setIssuer(opts.iss ?? 'minsheng').setIssuedAt();
  if (opts.exp !== undefined) jwt.setExpirationTime(opts.exp);
  return jwt.sign(opts.key ?? server.ctx.secrets.tokenKey);
}

const adminClaims = () => ({ knd: 'staff', role: 'admin', bod: null, usr: 'admin', sub: adminId });

describe('staff login', () => {
  it('signs in with the right password', async () => {
    const r = await server.call('POST', '/api/auth/login', { json: { username: 'admin', password: adminPassword } });
    expect(r.status).toBe(200);
    expect(typeof r.body.token).toBe('string');
    expect(r.body.user).toMatchObject({ username: 'admin', role: 'admin', bodyId: null });
    expect(typeof r.body.user.id).toBe('string');
    expect(JSON.stringify(r.body)).not.toMatch(/scrypt|passwordHash/);
  });

  it('refuses a wrong password and an unknown user alike (401 bad_credentials)', async () => {
    const wrong = await server.call('POST', '/api/auth/login', { json: { username: 'admin', password: 'not-the-password' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('bad_credentials');
    const unknown = await server.call('POST', '/api/auth/login', { json: { username: 'nobody-here', password: 'whatever-pass' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('bad_credentials');
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });

  it('signs in a presider with the presider role and body', async () => {
    const me = ok(await server.call('GET', '/api/me', { token: hall.presiderToken }));
    expect(me).toMatchObject({ kind: 'staff', user: { role: 'presider', bodyId: hall.bodyId } });
  });
});

describe('member login', () => {
  it('signs in with the personal code, in any case and with spaces or dashes', async () => {
    const m = hall.members[0];
    const r = await server.call('POST', '/api/auth/member-login', { json: { code: m.code } });
    expect(r.status).toBe(200);
    expect(r.body.member).toEqual({ id: m.id, name: m.name, bodyId: hall.bodyId, delegation: expect.any(String) });
    const loose = `${m.code.slice(0, 4).toLowerCase()}-${m.code.slice(4)} `;
    expect((await server.call('POST', '/api/auth/member-login', { json: { code: loose } })).status).toBe(200);
  });

  it('refuses a wrong code (401 bad_credentials)', async () => {
    const r = await server.call('POST', '/api/auth/member-login', { json: { code: 'ZZZZZZZZ' } });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('bad_credentials');
  });
});

describe('GET /api/me', () => {
  it('describes each kind of caller', async () => {
    const staff = ok(await server.call('GET', '/api/me', { token: server.adminToken }));
    expect(staff).toMatchObject({ kind: 'staff', user: { username: 'admin', role: 'admin', bodyId: null } });
    const m = hall.members[1];
    const member = ok(await server.call('GET', '/api/me', { token: m.token }));
    expect(member.kind).toBe('member');
    expect(member.member).toMatchObject({ id: m.id, name: m.name, bodyId: hall.bodyId });
    expect(member.sessions.map((s: { id: string }) => s.id)).toContain(hall.sessionId);
    expect(JSON.stringify(member)).not.toContain(m.code);
    const screen = ok(await server.call('GET', '/api/me', { token: screenToken }));
    expect(screen).toEqual({ kind: 'screen', sessionId: hall.sessionId });
  });

  it('is 401 without a token', async () => {
    const r = await server.call('GET', '/api/me');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthorized');
  });
});

describe('tokens the server must refuse', () => {
  let bad: Record<string, string>;
  beforeAll(async () => {
    const valid = await sign(adminClaims(), { exp: '1h' });
    const [h, p, s] = server.adminToken.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const memberPayload = JSON.parse(Buffer.from(hall.members[0].token.split('.')[1], 'base64url').toString());
    bad = {
      expired: await sign(adminClaims(), { exp: Math.floor(Date.now() / 1000) - 60 }),
      'tampered payload': `${h}.${b64url({ ...payload, usr: 'someone-else' })}.${s}`,
      'member token promoted to admin': `${hall.members[0].token.split('.')[0]}.${b64url({ ...memberPayload, knd: 'staff', role: 'admin', bod: null })}.${hall.members[0].token.split('.')[2]}`,
      'tampered signature': `${h}.${p}.${s.slice(0, -4)}${s.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`,
      'alg none': `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...adminClaims(), iss: 'minsheng', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600 })}.`,
      'alg none, signature kept': `${b64url({ alg: 'none', typ: 'JWT' })}.${p}.${s}`,
      'wrong key': await sign(adminClaims(), { exp: '1h', key: randomBytes(32) }),
      'wrong issuer': await sign(adminClaims(), { exp: '1h', iss: 'someone-else' }),
      'HS512 with the right key': await sign(adminClaims(), { exp: '1h', alg: 'HS512' }),
      'unknown kind': await sign({ knd: 'superuser', sub: 'x' }, { exp: '1h' }),
      'unknown role': await sign({ ...adminClaims(), role: 'root' }, { exp: '1h' }),
      garbage: 'not.a.jwt',
      empty: '',
    };
    // A token made the same way but valid is accepted: each bad one differs from it in one respect only.
    expect((await server.call('GET', '/api/me', { token: valid })).status).toBe(200);
  });

  it('answers 401 on the API for every bad token', async () => {
    for (const [name, token] of Object.entries(bad)) {
      for (const [method, path] of [['GET', '/api/me'], ['GET', `/api/sessions/${hall.sessionId}`], ['GET', `/api/bodies/${hall.bodyId}/members`]]) {
        const r = await server.call(method, path, { headers: { authorization: `Bearer ${token}` } });
        expect(r.status, `${name} on ${path}`).toBe(401);
        expect(r.body.error.code, name).toBe('unauthorized');
      }
      const create = await server.call('POST', '/api/bodies', { headers: { authorization: `Bearer ${token}` }, json: { name: '伪造', level: 'city' } });
      expect(create.status, name).toBe(401);
    }
  });

  it('refuses a bad token in the cookie too', async () => {
    const r = await server.call('GET', '/api/me', { headers: { cookie: `minsheng_token=${bad['wrong key']}` } });
    expect(r.status).toBe(401);
    const good = await server.call('GET', '/api/me', { headers: { cookie: `minsheng_token=${server.adminToken}` } });
    expect(good.status).toBe(200);
  });

  it('refuses every bad token on the socket handshake (connect_error)', async () => {
    for (const [name, token] of Object.entries(bad)) {
      await expect(server.socket(token), name).rejects.toThrow(/unauthorized/);
    }
    await expect(server.socket(undefined as unknown as string)).rejects.toThrow(/unauthorized/);
    const s = await server.socket(server.adminToken);
    expect(s.connected).toBe(true);
    s.close();
  });
});

describe('roles do not stand in for each other', () => {
  it('a member token cannot call staff endpoints (403)', async () => {
    const t = hall.members[0].token;
    const calls: [string, string, unknown?][] = [
      ['POST', '/api/bodies', { name: '代表建的', level: 'city' }],
      ['POST', '/api/users', { username: 'member-made', password: 'long-enough', role: 'admin', bodyId: hall.bodyId }],
      ['POST', `/api/bodies/${hall.bodyId}/members`, { members: [{ name: '冒名' }] }],
      ['GET', `/api/bodies/${hall.bodyId}/members`],
      ['POST', `/api/bodies/${hall.bodyId}/sessions`, { name: '会', kind: 'congress' }],
      ['GET', `/api/bodies/${hall.bodyId}/sessions`],
      ['PUT', `/api/sessions/${hall.sessionId}/attendance/${hall.members[1].id}`, { present: true }],
      ['GET', `/api/sessions/${hall.sessionId}/audit`],
      ['GET', `/api/sessions/${hall.sessionId}/roster`],
      ['POST', `/api/sessions/${hall.sessionId}/screen-token`],
      ['POST', `/api/sessions/${hall.sessionId}/end`],
    ];
    for (const [method, path, json] of calls) {
      const r = await server.call(method, path, { token: t, json });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
  });

  it('a staff token cannot check in (403)', async () => {
    for (const token of [server.adminToken, hall.presiderToken]) {
      const r = await server.call('POST', `/api/sessions/${hall.sessionId}/checkin`, { token });
      expect(r.status).toBe(403);
    }
  });

  it('a presider cannot do admin work', async () => {
    const r = await server.call('POST', `/api/bodies/${hall.bodyId}/members`, { token: hall.presiderToken, json: { members: [{ name: '新人' }] } });
    expect(r.status).toBe(403);
    const u = await server.call('POST', '/api/users', { token: hall.presiderToken, json: { username: 'by-presider', password: 'long-enough', role: 'admin', bodyId: hall.bodyId } });
    expect(u.status).toBe(403);
  });

  it('a screen token sees its own session only, and does nothing else', async () => {
    const own = ok(await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: screenToken }));
    expect(own.id).toBe(hall.sessionId);
    expect((await server.call('GET', `/api/sessions/${other.sessionId}`, { token: screenToken })).status).toBe(403);
    expect((await server.call('POST', `/api/sessions/${hall.sessionId}/checkin`, { token: screenToken })).status).toBe(403);
    expect((await server.call('GET', `/api/sessions/${hall.sessionId}/audit`, { token: screenToken })).status).toBe(403);
    expect((await server.call('GET', `/api/bodies/${hall.bodyId}/members`, { token: screenToken })).status).toBe(403);
    expect((await server.call('POST', '/api/bodies', { token: screenToken, json: { name: '屏幕', level: 'city' } })).status).toBe(403);
    expect((await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, { token: screenToken })).status).toBe(403);
  });

  it('a screen token joins its own session on the socket and no other', async () => {
    const s = await server.socket(screenToken);
    const mine = await s.emitWithAck('session:join', { sessionId: hall.sessionId });
    expect(mine.ok).toBe(true);
    expect(mine.tallies).toEqual([]);
    const theirs = await s.emitWithAck('session:join', { sessionId: other.sessionId });
    expect(theirs).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    s.close();
  });
});

describe('throttling (a server allowing 5 failures)', () => {
  let strict: TestServer;
  let code: string;
  beforeAll(async () => {
    strict = await startTestServer({ throttlePoints: 5 });
    const body = ok(await strict.call('POST', '/api/bodies', { token: strict.adminToken, json: { name: '限流人大', level: 'county' } }));
    code = ok(await strict.call('POST', `/api/bodies/${body.id}/members`, { token: strict.adminToken, json: { members: [{ name: '张三' }] } })).members[0].code;
  }, 60_000);
  afterAll(async () => { await strict?.close(); });

  it('answers 429 too_many_attempts after repeated wrong passwords, even for the right one', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await strict.call('POST', '/api/auth/login', { json: { username: 'admin', password: `wrong-${i}` } });
      expect(r.status).toBe(401);
    }
    const sixth = await strict.call('POST', '/api/auth/login', { json: { username: 'admin', password: 'wrong-again' } });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('too_many_attempts');
    const right = await strict.call('POST', '/api/auth/login', { json: { username: 'admin', password: adminPassword } });
    expect(right.status).toBe(429);
  });

  it('answers 429 after repeated wrong member codes, even for the right one', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await strict.call('POST', '/api/auth/member-login', { json: { code: `WRONG${i}ZZ` } });
      expect(r.status).toBe(401);
    }
    const sixth = await strict.call('POST', '/api/auth/member-login', { json: { code: 'WRONGZZZ' } });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('too_many_attempts');
    expect((await strict.call('POST', '/api/auth/member-login', { json: { code } })).status).toBe(429);
  });

  it('does not throttle the tokens already issued', async () => {
    expect((await strict.call('GET', '/api/me', { token: strict.adminToken })).status).toBe(200);
  });
});
