// The live tally the presider console and big screen get is counted by the database (liveTallyOf),
// while a result is counted from the box itself (tallyOf): for every kind of ballot they must agree,
// vote by vote, also for a per_candidate ballot that leaves candidates out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, type Hall } from '../helpers/fixtures.js';
import { cast, createBallot, open, close, rng } from '../ballots/support.js';
import { findBallot } from '../../server/ballots/queries.js';
import { liveTallyOf, tallyOf } from '../../server/ballots/counts.js';

let server: TestServer;
let hall: Hall;
beforeAll(async () => {
  server = await startTestServer();
  hall = await createHall(server, { members: 24, projects: 4, checkIn: 'all' });
}, 60_000);
afterAll(async () => { await server?.close(); });

async function agree(ballotId: string) {
  const b = await findBallot(server.ctx.db, ballotId);
  const [live, exact] = await Promise.all([liveTallyOf(server.database.query, b), tallyOf(server.ctx.db, b)]);
  expect(live).toEqual(exact);
  return live.cast;
}

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];

describe('live tally = exact tally', () => {
  const cases: [string, Record<string, unknown>, (r: () => number, ids: string[]) => unknown][] = [
    ['per_candidate, some candidates left out', { kind: 'selection', form: 'per_candidate', seats: 2 }, (r, ids) =>
      Object.fromEntries(ids.filter(() => r() < 0.7).map((id) => [id, pick(r, ['yes', 'no', 'abstain'] as const)]))],
    ['choose_n', { kind: 'selection', form: 'choose_n', seats: 2 }, (r, ids) =>
      ({ selected: [...new Set([pick(r, ids), pick(r, ids)])] })],
    ['satisfaction', { kind: 'satisfaction' }, (r, ids) =>
      Object.fromEntries(ids.map((id) => [id, pick(r, ['satisfied', 'basic', 'unsatisfied'] as const)]))],
    ['secret motion', { kind: 'motion', question: '是否通过？' }, (r) => ({ vote: pick(r, ['yes', 'no', 'abstain'] as const) })],
    ['named motion', { kind: 'motion', question: '是否通过？', secret: false }, (r) => ({ vote: pick(r, ['yes', 'no', 'abstain'] as const) })],
  ];
  let round = 0;
  for (const [name, fields, choose] of cases) {
    it(name, async () => {
      const r = rng(1000 + round);
      const projectIds = fields.kind === 'motion' ? undefined : hall.projectIds;
      const ballot = await createBallot(server, hall, { title: `${name} ${round++}`, ...fields, ...(projectIds ? { projectIds } : {}) });
      await open(server, hall, ballot.id);
      expect(await agree(ballot.id)).toBe(0);
      for (const [i, m] of hall.members.slice(0, 15).entries()) {
        const reply = await cast(server, m.token, ballot.id, choose(r, hall.projectIds));
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
        if (i % 5 === 4) expect(await agree(ballot.id)).toBe(i + 1);
      }
      await close(server, hall, ballot.id);
    });
  }
});
