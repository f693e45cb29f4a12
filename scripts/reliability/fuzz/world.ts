// The fuzzer's world: a small deployment built through the API before fuzzing, so that ids, tokens and
// states are real, and tokens an attacker could forge. Nothing the fuzzer sends may change any of it.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import sharp from 'sharp';
import { Api, submissionKey } from '../../../tests/helpers/api.js';
import type { DbOrTx } from '../../../server/db/connect.js';
import { departments } from '../../../server/db/schema.js';

export interface World {
  tokens: {
    root: string; adminB: string; presiderB: string; deptB: string; adminO: string; screenS1: string;
    /** member tokens by index: 0 voted on O1; 0–7 on S1's roster and checked in; 8, 9 on it, not checked in; 10, 11 off every roster */
    members: string[];
  };
  forged: { name: string; header: string }[];
  ids: {
    bodyB: string; bodyO: string; users: string[]; members: string[]; projects: string[];
    /** S1 open: D1 draft, O1 open (per_candidate), X1 cancelled; S2: C2 closed, P2 published, O2 open (choose_n); S3: O3 satisfaction; S4: O4 named motion; S5 ended */
    sessions: { S1: string; S2: string; S3: string; S4: string; S5: string };
    ballots: { D1: string; O1: string; X1: string; C2: string; P2: string; O2: string; O3: string; O4: string };
    /** B's collection window is open; Q1, Q2 received, Q3 merged into Q2; T1 the tracking code of Q1 */
    stations: string[];
    files: string[];
    /** a project of B selected by a published ballot, members[0] in its supervision group */
    selected: string;
    /** a selected project of B reported 100 % (done), rated once with key `ratingKey`: rating R (comment pending) */
    portal: { done: string; rating: string; ratingKey: string };
    suggestions: { Q1: string; Q2: string; Q3: string };
    trackingCodes: string[];
    /** P5 assessed (on the draft list L1), P6 a candidate (on the approved list L2); N1 the notice of P2 */
    screening: { P5: string; P6: string; L1: string; L2: string; N1: string };
    /** R1: a referral (交办单) of a suggestion of B to 教育局 (deptB's), open and not answered (empty without a database to list B's departments in) */
    referrals: { R1: string };
    /** 听取报告: H1 a hearing on S1's agenda (editable), H5 one on S5's (ended: every change refused) */
    hearings: { H1: string; H5: string };
  };
  usernames: string[];
  codes: string[];
}

const uniq = (p: string) => `${p}${randomBytes(4).toString('hex')}`;

/**
 * `db`: the server's database, for what no route makes yet: B's list of departments (承办单位) a referral names
 * one of (API.md's departments route belongs to another change; until then the rows are written here).
 */
export async function buildWorld(api: Api, tokenKey: Uint8Array, adminPassword: string, db?: DbOrTx): Promise<World> {
  const root = (await api.ok('POST', '/api/auth/login', { json: { username: 'admin', password: adminPassword } })).token as string;
  const t = { token: root };
  const bodyB = (await api.ok('POST', '/api/bodies', { ...t, json: { name: uniq('B县人大'), level: 'county' } })).id as string;
  const bodyO = (await api.ok('POST', '/api/bodies', { ...t, json: { name: uniq('O县人大'), level: 'county' } })).id as string;
  const usernames: string[] = [];
  const users: string[] = [];
  const mkUser = async (role: string, bodyId: string, department?: string) => {
    const username = uniq(role);
    const u = await api.ok('POST', '/api/users', { ...t, json: { username, password: 'fuzz-password-1', role, bodyId, ...(department ? { department } : {}) } });
    usernames.push(username);
    users.push(u.id);
    return (await api.ok('POST', '/api/auth/login', { json: { username, password: 'fuzz-password-1' } })).token as string;
  };
  const adminB = await mkUser('admin', bodyB);
  const presiderB = await mkUser('presider', bodyB);
  const deptB = await mkUser('department', bodyB, '教育局');
  const adminO = await mkUser('admin', bodyO);
  const created = (await api.ok('POST', `/api/bodies/${bodyB}/members`, {
    ...t, json: { members: Array.from({ length: 12 }, (_, i) => ({ name: `代表${i}`, delegation: '第一代表团', kind: i % 3 === 0 ? 'committee' : 'rep' })) },
  })).members as { id: string; code: string }[];
  const members: string[] = [];
  for (const m of created) members.push((await api.ok('POST', '/api/auth/member-login', { json: { code: m.code } })).token);
  const projects: string[] = [];
  for (let i = 0; i < 4; i++) {
    projects.push((await api.ok('POST', `/api/bodies/${bodyB}/projects`, {
      ...t, json: { year: 2027, title: `项目${i}`, description: '说明', category: '教育', department: '教育局', investment: 100 },
    })).id);
  }
  const roster = created.slice(0, 10).map((m) => m.id);
  const mkSession = async (checkIn: number) => {
    const s = (await api.ok('POST', `/api/bodies/${bodyB}/sessions`, { ...t, json: { name: uniq('会议'), kind: 'congress', memberIds: roster } })).id as string;
    for (let i = 0; i < checkIn; i++) await api.ok('POST', `/api/sessions/${s}/checkin`, { token: members[i] });
    return s;
  };
  const S1 = await mkSession(8);
  const S2 = await mkSession(8);
  const S3 = await mkSession(8);
  const S4 = await mkSession(8);
  const S5 = await mkSession(8);
  const hearing = async (sessionId: string) => (await api.ok('POST', `/api/sessions/${sessionId}/hearings`, { token: presiderB, json: { kind: 'special_report', title: '专项报告', reporter: { name: '王局长', post: '局长' } } })).id as string;
  const H1 = await hearing(S1);
  const H5 = await hearing(S5);
  await api.ok('POST', `/api/sessions/${S5}/end`, { token: presiderB });
  const p = { token: presiderB };
  const ballot = async (sessionId: string, json: object) => (await api.ok('POST', `/api/sessions/${sessionId}/ballots`, { ...p, json })).id as string;
  const open = (id: string) => api.ok('POST', `/api/ballots/${id}/open`, p);
  const vote = (id: string, member: number, choices: unknown) =>
    api.ok('POST', `/api/ballots/${id}/votes`, { token: members[member], json: { submissionKey: submissionKey(), choices } });

  const X1 = await ballot(S1, { kind: 'selection', title: '取消的表决', projectIds: projects, seats: 2 });
  await api.ok('POST', `/api/ballots/${X1}/cancel`, { ...p, json: { reason: '程序有误' } });
  const D1 = await ballot(S1, { kind: 'selection', title: '草稿', projectIds: projects, seats: 2 });
  const O1 = await ballot(S1, { kind: 'selection', title: '进行中', projectIds: projects, seats: 2 });
  await open(O1);
  await vote(O1, 0, { [projects[0]]: 'yes' });

  // C2: nothing passes (4 of base 10 is not more than half), so it has no tie a runoff could name.
  const C2 = await ballot(S2, { kind: 'selection', form: 'choose_n', title: '已结束', projectIds: projects, seats: 2 });
  await open(C2);
  for (let i = 0; i < 4; i++) await vote(C2, i, { selected: [projects[0], projects[1]] });
  await api.ok('POST', `/api/ballots/${C2}/close`, p);
  const P2 = await ballot(S2, { kind: 'satisfaction', title: '已公布', projectIds: projects.slice(0, 3) });
  await open(P2);
  for (let i = 0; i < 4; i++) await vote(P2, i, Object.fromEntries(projects.slice(0, 3).map((id) => [id, 'satisfied'])));
  await api.ok('POST', `/api/ballots/${P2}/close`, p);
  await api.ok('POST', `/api/ballots/${P2}/publish`, p);
  const O2 = await ballot(S2, { kind: 'selection', form: 'choose_n', title: '二选', projectIds: projects, seats: 2 });
  await open(O2);
  const O3 = await ballot(S3, { kind: 'satisfaction', title: '测评', projectIds: projects });
  await open(O3);
  const O4 = await ballot(S4, { kind: 'motion', title: '议案', question: '是否通过票决办法？', secret: false });
  await open(O4);
  const screenS1 = (await api.ok('POST', `/api/sessions/${S1}/screen-token`, p)).token as string;

  const day = 86_400_000;
  await api.ok('POST', `/api/bodies/${bodyB}/collection`, { ...t, json: { year: 2027, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString() } });
  const station = (await api.ok('POST', `/api/bodies/${bodyB}/stations`, { ...t, json: { name: '城关镇代表联络站' } })).id as string;
  const suggest = (title: string) => api.ok('POST', `/api/bodies/${bodyB}/suggestions`, { ...t, json: { title, description: '说明', category: '交通出行' } });
  const [Q1, Q2, Q3] = [await suggest('幸福路口加装信号灯'), await suggest('幸福路路口红绿灯'), await suggest('幸福路交叉口信号灯')];
  await api.ok('POST', `/api/suggestions/${Q3.id}/merge`, { ...t, json: { into: Q2.id } });
  const png = new Uint8Array(await sharp({ create: { width: 4, height: 3, channels: 3, background: '#c00' } }).png().toBuffer());
  const photo = (await api.ok('POST', '/api/files', { ...t, body: png, headers: { 'content-type': 'image/png' } })).id as string;
  const selected = (await api.ok('POST', `/api/bodies/${bodyB}/projects`, { ...t, json: { year: 2027, title: '选定项目', description: '说明', category: '教育', department: '教育局' } })).id as string;
  const S6 = await mkSession(8);
  const SB = await ballot(S6, { kind: 'selection', title: '票决', projectIds: [selected], seats: 1 });
  await open(SB);
  for (let i = 0; i < 8; i++) await vote(SB, i, { [selected]: 'yes' });
  await api.ok('POST', `/api/ballots/${SB}/close`, p);
  await api.ok('POST', `/api/ballots/${SB}/publish`, p);
  await api.ok('PUT', `/api/projects/${selected}/supervisors`, { ...t, json: { memberIds: [created[0].id], leadMemberId: created[0].id } });
  // A finished project with one public rating (comment pending): the portal's ratings and moderation.
  const done = (await api.ok('POST', `/api/bodies/${bodyB}/projects`, { ...t, json: { year: 2027, title: '完工项目', description: '说明', category: '教育', department: '教育局' } })).id as string;
  const SD = await ballot(S6, { kind: 'selection', title: '票决二', projectIds: [done], seats: 1 });
  await open(SD);
  for (let i = 0; i < 8; i++) await vote(SD, i, { [done]: 'yes' });
  await api.ok('POST', `/api/ballots/${SD}/close`, p);
  await api.ok('POST', `/api/ballots/${SD}/publish`, p);
  await api.ok('POST', `/api/projects/${done}/progress`, { ...t, json: { percent: 100, note: '完工', date: '2027-06-01' } });
  const ratingKey = randomBytes(24).toString('base64url');
  const rating = (await api.ok('POST', `/api/public/projects/${done}/ratings`, { json: { grade: 'satisfied', comment: '很好', deviceKey: ratingKey } })).id as string;

  const assessed = async () => {
    const id = (await api.ok('POST', `/api/bodies/${bodyB}/projects`, { ...t, json: { year: 2027, title: uniq('评估项目'), description: '说明', category: '教育', department: '教育局' } })).id as string;
    await api.ok('PUT', `/api/projects/${id}/assessment`, { ...t, json: { feasible: true, reason: '可行', investment: 100, completionDate: '2027-12-31' } });
    return id;
  };
  const [P5, P6] = [await assessed(), await assessed()];
  const L1 = (await api.ok('POST', `/api/bodies/${bodyB}/candidate-lists`, { ...t, json: { year: 2027, projectIds: [P5], seats: 1 } })).id as string;
  const L2 = (await api.ok('POST', `/api/bodies/${bodyB}/candidate-lists`, { ...t, json: { year: 2027, projectIds: [P6], seats: 1 } })).id as string;
  await api.ok('POST', `/api/candidate-lists/${L2}/approve`, { ...t, json: { meeting: '第1次主任会议' } });
  const N1 = (await api.ok('POST', `/api/sessions/${S2}/notices`, { ...p, json: { ballotId: P2 } })).id as string;

  let R1 = '';
  if (db) {
    await db.insert(departments).values({ id: uniq('dep'), bodyId: bodyB, name: '教育局' }).onConflictDoNothing();
    const Q4 = await suggest('学校门口增设护学岗');
    await api.ok('PUT', `/api/suggestions/${Q4.id}/status`, { ...t, json: { status: 'referred', reason: '教育部门职责', department: '教育局' } });
    R1 = ((await api.ok('GET', '/api/me/referrals', { token: deptB })) as { id: string }[])[0].id;
  }

  const rootUserId = users.length ? (await api.ok('GET', '/api/me', { token: root })).user.id as string : '';
  return {
    tokens: { root, adminB, presiderB, deptB, adminO, screenS1, members },
    forged: await forgeTokens(tokenKey, rootUserId, presiderB),
    ids: {
      bodyB, bodyO, users, members: created.map((m) => m.id), projects,
      sessions: { S1, S2, S3, S4, S5 }, ballots: { D1, O1, X1, C2, P2, O2, O3, O4 },
      stations: [station], files: [photo], selected, portal: { done, rating, ratingKey }, suggestions: { Q1: Q1.id, Q2: Q2.id, Q3: Q3.id }, trackingCodes: [Q1.trackingCode],
      screening: { P5, P6, L1, L2, N1 }, referrals: { R1 }, hearings: { H1, H5 },
    },
    usernames,
    codes: created.map((m) => m.code),
  };
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Tokens an attacker could make: expired, unsigned, wrong key, tampered, wrong issuer or algorithm, unknown kinds. */
async function forgeTokens(key: Uint8Array, rootId: string, presiderToken: string): Promise<{ name: string; header: string }[]> {
  const now = Math.floor(Date.now() / 1000);
  const admin = { knd: 'staff', role: 'admin', bod: null, usr: 'admin' };
  const sign = (claims: Record<string, unknown>, k: Uint8Array, o: { iss?: string; exp?: number; iat?: number; alg?: string; sub?: string | null } = {}) => {
    let j = new SignJWT(claims).setProtectedHeader({ alg: o.alg ?? 'HS256', typ: 'JWT' }).setIssuedAt(o.iat ?? now).setExpirationTime(o.exp ?? now + 3600);
    if (o.iss !== '') j = j.setIssuer(o.iss ?? 'minsheng');
    if (o.sub !== null) j = j.setSubject(o.sub ?? rootId);
    return j.sign(k);
  };
  const other = randomBytes(32);
  const [h, , s] = presiderToken.split('.');
  const tampered = `${h}.${b64({ ...JSON.parse(Buffer.from(presiderToken.split('.')[1], 'base64url').toString()), role: 'admin', bod: null })}.${s}`;
  const list: [string, string][] = [
    ['expired', await sign(admin, key, { iat: now - 7200, exp: now - 3600 })],
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...admin, iss: 'minsheng', sub: rootId, iat: now, exp: now + 3600 })}.`],
    ['wrong key', await sign(admin, other)],
    ['tampered payload', tampered],
    ['bad signature', `${presiderToken.slice(0, -4)}AAAA`],
    ['wrong issuer', await sign(admin, key, { iss: 'someone-else' })],
    ['no issuer', await sign(admin, key, { iss: '' })],
    ['HS512', await sign(admin, key, { alg: 'HS512' })],
    ['unknown kind', await sign({ knd: 'root' }, key)],
    ['unknown role', await sign({ ...admin, role: 'superuser' }, key)],
    ['member without body', await sign({ knd: 'member' }, key)],
    ['no subject', await sign(admin, key, { sub: null })],
    ['future iat only', await sign(admin, other, { iat: now + 86400, exp: now + 90000 })],
  ];
  return list.map(([name, token]) => ({ name, header: `Bearer ${token}` }));
}
