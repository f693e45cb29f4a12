// 交办—反馈—回访 (API.md "Supervision tasks, referrals, the reserve"): referring a suggestion to a department
// opens a referral due 30 days on; the department answers from its list; staff call back: not satisfied refers
// it again (round 2, due the call + 30 days), satisfied closes it. Every refusal, the notices to a resident who
// ticked 通知我, the tracking page's answers and visits, and the contact never shown outside the staff list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, departmentToken, ok, type Hall } from '../helpers/fixtures.js';
import { departments } from '../../server/db/schema.js';
import { rowsOf } from '../../server/db/connect.js';

let server: TestServer;
let hall: Hall;
let other: Hall;
let admin = '';
let roads = '';
let water = '';
let otherRoads = '';
let otherAdmin = '';
const day = 86_400_000;
const TODAY = '2027-08-15';
const CONTACT = '李先生 139-1111-2222';

const submit = (bodyId: string, json: Record<string, unknown>) =>
  server.call('POST', `/api/bodies/${bodyId}/suggestions`, { json: { description: '路口早晚高峰拥堵，行人过街危险', category: '交通出行', area: '城关镇', ...json } });
const refer = (id: string, json: Record<string, unknown>, token = admin) => server.call('PUT', `/api/suggestions/${id}/status`, { token, json: { status: 'referred', reason: '属于部门职责，交办办理', ...json } });
const outbox = async () => rowsOf<{ kind: string; to: string; text: string }>(await server.ctx.db.execute(sql`select kind, "to", text from outbox order by created_at, id`));
const trail = async (action: string) => rowsOf<{ action: string; stage: string; subject_kind: string; detail: Record<string, unknown> | null }>(
  await server.ctx.db.execute(sql`select action, stage, subject_kind, detail from audit_log where action = ${action} order by id`));

beforeAll(async () => {
  server = await startTestServer({ today: TODAY });
  admin = server.adminToken;
  hall = await createHall(server, { members: 1 });
  other = await createHall(server, { members: 1 });
  for (const h of [hall, other]) {
    ok(await server.call('POST', `/api/bodies/${h.bodyId}/collection`, { token: admin, json: { year: 2027, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString() } }));
  }
  // the body's departments (承办单位): the list a referral must name one of
  await server.ctx.db.insert(departments).values([
    { id: 'deproads', bodyId: hall.bodyId, name: '县交通运输局' }, { id: 'depwater', bodyId: hall.bodyId, name: '县水务局' },
    { id: 'depother', bodyId: other.bodyId, name: '县交通运输局' },
  ]).onConflictDoNothing();
  roads = await departmentToken(server, hall.bodyId, '县交通运输局');
  water = await departmentToken(server, hall.bodyId, '县水务局');
  otherRoads = await departmentToken(server, other.bodyId, '县交通运输局');
  // the other body's own administrator
  ok(await server.call('POST', '/api/users', { token: admin, json: { username: 'otheradmin', password: 'other-admin-pass', role: 'admin', bodyId: other.bodyId } }));
  otherAdmin = ok(await server.call('POST', '/api/auth/login', { json: { username: 'otheradmin', password: 'other-admin-pass' } })).token;
}, 120_000);
afterAll(async () => server?.close());

describe('the full loop', () => {
  let s = { id: '', trackingCode: '' };
  let referralId = '';

  it('opens a referral (交办单) to a department of the body, round 1, due 30 days on, and tells the resident', async () => {
    s = ok(await submit(hall.bodyId, { title: '建设路口加装信号灯', contact: CONTACT, notify: true }));
    const before = (await outbox()).length;
    const out = ok(await refer(s.id, { department: '县交通运输局' }));
    expect(out).toMatchObject({ id: s.id, status: 'referred', reason: '属于部门职责，交办办理' });
    const list = ok(await server.call('GET', '/api/me/referrals', { token: roads }));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      suggestion: { id: s.id, title: '建设路口加装信号灯', description: expect.any(String), category: '交通出行', area: '城关镇' },
      due: '2027-09-14', state: 'open', round: 1, answer: null, visits: [], overdue: false, department: '县交通运输局',
    });
    expect(Object.keys(list[0].suggestion).sort()).toEqual(['area', 'category', 'description', 'id', 'title']);
    expect(JSON.stringify(list)).not.toMatch(/1391111|李先生|trackingCode/);
    referralId = list[0].id;
    // another department of the body sees none of it
    expect(ok(await server.call('GET', '/api/me/referrals', { token: water }))).toEqual([]);
    expect(ok(await server.call('GET', '/api/me/referrals', { token: otherRoads }))).toEqual([]);
    // the resident who ticked 通知我 hears it was referred
    const notices = (await outbox()).slice(before);
    expect(notices).toEqual([expect.objectContaining({ kind: 'suggestion_status', to: '13911112222', text: expect.stringContaining('已转交有关部门办理') })]);
    const [opened] = await trail('referral.opened');
    expect(opened).toMatchObject({ stage: 'collection', subject_kind: 'referral', detail: { department: '县交通运输局', due: '2027-09-14', round: 1 } });
  });

  it('refuses the return call before an answer (409 referral_not_answered) and another department\'s answer (403)', async () => {
    const early = await server.call('POST', `/api/referrals/${referralId}/visit`, { token: admin, json: { date: TODAY, satisfied: true, note: '电话回访' } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('referral_not_answered');
    const wrong = await server.call('POST', `/api/referrals/${referralId}/answer`, { token: water, json: { text: '不是我们的' } });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('not_your_department');
    const otherBody = await server.call('POST', `/api/referrals/${referralId}/answer`, { token: otherRoads, json: { text: '同名单位，另一人大' } });
    expect(otherBody.status).toBe(403);
    expect((await server.call('POST', `/api/referrals/${referralId}/answer`, { token: roads, json: { text: '' } })).status).toBe(422);
    expect((await server.call('POST', '/api/referrals/nosuchreferral/answer', { token: roads, json: { text: '答复' } })).status).toBe(404);
    expect((await server.call('POST', `/api/referrals/${referralId}/visit`, { token: roads, json: { date: TODAY, satisfied: true, note: 'x' } })).status).toBe(403);
    expect((await server.call('GET', '/api/me/referrals', { token: admin })).status).toBe(403);
  });

  it('the department answers (反馈单): answered, on the tracking page, and the resident is told', async () => {
    const before = (await outbox()).length;
    const r = ok(await server.call('POST', `/api/referrals/${referralId}/answer`, { token: roads, json: { text: '已列入今年信号灯建设计划，十月底前安装' } }));
    expect(r).toMatchObject({ id: referralId, state: 'answered', round: 1, answer: { round: 1, text: '已列入今年信号灯建设计划，十月底前安装' } });
    const notices = (await outbox()).slice(before);
    expect(notices).toEqual([expect.objectContaining({ to: '13911112222', text: expect.stringContaining('有关部门已答复') })]);
    const t = ok(await server.call('GET', `/api/suggestions/${s.trackingCode}`));
    expect(t.referral).toMatchObject({ department: '县交通运输局', state: 'answered', round: 1, answers: [{ round: 1, text: '已列入今年信号灯建设计划，十月底前安装' }], visits: [] });
    expect(JSON.stringify(t)).not.toMatch(/1391111|李先生|dept-|"by"/);
  });

  it('an unsatisfied return call refers it again (二次交办): round 2, due the call + 30 days, open', async () => {
    const before = (await outbox()).length;
    const r = ok(await server.call('POST', `/api/referrals/${referralId}/visit`, { token: admin, json: { date: '2027-08-20', satisfied: false, note: '群众认为十月太晚，希望先设临时信号' } }));
    expect(r).toMatchObject({ state: 'open', round: 2, due: '2027-09-19', visits: [{ round: 1, date: '2027-08-20', satisfied: false, note: '群众认为十月太晚，希望先设临时信号' }] });
    expect((await outbox()).slice(before)).toEqual([expect.objectContaining({ text: expect.stringContaining('已转交有关部门办理') })]);
    // round 2 waits for a new answer before another call
    const again = await server.call('POST', `/api/referrals/${referralId}/visit`, { token: admin, json: { date: '2027-08-21', satisfied: true, note: 'x' } });
    expect(again.body.error.code).toBe('referral_not_answered');
    const [visited] = await trail('referral.visited');
    expect(visited.detail).toEqual({ round: 1, date: '2027-08-20', satisfied: false });
  });

  it('a second answer and a satisfied call close it; a closed one takes no more answers', async () => {
    ok(await server.call('POST', `/api/referrals/${referralId}/answer`, { token: roads, json: { text: '已于8月25日设置临时信号灯' } }));
    const closed = ok(await server.call('POST', `/api/referrals/${referralId}/visit`, { token: admin, json: { date: '2027-08-28', satisfied: true, note: '群众满意' } }));
    expect(closed).toMatchObject({ state: 'closed', round: 2, answer: { round: 2, text: '已于8月25日设置临时信号灯' } });
    expect(closed.answers.map((a: { round: number }) => a.round)).toEqual([1, 2]);
    expect(closed.visits.map((v: { satisfied: boolean }) => v.satisfied)).toEqual([false, true]);
    const late = await server.call('POST', `/api/referrals/${referralId}/answer`, { token: roads, json: { text: '补充' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('referral_closed');
    const t = ok(await server.call('GET', `/api/suggestions/${s.trackingCode}`));
    expect(t.referral).toMatchObject({ state: 'closed', round: 2 });
    expect(t.referral.answers).toHaveLength(2);
    expect(t.referral.visits).toHaveLength(2);
    expect(t.referral).not.toHaveProperty('id');
    expect((await trail('referral.answered')).length).toBe(2);
  });

  it('lists the body\'s referrals for staff by state, with the contact they call and the departments', async () => {
    const all = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/referrals`, { token: admin }));
    expect(all.departments).toEqual(['县水务局', '县交通运输局'].sort());
    expect(all.referrals.find((x: { id: string }) => x.id === referralId).suggestion).toMatchObject({ trackingCode: s.trackingCode, contact: CONTACT });
    expect(ok(await server.call('GET', `/api/bodies/${hall.bodyId}/referrals?state=closed`, { token: admin })).referrals.map((x: { id: string }) => x.id)).toEqual([referralId]);
    expect(ok(await server.call('GET', `/api/bodies/${hall.bodyId}/referrals?state=open`, { token: admin })).referrals).toEqual([]);
    expect((await server.call('GET', `/api/bodies/${hall.bodyId}/referrals?state=lost`, { token: admin })).status).toBe(422);
    expect((await server.call('GET', `/api/bodies/${hall.bodyId}/referrals`, { token: roads })).status).toBe(403);
    expect((await server.call('GET', `/api/bodies/${hall.bodyId}/referrals`, { token: otherAdmin })).status).toBe(403);
  });
});

describe('opening, refused', () => {
  it('an unknown department → 422 and nothing changes', async () => {
    const s = ok(await submit(hall.bodyId, { title: '老旧小区加装电梯' }));
    const r = await refer(s.id, { department: '县交通局' });
    expect(r.status).toBe(422);
    expect(r.body.error.fields[0].field).toBe('department');
    // a department of another body is unknown here too
    const t = ok(await server.call('GET', `/api/suggestions/${ok(await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions?q=加装电梯`, { token: admin })).items[0].trackingCode}`));
    expect(t).toMatchObject({ status: 'received', referral: null });
  });

  it('a due date in the past, a department without referral, a due without department → 422', async () => {
    const s = ok(await submit(hall.bodyId, { title: '农贸市场排水改造' }));
    expect((await refer(s.id, { department: '县水务局', due: '2027-08-14' })).status).toBe(422);
    expect((await refer(s.id, { department: '县水务局', due: '2101-01-01' })).status).toBe(422);
    expect((await server.call('PUT', `/api/suggestions/${s.id}/status`, { token: admin, json: { status: 'not_adopted', reason: 'x', department: '县水务局' } })).status).toBe(422);
    expect((await refer(s.id, { due: '2027-09-01' })).status).toBe(422);
    // a chosen due date is kept; today is allowed
    ok(await refer(s.id, { department: '县水务局', due: TODAY }));
    const [mine] = ok(await server.call('GET', '/api/me/referrals', { token: water }));
    expect(mine).toMatchObject({ due: TODAY, state: 'open', overdue: false });
    // once referred to a department, a second referral is refused, and the first stays
    const again = await refer(s.id, { department: '县交通运输局' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_referred');
    expect(ok(await server.call('GET', '/api/me/referrals', { token: roads })).map((x: { suggestion: { id: string } }) => x.suggestion.id)).not.toContain(s.id);
  });

  it('past due it is overdue; without a department it stays a plain referral', async () => {
    server.setToday('2027-08-16');
    try {
      const overdue = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/referrals?state=overdue`, { token: admin })).referrals;
      expect(overdue.map((x: { suggestion: { title: string } }) => x.suggestion.title)).toEqual(['农贸市场排水改造']);
      expect(overdue[0].overdue).toBe(true);
    } finally { server.setToday(TODAY); }
    const s = ok(await submit(hall.bodyId, { title: '公园增设健身器材' }));
    ok(await refer(s.id, {}));
    const all = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/referrals`, { token: admin })).referrals;
    expect(all.map((x: { suggestion: { id: string } }) => x.suggestion.id)).not.toContain(s.id);
  });

  it('two clerks referring one suggestion at once: one referral, the other 409 already_referred (never a 500)', async () => {
    const s = ok(await submit(hall.bodyId, { title: '城北菜场增设公厕' }));
    const both = await Promise.all([refer(s.id, { department: '县水务局' }), refer(s.id, { department: '县交通运输局' })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.error.code).toBe('already_referred');
    const [{ n }] = rowsOf<{ n: number }>(await server.ctx.db.execute(sql`select count(*)::int as n from referrals where suggestion_id = ${s.id}`));
    expect(n).toBe(1);
  });

  it('a suggestion merged into a referred one: its sender hears the answer, its page shows the referral', async () => {
    const target = ok(await submit(hall.bodyId, { title: '东街路面坑洼修补' }));
    const copy = ok(await submit(hall.bodyId, { title: '东街路面坑坑洼洼', contact: '13922223333', notify: true }));
    ok(await server.call('POST', `/api/suggestions/${copy.id}/merge`, { token: admin, json: { into: target.id } }));
    ok(await refer(target.id, { department: '县交通运输局' }));
    const r = ok(await server.call('GET', '/api/me/referrals', { token: roads })).find((x: { suggestion: { id: string } }) => x.suggestion.id === target.id);
    const before = (await outbox()).length;
    ok(await server.call('POST', `/api/referrals/${r.id}/answer`, { token: roads, json: { text: '已安排修补' } }));
    expect((await outbox()).slice(before)).toEqual([expect.objectContaining({ to: '13922223333', text: expect.stringContaining('有关部门已答复') })]);
    const t = ok(await server.call('GET', `/api/suggestions/${copy.trackingCode}`));
    expect(t).toMatchObject({ status: 'merged', referral: { department: '县交通运输局', state: 'answered', answers: [{ text: '已安排修补' }] } });
  });

  it('the bulk route refers each to the department', async () => {
    const a = ok(await submit(hall.bodyId, { title: '河道清淤一' }));
    const b = ok(await submit(hall.bodyId, { title: '河道清淤二' }));
    ok(await server.call('POST', `/api/bodies/${hall.bodyId}/suggestions/status`, { token: admin, json: { ids: [a.id, b.id], status: 'referred', reason: '水务职责', department: '县水务局' } }));
    const mine = ok(await server.call('GET', '/api/me/referrals', { token: water })).map((x: { suggestion: { id: string } }) => x.suggestion.id);
    expect(mine).toEqual(expect.arrayContaining([a.id, b.id]));
    // another body's admin may not refer this body's suggestion
    expect((await refer(a.id, { department: '县水务局' }, otherAdmin)).status).toBe(403);
  });
});
