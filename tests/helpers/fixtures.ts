// Builds a body with members, staff and a session through the public API, as an outside client would.
import type { TestServer } from './server.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface Hall {
  bodyId: string;
  presiderToken: string;
  members: { id: string; name: string; code: string; token: string; kind: string }[];
  sessionId: string;
  projectIds: string[];
}

export function ok<T>(reply: { status: number; body: T }, expected = [200, 201]): T {
  if (!expected.includes(reply.status)) throw new Error(`unexpected ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export async function createHall(server: TestServer, opts: { members?: number; committee?: number; projects?: number; kind?: 'congress' | 'committee'; checkIn?: number | 'all'; login?: boolean; parentId?: string } = {}): Promise<Hall> {
  const admin = server.adminToken;
  const body = ok(await server.call('POST', '/api/bodies', { token: admin, json: { name: unique('县人大'), level: 'county', ...(opts.parentId ? { parentId: opts.parentId } : {}) } }));
  const presiderName = unique('p');
  ok(await server.call('POST', '/api/users', { token: admin, json: { username: presiderName, password: 'presider-pass', role: 'presider', bodyId: body.id } }));
  const presiderToken = ok(await server.call('POST', '/api/auth/login', { json: { username: presiderName, password: 'presider-pass' } })).token;
  const n = opts.members ?? 30;
  const committee = opts.committee ?? 0;
  const list = Array.from({ length: n }, (_, i) => ({ name: `代表${i + 1}`, delegation: `第${(i % 5) + 1}代表团`, kind: i < committee ? 'committee' : 'rep' }));
  const created = ok(await server.call('POST', `/api/bodies/${body.id}/members`, { token: admin, json: { members: list } })).members as { id: string; name: string; code: string; kind: string }[];
  const members = await Promise.all(created.map(async (m) => ({
    ...m,
    token: opts.login === false ? '' : ok(await server.call('POST', '/api/auth/member-login', { json: { code: m.code } })).token as string,
  })));
  const projectIds: string[] = [];
  for (let i = 0; i < (opts.projects ?? 0); i++) {
    projectIds.push(ok(await server.call('POST', `/api/bodies/${body.id}/projects`, {
      token: admin, json: { year: 2027, title: `项目${i + 1}`, description: '说明', category: '教育', department: '教育局', investment: 100 + i },
    })).id);
  }
  const session = ok(await server.call('POST', `/api/bodies/${body.id}/sessions`, { token: admin, json: { name: unique('会议'), kind: opts.kind ?? 'congress' } }));
  const toCheckIn = opts.checkIn === 'all' ? members.length : opts.checkIn ?? 0;
  await Promise.all(members.slice(0, toCheckIn).map(async (m) => ok(await server.call('POST', `/api/sessions/${session.id}/checkin`, { token: m.token }))));
  return { bodyId: body.id, presiderToken, members, sessionId: session.id, projectIds };
}

export function submissionKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let s = '';
  for (let i = 0; i < 32; i++) s += alphabet[Math.floor(Math.random() * 64)];
  return s;
}

/** A department user (承办单位) of a body, signed in: its token. */
export async function departmentToken(server: Pick<TestServer, 'call' | 'adminToken'>, bodyId: string, department: string): Promise<string> {
  const username = unique('d');
  ok(await server.call('POST', '/api/users', { token: server.adminToken, json: { username, password: 'dept-password', role: 'department', bodyId, department } }));
  return ok(await server.call('POST', '/api/auth/login', { json: { username, password: 'dept-password' } })).token as string;
}
