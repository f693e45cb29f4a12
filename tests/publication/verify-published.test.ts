// What a citizen does: download a published box, the signed result and the keys, and run the verifier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, submissionKey } from '../helpers/fixtures.js';
import { verifyBox } from '../../scripts/verify-lib.js';

let server: TestServer;
beforeAll(async () => { server = await startTestServer({ today: '2027-08-15' }); }, 60_000);
afterAll(async () => { await server?.close(); });

async function publishedBallot(kind: 'selection' | 'satisfaction' | 'motion', secret = true) {
  const hall = await createHall(server, { members: 15, projects: 4, checkIn: 'all' });
  const json = kind === 'motion' ? { kind, title: '议案', question: '是否通过？', secret }
    : kind === 'selection' ? { kind, title: '票决', projectIds: hall.projectIds, seats: 2, form: 'choose_n' }
      : { kind, title: '测评', projectIds: hall.projectIds };
  const ballot = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token: hall.presiderToken, json }));
  ok(await server.call('POST', `/api/ballots/${ballot.id}/open`, { token: hall.presiderToken }));
  const grades = ['satisfied', 'basic', 'unsatisfied'];
  await Promise.all(hall.members.map(async (m, i) => {
    const choices = kind === 'motion' ? { vote: ['yes', 'no', 'abstain'][i % 3] }
      : kind === 'selection' ? { selected: [hall.projectIds[i % 4], hall.projectIds[(i + 1) % 4]] }
        : Object.fromEntries(hall.projectIds.map((p, j) => [p, grades[(i + j) % 3]]));
    ok(await server.call('POST', `/api/ballots/${ballot.id}/votes`, { token: m.token, json: { submissionKey: submissionKey(), choices } }));
  }));
  ok(await server.call('POST', `/api/ballots/${ballot.id}/close`, { token: hall.presiderToken }));
  ok(await server.call('POST', `/api/ballots/${ballot.id}/publish`, { token: hall.presiderToken }));
  const [box, jws, jwks] = await Promise.all([
    server.call('GET', `/api/ballots/${ballot.id}/box`), server.call('GET', `/api/ballots/${ballot.id}/result.jws`), server.call('GET', '/api/public/keys'),
  ]);
  return { box: box.body, jws: jws.body as string, jwks: jwks.body };
}

describe('the verifier on what the server publishes', () => {
  it.each(['selection', 'satisfaction', 'motion'] as const)('accepts an untouched %s box and its signed result', async (kind) => {
    const { box, jws, jwks } = await publishedBallot(kind);
    const report = await verifyBox(box, { jws, jwks });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
  }, 60_000);

  it('accepts a named motion, whose box is empty', async () => {
    const { box, jws, jwks } = await publishedBallot('motion', false);
    expect(box.entries).toEqual([]);
    const report = await verifyBox(box, { jws, jwks });
    expect(report.named).toBe(true);
    expect(report.ok).toBe(true);
  }, 60_000);

  it('refuses a box with one changed choice', async () => {
    const { box, jws, jwks } = await publishedBallot('motion');
    const entry = box.entries[0];
    entry.choices = { vote: entry.choices.vote === 'yes' ? 'no' : 'yes' };
    const report = await verifyBox(box, { jws, jwks });
    expect(report.ok).toBe(false);
  }, 60_000);
});
