// What a live frame says about a session, read from the database each time.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { ballots } from '../db/schema.js';
import { attendanceCounts, findSession, quorumOf } from '../sessions/queries.js';
import { castCount, tallyOf } from '../ballots/counts.js';
import type { CollectFrame, LiveFrame } from './hub.js';

export function frameCollector(db: Db): CollectFrame {
  return async (sessionId, only) => {
    const s = await findSession(db, sessionId);
    const { rosterSize, present } = await attendanceCounts(db, sessionId);
    const rows = await db.select().from(ballots).where(eq(ballots.sessionId, sessionId)).orderBy(asc(ballots.createdAt));
    const frame: LiveFrame = {
      session: { sessionId, rosterSize, present, quorumMet: quorumOf(s, rosterSize, present).met, state: s.state },
      ballots: [], tallies: [], results: [],
    };
    for (const b of rows) {
      if (only && !only.has(b.id) && b.state !== 'open') continue;
      if (b.state === 'open') {
        const { tally, cast } = await tallyOf(db, b);
        frame.ballots.push({ ballotId: b.id, state: b.state, eligible: b.eligible ?? rosterSize, cast, title: b.title, kind: b.kind });
        frame.tallies.push({ ballotId: b.id, tally, cast });
      } else {
        const cast = b.state === 'draft' ? 0 : b.cast ?? (await castCount(db, b.id));
        frame.ballots.push({ ballotId: b.id, state: b.state, eligible: b.eligible ?? rosterSize, cast, title: b.title, kind: b.kind });
        if ((b.state === 'closed' || b.state === 'published') && b.result) frame.results.push({ ballotId: b.id, result: b.result });
      }
    }
    return frame;
  };
}
