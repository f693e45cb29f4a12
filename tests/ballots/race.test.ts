// Closing while votes are in flight: every acknowledged ballot is counted exactly once, every other
// one is refused as ballot_not_open, and the published box recounts to the result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, type Hall } from '../helpers/fixtures.js';
import { boxDigest } from '../../shared/digest.js';
import { tallyChoices } from '../../shared/counting/tally.js';
import type { BallotDefinition } from '../../shared/ballot-definition.js';
import { act, cast, countsOf, createBallot, expectError, normalised, query, rng, tallyPerCandidate, type Vote } from './support.js';

let server: TestServer;
let hall: Hall;
beforeAll(async () => {
  server = await startTestServer();
  hall = await createHall(server, { members: 200, projects: 4, checkIn: 'all' });
}, 120_000);
afterAll(async () => { await server?.close(); });

// The close is requested the moment the k-th acknowledgement arrives, while `window` votes are
// inside the server: those race the close (each holds the ballot row FOR SHARE while it writes, and
// the close's FOR UPDATE waits for them). With a window of 200 every vote is in flight at once; with
// a smaller window the remaining votes keep coming after the close, and must be refused.
const rounds: { closeAfter: number; window: number; seed: number }[] = [
  { closeAfter: 20, window: 200, seed: 11 },
  { closeAfter: 10, window: 50, seed: 12 },
  { closeAfter: 60, window: 80, seed: 13 },
  { closeAfter: 100, window: 40, seed: 14 },
];
const raced: { accepted: number; refused: number }[] = [];

describe('close while 200 votes are in flight', () => {
  for (const { closeAfter, window, seed } of rounds) {
    it(`closes on acknowledgement ${closeAfter} with ${window} votes in flight`, async () => {
      const candidates = hall.projectIds;
      const ballot = await createBallot(server, hall, { kind: 'selection', title: `票决 ${seed}`, projectIds: candidates, seats: 2 });
      ok(await act(server, hall.presiderToken, ballot.id, 'open'));
      const random = rng(seed);
      const pick: (Vote | undefined)[] = ['yes', 'yes', 'no', 'abstain', undefined];
      const sent = hall.members.map(() => Object.fromEntries(candidates.flatMap((c) => {
        const v = pick[Math.floor(random() * pick.length)];
        return v ? [[c, v]] : [];
      })) as Record<string, Vote>);

      let closing: Promise<{ status: number; body: any }> | null = null;
      let acks = 0;
      let next = 0;
      const replies: Awaited<ReturnType<typeof cast>>[] = [];
      const worker = async () => {
        while (next < sent.length) {
          const i = next++;
          const r = await cast(server, hall.members[i].token, ballot.id, sent[i]);
          replies[i] = r;
          if (r.status === 201 && ++acks === closeAfter) closing = act(server, hall.presiderToken, ballot.id, 'close');
        }
      };
      await Promise.all(Array.from({ length: window }, worker));
      expect(replies.filter(Boolean)).toHaveLength(200);
      expect(closing).not.toBeNull();
      const closed = ok(await closing!);

      // Only two answers are possible.
      const accepted = replies.flatMap((r, i) => (r.status === 201 ? [i] : []));
      const refused = replies.flatMap((r, i) => (r.status !== 201 ? [i] : []));
      for (const i of refused) expectError(replies[i], 409, 'ballot_not_open');
      expect(accepted.length).toBeGreaterThanOrEqual(closeAfter);
      if (window < 200) raced.push({ accepted: accepted.length, refused: refused.length });

      // The result counts exactly the acknowledged ballots.
      const result = closed.result;
      expect(result.cast).toBe(accepted.length);
      expect(countsOf(result)).toEqual(tallyPerCandidate(candidates, accepted.map((i) => sent[i])));

      // The box holds each acknowledged receipt exactly once, with what that member sent, and nothing else.
      const box = ok(await server.call('GET', `/api/ballots/${ballot.id}/box`, { token: hall.presiderToken }));
      const receipts = box.entries.map((e: { receipt: string }) => e.receipt);
      expect(receipts).toHaveLength(accepted.length);
      expect(new Set(receipts).size).toBe(receipts.length);
      expect([...receipts].sort()).toEqual(accepted.map((i) => replies[i].body.receipt).sort());
      const byReceipt = new Map(box.entries.map((e: { receipt: string; choices: unknown }) => [e.receipt, e.choices]));
      for (const i of accepted) expect(byReceipt.get(replies[i].body.receipt)).toEqual(normalised(candidates, sent[i]));
      // Published sorted by receipt (code unit order), with the digest of API.md.
      expect(receipts).toEqual([...receipts].sort((x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)));
      expect(box.digest).toBe(boxDigest(box.entries));
      expect(box.digest).toMatch(/^[0-9a-f]{64}$/);

      // Anyone can recount the box with the shared rules and get the published counts.
      const def: BallotDefinition = { kind: box.ballot.kind, form: box.ballot.form, seats: box.ballot.seats, options: box.ballot.options };
      const recount = tallyChoices(def, box.entries.map((e: { choices: any }) => e.choices));
      expect(recount.kind).toBe('selection');
      expect(Object.fromEntries((recount as any).options.map((o: any) => [o.id, { yes: o.yes, no: o.no, abstain: o.abstain }]))).toEqual(countsOf(result));
      expect(box.ballot).toMatchObject({ ballotId: ballot.id, cast: accepted.length, base: 200, eligible: 200 });

      // The roll agrees: exactly the members who were acknowledged.
      const roll = await query<{ member_id: string }>(server, `select member_id from ballot_roll where ballot_id = '${ballot.id}'`);
      expect(roll.map((r) => r.member_id).sort()).toEqual(accepted.map((i) => hall.members[i].id).sort());

      // Afterwards: an acknowledged member's retry gets the same receipt; a refused one stays refused.
      for (const i of accepted.slice(0, 5)) {
        const again = await cast(server, hall.members[i].token, ballot.id, sent[i], replies[i].key);
        expect(again.status).toBe(200);
        expect(again.body.receipt).toBe(replies[i].body.receipt);
      }
      for (const i of refused.slice(0, 5)) {
        expectError(await cast(server, hall.members[i].token, ballot.id, sent[i], replies[i].key), 409, 'ballot_not_open');
      }
      const view = ok(await server.call('GET', `/api/ballots/${ballot.id}`, { token: hall.presiderToken }));
      expect(view).toMatchObject({ state: 'closed', cast: accepted.length });
    }, 60_000);
  }

  it('actually raced: votes that kept coming after the close were refused', () => {
    // Every round's answers were checked above; this only makes sure the race took place. Under heavy
    // load on PostgreSQL the close can wait until the stream of votes dries up (row-level FOR SHARE
    // lockers can starve the close's FOR UPDATE), so one round with refusals is all that is required.
    expect(raced).toHaveLength(rounds.filter((r) => r.window < 200).length);
    for (const r of raced) expect(r.accepted).toBeGreaterThan(0);
    expect(raced.some((r) => r.refused > 0), JSON.stringify(raced)).toBe(true);
  });
});
