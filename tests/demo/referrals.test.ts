// The demo county's 交办—反馈—回访 after `npm start`: referred suggestions at each step (waiting, overdue,
// answered, referred again, closed); the demo's 县教育局 login has its own to answer; a tracking page shows
// the answers and the return call.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { demoLogins, seedDemo } from '../../server/demo/seed.js';
import { ok } from '../helpers/fixtures.js';

const TODAY = '2027-10-08';
let server: TestServer;
let bodyId = '';
beforeAll(async () => {
  server = await startTestServer({ today: TODAY });
  ({ bodyId } = await seedDemo(server.ctx));
}, 60_000);
afterAll(async () => { await server?.close(); });

it('has referrals at every step of the loop, one overdue and one in its second round', async () => {
  const { referrals, departments } = ok(await server.call('GET', `/api/bodies/${bodyId}/referrals`, { token: server.adminToken }));
  expect(departments).toEqual(expect.arrayContaining(['县教育局', '县民政局', '县生态环境分局']));
  const states = referrals.map((r: any) => (r.overdue ? 'overdue' : r.state)).sort();
  expect(states).toEqual(['answered', 'answered', 'closed', 'open', 'open', 'overdue']);
  const again = referrals.find((r: any) => r.round === 2);
  expect(again).toMatchObject({ state: 'open', overdue: false, department: '县民政局', visits: [{ satisfied: false }] });
  const closed = referrals.find((r: any) => r.state === 'closed');
  const t = ok(await server.call('GET', `/api/suggestions/${closed.suggestion.trackingCode}`));
  expect(t.referral).toMatchObject({ state: 'closed', answers: [{ round: 1 }], visits: [{ satisfied: true }] });
});

it('gives the demo\'s 县教育局 login its referrals to answer, without the residents\' contacts', async () => {
  const { token } = ok(await server.call('POST', '/api/auth/login', { json: demoLogins.department }));
  const mine = ok(await server.call('GET', '/api/me/referrals', { token }));
  expect(mine.length).toBe(3);
  expect(mine.map((r: any) => (r.overdue ? 'overdue' : r.state))).toEqual(['overdue', 'open', 'answered']);
  expect(JSON.stringify(mine)).not.toMatch(/contact|139\d{8}/);
});
