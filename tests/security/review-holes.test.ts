// The holes a hostile-input review of the running system found, each pinned by a test that failed before its fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { io as connect } from 'socket.io-client';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, submissionKey, type Hall } from '../helpers/fixtures.js';
import { withMeta } from '../../server/publication/share-meta.js';

let server: TestServer;
let hall: Hall;
const now = new Date();
const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startTestServer();
  hall = await createHall(server, { members: 6, projects: 2, checkIn: 4 });
  const root = server.adminToken;
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: root, json: { year: now.getFullYear() + 1, opensAt: new Date(now.getTime() - 86_400_000).toISOString(), closesAt: new Date(now.getTime() + 86_400_000).toISOString() } }));
}, 60_000);
afterAll(async () => { await server?.close(); });

describe('1. a big screen token reads its own session and nothing else', () => {
  it('is refused by the suggestion form (it skipped the anonymous limit) and by every other public route', async () => {
    const screen = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, { token: hall.presiderToken })).token as string;
    const sent = [];
    for (let i = 0; i < 30; i++) sent.push((await server.call('POST', `/api/bodies/${hall.bodyId}/suggestions`, { token: screen, json: { title: `大屏幕发的建议${i}`, description: '说明', category: '其他' } })).status);
    expect(sent.filter((s) => s !== 403)).toEqual([]);
    for (const path of ['/api/public/keys', `/api/public/bodies/${hall.bodyId}/projects`, '/api/bodies']) expect((await server.call('GET', path, { token: screen })).status, path).toBe(403);
    expect((await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: screen })).status).toBe(200);
  });
});

describe('2. a lost card: regenerating the code ends every sign-in made with the old one at once', () => {
  it('refuses the old token for check-in, reading, voting and the live channel, on the spot', async () => {
    const m = hall.members[5];
    const ballot = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token: hall.presiderToken, json: { kind: 'motion', title: '议案', question: '是否同意？' } })).id;
    const socket = connect(server.url, { auth: { token: m.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => { socket.once('connect', () => resolve()); socket.once('connect_error', reject); });
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    expect((await server.call('POST', `/api/sessions/${hall.sessionId}/checkin`, { token: m.token })).status).toBe(200);
    const fresh = ok(await server.call('POST', `/api/members/${m.id}/code`, { token: server.adminToken })).code as string;
    expect(await dropped).toBe('io server disconnect');
    ok(await server.call('POST', `/api/ballots/${ballot}/open`, { token: hall.presiderToken }));
    for (const [method, path, json] of [
      ['POST', `/api/sessions/${hall.sessionId}/checkin`, undefined], ['GET', `/api/sessions/${hall.sessionId}`, undefined], ['GET', '/api/me', undefined],
      ['POST', `/api/ballots/${ballot}/votes`, { submissionKey: submissionKey(), choices: { vote: 'yes' } }],
    ] as const) {
      const r = await server.call(method, path, { token: m.token, json });
      expect(`${path} ${r.status} ${r.body?.error?.code}`).toBe(`${path} 401 unauthorized`);
    }
    const refused = connect(server.url, { auth: { token: m.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    await expect(new Promise((resolve, reject) => { refused.once('connect', () => resolve(null)); refused.once('connect_error', reject); })).rejects.toThrow(/unauthorized/);
    refused.close();
    // The new card signs in and votes.
    const token = ok(await server.call('POST', '/api/auth/member-login', { json: { code: fresh } })).token as string;
    expect((await server.call('POST', `/api/ballots/${ballot}/votes`, { token, json: { submissionKey: submissionKey(), choices: { vote: 'yes' } } })).status).toBe(201);
    ok(await server.call('POST', `/api/ballots/${ballot}/close`, { token: hall.presiderToken }));
  });
});

describe('3 and 5. behind a proxy: X-Forwarded-For written by the client never moves a limit, nor locks an account out', () => {
  let proxied: TestServer;
  beforeAll(async () => { proxied = await startTestServer({ trustedProxies: 1, throttle: false }); });
  afterAll(async () => { await proxied?.close(); });
  const from = (client: string, real: string) => ({ 'x-forwarded-for': `${client}, ${real}` });

  it('counts member-code failures by the address the proxy saw, whatever the client put first', async () => {
    const answers = [];
    for (let i = 0; i < 310; i++) {
      answers.push((await proxied.call('POST', '/api/auth/member-login', { json: { code: 'WRONGCODE1' }, headers: from(`10.0.${i % 250}.${i % 7}`, '203.0.113.9') })).status);
    }
    expect(answers.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(answers.slice(0, 300).every((s) => s === 401)).toBe(true);
  });

  it('ten wrong passwords from anywhere never refuse the right one from a new address', async () => {
    for (let i = 0; i < 12; i++) await proxied.call('POST', '/api/auth/login', { json: { username: 'admin', password: 'not-the-password' }, headers: from('x', `198.51.100.${i}`) });
    const attacker = [];
    for (let i = 0; i < 12; i++) attacker.push((await proxied.call('POST', '/api/auth/login', { json: { username: 'admin', password: 'nope' }, headers: from('x', '198.51.100.77') })).status);
    expect(attacker.slice(-2)).toEqual([429, 429]);
    const right = await proxied.call('POST', '/api/auth/login', { json: { username: 'admin', password: 'test-admin-password' }, headers: from('x', '192.0.2.1') });
    expect(right.status).toBe(200);
  });
});

describe('6. dates a person types', () => {
  it('refuses a report dated in the future, before the year before the project, or in year 0; and an instant in year 1', async () => {
    const p = hall.projectIds[0];
    const sel = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token: hall.presiderToken, json: { kind: 'selection', title: '票决', projectIds: [p], seats: 1 } })).id;
    ok(await server.call('POST', `/api/ballots/${sel}/open`, { token: hall.presiderToken }));
    for (const m of hall.members.slice(0, 4)) ok(await server.call('POST', `/api/ballots/${sel}/votes`, { token: m.token, json: { submissionKey: submissionKey(), choices: { [p]: 'yes' } } }));
    ok(await server.call('POST', `/api/ballots/${sel}/close`, { token: hall.presiderToken }));
    ok(await server.call('POST', `/api/ballots/${sel}/publish`, { token: hall.presiderToken }));
    const report = (date: string) => server.call('POST', `/api/projects/${p}/progress`, { token: server.adminToken, json: { percent: 10, note: '进展', date } });
    for (const date of ['2099-12-31', '0000-01-01', '2025-12-31']) expect(`${date} ${(await report(date)).status}`).toBe(`${date} 422`);
    expect((await report(shanghai(now))).status).toBe(201);
    expect((await server.call('POST', `/api/projects/${p}/inspections`, { token: server.adminToken, json: { date: '2099-01-01', findings: '未来的视察' } })).status).toBe(422);
    const win = await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: server.adminToken, json: { year: 2001, opensAt: '0001-01-01T00:00:00Z', closesAt: '0001-02-01T00:00:00Z' } });
    expect(`${win.status} ${win.body.error.code}`).toBe('422 invalid_input');
  });
});

describe('7. share previews', () => {
  it('put a name holding $` or $& into the page as text, never the page into itself', () => {
    const shell = '<html><head><title>民生</title></head><body>SECRET-BODY</body></html>';
    const out = withMeta(shell, { title: '项目$`$&$\'', description: '说明$&' });
    expect(out).not.toContain('SECRET-BODY</body></html>民生');
    expect(out.match(/SECRET-BODY/g)).toHaveLength(1);
    expect(out).toContain('项目$`$&#38;$&#39;');
  });
});

describe('8. a member reads only public projects', () => {
  it('refuses a draft project\'s implementation view to a member, and serves a selected one', async () => {
    const draft = hall.projectIds[1];
    expect((await server.call('GET', `/api/projects/${draft}/implementation`, { token: hall.members[0].token })).status).toBe(403);
    expect((await server.call('GET', `/api/projects/${hall.projectIds[0]}/implementation`, { token: hall.members[0].token })).status).toBe(200);
  });
});

describe('tokens and answers', () => {
  it('refuses a token without exp, or living longer than its kind; takes the bearer scheme in any case', async () => {
    const key = server.ctx.secrets.tokenKey;
    const base = () => new SignJWT({ knd: 'staff', role: 'admin', bod: null, usr: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('minsheng').setSubject('x').setIssuedAt();
    const noExp = await base().sign(key);
    const tooLong = await base().setExpirationTime('30d').sign(key);
    for (const t of [noExp, tooLong]) expect((await server.call('GET', '/api/me', { token: t })).status).toBe(401);
    const r = await fetch(`${server.url}/api/me`, { headers: { authorization: `bEaReR ${server.adminToken}` } });
    expect(r.status).toBe(200);
  });

  it('tells caches to keep no sign-in answer and no answer to a signed-in caller; websockets only to the page\'s own origin', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'test-admin-password' }) });
    expect(login.headers.get('cache-control')).toBe('no-store');
    const staff = await fetch(`${server.url}/api/bodies/${hall.bodyId}/members`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    expect(staff.headers.get('cache-control')).toBe('no-store');
    const pub = await fetch(`${server.url}/api/public/bodies/${hall.bodyId}/projects`);
    expect(pub.headers.get('cache-control')).toBe('public, no-cache');
    expect(pub.headers.get('content-security-policy')).toMatch(/connect-src 'self'(;|$)/);
  });
});
