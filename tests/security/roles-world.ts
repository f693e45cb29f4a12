// The fixtures of the role matrix (roles.test.ts): one county body B with its staff and members, one session
// S of it with ballots in every state, projects at every stage, and a token per test role.
//
//   none        a token that is not valid (expired, forged): the same as no token
//   public      no token at all
//   member      a member of B on S's roster, checked in
//   memberOff   a member of B who is not on S's roster
//   department  a department user of B (承办单位, 教育局)
//   presider    the presider of B
//   screen      S's big-screen token (issued by the presider console)
//   otherAdmin  the admin of another body
//   admin       the admin of B
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import sharp from 'sharp';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok, submissionKey } from '../helpers/fixtures.js';
import { departments, outbox } from '../../server/db/schema.js';

export const roles = ['none', 'public', 'member', 'memberOff', 'department', 'presider', 'screen', 'otherAdmin', 'admin'] as const;
export type Role = (typeof roles)[number];

/** The world the rows' requests are built from (filled in by setUpWorld). */
export const w = {
  server: null as unknown as TestServer,
  tokens: {} as Record<Role, string>,
  B: '',
  S: '',
  memberIds: [] as string[],
  codes: [] as string[],
  projectIds: [] as string[],
  presiderName: '',
  ballots: { open: '', closed: '', published: '' },
  tracked: { id: '', trackingCode: '' },
  /** a liaison station of B, and a suggestion sent through the `member` role's 代表码 */
  reps: { station: '', toMember: '' },
  png: new Uint8Array(),
  fileId: '',
  /** 听取报告: a PDF, an uploaded document and a hearing on S's agenda */
  pdf: new TextEncoder().encode('%PDF-1.4\n% a hearing\n%%EOF\n'),
  hearing: '',
  screening: { draft: '', foreign: '', list: '', approvedList: '', notice: '' },
  impl: { own: '', foreign: '', done: '', rating: '' },
  /** 交办: referrals of B's suggestions to the `department` role's department (教育局) and to another (卫健委) */
  referrals: { own: '', foreign: '' },
};

export const uniq = (p: string) => `${p}${randomBytes(4).toString('hex')}`;
export const deviceKey = () => randomBytes(24).toString('base64url');

export const call = (method: string, path: string, token: string, o: { json?: unknown; csv?: string; png?: Uint8Array; pdf?: Uint8Array } = {}) =>
  w.server.call(method, path, {
    token: token || undefined,
    ...(o.json !== undefined ? { json: o.json } : {}),
    ...(o.csv !== undefined ? { body: o.csv, headers: { 'content-type': 'text/csv' } } : {}),
    ...(o.png !== undefined ? { body: o.png as unknown as BodyInit, headers: { 'content-type': 'image/png' } } : {}),
    ...(o.pdf !== undefined ? { body: o.pdf as unknown as BodyInit, headers: { 'content-type': 'application/pdf' } } : {}),
  });

/** A project of B carried by the `department` role's department (教育局), assessed feasible when asked. */
export async function newProject(o: { department?: string; assessed?: boolean } = {}) {
  const root = w.server.adminToken;
  const p = ok(await call('POST', `/api/bodies/${w.B}/projects`, root, { json: { year: 2027, title: uniq('项目'), description: '说明', category: '教育', department: o.department ?? '教育局' } }));
  if (o.assessed) ok(await call('PUT', `/api/projects/${p.id}/assessment`, root, { json: { feasible: true, reason: '可行', investment: 100, completionDate: '2027-12-31' } }));
  return p.id as string;
}

export async function newList(state: 'draft' | 'approved') {
  const root = w.server.adminToken;
  const l = ok(await call('POST', `/api/bodies/${w.B}/candidate-lists`, root, { json: { year: 2027, projectIds: [await newProject({ assessed: true }), await newProject({ assessed: true })], seats: 1 } }));
  if (state === 'approved') ok(await call('POST', `/api/candidate-lists/${l.id}/approve`, root, { json: { meeting: '第1次主任会议' } }));
  return l.id as string;
}

/** A session of B whose roster is the `member` role alone, checked in: a fresh place to open ballots. */
export async function freshSession() {
  const s = ok(await call('POST', `/api/bodies/${w.B}/sessions`, w.tokens.admin, { json: { name: uniq('会议'), kind: 'congress', memberIds: [w.memberIds[0]] } }));
  ok(await call('POST', `/api/sessions/${s.id}/checkin`, w.tokens.member));
  return s.id as string;
}

export async function ballotIn(sessionId: string, state: 'draft' | 'open' | 'closed' | 'published') {
  const p = w.tokens.presider;
  const b = ok(await call('POST', `/api/sessions/${sessionId}/ballots`, p, { json: { kind: 'selection', title: '票决', projectIds: w.projectIds, seats: 1 } }));
  if (state === 'draft') return b.id as string;
  ok(await call('POST', `/api/ballots/${b.id}/open`, p));
  if (state === 'open') return b.id as string;
  ok(await call('POST', `/api/ballots/${b.id}/close`, p));
  if (state === 'closed') return b.id as string;
  ok(await call('POST', `/api/ballots/${b.id}/publish`, p));
  return b.id as string;
}

/** A project of B made `selected` the real way: a selection ballot over it, one yes vote, published. */
async function selectedProject(department = '教育局') {
  const id = await newProject({ department });
  const p = w.tokens.presider;
  const b = ok(await call('POST', `/api/sessions/${await freshSession()}/ballots`, p, { json: { kind: 'selection', title: '票决', projectIds: [id], seats: 1 } }));
  ok(await call('POST', `/api/ballots/${b.id}/open`, p));
  ok(await call('POST', `/api/ballots/${b.id}/votes`, w.tokens.member, { json: { submissionKey: submissionKey(), choices: { [id]: 'yes' } } }));
  ok(await call('POST', `/api/ballots/${b.id}/close`, p));
  ok(await call('POST', `/api/ballots/${b.id}/publish`, p));
  return id;
}

/** 督办单: a new selected project of B without a task (`none`), or with a manual task, `open` or `answered`: the project's or the task's id. */
export async function newTask(state: 'none' | 'open' | 'answered', department = '教育局'): Promise<string> {
  const root = w.server.adminToken;
  const projectId = await selectedProject(department);
  if (state === 'none') return projectId;
  const task = ok(await call('POST', `/api/projects/${projectId}/tasks`, root, { json: { note: '视察发现问题', due: '2027-09-01' } }));
  if (state === 'answered') ok(await call('POST', `/api/tasks/${task.id}/answer`, root, { json: { text: '已整改', date: '2027-08-15' } }));
  return task.id as string;
}

/** A suggestion of B (its window is open), sent by the deployment admin. */
export async function newSuggestion(title = '幸福路口加装信号灯') {
  return ok(await call('POST', `/api/bodies/${w.B}/suggestions`, w.server.adminToken, { json: { title, description: '说明', category: '交通出行' } })) as { id: string; trackingCode: string };
}

/** A referral (交办单) of a new suggestion of B to a department of B, answered by staff when asked: its id. */
export async function newReferral(o: { department?: string; answered?: boolean } = {}) {
  const root = w.server.adminToken;
  const department = o.department ?? '教育局';
  const s = await newSuggestion(uniq('交办'));
  ok(await call('PUT', `/api/suggestions/${s.id}/status`, root, { json: { status: 'referred', reason: '部门职责', department } }));
  const list = ok(await call('GET', `/api/bodies/${w.B}/referrals`, root)).referrals as { id: string; suggestion: { id: string } }[];
  const id = list.find((r) => r.suggestion.id === s.id)!.id;
  if (o.answered) ok(await call('POST', `/api/referrals/${id}/answer`, root, { json: { text: '已办理' } }));
  return id;
}

/** A notice to a person of B whose sending failed (what an admin may send again). */
export async function failedNotice() {
  const id = uniq('notice');
  await w.server.ctx.db.insert(outbox).values({ id, bodyId: w.B, kind: 'rep_suggestion', to: '13800138000', text: '测试', status: 'failed', attempts: 6, lastError: 'webhook answered 500' });
  return id;
}

export async function setUpWorld() {
  w.server = await startTestServer({ today: '2027-08-15' });
  const root = w.server.adminToken;
  const { tokens } = w;
  w.B = ok(await call('POST', '/api/bodies', root, { json: { name: uniq('B县人大'), level: 'county' } })).id;
  const other = ok(await call('POST', '/api/bodies', root, { json: { name: uniq('C县人大'), level: 'county' } })).id;
  const user = async (role: string, bodyId: string, department?: string) => {
    const username = uniq(role);
    ok(await call('POST', '/api/users', root, { json: { username, password: 'role-password', role, bodyId, ...(department ? { department } : {}) } }));
    if (role === 'presider') w.presiderName = username;
    return ok(await call('POST', '/api/auth/login', '', { json: { username, password: 'role-password' } })).token as string;
  };
  tokens.admin = await user('admin', w.B);
  tokens.presider = await user('presider', w.B);
  tokens.department = await user('department', w.B, '教育局');
  tokens.otherAdmin = await user('admin', other);
  const created = ok(await call('POST', `/api/bodies/${w.B}/members`, root, { json: { members: Array.from({ length: 8 }, (_, i) => ({ name: `代表${i}` })) } })).members;
  w.memberIds = created.map((m: { id: string }) => m.id);
  w.codes = created.map((m: { code: string }) => m.code);
  const memberToken = async (i: number) => ok(await call('POST', '/api/auth/member-login', '', { json: { code: w.codes[i] } })).token as string;
  tokens.member = await memberToken(0);
  tokens.memberOff = await memberToken(4);
  for (let i = 0; i < 3; i++) {
    w.projectIds.push(ok(await call('POST', `/api/bodies/${w.B}/projects`, root, { json: { year: 2027, title: `项目${i}`, description: '说明', category: '教育', department: '教育局' } })).id);
  }
  w.S = ok(await call('POST', `/api/bodies/${w.B}/sessions`, root, { json: { name: uniq('大会'), kind: 'congress', memberIds: w.memberIds.slice(0, 4) } })).id;
  for (const i of [0, 1, 2, 3]) ok(await call('POST', `/api/sessions/${w.S}/checkin`, await memberToken(i)));
  w.ballots.closed = await ballotIn(w.S, 'closed');
  w.ballots.published = await ballotIn(w.S, 'published');
  w.ballots.open = await ballotIn(w.S, 'open');
  tokens.screen = ok(await call('POST', `/api/sessions/${w.S}/screen-token`, tokens.presider)).token;
  ok(await call('POST', `/api/bodies/${w.B}/collection`, root, { json: { year: 2027, opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() } }));
  w.tracked = await newSuggestion();
  w.reps.station = ok(await call('POST', `/api/bodies/${w.B}/stations`, root, { json: { name: uniq('联络站') } })).id;
  w.reps.toMember = ok(await call('POST', `/api/bodies/${w.B}/suggestions`, '', { json: { title: '路灯不亮', description: '说明', category: '城乡建设', repId: w.memberIds[0] } })).id;
  // B's departments (承办单位), the list a referral names one of
  await w.server.ctx.db.insert(departments).values([{ id: uniq('dep'), bodyId: w.B, name: '教育局' }, { id: uniq('dep'), bodyId: w.B, name: '卫健委' }]).onConflictDoNothing();
  w.referrals.own = await newReferral();
  w.referrals.foreign = await newReferral({ department: '卫健委' });
  w.png = new Uint8Array(await sharp({ create: { width: 4, height: 3, channels: 3, background: '#c00' } }).png().toBuffer());
  w.fileId = ok(await call('POST', '/api/files', root, { png: w.png })).id;
  w.screening.draft = await newProject();
  w.screening.foreign = await newProject({ department: '卫健委' });
  w.screening.list = await newList('draft');
  w.screening.approvedList = await newList('approved');
  w.impl.own = await selectedProject();
  w.impl.foreign = await selectedProject('卫健委');
  ok(await call('PUT', `/api/projects/${w.impl.own}/supervisors`, root, { json: { memberIds: [w.memberIds[0]], leadMemberId: w.memberIds[0] } }));
  w.impl.done = await selectedProject();
  ok(await call('POST', `/api/projects/${w.impl.done}/progress`, root, { json: { percent: 100, note: '完工', date: '2027-06-01' } }));
  w.impl.rating = ok(await call('POST', `/api/public/projects/${w.impl.done}/ratings`, '', { json: { grade: 'satisfied', comment: '很好', deviceKey: deviceKey() } })).id;
  w.hearing = await newHearing();
  w.screening.notice = ok(await call('POST', `/api/sessions/${w.S}/notices`, tokens.presider, { json: { ballotId: w.ballots.published } })).id;
  tokens.none = await new SignJWT({ knd: 'staff', role: 'admin', bod: w.B, usr: 'x' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('minsheng').setSubject('x')
    .setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(w.server.ctx.secrets.tokenKey);
  tokens.public = '';
}

// Departments as a list and the reserve (储备库, issue 23)
/** A project of B its department assessed infeasible: one the reserve may keep. */
export async function reservableProject() {
  const id = await newProject();
  ok(await call('PUT', `/api/projects/${id}/assessment`, w.tokens.department, { json: { feasible: false, reason: '当年无法完成', investment: 200, completionDate: '2027-11-30' } }));
  return id;
}

/** A suggestion of B staff did not adopt: one the reserve may keep. */
export async function reservableSuggestion() {
  const s = await newSuggestion('图书馆延长开放时间');
  ok(await call('PUT', `/api/suggestions/${s.id}/status`, w.server.adminToken, { json: { status: 'not_adopted', reason: '今年经费不足' } }));
  return s.id;
}

/** A 专项报告 on S's agenda (its ballot-less hearings stay editable while S is open). */
export async function newHearing() {
  return ok(await call('POST', `/api/sessions/${w.S}/hearings`, w.server.adminToken, { json: { kind: 'special_report', title: uniq('专项报告'), reporter: { name: '王局长', post: '局长' } } })).id as string;
}
