// The benches' hall, set up through the API like a clerk would: a body, its members signed in and checked
// in, candidate projects, a session; and the votes a burst sends, with the tally they must produce.
import { randomBytes } from 'node:crypto';
import { pool, type BurstResult, type HttpClient, type PreparedRequest } from './lib.js';

// ---------------------------------------------------------------- setup through the API

export interface Hall {
  adminToken: string;
  presiderToken: string;
  screenToken: string;
  bodyId: string;
  sessionId: string;
  projectIds: string[];
  memberTokens: string[];
}

/** `tag` tells halls apart when a bench builds many (`--halls`): their bodies' and presiders' names. */
export async function buildHall(api: HttpClient, adminPassword: string, members: number, projects: number, tag = ''): Promise<Hall> {
  const adminToken = (await api.json('POST', '/api/auth/login', { json: { username: 'admin', password: adminPassword } })).token as string;
  const body = await api.json('POST', '/api/bodies', { token: adminToken, json: { name: `基准测试${tag}市人民代表大会`, level: 'city' } });
  await api.json('POST', '/api/users', { token: adminToken, json: { username: `bench_presider${tag}`, password: 'bench-presider-pass', role: 'presider', bodyId: body.id } });
  const presiderToken = (await api.json('POST', '/api/auth/login', { json: { username: `bench_presider${tag}`, password: 'bench-presider-pass' } })).token as string;
  const list = Array.from({ length: members }, (_, i) => ({ name: `代表${i + 1}`, delegation: `第${(i % 30) + 1}代表团`, kind: i < members / 10 ? 'committee' : 'rep' }));
  const created = (await api.json('POST', `/api/bodies/${body.id}/members`, { token: adminToken, json: { members: list } })).members as { code: string }[];
  const projectIds: string[] = [];
  for (let i = 0; i < projects; i++) {
    const p = await api.json('POST', `/api/bodies/${body.id}/projects`, {
      token: adminToken,
      json: { year: 2027, title: `民生实事项目${i + 1}`, description: '基准测试用项目说明', category: '教育', department: '教育局', investment: 100 + i },
    });
    projectIds.push(p.id);
  }
  const session = await api.json('POST', `/api/bodies/${body.id}/sessions`, { token: adminToken, json: { name: '基准测试 第一次会议', kind: 'congress' } });
  const memberTokens: string[] = new Array(created.length);
  await pool(created.length, 32, async (i) => {
    memberTokens[i] = (await api.json('POST', '/api/auth/member-login', { json: { code: created[i].code } })).token;
  });
  await pool(memberTokens.length, 32, async (i) => {
    await api.json('POST', `/api/sessions/${session.id}/checkin`, { token: memberTokens[i] });
  });
  const screenToken = (await api.json('POST', `/api/sessions/${session.id}/screen-token`, { token: presiderToken })).token as string;
  return { adminToken, presiderToken, screenToken, bodyId: body.id, sessionId: session.id, projectIds, memberTokens };
}

export async function newBallot(api: HttpClient, hall: Hall, title: string): Promise<string> {
  const b = await api.json('POST', `/api/sessions/${hall.sessionId}/ballots`, {
    token: hall.presiderToken,
    json: { kind: 'selection', form: 'per_candidate', title, projectIds: hall.projectIds, seats: Math.min(10, hall.projectIds.length) },
  });
  await api.json('POST', `/api/ballots/${b.id}/open`, { token: hall.presiderToken });
  return b.id;
}

// ---------------------------------------------------------------- votes

const keyAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const submissionKey = () => {
  const bytes = randomBytes(32);
  let s = '';
  for (let i = 0; i < 32; i++) s += keyAlphabet[bytes[i] & 63];
  return s;
};

export type Counts = Map<string, { yes: number; no: number; abstain: number }>;

/** n vote requests with random choices (mostly yes), and the tally they must produce. */
export function prepareVotes(path_: string, hall: Hall, n: number): { requests: PreparedRequest[]; expected: Counts } {
  const expected: Counts = new Map(hall.projectIds.map((id) => [id, { yes: 0, no: 0, abstain: 0 }]));
  const requests: PreparedRequest[] = [];
  for (let i = 0; i < n; i++) {
    const choices: Record<string, 'yes' | 'no' | 'abstain'> = {};
    for (const id of hall.projectIds) {
      const r = Math.random();
      const v = r < 0.7 ? 'yes' : r < 0.85 ? 'no' : 'abstain';
      choices[id] = v;
      expected.get(id)![v]++;
    }
    const body = Buffer.from(JSON.stringify({ submissionKey: submissionKey(), choices }));
    requests.push({
      method: 'POST', path: path_, body,
      headers: { authorization: `Bearer ${hall.memberTokens[i]}`, 'content-type': 'application/json', 'content-length': body.length },
    });
  }
  return { requests, expected };
}

export function checkStatuses(res: BurstResult, want: number, label: string, say: (s: string) => void = console.log): number {
  let bad = 0;
  const examples = new Map<string, number>();
  for (let i = 0; i < res.n; i++) {
    if (res.statuses[i] !== want) {
      bad++;
      const k = `${res.statuses[i]} ${String(res.bodies[i] ?? '').slice(0, 160)}`;
      examples.set(k, (examples.get(k) ?? 0) + 1);
    }
  }
  if (bad) say(`  !! ${label}: ${bad} of ${res.n} answers were not ${want}: ${JSON.stringify([...examples].slice(0, 5))}`);
  return bad;
}

