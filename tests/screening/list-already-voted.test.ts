// One selection ballot per approved candidate list (issue 25 item 2): a second is 409 list_already_voted while
// the first is not cancelled (two clicks at once make one); a cancelled one frees the list; a tie still goes to
// the runoff (`runoffOf`). The list says which ballot it went to, so the console stops offering a second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, submissionKey, type Hall } from '../helpers/fixtures.js';

let server: TestServer;
let hall: Hall;
let admin = '';
let listId = '';
const ids: string[] = [];

const fromList = (json: Record<string, unknown> = {}) =>
  server.call('POST', `/api/candidate-lists/${listId}/ballots`, { token: hall.presiderToken, json: { sessionId: hall.sessionId, ...json } });
const listed = async () => (ok(await server.call('GET', `/api/bodies/${hall.bodyId}/candidate-lists`, { token: hall.presiderToken })) as { id: string; ballot: { id: string; state: string; title: string } | null }[])
  .find((l) => l.id === listId)!;

beforeAll(async () => {
  server = await startTestServer();
  admin = server.adminToken;
  hall = await createHall(server, { members: 5, checkIn: 'all' });
  for (let i = 0; i < 3; i++) {
    const p = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2027, title: `候选${i + 1}`, description: '说明', category: '教育', department: '县教育局' } }));
    ok(await server.call('PUT', `/api/projects/${p.id}/assessment`, { token: admin, json: { feasible: true, reason: '条件具备', investment: 300, completionDate: '2027-12-31' } }));
    ids.push(p.id);
  }
  listId = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/candidate-lists`, { token: admin, json: { year: 2027, projectIds: ids, seats: 2, ratio: 1.5 } })).id;
  ok(await server.call('POST', `/api/candidate-lists/${listId}/approve`, { token: admin, json: { meeting: '第5次主任会议', approvedAt: '2027-01-05' } }));
}, 120_000);
afterAll(async () => server?.close());

describe('one ballot per candidate list', () => {
  it('two clicks at once make one ballot; the other is 409 list_already_voted', async () => {
    expect((await listed()).ballot).toBeNull();
    const [a, b] = await Promise.all([fromList(), fromList()]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.error.code).toBe('list_already_voted');
    const made = [a, b].find((r) => r.status === 201)!.body;
    expect((await listed()).ballot).toMatchObject({ id: made.id, state: 'draft', title: '2027 年度民生实事项目票决' });
    const ballots = ok(await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken })).ballots as { id: string }[];
    expect(ballots.map((x) => x.id)).toEqual([made.id]);
  });

  it('a cancelled ballot frees the list; once voted and published, a second is refused, a runoff is not', async () => {
    const first = (await listed()).ballot!;
    ok(await server.call('POST', `/api/ballots/${first.id}/cancel`, { token: hall.presiderToken, json: { reason: '名单有误' } }));
    expect((await listed()).ballot).toBeNull();
    const second = ok(await fromList({ title: '2027 年度票决（重新创建）' }));
    ok(await server.call('POST', `/api/ballots/${second.id}/open`, { token: hall.presiderToken }));
    // ids[0] 5 yes; ids[1] and ids[2] 3 yes each (a majority of 5): tied for the second seat
    for (const [i, m] of hall.members.entries()) {
      ok(await server.call('POST', `/api/ballots/${second.id}/votes`, { token: m.token, json: { submissionKey: submissionKey(), choices: { [ids[0]]: 'yes', [ids[1]]: i < 3 ? 'yes' : 'no', [ids[2]]: i >= 2 ? 'yes' : 'no' } } }));
    }
    ok(await server.call('POST', `/api/ballots/${second.id}/close`, { token: hall.presiderToken }));
    ok(await server.call('POST', `/api/ballots/${second.id}/publish`, { token: hall.presiderToken }));
    expect((await listed()).ballot).toMatchObject({ id: second.id, state: 'published' });
    const again = await fromList();
    expect([again.status, again.body.error.code]).toEqual([409, 'list_already_voted']);
    expect((ok(await server.call('GET', `/api/ballots/${second.id}`, { token: hall.presiderToken })).result.tied as string[]).sort()).toEqual([ids[1], ids[2]].sort());
    const runoff = await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token: hall.presiderToken, json: { kind: 'selection', title: '再次投票', runoffOf: second.id } });
    expect(runoff.status).toBe(201);
    // the refused request left nothing behind
    const ballots = ok(await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken })).ballots as { id: string }[];
    expect(ballots).toHaveLength(3);
  });
});
