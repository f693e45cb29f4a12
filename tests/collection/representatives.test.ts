// 代表码 (API.md "Representatives and residents"): the public roster of representatives and each one's card, a
// suggestion sent through a representative's 代表码 (and every refusal of repId, channel and 通知我), the notice
// to the representative's phone, the member's inbox (群众找我), replies and who may make them, and the replies
// on the tracking page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, departmentToken, ok, type Hall } from '../helpers/fixtures.js';
import { members } from '../../server/db/schema.js';
import { rowsOf } from '../../server/db/connect.js';

let server: TestServer;
let hall: Hall;
let other: Hall;
let admin = '';
let stationId = '';
const day = 86_400_000;
const TODAY = '2027-08-15';

const submit = (bodyId: string, json: Record<string, unknown>, token?: string) =>
  server.call('POST', `/api/bodies/${bodyId}/suggestions`, { token, json: { description: '详细说明', category: '交通出行', ...json } });
const outbox = async () => rowsOf<{ kind: string; to: string; text: string; body_id: string }>(await server.ctx.db.execute(sql`select kind, "to", text, body_id from outbox order by created_at, id`));
const fieldsOf = (r: { body: any }) => r.body.error.fields.map((f: { field: string }) => f.field);

beforeAll(async () => {
  server = await startTestServer({ today: TODAY });
  admin = server.adminToken;
  hall = await createHall(server, { members: 3, committee: 1 });
  other = await createHall(server, { members: 1 });
  for (const h of [hall, other]) {
    ok(await server.call('POST', `/api/bodies/${h.bodyId}/collection`, { token: admin, json: { year: 2027, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString() } }));
  }
  stationId = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/stations`, { token: admin, json: { name: '城关镇代表联络站' } })).id;
  // the representative's mobile number (set by admins; the members' route for it is not this file's)
  await server.ctx.db.update(members).set({ phone: '13912345678' }).where(eq(members.id, hall.members[1].id));
}, 120_000);
afterAll(async () => server?.close());

describe('the public roster and the card', () => {
  it('lists every member of the body with the station of their next duty day, never a code or phone', async () => {
    ok(await server.call('PUT', `/api/stations/${stationId}/duty`, { token: admin, json: { slots: [{ date: '2027-08-20', memberIds: [hall.members[1].id] }, { date: '2027-08-10', memberIds: [hall.members[2].id] }] } }));
    const list = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/representatives`));
    expect(list).toHaveLength(3);
    for (const m of list) expect(Object.keys(m).sort()).toEqual(['delegation', 'id', 'kind', 'name', 'stationId']);
    const byId = new Map(list.map((m: any) => [m.id, m]));
    expect(byId.get(hall.members[0].id)).toMatchObject({ kind: 'committee', stationId: null });
    expect(byId.get(hall.members[1].id)).toMatchObject({ kind: 'rep', stationId });
    // a duty day in the past is no next duty day
    expect(byId.get(hall.members[2].id)).toMatchObject({ stationId: null });
    expect(JSON.stringify(list)).not.toContain('1391234');
    expect((await server.call('GET', '/api/public/bodies/zzz404/representatives')).status).toBe(404);
  });

  it('answers a representative\'s card with duty days from today to 14 days on', async () => {
    ok(await server.call('PUT', `/api/stations/${stationId}/duty`, { token: admin, json: { slots: [{ date: TODAY, memberIds: [hall.members[1].id] }, { date: '2027-08-29', memberIds: [hall.members[1].id] }, { date: '2027-08-30', memberIds: [hall.members[1].id] }] } }));
    const card = ok(await server.call('GET', `/api/public/members/${hall.members[1].id}`));
    expect(card).toEqual({
      id: hall.members[1].id, name: hall.members[1].name, delegation: expect.any(String), kind: 'rep', bodyId: hall.bodyId,
      station: { id: stationId, name: '城关镇代表联络站' },
      duty: [{ date: TODAY, stationId }, { date: '2027-08-20', stationId }, { date: '2027-08-29', stationId }],
      received: 0, replied: 0,
    });
    const none = ok(await server.call('GET', `/api/public/members/${hall.members[0].id}`));
    expect(none).toMatchObject({ station: null, duty: [], received: 0, replied: 0 });
    expect(JSON.stringify(card)).not.toMatch(/phone|code|13912345678/);
    expect((await server.call('GET', '/api/public/members/nosuchmember')).status).toBe(404);
  });
});

describe('a suggestion through a 代表码', () => {
  let sent = { id: '', trackingCode: '' };

  it('is sent to the representative, stored with rep_id and notify, and tells their phone', async () => {
    const before = (await outbox()).length;
    const r = await submit(hall.bodyId, { title: '幸福路口加装信号灯', channel: 'rep_code', repId: hall.members[1].id, contact: '王女士 138-0013-8000', notify: true });
    expect(r.status).toBe(201);
    sent = r.body;
    const [row] = rowsOf<{ rep_id: string; notify: boolean; channel: string; member_id: string | null }>(await server.ctx.db.execute(sql`select rep_id, notify, channel, member_id from suggestions where id = ${sent.id}`));
    expect(row).toEqual({ rep_id: hall.members[1].id, notify: true, channel: 'rep_code', member_id: null });
    const notices = (await outbox()).slice(before);
    expect(notices).toEqual([{ kind: 'rep_suggestion', to: '13912345678', body_id: hall.bodyId, text: expect.stringContaining('幸福路口加装信号灯') }]);
    expect(notices[0].text).not.toContain('13800138000');
    expect(notices[0].text.length).toBeLessThan(70);
  });

  it('infers the channel from repId, and writes no notice for a representative without a phone', async () => {
    const before = (await outbox()).length;
    const r = ok(await submit(hall.bodyId, { title: '老旧小区加装电梯', repId: hall.members[2].id }));
    const [row] = rowsOf<{ channel: string; notify: boolean }>(await server.ctx.db.execute(sql`select channel, notify from suggestions where id = ${r.id}`));
    expect(row).toEqual({ channel: 'rep_code', notify: false });
    expect((await outbox()).length).toBe(before);
  });

  it('refuses a repId of another body, of nobody, or with another channel, and rep_code without one', async () => {
    for (const json of [
      { repId: other.members[0].id }, { repId: 'nosuchmember' }, { channel: 'rep_code', repId: other.members[0].id },
      { channel: 'web', repId: hall.members[1].id }, { channel: 'station', stationId, repId: hall.members[1].id }, { channel: 'rep_code' },
    ]) {
      const r = await submit(hall.bodyId, { title: '路灯不亮', ...json });
      expect(r.status, JSON.stringify(json)).toBe(422);
      expect(fieldsOf(r), JSON.stringify(json)).toContain('repId');
    }
  });

  it('refuses 通知我 without a mainland mobile number in the contact', async () => {
    for (const contact of [undefined, null, '', 'wang@example.com', '0371-6555 1234', '2345678901']) {
      const r = await submit(hall.bodyId, { title: '路灯不亮', notify: true, ...(contact === undefined ? {} : { contact }) });
      expect(r.status, String(contact)).toBe(422);
      expect(fieldsOf(r)).toEqual(['contact']);
    }
    // from the web form too, with a number among other words
    const web = await submit(hall.bodyId, { title: '路灯不亮', notify: true, contact: '电话 +86 139 0000 1111，晚上打' });
    expect(web.status).toBe(201);
  });

  it('shows in the staff inbox with the representative named as its sender, and filters by channel', async () => {
    const inbox = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions?channel=rep_code`, { token: admin }));
    expect(inbox.total).toBe(2);
    expect(inbox.facets.channel.rep_code).toBe(2);
    const mine = inbox.items.find((s: any) => s.id === sent.id);
    expect(mine).toMatchObject({ channel: 'rep_code', repId: hall.members[1].id, sender: hall.members[1].name, contact: '王女士 138-0013-8000' });
  });

  it('lists in the representative\'s inbox, newest first, without the contact, and in nobody else\'s', async () => {
    const mine = ok(await server.call('GET', '/api/me/inbox', { token: hall.members[1].token }));
    expect(mine.map((s: any) => s.id)).toEqual([sent.id]);
    expect(mine[0]).toMatchObject({ title: '幸福路口加装信号灯', status: 'received', replies: [] });
    expect(JSON.stringify(mine)).not.toMatch(/138|王女士|trackingCode|contact/);
    expect(ok(await server.call('GET', '/api/me/inbox', { token: hall.members[0].token }))).toEqual([]);
    expect((await server.call('GET', '/api/me/inbox', { token: admin })).status).toBe(403);
    expect((await server.call('GET', '/api/me/inbox')).status).toBe(401);
  });

  it('takes replies from that representative only', async () => {
    const path = `/api/suggestions/${sent.id}/reply`;
    const r = await server.call('POST', path, { token: hall.members[1].token, json: { text: '已转交县交通局，本周内实地查看。' } });
    expect(r.status).toBe(201);
    expect(Object.keys(r.body).sort()).toEqual(['at', 'id', 'text']);
    expect(r.body.text).toBe('已转交县交通局，本周内实地查看。');
    ok(await server.call('POST', path, { token: hall.members[1].token, json: { text: '交通局已答复：下月安装。' } }));
    const another = await server.call('POST', path, { token: hall.members[2].token, json: { text: '我也来说' } });
    expect(another.status).toBe(403);
    expect(another.body.error.code).toBe('not_your_suggestion');
    expect((await server.call('POST', path, { token: other.members[0].token, json: { text: '外县代表' } })).status).toBe(403);
    expect((await server.call('POST', path, { token: admin, json: { text: '工作人员' } })).status).toBe(403);
    expect((await server.call('POST', path, { token: hall.presiderToken, json: { text: '主持人' } })).status).toBe(403);
    expect((await server.call('POST', path, { json: { text: '群众' } })).status).toBe(401);
    expect((await server.call('POST', path, { token: hall.members[1].token, json: { text: '  ' } })).status).toBe(422);
    expect((await server.call('POST', path, { token: hall.members[1].token, json: { text: 'x'.repeat(1001) } })).status).toBe(422);
    expect((await server.call('POST', '/api/suggestions/nosuchsuggestion/reply', { token: hall.members[1].token, json: { text: '回复' } })).status).toBe(404);
    // a suggestion sent to no representative: 403 for every member (and it still exists for staff)
    const web = ok(await submit(hall.bodyId, { title: '公园增设座椅' }));
    const refused = await server.call('POST', `/api/suggestions/${web.id}/reply`, { token: hall.members[1].token, json: { text: '回复' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not_your_suggestion');
  });

  it('shows the replies in the inbox, on the card\'s counts, on the tracking page, and in the trail without the text', async () => {
    const [item] = ok(await server.call('GET', '/api/me/inbox', { token: hall.members[1].token }));
    expect(item.replies.map((r: any) => r.text)).toEqual(['已转交县交通局，本周内实地查看。', '交通局已答复：下月安装。']);
    const card = ok(await server.call('GET', `/api/public/members/${hall.members[1].id}`));
    expect(card).toMatchObject({ received: 1, replied: 1 });
    expect(ok(await server.call('GET', `/api/public/members/${hall.members[2].id}`))).toMatchObject({ received: 1, replied: 0 });
    const tracked = ok(await server.call('GET', `/api/suggestions/${sent.trackingCode}`));
    expect(tracked.replies).toEqual([{ at: expect.any(String), text: '已转交县交通局，本周内实地查看。' }, { at: expect.any(String), text: '交通局已答复：下月安装。' }]);
    expect(Date.parse(tracked.replies[0].at)).toBeLessThanOrEqual(Date.parse(tracked.replies[1].at));
    expect(JSON.stringify(tracked)).not.toContain(hall.members[1].name);
    const web = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions?channel=web`, { token: admin })).items[0];
    expect(ok(await server.call('GET', `/api/suggestions/${web.trackingCode}`)).replies).toEqual([]);
    const trail = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/audit?stage=collection&limit=200`, { token: admin }));
    const replied = trail.items.filter((e: any) => e.action === 'suggestion.replied');
    expect(replied).toHaveLength(2);
    expect(replied[0]).toMatchObject({ actor: { kind: 'member', name: hall.members[1].name }, subject: { kind: 'suggestion', id: sent.id } });
    expect(JSON.stringify(trail)).not.toMatch(/13800138000|138-0013-8000|下月安装|13912345678/);
  });

  it('a signed-in department user can still send through a 代表码', async () => {
    const dept = await departmentToken(server, hall.bodyId, '县交通局');
    const r = await submit(hall.bodyId, { title: '公交站台加装雨棚', channel: 'rep_code', repId: hall.members[1].id }, dept);
    expect(r.status).toBe(201);
  });
});
