// Pure state of one session's live feed. Kept free of socket code so it can be unit tested.
import type { BallotKind, BallotResult, BallotState, SessionSnapshot, Tally } from '../../shared/types';

export interface LiveBallot {
  ballotId: string;
  state: BallotState;
  eligible: number | null;
  cast: number;
  version: number;
  title?: string;
  kind?: BallotKind;
}
export interface LiveTally {
  ballotId: string;
  tally: Tally;
  cast: number;
  version: number;
}
export interface LiveResult {
  ballotId: string;
  result: BallotResult;
  version: number;
}

export interface JoinAck {
  ok: boolean;
  session?: SessionSnapshot;
  ballots?: LiveBallot[];
  tallies?: LiveTally[];
  results?: LiveResult[];
  error?: { code: string; message: string };
}

export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'error';

export interface LiveState {
  connection: ConnectionState;
  /** error code when connection === 'error' (join refused, token refused...) */
  error: string | null;
  session: SessionSnapshot | null;
  /** ballots in the order they were first seen */
  ballots: LiveBallot[];
  tallies: Record<string, LiveTally>;
  results: Record<string, LiveResult>;
  /** highest session version applied so far */
  version: number;
  /** version of the last join snapshot: any event older than it is stale */
  floor: number;
  /** counts successful joins; consumers refetch REST data when it changes */
  joins: number;
}

export const initialLiveState: LiveState = {
  connection: 'idle',
  error: null,
  session: null,
  ballots: [],
  tallies: {},
  results: {},
  version: -1,
  floor: -1,
  joins: 0,
};

/**
 * Versions are per session and grow with every change. The join snapshot at version V includes
 * every change up to V, so anything below V is stale; after that each entity (the session
 * counters, each ballot, each tally, each result) keeps its own last version, so coalesced events
 * of different kinds may arrive in any order without one hiding another.
 */
function fresh(state: LiveState, version: unknown, current: number | undefined): version is number {
  if (typeof version !== 'number' || !Number.isFinite(version)) return false;
  if (version < state.floor) return false;
  if (current !== undefined && version < current) return false;
  return true;
}

function upsertBallot(list: LiveBallot[], b: LiveBallot): LiveBallot[] {
  const i = list.findIndex((x) => x.ballotId === b.ballotId);
  if (i < 0) return [...list, b];
  const next = list.slice();
  next[i] = { ...list[i], ...b, title: b.title ?? list[i].title, kind: b.kind ?? list[i].kind };
  return next;
}

export function applySessionUpdate(state: LiveState, u: SessionSnapshot): LiveState {
  if (!fresh(state, u.version, state.session?.version)) return state;
  return { ...state, session: u, version: Math.max(state.version, u.version) };
}

export function applyBallotUpdate(state: LiveState, u: LiveBallot): LiveState {
  if (!u || typeof u.ballotId !== 'string') return state;
  const cur = state.ballots.find((b) => b.ballotId === u.ballotId);
  if (!fresh(state, u.version, cur?.version)) return state;
  let tallies = state.tallies;
  // a tally is meaningful only while open; drop it when the ballot leaves that state
  if (u.state !== 'open' && tallies[u.ballotId]) {
    tallies = { ...tallies };
    delete tallies[u.ballotId];
  }
  return { ...state, ballots: upsertBallot(state.ballots, u), tallies, version: Math.max(state.version, u.version) };
}

export function applyTally(state: LiveState, u: LiveTally): LiveState {
  if (!u || typeof u.ballotId !== 'string') return state;
  if (!fresh(state, u.version, state.tallies[u.ballotId]?.version)) return state;
  const b = state.ballots.find((x) => x.ballotId === u.ballotId);
  if (b && b.state !== 'open' && b.version > u.version) return state;
  let ballots = state.ballots;
  if (b && u.version >= b.version && u.cast !== b.cast) ballots = upsertBallot(ballots, { ...b, cast: u.cast });
  return {
    ...state,
    ballots,
    tallies: { ...state.tallies, [u.ballotId]: u },
    version: Math.max(state.version, u.version),
  };
}

export function applyResult(state: LiveState, u: LiveResult): LiveState {
  if (!u || typeof u.ballotId !== 'string') return state;
  if (!fresh(state, u.version, state.results[u.ballotId]?.version)) return state;
  return { ...state, results: { ...state.results, [u.ballotId]: u }, version: Math.max(state.version, u.version) };
}

/** Apply a join ack: the snapshot replaces whatever is older, keeps whatever arrived newer. */
export function applySnapshot(state: LiveState, ack: JoinAck): LiveState {
  if (!ack.ok || !ack.session) {
    return { ...state, connection: 'error', error: ack.error?.code ?? 'join_failed' };
  }
  const snapVersion = ack.session.version;
  // A snapshot older than the previous snapshot means the server's history was reset
  // (e.g. a fresh database in development): start over from the snapshot.
  const base: LiveState =
    snapVersion < state.floor ? { ...initialLiveState, joins: state.joins } : state;
  let s: LiveState = { ...base, connection: 'connected', error: null, joins: base.joins + 1 };
  if (!s.session || s.session.version <= snapVersion) s = { ...s, session: ack.session };
  // Ballots: take the snapshot's list as the truth, unless we already hold a newer update.
  const ballots: LiveBallot[] = [];
  for (const b of ack.ballots ?? []) {
    const cur = s.ballots.find((x) => x.ballotId === b.ballotId);
    ballots.push(cur && cur.version > b.version ? cur : b);
  }
  for (const cur of s.ballots) {
    if (!ballots.some((b) => b.ballotId === cur.ballotId) && cur.version > snapVersion) ballots.push(cur);
  }
  const tallies: Record<string, LiveTally> = {};
  for (const t of ack.tallies ?? []) {
    const cur = s.tallies[t.ballotId];
    tallies[t.ballotId] = cur && cur.version > t.version ? cur : t;
  }
  for (const [id, cur] of Object.entries(s.tallies)) {
    if (!tallies[id] && cur.version > snapVersion) tallies[id] = cur;
  }
  const results: Record<string, LiveResult> = { ...s.results };
  for (const r of ack.results ?? []) {
    const cur = results[r.ballotId];
    if (!cur || cur.version <= r.version) results[r.ballotId] = r;
  }
  // drop tallies of ballots that are no longer open
  for (const id of Object.keys(tallies)) {
    const b = ballots.find((x) => x.ballotId === id);
    if (b && b.state !== 'open') delete tallies[id];
  }
  return {
    ...s,
    ballots,
    tallies,
    results,
    version: Math.max(s.version, snapVersion),
    floor: snapVersion,
  };
}
