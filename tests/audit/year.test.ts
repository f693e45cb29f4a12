// QUALITY "the trail": a year walked through the API, collection to evaluation, leaves exactly one entry per
// thing a request changed — with its stage, its body, the thing's kind and title, and words for its action in
// both languages — and none for what changed nothing (a vote, a sign-in, a read, a repeated check-in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { gt } from 'drizzle-orm';
import sharp from 'sharp';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { submissionKey } from '../helpers/fixtures.js';
import { catalogueFile } from '../helpers/translators.js';
import { auditLog } from '../../server/db/schema.js';
import { auditActions } from '../../shared/audit.js';

let server: TestServer;
let lastId = 0;
const walked: { what: string; expected: number; rows: (typeof auditLog.$inferSelect)[] }[] = [];
const words = { zh: catalogueFile('audit.zh-CN.json'), en: catalogueFile('audit.en.json') };
const phrase = (tree: any, action: string) => action.split('.').reduce((t, k) => t?.[k], tree?.audit?.action);

/** One request of the walk: its answer, and the trail rows it wrote (expected: how many things it changed). */
async function step(what: string, expected: number, method: string, path: string, o: { token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}) {
  const r = await server.call(method, path, o);
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  const rows = await server.ctx.db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(auditLog.id);
  lastId = rows.at(-1)?.id ?? lastId;
  walked.push({ what, expected, rows });
  return r.body;
}
const login = async (json: object, path = '/api/auth/login') => (await step(`sign-in ${path}`, 0, 'POST', path, { json })).token as string;
const uniq = (p: string) => `${p}${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  server = await startTestServer({ today: '2027-08-15' });
  const root = { token: server.adminToken };
  const B = (await step('a county', 1, 'POST', '/api/bodies', { ...root, json: { name: uniq('清溪县人大'), level: 'county' } })).id;
  const user = async (role: string, department?: string) => {
    const username = uniq(role);
    await step(`user ${role}`, 1, 'POST', '/api/users', { ...root, json: { username, password: 'year-password', role, bodyId: B, ...(department ? { department } : {}) } });
    return { token: await login({ username, password: 'year-password' }) };
  };
  const admin = await user('admin');
  const presider = await user('presider');
  const dept = await user('department', '教育局');
  const added = (await step('five members', 5, 'POST', `/api/bodies/${B}/members`, { ...admin, json: { members: ['甲', '乙', '丙', '丁', '戊'].map((n, i) => ({ name: `代表${n}`, kind: i < 3 ? 'committee' : 'rep' })) } })).members;
  await step('two members from CSV', 2, 'POST', `/api/bodies/${B}/members/import`, { ...admin, body: 'name,delegation,kind\n代表己,一团,rep\n代表庚,一团,rep\n', headers: { 'content-type': 'text/csv' } });
  const members = await Promise.all(added.map((m: { code: string }) => login({ code: m.code }, '/api/auth/member-login')));

  // 群众点单
  const now = Date.now();
  await step('a collection window', 1, 'POST', `/api/bodies/${B}/collection`, { ...admin, json: { year: 2027, opensAt: new Date(now - 86_400_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString() } });
  await step('a station', 1, 'POST', `/api/bodies/${B}/stations`, { ...admin, json: { name: '城关联络站' } });
  const sent = [];
  for (const title of ['学校门口加装红绿灯', '校门口路口装信号灯', '建设社区食堂', '修缮老年活动中心']) {
    sent.push(await step(`a resident's suggestion`, 1, 'POST', `/api/bodies/${B}/suggestions`, { json: { title, description: '请考虑。', category: '交通出行', contact: '13912345678' } }));
  }
  await step('a merge', 1, 'POST', `/api/suggestions/${sent[1].id}/merge`, { ...admin, json: { into: sent[0].id } });
  await step('two declined at once', 2, 'POST', `/api/bodies/${B}/suggestions/status`, { ...admin, json: { ids: [sent[2].id, sent[3].id], status: 'not_adopted', reason: '不属于民生实事' } });

  // 人大派单
  const project = async (title: string, suggestionIds: string[] = []) =>
    (await step(`a project from ${suggestionIds.length} suggestion(s)`, 1 + suggestionIds.length, 'POST', `/api/bodies/${B}/projects`, { ...admin, json: { year: 2027, title, description: '说明', category: '教育', department: '教育局', suggestionIds } })).id as string;
  const p1 = await project('校门口交通安全改造', [sent[0].id]);
  const p2 = await project('中小学午餐改善');
  const p3 = await project('撤回的项目');
  await step('an edit', 1, 'PUT', `/api/projects/${p2}`, { ...admin, json: { investment: 120 } });
  await step('an empty edit', 0, 'PUT', `/api/projects/${p2}`, { ...admin, json: {} });
  await step('a checklist', 1, 'PUT', `/api/projects/${p1}/screening`, { ...admin, json: { exclusions: { debtRisk: false } } });
  await step('a withdrawal', 1, 'POST', `/api/projects/${p3}/withdraw`, admin);
  for (const p of [p1, p2]) {
    await step('an assessment', 1, 'PUT', `/api/projects/${p}/assessment`, { ...dept, json: { feasible: true, reason: '可行', investment: 100, completionDate: '2027-11-30' } });
  }
  const list = (await step('a candidate list', 1, 'POST', `/api/bodies/${B}/candidate-lists`, { ...admin, json: { year: 2027, projectIds: [p1, p2], seats: 1 } })).id;
  await step('its approval', 1, 'POST', `/api/candidate-lists/${list}/approve`, { ...admin, json: { meeting: '第3次主任会议' } });

  // 代表定单
  const S = (await step('a session', 1, 'POST', `/api/bodies/${B}/sessions`, { ...admin, json: { name: '第一次会议', kind: 'congress', memberIds: added.map((m: { id: string }) => m.id) } })).id;
  for (const token of members.slice(0, 4)) await step('a check-in', 1, 'POST', `/api/sessions/${S}/checkin`, { token });
  await step('a repeated check-in', 0, 'POST', `/api/sessions/${S}/checkin`, { token: members[0] });
  await step('attendance by hand', 1, 'PUT', `/api/sessions/${S}/attendance/${added[4].id}`, { ...presider, json: { present: false, note: '请假' } });
  await step('a screen token', 1, 'POST', `/api/sessions/${S}/screen-token`, presider);
  const vote = (await step('the ballot from the list', 1, 'POST', `/api/candidate-lists/${list}/ballots`, { ...presider, json: { sessionId: S } })).id;
  await step('its opening', 1, 'POST', `/api/ballots/${vote}/open`, presider);
  for (const token of members.slice(0, 4)) await step('a vote', 0, 'POST', `/api/ballots/${vote}/votes`, { token, json: { submissionKey: submissionKey(), choices: { [p1]: 'yes', [p2]: 'no' } } });
  await step('its close', 1, 'POST', `/api/ballots/${vote}/close`, presider);
  await step('its publication', 1, 'POST', `/api/ballots/${vote}/publish`, presider);
  await step('the notice', 1, 'POST', `/api/sessions/${S}/notices`, { ...presider, json: { ballotId: vote } });
  await step('the same notice again', 0, 'POST', `/api/sessions/${S}/notices`, { ...presider, json: { ballotId: vote } });

  // 政府办单, 代表督单
  // its opening milestone was missed more than 30 days ago: the project turns red and the server opens its 督办单 (task.opened)
  await step('a plan', 2, 'PUT', `/api/projects/${p1}/plan`, { ...dept, json: { targets: ['改造路口 2 处'], milestones: [{ title: '开工', due: '2027-04-30' }], funding: '县级财政', completionDate: '2027-11-30' } });
  const png = new Uint8Array(await sharp({ create: { width: 8, height: 6, channels: 3, background: '#3a6' } }).png().toBuffer());
  const photo = (await step('a photo', 1, 'POST', '/api/files', { ...dept, body: png as unknown as BodyInit, headers: { 'content-type': 'image/png' } })).id;
  await step('a progress report', 1, 'POST', `/api/projects/${p1}/progress`, { ...dept, json: { percent: 100, note: '完工', date: '2027-06-01', photos: [photo] } });
  await step('a supervision group', 1, 'PUT', `/api/projects/${p1}/supervisors`, { ...admin, json: { memberIds: [added[0].id, added[1].id], leadMemberId: added[0].id } });
  await step('an inspection', 1, 'POST', `/api/projects/${p1}/inspections`, { token: members[0], json: { date: '2027-06-10', findings: '已完工，效果良好' } });

  // 人大验单, 群众评单
  const round = (await step('a satisfaction ballot', 1, 'POST', `/api/sessions/${S}/ballots`, { ...presider, json: { kind: 'satisfaction', title: '年终测评', projectIds: [p1], round: 'yearend' } })).id;
  await step('its opening', 1, 'POST', `/api/ballots/${round}/open`, presider);
  for (const token of members.slice(0, 4)) await step('a grade', 0, 'POST', `/api/ballots/${round}/votes`, { token, json: { submissionKey: submissionKey(), choices: { [p1]: 'satisfied' } } });
  await step('its close', 1, 'POST', `/api/ballots/${round}/close`, presider);
  await step('its publication and the grade it records', 2, 'POST', `/api/ballots/${round}/publish`, presider);
  const rating = (await step('a resident\'s rating', 1, 'POST', `/api/public/projects/${p1}/ratings`, { json: { grade: 'satisfied', comment: '很好', deviceKey: randomBytes(24).toString('base64url') } })).id;
  await step('its moderation', 1, 'PUT', `/api/ratings/${rating}`, { ...admin, json: { visible: true } });
  await step('a lost card', 1, 'POST', `/api/members/${added[4].id}/code`, admin);
  await step('the session\'s end', 1, 'POST', `/api/sessions/${S}/end`, presider);
  for (const path of [`/api/bodies/${B}/audit`, `/api/public/projects/${p1}`, `/api/sessions/${S}/audit`, '/api/openapi.json']) await step(`read ${path}`, 0, 'GET', path, admin);
}, 120_000);
afterAll(async () => { await server?.close(); });

describe('a year walked through the API', () => {
  it('leaves exactly one entry per thing changed, and none for votes, sign-ins, reads and repeats', () => {
    const wrong = walked.filter((w) => w.rows.length !== w.expected).map((w) => `${w.what}: ${w.rows.length} entries (${w.rows.map((r) => r.action).join(', ')}), expected ${w.expected}`);
    expect(wrong).toEqual([]);
    expect(walked.reduce((n, w) => n + w.rows.length, 0)).toBeGreaterThan(50);
  });

  it('gives every entry its stage, body, subject and actor, and words in both languages', () => {
    const rows = walked.flatMap((w) => w.rows.map((r) => ({ ...r, what: w.what })));
    const problems: string[] = [];
    for (const r of rows) {
      const where = `${r.what} → ${r.action}`;
      if (!(r.action in auditActions)) problems.push(`${where}: not in shared/audit.ts`);
      if (r.stage !== auditActions[r.action as keyof typeof auditActions]) problems.push(`${where}: stage ${r.stage}`);
      if (!r.bodyId) problems.push(`${where}: no body`);
      if (!r.subjectKind || !r.subject) problems.push(`${where}: no subject`);
      if (!r.subjectLabel && r.subjectKind !== 'file') problems.push(`${where}: no label for the words`);
      if (!r.actorKind) problems.push(`${where}: no actor kind`);
      for (const [lang, tree] of Object.entries(words)) if (typeof phrase(tree, r.action) !== 'string') problems.push(`${where}: no ${lang} words`);
    }
    expect(problems).toEqual([]);
    const residents = rows.filter((r) => r.action === 'suggestion.received' || r.action === 'rating.received');
    expect(residents.map((r) => [r.actorKind, r.actorId])).toEqual(residents.map(() => ['public', null]));
  });

  it('never keeps a contact, a code, a tracking code or a choice in an entry', () => {
    const text = JSON.stringify(walked.flatMap((w) => w.rows.map((r) => r.detail)));
    expect(text.match(/year-password|"code"|trackingCode|submissionKey|receipt|"yes"|"no"|deviceKey|139\d{8}/g)).toBeNull();
  });
});
