// The hub's frames caused by votes have one budget per process (hub.ts `voteFramesPerSecond`): a hundred
// halls voting sparsely at once cost about as many frame reads as a few, and each hall still gets its
// final count within a second of its last vote. The hub runs here on a stand-in socket server and
// database read, so the test counts exactly the reads and emits.
import { describe, expect, it } from 'vitest';
import type { Server } from 'socket.io';
import { LiveHub, voteFramesPerSecond, type LiveFrame } from '../../server/live/hub.js';
import type { Db } from '../../server/db/connect.js';

class CountingHub extends LiveHub {
  version = 0;
  override async nextVersion() { return ++this.version; }
}

describe('vote frames across many halls', () => {
  it('stay within the budget, and every hall still gets its last count within a second', async () => {
    const HALLS = 100;
    const hub = new CountingHub(null as unknown as Db);
    const reads: { sessionId: string; at: number }[] = [];
    const emits = new Map<string, { event: string; at: number }[]>();
    const io = { to: (room: string) => ({ emit: (event: string) => { const k = room.split(':')[1]; emits.set(k, [...(emits.get(k) ?? []), { event, at: Date.now() }]); } }) };
    hub.attach(io as unknown as Server, async (sessionId, only) => {
      reads.push({ sessionId, at: Date.now() });
      const frame: LiveFrame = { session: null, ballots: [{ ballotId: `b${sessionId}`, state: 'open', eligible: 150, cast: 1, title: 't', kind: 'motion' }], tallies: [], results: [] };
      void only;
      return frame;
    });
    // Every hall gets a vote every 150 ms (longer than the 100 ms `quiet`: without a budget, each vote
    // would be a frame of its own) for 2 s.
    const lastVote = new Map<string, number>();
    const end = Date.now() + 2_000;
    let round = 0;
    while (Date.now() < end) {
      for (let h = 0; h < HALLS; h++) {
        const id = `h${h}`;
        hub.touch(id, `b${id}`, 'vote');
        lastVote.set(id, Date.now());
      }
      round++;
      await new Promise((r) => setTimeout(r, 150));
    }
    const during = reads.length;
    await new Promise((r) => setTimeout(r, 1_500));
    hub.close();

    // Budget: watch + tally frames per second across all halls (a flush for both channels is one read),
    // plus the first frame of each hall.
    const budget = 2 * (voteFramesPerSecond.watch + voteFramesPerSecond.tally) + HALLS;
    expect(round).toBeGreaterThan(5);
    expect(during).toBeLessThanOrEqual(budget);
    // Without the budget it would be about one read per vote: 100 halls × ~13 rounds.
    expect(during).toBeLessThan((HALLS * round) / 2);
    for (const [id, at] of lastVote) {
      const after = (emits.get(id) ?? []).filter((e) => e.event === 'ballot:update' && e.at >= at);
      expect(after.length, id).toBeGreaterThan(0);
      expect(after[0].at - at).toBeLessThanOrEqual(1_000);
    }
  }, 30_000);
});
