import { describe, expect, it } from 'vitest';
import {
  applyBallotUpdate,
  applyResult,
  applySessionUpdate,
  applySnapshot,
  applyTally,
  initialLiveState,
  type JoinAck,
} from '../../client/src/liveState';

const session = (version: number, present = 0) => ({
  sessionId: 's1',
  rosterSize: 10,
  present,
  quorumMet: present * 3 >= 20,
  state: 'open',
  version,
});

const ack = (version: number, extra: Partial<JoinAck> = {}): JoinAck => ({
  ok: true,
  session: session(version, 5),
  ballots: [],
  tallies: [],
  results: [],
  ...extra,
});

describe('live state', () => {
  it('applies the join snapshot and counts joins', () => {
    const s = applySnapshot(initialLiveState, ack(7, { ballots: [{ ballotId: 'b1', state: 'open', eligible: 10, cast: 2, version: 6 }] }));
    expect(s.connection).toBe('connected');
    expect(s.session?.present).toBe(5);
    expect(s.ballots).toHaveLength(1);
    expect(s.joins).toBe(1);
    expect(s.floor).toBe(7);
  });

  it('ignores events older than the snapshot', () => {
    let s = applySnapshot(initialLiveState, ack(10));
    s = applySessionUpdate(s, session(9, 1));
    expect(s.session?.present).toBe(5);
    s = applyBallotUpdate(s, { ballotId: 'b1', state: 'open', eligible: 10, cast: 1, version: 8 });
    expect(s.ballots).toHaveLength(0);
  });

  it('ignores an older update of the same entity and applies newer ones', () => {
    let s = applySnapshot(initialLiveState, ack(1));
    s = applyBallotUpdate(s, { ballotId: 'b1', state: 'open', eligible: 10, cast: 3, version: 5 });
    s = applyBallotUpdate(s, { ballotId: 'b1', state: 'open', eligible: 10, cast: 2, version: 4 });
    expect(s.ballots[0].cast).toBe(3);
    s = applyBallotUpdate(s, { ballotId: 'b1', state: 'closed', eligible: 10, cast: 9, version: 6 });
    expect(s.ballots[0].state).toBe('closed');
    expect(s.version).toBe(6);
  });

  it('keeps coalesced events of different kinds that arrive out of order', () => {
    let s = applySnapshot(initialLiveState, ack(1));
    s = applySessionUpdate(s, session(12, 7));
    // a ballot event stamped before the session event but delivered after it is still news
    s = applyBallotUpdate(s, { ballotId: 'b1', state: 'open', eligible: 10, cast: 4, version: 11 });
    expect(s.ballots[0]?.cast).toBe(4);
    expect(s.session?.present).toBe(7);
  });

  it('keeps newer events that arrived before the ack of a re-join', () => {
    let s = applySnapshot(initialLiveState, ack(3));
    s = applyBallotUpdate(s, { ballotId: 'b1', state: 'closed', eligible: 10, cast: 8, version: 9 });
    s = applySnapshot(s, ack(8, { ballots: [{ ballotId: 'b1', state: 'open', eligible: 10, cast: 7, version: 8 }] }));
    expect(s.ballots[0].state).toBe('closed');
    expect(s.joins).toBe(2);
  });

  it('drops the tally when a ballot closes and keeps results', () => {
    let s = applySnapshot(initialLiveState, ack(1));
    s = applyBallotUpdate(s, { ballotId: 'b1', state: 'open', eligible: 10, cast: 0, version: 2 });
    s = applyTally(s, { ballotId: 'b1', tally: { kind: 'motion', yes: 1, no: 0, abstain: 0 }, cast: 1, version: 3 });
    expect(s.tallies.b1?.cast).toBe(1);
    expect(s.ballots[0].cast).toBe(1);
    s = applyBallotUpdate(s, { ballotId: 'b1', state: 'closed', eligible: 10, cast: 1, version: 4 });
    expect(s.tallies.b1).toBeUndefined();
    const result = { kind: 'motion' as const, ballotId: 'b1', question: 'q', base: 10, baseRule: 'roster' as const, eligible: 10, cast: 1, yes: 1, no: 0, abstain: 0, passed: false };
    s = applyResult(s, { ballotId: 'b1', result, version: 4 });
    expect(s.results.b1?.result.kind).toBe('motion');
  });

  it('starts over when the server history was reset', () => {
    let s = applySnapshot(initialLiveState, ack(50, { ballots: [{ ballotId: 'old', state: 'closed', eligible: 1, cast: 1, version: 40 }] }));
    s = applySnapshot(s, ack(2));
    expect(s.ballots).toHaveLength(0);
    expect(s.version).toBe(2);
  });

  it('reports a refused join', () => {
    const s = applySnapshot(initialLiveState, { ok: false, error: { code: 'forbidden', message: 'no' } });
    expect(s.connection).toBe('error');
    expect(s.error).toBe('forbidden');
  });
});
