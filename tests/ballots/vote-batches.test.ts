// Group commit of secret votes (server/ballots/vote-batches.ts): first the batcher alone against a
// recording stand-in for the database, then awkward votes mixed into a real burst over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../server/context.js';
import { VoteBatches, type QueuedVote } from '../../server/ballots/vote-batches.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createHall, ok, submissionKey } from '../helpers/fixtures.js';
import { cast, close, countsOf, createBallot, expectError, normalised, open, tallyPerCandidate, type Vote } from './support.js';

interface Call { ballotId: string; votes: { m: string; g: number; k: string; r: string; c: unknown }[]; finish(): void }

/** A stand-in for ctx.query that holds every statement until the test lets it finish. */
function recordingContext(answer: (call: Call) => { receipt: string }[] | Error) {
  const calls: Call[] = [];
  const ctx = {
    query: (text: string, params: unknown[]) => new Promise((resolve, reject) => {
      // The ballot's slot (live-slots.ts), looked up once per ballot: every ballot here is open.
      if (text.includes('live_slot as slot')) return resolve([{ slot: 1 }]);
      const call: Call = {
        ballotId: params[0] as string,
        votes: JSON.parse(params[1] as string),
        finish: () => {
          const a = answer(call);
          if (a instanceof Error) reject(a);
          else resolve(a);
        },
      };
      calls.push(call);
    }),
  } as unknown as AppContext;
  return { ctx, calls };
}

const vote = (member: string, key = member): QueuedVote => ({
  memberId: member, gen: 0, keyHash: `h-${key}`, receipt: `R-${key}`, choicesJson: '{"c1":"yes"}',
});
const tick = () => new Promise((r) => setImmediate(r));
const writeAll = (call: Call) => call.votes.map((v) => ({ receipt: v.r }));

describe('the batcher', () => {
  it('sends a lone vote at once, and gathers the votes that queue behind batches in flight', async () => {
    const { ctx, calls } = recordingContext(writeAll);
    const batches = new VoteBatches(ctx);
    const first = batches.cast('B', vote('m0'));
    await tick();
    expect(calls).toHaveLength(1);
    expect(calls[0].votes.map((v) => v.m)).toEqual(['m0']);

    const rest = Array.from({ length: 40 }, (_, i) => batches.cast('B', vote(`m${i + 1}`)));
    await tick();
    // three more batches start at once (four in flight), the rest wait for one to finish
    expect(calls).toHaveLength(4);
    for (const c of calls.slice(1)) expect(c.votes).toHaveLength(1);
    calls[0].finish();
    await tick();
    expect(calls).toHaveLength(5);
    expect(calls[4].votes).toHaveLength(37);
    for (const c of calls.slice(1)) c.finish();
    expect(await first).toBe(true);
    expect(await Promise.all(rest)).toEqual(rest.map(() => true));
    expect(calls[0].votes[0]).toEqual({ m: 'm0', g: 0, k: 'h-m0', r: 'R-m0', c: { c1: 'yes' } });
  });

  it('never puts two votes of one member in batches under way at the same time', async () => {
    const { ctx, calls } = recordingContext(writeAll);
    const batches = new VoteBatches(ctx);
    const a = batches.cast('B', vote('m1', 'k1'));
    await tick();
    const b = batches.cast('B', vote('m1', 'k2'));
    const c = batches.cast('B', vote('m2'));
    await tick();
    expect(calls.map((x) => x.votes.map((v) => v.m))).toEqual([['m1'], ['m2']]);
    calls[0].finish();
    await tick();
    expect(calls.map((x) => x.votes.map((v) => v.r))).toEqual([['R-k1'], ['R-m2'], ['R-k2']]);
    calls[1].finish();
    calls[2].finish();
    expect(await Promise.all([a, b, c])).toEqual([true, true, true]);
  });

  it('answers "not written" for the votes the statement left out', async () => {
    const { ctx, calls } = recordingContext((call) => call.votes.filter((v) => v.m !== 'm2').map((v) => ({ receipt: v.r })));
    const batches = new VoteBatches(ctx);
    const all = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((m) => batches.cast('B', vote(m)));
    await tick();
    for (const c of calls) c.finish();
    await tick();
    for (const c of calls.slice(4)) c.finish();
    expect(await Promise.all(all)).toEqual([true, false, true, true, true, true]);
  });

  it('sends every vote of a batch the one-at-a-time way after a duplicate receipt or a deadlock, and fails them on any other error', async () => {
    for (const [code, expected] of [['23505', false], ['40P01', false]] as const) {
      const failure = Object.assign(new Error('query failed'), { cause: { code } });
      const { ctx, calls } = recordingContext(() => failure);
      const batches = new VoteBatches(ctx);
      const p = batches.cast('B', vote('m1'));
      await tick();
      calls[0].finish();
      expect(await p).toBe(expected);
    }
    const down = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    const { ctx, calls } = recordingContext(() => down);
    const batches = new VoteBatches(ctx);
    const p = batches.cast('B', vote('m1'));
    await tick();
    calls[0].finish();
    await expect(p).rejects.toBe(down);
  });

  it('keeps ballots apart', async () => {
    const { ctx, calls } = recordingContext(writeAll);
    const batches = new VoteBatches(ctx);
    const votes = [batches.cast('B1', vote('m1')), batches.cast('B2', vote('m1'))];
    await tick();
    expect(calls.map((c) => c.ballotId).sort()).toEqual(['B1', 'B2']);
    for (const c of calls) c.finish();
    expect(await Promise.all(votes)).toEqual([true, true]);
  });
});

describe('awkward votes inside a burst', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startTestServer(); }, 120_000);
  afterAll(async () => { await server?.close(); });

  it('each gets its own answer while every other vote of the burst is counted', async () => {
    const hall = await createHall(server, { members: 120, projects: 3, checkIn: 110 });
    const candidates = hall.projectIds;
    const ballot = await createBallot(server, hall, { kind: 'selection', title: '并发票决', projectIds: candidates, seats: 2 });
    await open(server, hall, ballot.id);

    const choicesOf = (i: number): Record<string, Vote> => ({ [candidates[i % 3]]: i % 2 ? 'yes' : 'no' });
    const [twoKeys, retried, sharedA, sharedB] = hall.members;
    const notCheckedIn = hall.members.slice(110);
    const plain = hall.members.slice(4, 110);
    const retryKey = submissionKey();
    const sharedKey = submissionKey();

    const sent = [
      ...plain.map((m, i) => cast(server, m.token, ballot.id, choicesOf(i))),
      cast(server, twoKeys.token, ballot.id, choicesOf(1)),
      cast(server, twoKeys.token, ballot.id, choicesOf(2)),
      cast(server, retried.token, ballot.id, choicesOf(3), retryKey),
      cast(server, retried.token, ballot.id, choicesOf(3), retryKey),
      cast(server, sharedA.token, ballot.id, choicesOf(4), sharedKey),
      cast(server, sharedB.token, ballot.id, choicesOf(5), sharedKey),
      ...notCheckedIn.map((m, i) => cast(server, m.token, ballot.id, choicesOf(i))),
    ];
    const replies = await Promise.all(sent);
    const n = plain.length;

    expect(replies.slice(0, n).map((r) => r.status)).toEqual(plain.map(() => 201));
    const twoKeyReplies = replies.slice(n, n + 2);
    expect(twoKeyReplies.map((r) => r.status).sort()).toEqual([201, 409]);
    expectError(twoKeyReplies.find((r) => r.status === 409)!, 409, 'already_voted');
    const retryReplies = replies.slice(n + 2, n + 4);
    expect(retryReplies.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(retryReplies[0].body.receipt).toBe(retryReplies[1].body.receipt);
    const sharedReplies = replies.slice(n + 4, n + 6);
    expect(sharedReplies.map((r) => r.status).sort()).toEqual([201, 409]);
    expectError(sharedReplies.find((r) => r.status === 409)!, 409, 'submission_key_reused');
    for (const r of replies.slice(n + 6)) expectError(r, 403, 'not_checked_in');

    // the tally is exactly the votes answered 201, whichever of a pair won
    const counted: Record<string, Vote>[] = plain.map((_, i) => choicesOf(i));
    counted.push(choicesOf(twoKeyReplies[0].status === 201 ? 1 : 2), choicesOf(3), choicesOf(sharedReplies[0].status === 201 ? 4 : 5));
    const closed = await close(server, hall, ballot.id);
    expect(closed.result.cast).toBe(counted.length);
    expect(countsOf(closed.result)).toEqual(tallyPerCandidate(candidates, counted));
    const box = ok(await server.call('GET', `/api/ballots/${ballot.id}/box`, { token: hall.presiderToken }));
    expect(box.entries).toHaveLength(counted.length);
    const byReceipt = new Map(box.entries.map((e: { receipt: string; choices: unknown }) => [e.receipt, e.choices]));
    replies.slice(0, n).forEach((r, i) => expect(byReceipt.get(r.body.receipt)).toEqual(normalised(candidates, choicesOf(i))));
  }, 120_000);
});
