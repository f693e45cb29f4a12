// Builds a hall through the public API (body, presider, members with tokens, projects, session, check-in),
// as an outside client would, against any running server.
import { randomBytes } from 'node:crypto';
import { Api, pool } from '../../tests/helpers/api.js';

export interface HallMember { id: string; name: string; code: string; token: string }

export interface RemoteHall {
  bodyId: string;
  presiderToken: string;
  sessionId: string;
  projectIds: string[];
  members: HallMember[];
}

const unique = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;

export async function loginAdmin(api: Api, password: string): Promise<string> {
  const r = await api.ok<{ token: string }>('POST', '/api/auth/login', { json: { username: 'admin', password } });
  api.adminToken = r.token;
  return r.token;
}

export async function buildHall(api: Api, opts: { members: number; projects: number; checkIn?: 'all' | number; concurrency?: number }): Promise<RemoteHall> {
  const admin = api.adminToken;
  const conc = opts.concurrency ?? 16;
  const body = await api.ok('POST', '/api/bodies', { token: admin, json: { name: unique('县人大'), level: 'county' } });
  const presider = unique('p');
  await api.ok('POST', '/api/users', { token: admin, json: { username: presider, password: 'presider-pass', role: 'presider', bodyId: body.id } });
  const presiderToken = (await api.ok('POST', '/api/auth/login', { json: { username: presider, password: 'presider-pass' } })).token as string;
  const created: { id: string; name: string; code: string }[] = [];
  for (let i = 0; i < opts.members; i += 2000) {
    const list = Array.from({ length: Math.min(2000, opts.members - i) }, (_, j) => ({ name: `代表${i + j + 1}`, delegation: `第${((i + j) % 20) + 1}代表团` }));
    created.push(...(await api.ok('POST', `/api/bodies/${body.id}/members`, { token: admin, json: { members: list } })).members);
  }
  const members = await pool(created, conc, async (m) => ({
    ...m, token: (await api.ok('POST', '/api/auth/member-login', { json: { code: m.code } })).token as string,
  }));
  const projectIds: string[] = [];
  for (let i = 0; i < opts.projects; i++) {
    projectIds.push((await api.ok('POST', `/api/bodies/${body.id}/projects`, {
      token: admin, json: { year: 2027, title: `民生项目${i + 1}`, description: '说明', category: '教育', department: '教育局', investment: 100 + i },
    })).id);
  }
  const session = await api.ok('POST', `/api/bodies/${body.id}/sessions`, { token: admin, json: { name: unique('会议'), kind: 'congress' } });
  const n = opts.checkIn === undefined || opts.checkIn === 'all' ? members.length : opts.checkIn;
  await pool(members.slice(0, n), conc, (m) => api.ok('POST', `/api/sessions/${session.id}/checkin`, { token: m.token }));
  return { bodyId: body.id, presiderToken, sessionId: session.id, projectIds, members };
}

export type Mark = 'yes' | 'no' | 'abstain';

/** A per-candidate ballot as a tablet fills it in: each candidate marked, or (sometimes) left out = abstain. */
export function randomChoices(projectIds: string[], rnd: () => number = Math.random): Record<string, Mark> {
  const out: Record<string, Mark> = {};
  for (const id of projectIds) {
    const x = rnd();
    if (x < 0.55) out[id] = 'yes';
    else if (x < 0.8) out[id] = 'no';
    else if (x < 0.9) out[id] = 'abstain';
    // else left out: counts as abstain
  }
  return out;
}

/** What a per-candidate ballot means once stored: every candidate, left-out ones as abstain. */
export function normalChoices(projectIds: string[], choices: Record<string, Mark>): Record<string, Mark> {
  return Object.fromEntries(projectIds.map((id) => [id, choices[id] ?? 'abstain']));
}

/** An independent recount (no shared counting code): yes/no/abstain per candidate. */
export function recount(projectIds: string[], ballots: Iterable<Record<string, Mark>>) {
  const t = new Map(projectIds.map((id) => [id, { yes: 0, no: 0, abstain: 0 }]));
  for (const b of ballots) for (const id of projectIds) t.get(id)![b[id] ?? 'abstain']++;
  return t;
}

/** Equal choices whatever the order of their keys. */
export function sameChoices(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  if (!a) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
