// Per-address limits on the public's writes and look-ups (API.md "Conventions"), with low limits set for
// this server: anonymous suggestions and look-ups are counted, a signed-in representative is not, and a
// refused (malformed) submission does not use up the resident's allowance.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';

let server: TestServer;
let hall: Hall;
const suggestion = { title: '菜市场门口加装路灯', description: '晚上太黑', category: '城乡建设' };

beforeAll(async () => {
  server = await startTestServer({ publicLimits: { suggestionsPerHour: 3, lookupsPerMinute: 4 } });
  hall = await createHall(server, { members: 1 });
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { token: server.adminToken, json: { year: 2027, opensAt: new Date(Date.now() - 1000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() } }));
}, 60_000);
afterAll(async () => server?.close());

it('limits anonymous suggestions per address, not signed-in representatives', async () => {
  const send = (json: object, token?: string) => server.call('POST', `/api/bodies/${hall.bodyId}/suggestions`, { token, json });
  expect((await send({ ...suggestion, category: '不存在' })).status).toBe(422);
  for (let i = 0; i < 3; i++) expect((await send(suggestion)).status).toBe(201);
  const fourth = await send(suggestion);
  expect(fourth.status).toBe(429);
  expect(fourth.body.error.code).toBe('too_many_attempts');
  expect((await send(suggestion, hall.members[0].token)).status).toBe(201);
  const inbox = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/suggestions`, { token: server.adminToken }));
  expect(inbox.total).toBe(4);
});

it('limits public look-ups per address', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await server.call('GET', `/api/public/bodies/${hall.bodyId}/similar?text=${encodeURIComponent('路灯')}`)).status);
  expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  expect((await server.call('GET', '/api/suggestions/ABCDEFGHJK23')).status).toBe(429);
});
