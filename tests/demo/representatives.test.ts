// The demo county's representatives and residents, as a visitor finds them after `npm start`: 代表亮身份 with
// cards, a fortnight of duty at two stations around today, phones for the first representatives (never shown),
// and 代表码 requests to DM000001, some answered.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { seedDemo } from '../../server/demo/seed.js';
import { ok } from '../helpers/fixtures.js';
import { addDays } from '../../shared/duty.js';

const TODAY = '2027-10-08';
let server: TestServer;
let bodyId = '';
let firstCode = '';
beforeAll(async () => {
  server = await startTestServer({ today: TODAY });
  ({ bodyId, firstCodes: [firstCode] } = await seedDemo(server.ctx));
}, 60_000);
afterAll(async () => { await server?.close(); });

it('lists every representative, and two stations have someone on duty on most days of the next fortnight', async () => {
  const reps = ok(await server.call('GET', `/api/public/bodies/${bodyId}/representatives`));
  expect(reps).toHaveLength(300);
  expect(reps.filter((r: any) => r.stationId).length).toBeGreaterThan(10);
  const stations = ok(await server.call('GET', `/api/public/bodies/${bodyId}/stations`));
  const staffed = stations.filter((s: any) => s.onDuty.length);
  expect(staffed).toHaveLength(2);
  for (const s of staffed) {
    expect(s.onDuty[0].date).toBe(TODAY);
    expect(s.onDuty.at(-1).date).toBe(addDays(TODAY, 10));
    expect(s.onDuty.every((d: any) => d.members.length === 2)).toBe(true);
  }
});

it('gives DM000001 a card with duty days, requests waiting under 群众找我 and some answered', async () => {
  const { token, member } = ok(await server.call('POST', '/api/auth/member-login', { json: { code: firstCode } }));
  const card = ok(await server.call('GET', `/api/public/members/${member.id}`));
  expect(card.duty.length).toBeGreaterThan(1);
  expect(card.station).toMatchObject({ name: expect.stringContaining('联络站') });
  expect(card).toMatchObject({ received: 4, replied: 2 });
  expect(JSON.stringify(card)).not.toMatch(/1380000/);
  const inbox = ok(await server.call('GET', '/api/me/inbox', { token }));
  expect(inbox).toHaveLength(4);
  expect(inbox.filter((s: any) => s.replies.length === 0)).toHaveLength(2);
  const staff = ok(await server.call('GET', `/api/bodies/${bodyId}/suggestions?year=2028&channel=rep_code`, { token: server.adminToken }));
  expect(staff.total).toBe(6);
  const answered = staff.items.find((s: any) => s.title === '幸福路菜市场门口路灯不亮');
  expect(answered.sender).toBe(member.name);
  const tracked = ok(await server.call('GET', `/api/suggestions/${answered.trackingCode}`));
  expect(tracked.replies).toEqual([{ at: expect.any(String), text: expect.stringContaining('本周内修复') }]);
});
