import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, submissionKey } from '../helpers/fixtures.js';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); }, 60_000);
afterAll(async () => { await server?.close(); });

describe('a session from check-in to a published result', () => {
  it('runs a selection ballot end to end', async () => {
    const hall = await createHall(server, { members: 9, projects: 4, checkIn: 6 });
    const s = ok(await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken }));
    expect(s).toMatchObject({ rosterSize: 9, present: 6, quorum: { num: 2, den: 3, met: true } });
    const ballot = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, {
      token: hall.presiderToken, json: { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 2 },
    }));
    expect(ballot.state).toBe('draft');
    ok(await server.call('POST', `/api/ballots/${ballot.id}/open`, { token: hall.presiderToken }));
    const [a, b, c] = hall.projectIds;
    const receipts: string[] = [];
    for (const m of hall.members.slice(0, 6)) {
      const key = submissionKey();
      const r = await server.call('POST', `/api/ballots/${ballot.id}/votes`, { token: m.token, json: { submissionKey: key, choices: { [a]: 'yes', [b]: 'yes', [c]: 'no' } } });
      expect(r.status).toBe(201);
      expect(r.body.receipt).toMatch(/^[0-9A-Z]{10,16}$/);
      const again = await server.call('POST', `/api/ballots/${ballot.id}/votes`, { token: m.token, json: { submissionKey: key, choices: { [a]: 'yes' } } });
      expect(again.status).toBe(200);
      expect(again.body.receipt).toBe(r.body.receipt);
      receipts.push(r.body.receipt);
    }
    const late = hall.members[7];
    expect((await server.call('POST', `/api/ballots/${ballot.id}/votes`, { token: late.token, json: { submissionKey: submissionKey(), choices: {} } })).body.error.code).toBe('not_checked_in');
    const closed = ok(await server.call('POST', `/api/ballots/${ballot.id}/close`, { token: hall.presiderToken }));
    expect(closed.result.selected.sort()).toEqual([a, b].sort());
    expect(closed.result.options.find((o: any) => o.id === a)).toMatchObject({ yes: 6, no: 0, abstain: 0, passed: true, status: 'selected' });
    expect((await server.call('GET', `/api/ballots/${ballot.id}/result`)).body.error.code).toBe('not_published');
    ok(await server.call('POST', `/api/ballots/${ballot.id}/publish`, { token: hall.presiderToken }));
    const box = ok(await server.call('GET', `/api/ballots/${ballot.id}/box`));
    expect(box.entries.map((e: any) => e.receipt).sort()).toEqual([...receipts].sort());
    const jws = await server.call('GET', `/api/ballots/${ballot.id}/result.jws`);
    expect(jws.status).toBe(200);
    expect(String(jws.body).split('.')).toHaveLength(3);
  });
});
