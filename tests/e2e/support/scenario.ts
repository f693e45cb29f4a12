// Server-side state that several e2e files start from, built through the API, with the names a
// real county uses (the demo county's projects, members and delegations), so the screenshots
// show what people will see.
import { ok, type Hall } from '../../helpers/fixtures.js';
import { candidateProjects, delegations, givenNames, lastYearProjects, surnames } from '../../../server/demo/data.js';
import type { E2EServer } from './server.js';
import { apiVote, inBatches } from './ui.js';

export const bodyName = '清河县人民代表大会';
export const sessionName = '清河县第十八届人民代表大会第三次会议';
const presider = { username: 'presider', password: 'presider-pass' };

/** 20 project descriptions: the demo's 12 candidates, last year's 3, and 5 more. */
export const projectPool = [
  ...candidateProjects,
  ...lastYearProjects,
  { title: '城乡公交一体化运营', category: '交通出行', department: '县交通运输局', investment: 1800 },
  { title: '中小学课后服务全覆盖', category: '教育', department: '县教育局', investment: 520 },
  { title: '公共文化数字服务平台', category: '文化体育', department: '县文化和旅游体育局', investment: 300 },
  { title: '困难群众住房安全保障', category: '城乡建设', department: '县住房和城乡建设局', investment: 950 },
  { title: '河道生态修复与滨水步道', category: '生态环境', department: '县水利局', investment: 2600 },
];

/**
 * A county congress with `members` representatives in the demo's delegations, a presider
 * (`presider` / `presider-pass`), `projects` candidate projects for 2027, and a congress session
 * whose roster is every member. Every member is signed in through the API (`token`); nobody has
 * checked in yet.
 */
export async function realisticHall(server: E2EServer, opts: { members?: number; projects?: number } = {}): Promise<Hall> {
  const admin = server.adminToken;
  const body = ok(await server.call('POST', '/api/bodies', { token: admin, json: { name: bodyName, level: 'county' } })) as { id: string };
  ok(await server.call('POST', '/api/users', { token: admin, json: { ...presider, role: 'presider', bodyId: body.id } }));
  const presiderToken = (ok(await server.call('POST', '/api/auth/login', { json: presider })) as { token: string }).token;
  const n = opts.members ?? 12;
  const list = Array.from({ length: n }, (_, i) => ({
    name: `${surnames[(i * 7) % surnames.length]}${givenNames[(i * 11) % givenNames.length]}`,
    delegation: delegations[i % 4],
    kind: 'rep',
  }));
  const created = (ok(await server.call('POST', `/api/bodies/${body.id}/members`, { token: admin, json: { members: list } })) as { members: { id: string; name: string; code: string; kind: string }[] }).members;
  const members = await Promise.all(created.map(async (m) => ({
    ...m, token: (ok(await server.call('POST', '/api/auth/member-login', { json: { code: m.code } })) as { token: string }).token,
  })));
  const projectIds: string[] = [];
  for (const p of projectPool.slice(0, opts.projects ?? 3)) {
    projectIds.push((ok(await server.call('POST', `/api/bodies/${body.id}/projects`, {
      token: admin, json: { year: 2027, title: p.title, description: `${p.title}（${p.department}）`, category: p.category, department: p.department, investment: p.investment },
    })) as { id: string }).id);
  }
  const session = ok(await server.call('POST', `/api/bodies/${body.id}/sessions`, { token: admin, json: { name: sessionName, kind: 'congress' } })) as { id: string };
  return { bodyId: body.id, presiderToken, members, sessionId: session.id, projectIds };
}

export interface Scenario {
  hall: Hall;
  /** a closed and published selection ballot (3 candidates, 2 seats) */
  publishedId: string;
  /** a draft selection ballot over the same candidates, ready to open */
  draftId: string;
}

export async function createBallot(server: E2EServer, hall: Hall, title: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, {
    token: hall.presiderToken,
    json: { kind: 'selection', title, projectIds: hall.projectIds, seats: 2, form: 'per_candidate', ...extra },
  })) as { id: string }).id;
}

export async function ballotAction(server: E2EServer, hall: Hall, id: string, action: 'open' | 'close' | 'publish') {
  return ok(await server.call('POST', `/api/ballots/${id}/${action}`, { token: hall.presiderToken }));
}

/**
 * A hall of `members` (default 12) with 3 projects; everyone but the first `notCheckedIn` members is
 * checked in; one ballot already voted, closed and published; a second one in draft.
 */
export async function publishedAndDraft(server: E2EServer, opts: { members?: number; notCheckedIn?: number } = {}): Promise<Scenario> {
  const members = opts.members ?? 12;
  const skip = opts.notCheckedIn ?? 2;
  const hall = await realisticHall(server, { members, projects: 3 });
  const present = hall.members.slice(skip);
  await inBatches(present, 10, async (m) => ok(await server.call('POST', `/api/sessions/${hall.sessionId}/checkin`, { token: m.token })));
  const [a, b, c] = hall.projectIds;
  const publishedId = await createBallot(server, hall, '2027年民生实事项目票决');
  await ballotAction(server, hall, publishedId, 'open');
  await inBatches(present, 10, (m, i) => apiVote(server, m.token, publishedId, { [a]: 'yes', [b]: i % 3 ? 'yes' : 'no', [c]: i % 2 ? 'abstain' : 'no' }));
  await ballotAction(server, hall, publishedId, 'close');
  await ballotAction(server, hall, publishedId, 'publish');
  const draftId = await createBallot(server, hall, '2028年民生实事项目票决');
  return { hall, publishedId, draftId };
}
