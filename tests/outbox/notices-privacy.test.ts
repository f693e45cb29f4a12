// Notices to people and the numbers they go to (API.md "Representatives and residents"): a representative's reply
// to a 代表码 request tells the resident who ticked 通知我 (and nobody else); the admins' list of the outbox masks
// every number (138****5678), filters by status and kind and pages; and a number — a member's, a user's, a
// resident's — never shows in the trail (its API or its rows) nor in the open-data exports.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';
import { rowsOf } from '../../server/db/connect.js';
import { outbox } from '../../server/db/schema.js';
import { newId } from '../../server/db/ids.js';
import { deliverFromEnv } from '../../server/outbox/sender.js';

let server: TestServer;
let hall: Hall;
let admin = '';
const day = 86_400_000;
const REP_PHONE = '13912345678';
const USER_PHONE = '13698765432';
const RESIDENT = '13800138000';
const QUIET = '15011112222';
const NUMBERS = [REP_PHONE, USER_PHONE, RESIDENT, QUIET];
// a number as some output might spell it: whole, or split by a space or a dash
const spelled = (n: string) => [n, `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`, `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`];
const expectNoNumber = (text: string) => { for (const n of NUMBERS) for (const s of spelled(n)) expect(text).not.toContain(s); };

type Listed = { total: number; items: { id: string; kind: string; to: string; text: string; status: string; attempts: number; createdAt: string; sentAt: string | null; lastError: string | null }[] };
const list = async (query = '') => ok(await server.call('GET', `/api/bodies/${hall.bodyId}/notifications${query}`, { token: admin })) as Listed;
const submit = (json: Record<string, unknown>) =>
  server.call('POST', `/api/bodies/${hall.bodyId}/suggestions`, { json: { description: '详细说明', category: '交通出行', channel: 'rep_code', repId: hall.members[0].id, ...json } });

beforeAll(async () => {
  server = await startTestServer();
  admin = server.adminToken;
  hall = await createHall(server, { members: 2 });
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: admin, json: { year: 2027, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString() } }));
  ok(await server.call('PUT', `/api/members/${hall.members[0].id}/phone`, { token: admin, json: { phone: '139 1234 5678' } }));
  ok(await server.call('POST', '/api/users', { token: admin, json: { username: `dept${Date.now()}`, password: 'dept-password', role: 'department', bodyId: hall.bodyId, department: '交通局', phone: USER_PHONE } }));
}, 120_000);
afterAll(async () => server?.close());

describe('a representative replies to a 代表码 request', () => {
  it('tells the resident who ticked 通知我: one suggestion_status notice with the tracking link, the reply itself not in it', async () => {
    const sent = ok(await submit({ title: '幸福路口加装信号灯', contact: `王女士 ${RESIDENT.slice(0, 3)}-${RESIDENT.slice(3, 7)}-${RESIDENT.slice(7)}`, notify: true }));
    const before = (await list('?kind=suggestion_status')).total;
    ok(await server.call('POST', `/api/suggestions/${sent.id}/reply`, { token: hall.members[0].token, json: { text: '已向交通局反映，下周现场查看' } }));
    const after = await list('?kind=suggestion_status');
    expect(after.total).toBe(before + 1);
    const [n] = after.items;
    expect(n.to).toBe('138****8000');
    expect(n.text).toContain('代表已回复');
    expect(n.text).toContain(`/track/${sent.trackingCode}`);
    expect(n.text).not.toContain('下周现场查看');
    // the outbox row itself holds the full number for the sender
    const [row] = rowsOf<{ to: string; params: Record<string, string> }>(await server.ctx.db.execute(sql`select "to", params from outbox where id = ${n.id}`));
    expect(row.to).toBe(RESIDENT);
    expect(row.params.move).toBe('replied');
  });

  it('tells nobody when the resident did not tick 通知我, and a second reply tells them again when they did', async () => {
    const quiet = ok(await submit({ title: '菜市场门口积水', contact: `李先生 ${QUIET}` }));
    const before = (await list('?kind=suggestion_status')).total;
    ok(await server.call('POST', `/api/suggestions/${quiet.id}/reply`, { token: hall.members[0].token, json: { text: '收到' } }));
    expect((await list('?kind=suggestion_status')).total).toBe(before);
    const loud = ok(await submit({ title: '公园路灯不亮', contact: RESIDENT, notify: true }));
    for (const text of ['收到，已转城管', '路灯已修好']) ok(await server.call('POST', `/api/suggestions/${loud.id}/reply`, { token: hall.members[0].token, json: { text } }));
    expect((await list('?kind=suggestion_status')).total).toBe(before + 2);
  });

  it('a refused reply (another member) leaves the outbox as it was', async () => {
    const sent = ok(await submit({ title: '学校门口缺斑马线', contact: RESIDENT, notify: true }));
    const before = (await list()).total;
    expect((await server.call('POST', `/api/suggestions/${sent.id}/reply`, { token: hall.members[1].token, json: { text: '我来回复' } })).status).toBe(403);
    expect((await list()).total).toBe(before);
  });
});

describe('the admins\' list of the outbox', () => {
  it('masks every number (138****5678) and holds no full number anywhere in its answer', async () => {
    const all = await list('?limit=200');
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(new Set(all.items.map((n) => n.kind))).toEqual(new Set(['rep_suggestion', 'suggestion_status']));
    for (const n of all.items) expect(n.to).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(all.items.filter((n) => n.kind === 'rep_suggestion').map((n) => n.to)).toContain('139****5678');
    expectNoNumber(JSON.stringify(all));
  });

  it('filters by status and kind, newest first, and pages with offset and limit', async () => {
    const failedId = newId();
    await server.ctx.db.insert(outbox).values({ id: failedId, bodyId: hall.bodyId, kind: 'dossier', to: REP_PHONE, text: '会议材料已送达', status: 'failed', attempts: 5, lastError: 'HTTP 503' });
    const failed = await list('?status=failed');
    expect(failed.items.map((n) => n.id)).toEqual([failedId]);
    expect(failed.items[0]).toMatchObject({ kind: 'dossier', to: '139****5678', status: 'failed', attempts: 5, lastError: 'HTTP 503', sentAt: null });
    expect((await list('?status=failed&kind=task')).total).toBe(0);
    const all = await list();
    const times = all.items.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const page1 = await list('?limit=2');
    const page2 = await list('?limit=2&offset=2');
    expect(page1.total).toBe(all.total);
    expect(page1.items.map((n) => n.id)).toEqual(all.items.slice(0, 2).map((n) => n.id));
    expect(page2.items.map((n) => n.id)).toEqual(all.items.slice(2, 4).map((n) => n.id));
    expect((await server.call('GET', `/api/bodies/${hall.bodyId}/notifications?status=lost`, { token: admin })).status).toBe(422);
    expect((await server.call('GET', `/api/bodies/${hall.bodyId}/notifications`, { token: hall.presiderToken })).status).toBe(403);
    // retried, it is pending (or already sent) again; a second retry is refused either way
    expect(ok(await server.call('POST', `/api/notifications/${failedId}/retry`, { token: admin })).status).toBe('pending');
    const again = await server.call('POST', `/api/notifications/${failedId}/retry`, { token: admin });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('notice_not_failed');
  });
});

describe('numbers stay out of the trail, the log and the open data', () => {
  it('the log sender (the default) writes the notice with its number masked', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await deliverFromEnv({})({ id: 'n1', kind: 'suggestion_status', to: RESIDENT, text: '【民生实事】您的建议「路灯」代表已回复。', params: {} });
      const written = log.mock.calls.flat().join(' ');
      expect(written).toContain('138****8000');
      expect(written).toContain('代表已回复');
      expectNoNumber(written);
    } finally { log.mockRestore(); }
  });

  it('the trail (its API and every stored entry) names the phone change but never a number', async () => {
    const trail = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/audit?limit=200`, { token: admin }));
    expect(JSON.stringify(trail)).toContain('member.phone_set');
    expectNoNumber(JSON.stringify(trail));
    const stored = rowsOf<Record<string, unknown>>(await server.ctx.db.execute(sql`select * from audit_log`));
    expect(stored.length).toBeGreaterThan(5);
    expectNoNumber(JSON.stringify(stored));
  });

  it('the open-data exports (CSV and JSON) hold no number', async () => {
    for (const path of ['export.csv', 'export.json', 'export.csv?year=2027', 'export.json?year=2027']) {
      const r = await fetch(`${server.url}/api/public/bodies/${hall.bodyId}/${path}`);
      expect(r.status).toBe(200);
      expectNoNumber(await r.text());
    }
  });
});
