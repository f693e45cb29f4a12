// The dossier (材料提前送达, API.md "Representatives and residents"): who may send and read it, what it holds
// (each candidate's assessment and 民意指数, in ballot order), sent once, a trail entry, and a `dossier` notice
// to every roster member with a phone, written with the send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, departmentToken, ok, type Hall } from '../helpers/fixtures.js';
import { outbox } from '../../server/db/schema.js';

let server: TestServer;
let hall: Hall;
let other: Hall;
let admin = '';
let edu = '';
const day = 86_400_000;
const url = (h: Hall) => `/api/sessions/${h.sessionId}/dossier`;

const suggest = async (title: string, extra: Record<string, unknown> = {}, token?: string) =>
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/suggestions`, { token, json: { title, description: '说明', category: '教育', ...extra } })) as { id: string };
const project = async (title: string, suggestionIds: string[] = []) =>
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2027, title, description: '说明', category: '教育', department: '县教育局', investment: 80, suggestionIds } })) as { id: string };

let ids: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ publicUrl: 'https://minsheng.example.gov.cn' });
  admin = server.adminToken;
  hall = await createHall(server, { members: 4 });
  other = await createHall(server, { members: 1 });
  edu = await departmentToken(server, hall.bodyId, '县教育局');
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: admin, json: { year: 2027, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString() } }));
  const a = await suggest('学校门口护学岗');
  const b = await suggest('校门口安全', { channel: 'rep' }, hall.members[0].token);
  ok(await server.call('POST', `/api/suggestions/${b.id}/merge`, { token: admin, json: { into: a.id } }));
  const school = await project('校园周边安全', [a.id]);
  const library = await project('图书馆延时开放');
  ok(await server.call('PUT', `/api/projects/${school.id}/assessment`, { token: edu, json: { feasible: true, reason: '条件具备', investment: 300, fundingSource: '县级财政', completionDate: '2027-12-31', targets: ['新增护学岗 12 个'] } }));
  ids = [library.id, school.id];
  ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token: hall.presiderToken, json: { kind: 'selection', title: '2027 年度票决', projectIds: ids, seats: 1 } }));
  // phones for two of the four members: only they are told
  for (const [i, phone] of [[0, '13800000001'], [1, '13800000002']] as const) ok(await server.call('PUT', `/api/members/${hall.members[i].id}/phone`, { token: admin, json: { phone } }));
}, 120_000);
afterAll(async () => server?.close());

describe('before it is sent', () => {
  it('a member is refused with 409 dossier_not_sent; admin and presider see it with sentAt null', async () => {
    const r = await server.call('GET', url(hall), { token: hall.members[2].token });
    expect([r.status, r.body.error.code]).toEqual([409, 'dossier_not_sent']);
    for (const token of [admin, hall.presiderToken]) {
      const d = ok(await server.call('GET', url(hall), { token }));
      expect(d.sentAt).toBeNull();
      expect(d.projects.map((p: { id: string }) => p.id)).toEqual(ids);
    }
  });

  it('refuses a member not on the roster, staff of another body, a department, and nobody', async () => {
    const r = await server.call('GET', url(hall), { token: other.members[0].token });
    expect(r.status).toBe(403);
    expect((await server.call('GET', url(hall), { token: other.presiderToken })).status).toBe(403);
    expect((await server.call('GET', url(hall), { token: edu })).status).toBe(403);
    expect((await server.call('GET', url(hall))).status).toBe(401);
    expect((await server.call('POST', url(hall), { token: hall.members[0].token })).status).toBe(403);
    expect((await server.call('POST', url(hall), { token: other.presiderToken })).status).toBe(403);
    expect((await server.call('POST', '/api/sessions/zzzzzzzzzzzzzzzz/dossier', { token: admin })).status).toBe(404);
  });
});

describe('sending', () => {
  let sentAt = '';
  it('201 with each candidate\'s assessment and 民意指数, in ballot order', async () => {
    const r = await server.call('POST', url(hall), { token: hall.presiderToken });
    expect(r.status).toBe(201);
    sentAt = r.body.sentAt;
    expect(new Date(sentAt).toISOString()).toBe(sentAt);
    expect(r.body.projects.map((p: { id: string }) => p.id)).toEqual(ids);
    const [library, school] = r.body.projects;
    expect(school).toEqual({
      id: ids[1], title: '校园周边安全', category: '教育', department: '县教育局', investment: 300, fundingSource: '县级财政',
      completionDate: '2027-12-31', targets: ['新增护学岗 12 个'], reason: '条件具备', supporters: 2, suggestions: 2, byChannel: { web: 1, rep: 1 },
    });
    // not assessed: the project's own figure, nothing invented
    expect(library).toMatchObject({ investment: 80, fundingSource: null, completionDate: null, reason: null, supporters: 0, suggestions: 0, byChannel: {} });
  });

  it('again → 200 with the first sentAt, one trail entry, one notice per member with a phone', async () => {
    const again = await server.call('POST', url(hall), { token: admin });
    expect(again.status).toBe(200);
    expect(again.body.sentAt).toBe(sentAt);
    const trail = ok(await server.call('GET', `/api/sessions/${hall.sessionId}/audit`, { token: hall.presiderToken }));
    const entries = (Array.isArray(trail) ? trail : trail.items).filter((e: { action: string }) => e.action === 'dossier.sent');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ stage: 'publication' });
    const rows = await server.ctx.db.select().from(outbox).where(eq(outbox.kind, 'dossier'));
    const mine = rows.filter((r) => r.bodyId === hall.bodyId);
    expect(mine.map((r) => r.to).sort()).toEqual(['13800000001', '13800000002']);
    for (const m of mine) {
      expect(m.text).toContain('会议材料已送达');
      expect(m.text).toContain(`https://minsheng.example.gov.cn/tablet/${hall.sessionId}/dossier`);
      expect(m.params).toMatchObject({ link: `https://minsheng.example.gov.cn/tablet/${hall.sessionId}/dossier` });
    }
    expect(JSON.stringify(entries)).not.toContain('13800000001');
  });

  it('members on the roster read it, with the first sentAt', async () => {
    const d = ok(await server.call('GET', url(hall), { token: hall.members[3].token }));
    expect(d.sentAt).toBe(sentAt);
    expect(d.projects.map((p: { id: string }) => p.id)).toEqual(ids);
  });

  it('a session without selection ballots sends an empty dossier', async () => {
    const r = await server.call('POST', url(other), { token: other.presiderToken });
    expect(r.status).toBe(201);
    expect(r.body.projects).toEqual([]);
  });
});
