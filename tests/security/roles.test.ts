// QUALITY.md "who may do what": every endpoint × every role, from API.md's "who" column. Exactly the
// allowed roles succeed (2xx); the others are refused with 401 (no valid token) or 403 (a role that may
// not), or the status the spec names for that case (e.g. 403 `not_published`, 409 `ballot_not_closed`).
//
// Roles, all about one county body B and one session S of it:
//   none        a token that is not valid (expired, forged): the same as no token
//   public      no token at all
//   member      a member of B on S's roster, checked in
//   memberOff   a member of B who is not on S's roster
//   department  a department user of B (承办单位)
//   presider    the presider of B
//   screen      S's big-screen token (issued by the presider console)
//   otherAdmin  the admin of another body
//   admin       the admin of B
//
// Where the server goes beyond API.md (endpoints API.md does not list, or one more role than its
// "who" column), the row says so; where API.md says "any signed-in user", staff of another body are
// refused: staff act on their own body and the bodies below it (server/http/auth.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok, submissionKey } from '../helpers/fixtures.js';
import { createApp } from '../../server/app.js';
import sharp from 'sharp';

const roles = ['none', 'public', 'member', 'memberOff', 'department', 'presider', 'screen', 'otherAdmin', 'admin'] as const;
type Role = (typeof roles)[number];
const everyone = [...roles];
const signedIn: Role[] = ['member', 'memberOff', 'department', 'presider', 'screen', 'otherAdmin', 'admin'];

interface Request { path: string; json?: unknown; csv?: string; png?: Uint8Array }
interface Row {
  method: 'GET' | 'POST' | 'PUT';
  route: string;
  /** which situation, when one route has several rows */
  when?: string;
  allowed: Role[];
  /** builds the request; `fresh` rows get a new fixture after every success (the success changed it) */
  request: () => Promise<Request> | Request;
  fresh?: boolean;
  /** the refusal status per role when it is not the default (401 for none/public, 403 for the rest) */
  refused?: Partial<Record<Role, number>> | number;
  /** an extra condition for a 2xx to count as "allowed" (e.g. the live tally is in the answer) */
  succeeded?: (body: any) => boolean;
  note?: string;
}

let server: TestServer;
const tokens = {} as Record<Role, string>;
let B = '';
let S = '';
let memberIds: string[] = [];
let codes: string[] = [];
let projectIds: string[] = [];
let presiderName = '';
const ballots = { open: '', closed: '', published: '' };
let tracked = { id: '', trackingCode: '' };
let png = new Uint8Array();
let fileId = '';
const screening = { draft: '', foreign: '', list: '', approvedList: '', notice: '' };
/** A project of B carried by the `department` role's department (教育局), assessed feasible when asked. */
async function newProject(o: { department?: string; assessed?: boolean } = {}) {
  const p = ok(await call('POST', `/api/bodies/${B}/projects`, server.adminToken, { json: { year: 2027, title: uniq('项目'), description: '说明', category: '教育', department: o.department ?? '教育局' } }));
  if (o.assessed) ok(await call('PUT', `/api/projects/${p.id}/assessment`, server.adminToken, { json: { feasible: true, reason: '可行', investment: 100, completionDate: '2027-12-31' } }));
  return p.id as string;
}
async function newList(state: 'draft' | 'approved') {
  const l = ok(await call('POST', `/api/bodies/${B}/candidate-lists`, server.adminToken, { json: { year: 2027, projectIds: [await newProject({ assessed: true }), await newProject({ assessed: true })], seats: 1 } }));
  if (state === 'approved') ok(await call('POST', `/api/candidate-lists/${l.id}/approve`, server.adminToken, { json: { meeting: '第1次主任会议' } }));
  return l.id as string;
}
/** A project of B made `selected` the real way: a selection ballot over it, one yes vote, published. */
async function selectedProject(department = '教育局') {
  const id = await newProject({ department });
  const sessionId = await freshSession();
  const b = ok(await call('POST', `/api/sessions/${sessionId}/ballots`, tokens.presider, { json: { kind: 'selection', title: '票决', projectIds: [id], seats: 1 } }));
  ok(await call('POST', `/api/ballots/${b.id}/open`, tokens.presider));
  ok(await call('POST', `/api/ballots/${b.id}/votes`, tokens.member, { json: { submissionKey: submissionKey(), choices: { [id]: 'yes' } } }));
  ok(await call('POST', `/api/ballots/${b.id}/close`, tokens.presider));
  ok(await call('POST', `/api/ballots/${b.id}/publish`, tokens.presider));
  return id;
}
const impl = { own: '', foreign: '', done: '', rating: '' };
const deviceKey = () => randomBytes(24).toString('base64url');
let windowSlot = 0;
/** A suggestion of B (its window is open), sent by the deployment admin. */
async function newSuggestion(title = '幸福路口加装信号灯') {
  return ok(await call('POST', `/api/bodies/${B}/suggestions`, server.adminToken, { json: { title, description: '说明', category: '交通出行' } })) as { id: string; trackingCode: string };
}
const uniq = (p: string) => `${p}${randomBytes(4).toString('hex')}`;
const call = (method: string, path: string, token: string, o: { json?: unknown; csv?: string; png?: Uint8Array } = {}) =>
  server.call(method, path, {
    token: token || undefined,
    ...(o.json !== undefined ? { json: o.json } : {}),
    ...(o.csv !== undefined ? { body: o.csv, headers: { 'content-type': 'text/csv' } } : {}),
    ...(o.png !== undefined ? { body: o.png as unknown as BodyInit, headers: { 'content-type': 'image/png' } } : {}),
  });

/** A session of B whose roster is the `member` role alone, checked in: a fresh place to open ballots. */
async function freshSession() {
  const s = ok(await call('POST', `/api/bodies/${B}/sessions`, tokens.admin, { json: { name: uniq('会议'), kind: 'congress', memberIds: [memberIds[0]] } }));
  ok(await call('POST', `/api/sessions/${s.id}/checkin`, tokens.member));
  return s.id as string;
}
async function ballotIn(sessionId: string, state: 'draft' | 'open' | 'closed' | 'published') {
  const b = ok(await call('POST', `/api/sessions/${sessionId}/ballots`, tokens.presider, { json: { kind: 'selection', title: '票决', projectIds, seats: 1 } }));
  if (state === 'draft') return b.id as string;
  ok(await call('POST', `/api/ballots/${b.id}/open`, tokens.presider));
  if (state === 'open') return b.id as string;
  ok(await call('POST', `/api/ballots/${b.id}/close`, tokens.presider));
  if (state === 'closed') return b.id as string;
  ok(await call('POST', `/api/ballots/${b.id}/publish`, tokens.presider));
  return b.id as string;
}

beforeAll(async () => {
  server = await startTestServer();
  const root = server.adminToken;
  B = ok(await call('POST', '/api/bodies', root, { json: { name: uniq('B县人大'), level: 'county' } })).id;
  const other = ok(await call('POST', '/api/bodies', root, { json: { name: uniq('C县人大'), level: 'county' } })).id;
  const user = async (role: string, bodyId: string, department?: string) => {
    const username = uniq(role);
    ok(await call('POST', '/api/users', root, { json: { username, password: 'role-password', role, bodyId, ...(department ? { department } : {}) } }));
    if (role === 'presider') presiderName = username;
    return ok(await call('POST', '/api/auth/login', '', { json: { username, password: 'role-password' } })).token as string;
  };
  tokens.admin = await user('admin', B);
  tokens.presider = await user('presider', B);
  tokens.department = await user('department', B, '教育局');
  tokens.otherAdmin = await user('admin', other);
  const created = ok(await call('POST', `/api/bodies/${B}/members`, root, { json: { members: Array.from({ length: 8 }, (_, i) => ({ name: `代表${i}` })) } })).members;
  memberIds = created.map((m: { id: string }) => m.id);
  codes = created.map((m: { code: string }) => m.code);
  const memberToken = async (i: number) => ok(await call('POST', '/api/auth/member-login', '', { json: { code: codes[i] } })).token as string;
  tokens.member = await memberToken(0);
  tokens.memberOff = await memberToken(4);
  for (let i = 0; i < 3; i++) {
    projectIds.push(ok(await call('POST', `/api/bodies/${B}/projects`, root, { json: { year: 2027, title: `项目${i}`, description: '说明', category: '教育', department: '教育局' } })).id);
  }
  S = ok(await call('POST', `/api/bodies/${B}/sessions`, root, { json: { name: uniq('大会'), kind: 'congress', memberIds: memberIds.slice(0, 4) } })).id;
  for (const i of [0, 1, 2, 3]) ok(await call('POST', `/api/sessions/${S}/checkin`, await memberToken(i)));
  ballots.closed = await ballotIn(S, 'closed');
  ballots.published = await ballotIn(S, 'published');
  ballots.open = await ballotIn(S, 'open');
  tokens.screen = ok(await call('POST', `/api/sessions/${S}/screen-token`, tokens.presider)).token;
  ok(await call('POST', `/api/bodies/${B}/collection`, root, { json: { year: 2027, opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() } }));
  tracked = await newSuggestion();
  png = new Uint8Array(await sharp({ create: { width: 4, height: 3, channels: 3, background: '#c00' } }).png().toBuffer());
  fileId = ok(await call('POST', '/api/files', root, { png })).id;
  screening.draft = await newProject();
  screening.foreign = await newProject({ department: '卫健委' });
  screening.list = await newList('draft');
  screening.approvedList = await newList('approved');
  impl.own = await selectedProject();
  impl.foreign = await selectedProject('卫健委');
  ok(await call('PUT', `/api/projects/${impl.own}/supervisors`, root, { json: { memberIds: [memberIds[0]], leadMemberId: memberIds[0] } }));
  impl.done = await selectedProject();
  ok(await call('POST', `/api/projects/${impl.done}/progress`, root, { json: { percent: 100, note: '完工', date: '2027-06-01' } }));
  impl.rating = ok(await call('POST', `/api/public/projects/${impl.done}/ratings`, '', { json: { grade: 'satisfied', comment: '很好', deviceKey: deviceKey() } })).id;
  screening.notice = ok(await call('POST', `/api/sessions/${S}/notices`, tokens.presider, { json: { ballotId: ballots.published } })).id;
  tokens.none = await new SignJWT({ knd: 'staff', role: 'admin', bod: B, usr: 'x' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('minsheng').setSubject('x')
    .setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(server.ctx.secrets.tokenKey);
  tokens.public = '';
}, 90_000);
afterAll(async () => { await server?.close(); });

const table: Row[] = [
  // Auth
  { method: 'POST', route: '/api/auth/login', allowed: everyone, request: () => ({ path: '/api/auth/login', json: { username: presiderName, password: 'role-password' } }) },
  { method: 'POST', route: '/api/auth/member-login', allowed: everyone, request: () => ({ path: '/api/auth/member-login', json: { code: codes[5] } }) },
  { method: 'GET', route: '/api/me', allowed: signedIn, request: () => ({ path: '/api/me' }), note: 'not in API.md' },
  // Bodies, users, members
  { method: 'GET', route: '/api/bodies', allowed: everyone, request: () => ({ path: '/api/bodies' }) },
  { method: 'POST', route: '/api/bodies', allowed: ['admin'], request: () => ({ path: '/api/bodies', json: { name: uniq('乡'), level: 'township', parentId: B } }) },
  { method: 'POST', route: '/api/users', allowed: ['admin'], request: () => ({ path: '/api/users', json: { username: uniq('u'), password: 'long-password', role: 'presider', bodyId: B } }) },
  { method: 'POST', route: '/api/bodies/:bodyId/members', allowed: ['admin'], request: () => ({ path: `/api/bodies/${B}/members`, json: { members: [{ name: '新代表' }] } }) },
  { method: 'POST', route: '/api/bodies/:bodyId/members/import', allowed: ['admin'], request: () => ({ path: `/api/bodies/${B}/members/import`, csv: 'name,delegation,kind\n新代表,第一代表团,rep\n' }) },
  { method: 'GET', route: '/api/bodies/:bodyId/members', allowed: ['admin', 'presider'], request: () => ({ path: `/api/bodies/${B}/members` }) },
  { method: 'POST', route: '/api/members/:memberId/code', allowed: ['admin'], request: () => ({ path: `/api/members/${memberIds[7]}/code` }), note: 'regeneration ("shown only here and on regeneration")' },
  // Collection
  { method: 'POST', route: '/api/bodies/:bodyId/projects', allowed: ['admin'], request: () => ({ path: `/api/bodies/${B}/projects`, json: { year: 2027, title: '新项目', description: '说明', category: '教育', department: '教育局' } }) },
  { method: 'GET', route: '/api/bodies/:bodyId/projects', allowed: ['admin', 'presider', 'department'], request: () => ({ path: `/api/bodies/${B}/projects` }), note: 'not in API.md (staff list, drafts included)' },
  { method: 'GET', route: '/api/public/bodies/:bodyId/projects', allowed: everyone, request: () => ({ path: `/api/public/bodies/${B}/projects?year=2027` }) },
  { method: 'POST', route: '/api/bodies/:bodyId/collection', allowed: ['admin'], fresh: true, request: () => {
    const opens = Date.UTC(2090, 0, 1) + windowSlot++ * 2 * 86_400_000;
    return { path: `/api/bodies/${B}/collection`, json: { year: 2090, opensAt: new Date(opens).toISOString(), closesAt: new Date(opens + 86_400_000).toISOString() } };
  } },
  { method: 'GET', route: '/api/bodies/:bodyId/collection', allowed: ['admin', 'presider'], request: () => ({ path: `/api/bodies/${B}/collection` }), note: 'not in API.md (the windows, for staff)' },
  { method: 'GET', route: '/api/public/bodies/:bodyId/collection', allowed: everyone, request: () => ({ path: `/api/public/bodies/${B}/collection` }) },
  { method: 'POST', route: '/api/bodies/:bodyId/stations', allowed: ['admin'], request: () => ({ path: `/api/bodies/${B}/stations`, json: { name: uniq('联络站') } }) },
  { method: 'GET', route: '/api/public/bodies/:bodyId/stations', allowed: everyone, request: () => ({ path: `/api/public/bodies/${B}/stations` }) },
  { method: 'POST', route: '/api/bodies/:bodyId/suggestions', allowed: everyone, request: () => ({ path: `/api/bodies/${B}/suggestions`, json: { title: '建议增设公交站', description: '说明', category: '交通出行' } }),
    note: 'public; a member\'s token makes it channel rep, a department user\'s channel department' },
  { method: 'GET', route: '/api/public/bodies/:bodyId/similar', allowed: everyone, request: () => ({ path: `/api/public/bodies/${B}/similar?text=${encodeURIComponent('信号灯')}` }) },
  { method: 'GET', route: '/api/me/suggestions', allowed: signedIn, request: () => ({ path: '/api/me/suggestions' }), note: 'not in API.md (what the caller sent)' },
  { method: 'GET', route: '/api/suggestions/:code', allowed: everyone, request: () => ({ path: `/api/suggestions/${tracked.trackingCode}` }) },
  { method: 'GET', route: '/api/bodies/:bodyId/suggestions', allowed: ['admin'], request: () => ({ path: `/api/bodies/${B}/suggestions?year=2027` }) },
  { method: 'GET', route: '/api/suggestions/:id/similar', allowed: ['admin'], request: () => ({ path: `/api/suggestions/${tracked.id}/similar` }) },
  { method: 'POST', route: '/api/suggestions/:id/merge', allowed: ['admin'], fresh: true, request: async () => {
    const [a, b] = [await newSuggestion(), await newSuggestion()];
    return { path: `/api/suggestions/${a.id}/merge`, json: { into: b.id } };
  } },
  { method: 'POST', route: '/api/bodies/:bodyId/suggestions/merge', allowed: ['admin'], fresh: true, request: async () => {
    const [a, b] = [await newSuggestion(), await newSuggestion()];
    return { path: `/api/bodies/${B}/suggestions/merge`, json: { into: b.id, ids: [a.id] } };
  }, note: 'not in API.md (merge several at once)' },
  { method: 'PUT', route: '/api/suggestions/:id/status', allowed: ['admin'], fresh: true, request: async () => ({ path: `/api/suggestions/${(await newSuggestion()).id}/status`, json: { status: 'referred', reason: '转交县交通局' } }) },
  { method: 'POST', route: '/api/bodies/:bodyId/suggestions/status', allowed: ['admin'], fresh: true,
    request: async () => ({ path: `/api/bodies/${B}/suggestions/status`, json: { ids: [(await newSuggestion()).id], status: 'not_adopted', reason: '不属于民生实事范围' } }), note: 'not in API.md (several at once)' },
  // Screening
  { method: 'PUT', route: '/api/projects/:id', allowed: ['admin'], request: () => ({ path: `/api/projects/${screening.draft}`, json: { title: '修改后的项目' } }), note: 'not in API.md (edit a draft)' },
  { method: 'POST', route: '/api/projects/:id/withdraw', allowed: ['admin'], fresh: true, request: async () => ({ path: `/api/projects/${await newProject()}/withdraw` }), note: 'not in API.md (withdraw a draft)' },
  { method: 'PUT', route: '/api/projects/:id/assessment', when: 'the department\'s own project', allowed: ['department', 'admin'],
    request: () => ({ path: `/api/projects/${screening.draft}/assessment`, json: { feasible: true, reason: '条件具备', investment: 200, completionDate: '2027-11-30' } }) },
  { method: 'PUT', route: '/api/projects/:id/assessment', when: 'department of another project', allowed: ['admin'],
    request: () => ({ path: `/api/projects/${screening.foreign}/assessment`, json: { feasible: false, reason: '当年无法完成', investment: 200, completionDate: '2027-11-30' } }),
    note: 'a department user whose department is not the project\'s is refused' },
  { method: 'PUT', route: '/api/projects/:id/screening', allowed: ['admin'], request: () => ({ path: `/api/projects/${screening.draft}/screening`, json: { exclusions: { debtRisk: false } } }), note: 'not in API.md (exclusion checklist)' },
  { method: 'GET', route: '/api/me/assessments', allowed: ['department'], request: () => ({ path: '/api/me/assessments' }), note: 'not in API.md (the department\'s worklist)' },
  { method: 'POST', route: '/api/bodies/:bodyId/candidate-lists', allowed: ['admin'], request: async () => ({ path: `/api/bodies/${B}/candidate-lists`, json: { year: 2027, projectIds: [await newProject({ assessed: true })], seats: 1 } }) },
  { method: 'GET', route: '/api/bodies/:bodyId/candidate-lists', allowed: ['admin', 'presider'], request: () => ({ path: `/api/bodies/${B}/candidate-lists` }), note: 'not in API.md' },
  { method: 'GET', route: '/api/candidate-lists/:id', allowed: ['admin', 'presider'], request: () => ({ path: `/api/candidate-lists/${screening.list}` }), note: 'not in API.md' },
  { method: 'POST', route: '/api/candidate-lists/:id/approve', allowed: ['admin'], fresh: true, request: async () => ({ path: `/api/candidate-lists/${await newList('draft')}/approve`, json: { meeting: '第2次主任会议' } }) },
  { method: 'POST', route: '/api/candidate-lists/:id/ballots', allowed: ['admin', 'presider'], fresh: true, request: async () => ({ path: `/api/candidate-lists/${await newList('approved')}/ballots`, json: { sessionId: S } }) },
  { method: 'POST', route: '/api/sessions/:id/notices', allowed: ['presider', 'admin'], request: () => ({ path: `/api/sessions/${S}/notices`, json: { ballotId: ballots.published } }), note: 'asking again answers the same notice (200)' },
  { method: 'GET', route: '/api/public/bodies/:bodyId/notices', allowed: everyone, request: () => ({ path: `/api/public/bodies/${B}/notices` }) },
  { method: 'GET', route: '/api/public/notices/:id', allowed: everyone, request: () => ({ path: `/api/public/notices/${screening.notice}` }) },
  { method: 'GET', route: '/api/public/notices/:id', when: '.jws', allowed: everyone, request: () => ({ path: `/api/public/notices/${screening.notice}.jws` }) },
  // Implementation and supervision
  { method: 'PUT', route: '/api/projects/:id/plan', when: 'the department\'s own project', allowed: ['department', 'admin'],
    request: () => ({ path: `/api/projects/${impl.own}/plan`, json: { targets: ['目标'], milestones: [{ title: '开工', due: '2027-03-31' }], funding: '县级财政', completionDate: '2027-12-31' } }) },
  { method: 'PUT', route: '/api/projects/:id/plan', when: 'department of another project', allowed: ['admin'],
    request: () => ({ path: `/api/projects/${impl.foreign}/plan`, json: { targets: [], milestones: [], funding: '县级财政', completionDate: '2027-12-31' } }) },
  { method: 'POST', route: '/api/projects/:id/progress', when: 'the department\'s own project', allowed: ['department', 'admin'],
    request: () => ({ path: `/api/projects/${impl.own}/progress`, json: { percent: 20, note: '已开工', date: '2027-03-01' } }) },
  { method: 'POST', route: '/api/projects/:id/progress', when: 'department of another project', allowed: ['admin'],
    request: () => ({ path: `/api/projects/${impl.foreign}/progress`, json: { percent: 20, note: '已开工', date: '2027-03-01' } }) },
  { method: 'GET', route: '/api/projects/:id/implementation', when: 'the department\'s own project', allowed: ['member', 'memberOff', 'department', 'presider', 'admin'], request: () => ({ path: `/api/projects/${impl.own}/implementation` }),
    note: 'not in API.md: plan, reports, group, inspections, grades for the carrier, staff and members of the body (what members read before they rate)' },
  { method: 'GET', route: '/api/projects/:id/implementation', when: 'department of another project', allowed: ['member', 'memberOff', 'presider', 'admin'], request: () => ({ path: `/api/projects/${impl.foreign}/implementation` }) },
  { method: 'GET', route: '/api/bodies/:bodyId/implementation', allowed: ['presider', 'admin'], request: () => ({ path: `/api/bodies/${B}/implementation?year=2027` }),
    note: 'not in API.md: the year\'s projects with execution, groups, inspections, grades and the dashboard' },
  { method: 'PUT', route: '/api/projects/:id/supervisors', allowed: ['admin'], request: () => ({ path: `/api/projects/${impl.own}/supervisors`, json: { memberIds: [memberIds[0]], leadMemberId: memberIds[0] } }) },
  { method: 'GET', route: '/api/me/projects', allowed: ['member', 'memberOff'], request: () => ({ path: '/api/me/projects' }) },
  { method: 'POST', route: '/api/projects/:id/inspections', allowed: ['member', 'admin'], request: () => ({ path: `/api/projects/${impl.own}/inspections`, json: { date: '2027-04-01', findings: '进展正常' } }),
    note: '`member` is in the group; `memberOff` is not (403 not_supervisor)' },
  { method: 'POST', route: '/api/projects/:id/rectifications', when: 'not rectifying', allowed: [], request: () => ({ path: `/api/projects/${impl.own}/rectifications`, json: { note: '整改', date: '2027-07-01' } }),
    refused: { admin: 409, department: 409 }, note: 'the carrying department or an admin, only while rectifying (tests/implementation covers the rectifying case)' },
  { method: 'POST', route: '/api/projects/:id/carry-over', allowed: ['admin'], request: () => ({ path: `/api/projects/${impl.own}/carry-over`, json: { toYear: 2028 } }) },
  // Public portal: project page, ratings and their moderation, stats, exports
  { method: 'GET', route: '/api/public/projects/:id', allowed: everyone, request: () => ({ path: `/api/public/projects/${impl.own}` }) },
  { method: 'GET', route: '/api/public/projects/:id', when: 'a draft project', allowed: [], request: () => ({ path: `/api/public/projects/${screening.draft}` }), refused: 404 },
  { method: 'POST', route: '/api/public/projects/:id/ratings', allowed: everyone, fresh: true,
    request: () => ({ path: `/api/public/projects/${impl.done}/ratings`, json: { grade: 'basic', deviceKey: deviceKey() } }), note: 'anyone, signed in or not, one rating per device key' },
  { method: 'POST', route: '/api/public/projects/:id/ratings', when: 'not finished', allowed: [],
    request: () => ({ path: `/api/public/projects/${impl.own}/ratings`, json: { grade: 'basic', deviceKey: deviceKey() } }), refused: 409 },
  { method: 'GET', route: '/api/bodies/:bodyId/ratings', allowed: ['admin'], request: () => ({ path: `/api/bodies/${B}/ratings?status=pending` }) },
  { method: 'PUT', route: '/api/ratings/:id', allowed: ['admin'], request: () => ({ path: `/api/ratings/${impl.rating}`, json: { visible: true } }) },
  { method: 'GET', route: '/api/public/bodies/:bodyId/stats', allowed: everyone, request: () => ({ path: `/api/public/bodies/${B}/stats?year=2027` }) },
  { method: 'GET', route: '/api/public/bodies/:bodyId/export.csv', allowed: everyone, request: () => ({ path: `/api/public/bodies/${B}/export.csv?year=2027` }) },
  { method: 'GET', route: '/api/public/bodies/:bodyId/export.json', allowed: everyone, request: () => ({ path: `/api/public/bodies/${B}/export.json` }) },
  { method: 'GET', route: '/api/public/bodies/:bodyId/export.csv.sha256', allowed: everyone, request: () => ({ path: `/api/public/bodies/${B}/export.csv.sha256` }), note: 'not in API.md (signed digest of the download)' },
  { method: 'GET', route: '/api/public/bodies/:bodyId/export.json.sha256', allowed: everyone, request: () => ({ path: `/api/public/bodies/${B}/export.json.sha256?year=2027` }), note: 'not in API.md (signed digest of the download)' },
  // Photos
  { method: 'POST', route: '/api/files', allowed: ['member', 'memberOff', 'department', 'presider', 'otherAdmin', 'admin'], request: () => ({ path: '/api/files', png }),
    note: 'any signed-in staff or member (API.md: admin, presider, department, member); not the big screen' },
  { method: 'GET', route: '/api/files/:id', allowed: everyone, request: () => ({ path: `/api/files/${fileId}` }) },
  { method: 'GET', route: '/api/files/:id/thumb', allowed: everyone, request: () => ({ path: `/api/files/${fileId}/thumb` }) },
  // Sessions and check-in
  { method: 'POST', route: '/api/bodies/:bodyId/sessions', allowed: ['admin'], request: () => ({ path: `/api/bodies/${B}/sessions`, json: { name: uniq('会议'), kind: 'congress', memberIds: [memberIds[0]] } }) },
  { method: 'GET', route: '/api/bodies/:bodyId/sessions', allowed: ['admin', 'presider'], request: () => ({ path: `/api/bodies/${B}/sessions` }), note: 'not in API.md' },
  { method: 'GET', route: '/api/sessions/:id', allowed: ['member', 'memberOff', 'department', 'presider', 'screen', 'admin'], request: () => ({ path: `/api/sessions/${S}` }),
    note: '"any signed-in user; the big screen too" — of the body: the admin of another body is refused' },
  { method: 'POST', route: '/api/sessions/:id/checkin', allowed: ['member'], request: () => ({ path: `/api/sessions/${S}/checkin` }) },
  { method: 'PUT', route: '/api/sessions/:id/attendance/:memberId', allowed: ['presider', 'admin'], request: () => ({ path: `/api/sessions/${S}/attendance/${memberIds[1]}`, json: { present: true } }),
    note: 'API.md says presider; the body\'s admin may too' },
  { method: 'POST', route: '/api/sessions/:id/end', allowed: ['presider', 'admin'], fresh: true, request: async () => ({ path: `/api/sessions/${await freshSession()}/end` }), note: 'not in API.md' },
  { method: 'GET', route: '/api/sessions/:id/roster', allowed: ['presider', 'admin'], request: () => ({ path: `/api/sessions/${S}/roster` }), note: 'not in API.md' },
  { method: 'GET', route: '/api/sessions/:id/audit', allowed: ['admin', 'presider'], request: () => ({ path: `/api/sessions/${S}/audit` }) },
  { method: 'GET', route: '/api/bodies/:bodyId/audit', allowed: ['admin'], request: () => ({ path: `/api/bodies/${B}/audit?stage=vote` }) },
  { method: 'GET', route: '/api/openapi.json', allowed: everyone, request: () => ({ path: '/api/openapi.json' }) },
  { method: 'POST', route: '/api/sessions/:id/screen-token', allowed: ['presider', 'admin'], request: () => ({ path: `/api/sessions/${S}/screen-token` }), note: 'the big-screen token of API.md "Live updates"' },
  // Ballots
  { method: 'POST', route: '/api/sessions/:id/ballots', allowed: ['admin', 'presider'], request: () => ({ path: `/api/sessions/${S}/ballots`, json: { kind: 'motion', title: '议案', question: '是否通过？' } }) },
  { method: 'POST', route: '/api/ballots/:id/open', allowed: ['presider', 'admin'], fresh: true, request: async () => ({ path: `/api/ballots/${await ballotIn(await freshSession(), 'draft')}/open` }) },
  { method: 'POST', route: '/api/ballots/:id/close', allowed: ['presider', 'admin'], fresh: true, request: async () => ({ path: `/api/ballots/${await ballotIn(await freshSession(), 'open')}/close` }) },
  { method: 'POST', route: '/api/ballots/:id/publish', allowed: ['presider', 'admin'], fresh: true, request: async () => ({ path: `/api/ballots/${await ballotIn(await freshSession(), 'closed')}/publish` }) },
  { method: 'POST', route: '/api/ballots/:id/cancel', allowed: ['presider', 'admin'], fresh: true, request: async () => ({ path: `/api/ballots/${await ballotIn(S, 'draft')}/cancel`, json: { reason: '议程调整' } }) },
  { method: 'GET', route: '/api/ballots/:id', when: 'open', allowed: ['member', 'memberOff', 'department', 'presider', 'screen', 'admin'], request: () => ({ path: `/api/ballots/${ballots.open}` }),
    note: '"signed-in", scoped like the session' },
  { method: 'GET', route: '/api/ballots/:id', when: 'open: the live tally', allowed: ['presider', 'admin'], request: () => ({ path: `/api/ballots/${ballots.open}` }),
    succeeded: (b) => b && typeof b === 'object' && 'tally' in b, refused: { none: 401, public: 401, otherAdmin: 403, member: 200, memberOff: 200, department: 200, screen: 200 },
    note: 'the tally only for presider/admin while open (others get the ballot without it)' },
  { method: 'POST', route: '/api/ballots/:id/votes', allowed: ['member'], fresh: true,
    request: async () => ({ path: `/api/ballots/${await ballotIn(await freshSession(), 'open')}/votes`, json: { submissionKey: submissionKey(), choices: {} } }) },
  { method: 'GET', route: '/api/ballots/:id/result', when: 'closed', allowed: ['presider', 'admin', 'member', 'screen'], request: () => ({ path: `/api/ballots/${ballots.closed}/result` }),
    refused: { none: 403, public: 403 }, note: 'after close: presider, admin, members on the roster (and the session\'s big screen, which shows it)' },
  { method: 'GET', route: '/api/ballots/:id/result', when: 'published', allowed: everyone, request: () => ({ path: `/api/ballots/${ballots.published}/result` }) },
  { method: 'GET', route: '/api/ballots/:id/result', when: 'open', allowed: [], request: () => ({ path: `/api/ballots/${ballots.open}/result` }), refused: 403 },
  { method: 'GET', route: '/api/ballots/:id/box', when: 'open', allowed: [], request: () => ({ path: `/api/ballots/${ballots.open}/box` }), refused: 409 },
  { method: 'GET', route: '/api/ballots/:id/box', when: 'closed', allowed: ['presider', 'admin'], request: () => ({ path: `/api/ballots/${ballots.closed}/box` }), refused: { none: 403, public: 403 } },
  { method: 'GET', route: '/api/ballots/:id/box', when: 'published', allowed: everyone, request: () => ({ path: `/api/ballots/${ballots.published}/box` }) },
  { method: 'GET', route: '/api/ballots/:id/result.jws', when: 'closed', allowed: [], request: () => ({ path: `/api/ballots/${ballots.closed}/result.jws` }), refused: 403 },
  { method: 'GET', route: '/api/ballots/:id/result.jws', when: 'published', allowed: everyone, request: () => ({ path: `/api/ballots/${ballots.published}/result.jws` }) },
  { method: 'GET', route: '/api/public/keys', allowed: everyone, request: () => ({ path: '/api/public/keys' }) },
  { method: 'GET', route: '/api/public/bodies/:bodyId/results', allowed: everyone, request: () => ({ path: `/api/public/bodies/${B}/results` }), note: 'not in API.md' },
];

function expectedRefusal(row: Row, role: Role): number {
  if (typeof row.refused === 'number') return row.refused;
  return row.refused?.[role] ?? (role === 'none' || role === 'public' ? 401 : 403);
}

describe('every endpoint × every role', () => {
  it('has a row for every API route the server registers', () => {
    const app = createApp(server.ctx, { clientDir: null });
    const routes = new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.endsWith('*')).map((r) => `${r.method} ${r.path}`));
    const rows = new Set(table.map((r) => `${r.method} ${r.route}`));
    // A new endpoint needs its row here (and its entry in scripts/reliability/fuzz-lib.ts).
    expect([...routes].filter((r) => !rows.has(r))).toEqual([]);
    expect([...rows].filter((r) => !routes.has(r))).toEqual([]);
  });

  for (const row of table) {
    it(`${row.method} ${row.route}${row.when ? ` (${row.when})` : ''}: ${row.allowed.length ? row.allowed.join(', ') : 'nobody'}`, async () => {
      const wrong: string[] = [];
      let req: Request | null = null;
      for (const role of roles) {
        req ??= await row.request();
        const r = await call(row.method, req.path, tokens[role], { json: req.json, csv: req.csv, png: req.png });
        const success = r.status >= 200 && r.status < 300 && (!row.succeeded || row.succeeded(r.body));
        if (row.allowed.includes(role)) {
          if (!success) wrong.push(`${role}: expected success, got ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`);
        } else {
          const want = expectedRefusal(row, role);
          if (success || r.status !== want) wrong.push(`${role}: expected ${want}, got ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`);
          if (r.status >= 400 && typeof r.body?.error?.code !== 'string') wrong.push(`${role}: refusal without an error code`);
        }
        if (row.fresh && r.status >= 200 && r.status < 300) req = null;
      }
      expect(wrong).toEqual([]);
    }, 30_000);
  }
});
