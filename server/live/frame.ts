// What a live frame says about a session, read from the database each time. A frame caused only by
// votes reads just the ballots concerned and their counts; the open ballot's tally is counted by the
// database, and only when the tally channel asks for it (see hub.ts).
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db, RawQuery } from '../db/connect.js';
import { ballots } from '../db/schema.js';
import { attendanceCounts, findSession, quorumOf } from '../sessions/queries.js';
import { castCount, liveTallyOf } from '../ballots/counts.js';
import type { CollectFrame, LiveFrame } from './hub.js';

export function frameCollector(db: Db, query: RawQuery): CollectFrame {
  return async (sessionId, only, opts = {}) => {
    const withTallies = opts.tallies ?? true;
    const withSession = opts.session ?? true;
    let rosterSize = 0;
    const frame: LiveFrame = { session: null, ballots: [], tallies: [], results: [] };
    if (withSession) {
      const s = await findSession(db, sessionId);
      const counts = await attendanceCounts(db, sessionId);
      rosterSize = counts.rosterSize;
      frame.session = { sessionId, rosterSize, present: counts.present, quorumMet: quorumOf(s, rosterSize, counts.present).met, state: s.state };
    }
    const which = only
      ? and(eq(ballots.sessionId, sessionId), only.size ? or(inArray(ballots.id, [...only]), eq(ballots.state, 'open')) : eq(ballots.state, 'open'))
      : eq(ballots.sessionId, sessionId);
    const rows = await db.select().from(ballots).where(which).orderBy(asc(ballots.createdAt));
    for (const b of rows) {
      if (b.state === 'open') {
        const live = withTallies ? await liveTallyOf(query, b) : { tally: null, cast: await castCount(db, b.id) };
        frame.ballots.push({ ballotId: b.id, state: b.state, eligible: b.eligible ?? rosterSize, cast: live.cast, title: b.title, kind: b.kind });
        if (live.tally) frame.tallies.push({ ballotId: b.id, tally: live.tally, cast: live.cast });
      } else {
        const cast = b.state === 'draft' ? 0 : b.cast ?? (await castCount(db, b.id));
        frame.ballots.push({ ballotId: b.id, state: b.state, eligible: b.eligible ?? rosterSize, cast, title: b.title, kind: b.kind });
        if ((b.state === 'closed' || b.state === 'published') && b.result) frame.results.push({ ballotId: b.id, result: b.result });
      }
    }
    return frame;
  };
}
