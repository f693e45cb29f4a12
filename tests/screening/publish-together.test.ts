// Two selection ballots over the same projects (two sittings of one body, say a runoff beside a recount),
// published at the same moment: each publish answers 200 and the projects end as the later one says,
// never a 500 from two publishing transactions each holding half of the rows the other needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';
import { act, cast, close, createBallot, open } from '../ballots/support.js';

let server: TestServer;
let hall: Hall;
beforeAll(async () => {
  server = await startTestServer();
  hall = await createHall(server, { members: 5, projects: 6, checkIn: 'all' });
}, 60_000);
afterAll(async () => { await server?.close(); });

/** A sitting of the hall's body whose closed ballot passes `chosen` and rejects the others. */
async function closedBallot(chosen: string[]): Promise<{ id: string; sessionId: string }> {
  const session = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/sessions`, { token: server.adminToken, json: { name: `会议${Math.random()}`, kind: 'congress' } }));
  await Promise.all(hall.members.map(async (m) => ok(await server.call('POST', `/api/sessions/${session.id}/checkin`, { token: m.token }))));
  const h = { ...hall, sessionId: session.id };
  const ballot = await createBallot(server, h, { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 2 });
  await open(server, h, ballot.id);
  for (const m of hall.members) {
    const choices = Object.fromEntries(hall.projectIds.map((id) => [id, chosen.includes(id) ? 'yes' : 'no']));
    expect((await cast(server, m.token, ballot.id, choices)).status).toBe(201);
  }
  await close(server, h, ballot.id);
  return { id: ballot.id, sessionId: session.id };
}

describe('publishing together', () => {
  it('two ballots that pass opposite ends of the same list both publish (ten times over)', async () => {
    const sorted = [...hall.projectIds].sort();
    const low = sorted.slice(0, 2);
    const high = sorted.slice(-2);
    for (let round = 0; round < 10; round++) {
      const [a, b] = [await closedBallot(low), await closedBallot(high)];
      const replies = await Promise.all([a, b].map((x) => act(server, hall.presiderToken, x.id, 'publish')));
      for (const r of replies) expect(r.status, JSON.stringify(r.body)).toBe(200);
      const list = ok(await server.call('GET', `/api/bodies/${hall.bodyId}/projects`, { token: server.adminToken })) as { id: string; status: string }[];
      const statuses = sorted.map((id) => list.find((p) => p.id === id)?.status);
      // each project is selected or not, as one of the two ballots said; the two middle ones lost both
      expect(statuses.slice(2, 4)).toEqual(['not_selected', 'not_selected']);
      for (const s of statuses) expect(['selected', 'not_selected']).toContain(s);
    }
  }, 240_000);
});
