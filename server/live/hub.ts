// Live updates are derived from the database, coalesced per session, and versioned by a database sequence,
// so a restart or a second server process never needs state that only this process had.
//
// API.md: updates are coalesced (at most ~10 a second) and the last state always follows, at most
// 1 s after the change. One coalescer per session (hall), three channels, at most one frame per 100 ms
// each. Any change but a vote goes out on every channel as soon as that spacing allows. While only
// votes come in, a channel waits until votes pause for `quiet` ms, or at most `maxWait` ms after the
// first vote it has not reported: a burst of votes costs a few frames a second, and the final count
// follows the last vote by about `quiet`.
// - watch:   presider console, admin, big screens — turnout, states, results: 100 ms quiet, ≤ 300 ms;
// - tally:   presider and admin — the open ballot's tally, counted by the database (the fuller the
//            box, the dearer): 150 ms quiet, ≤ 700 ms;
// - members: the tablets — a ballot's state changes (opened, closed, published, with its result) and
//            the session's counters, never turnout: a vote does not touch this channel. A tablet needs
//            its ballot's state, and with a hundred halls voting at once, turnout frames to every
//            tablet were most of the cost of the fan-out (one frame is one socket write per tablet).
// A frame says only what may have changed: `session:update` when the session itself changed since that
// channel's last frame (a check-in, a new ballot — not a ballot's state or its votes), `ballot:update`
// for the ballots touched (on the watch and tally channels also any open one). The work of a frame is
// one read of the session's rows plus one write per recipient: nothing is shared between halls, and
// nothing runs when nothing changes: no timers, no polling.
import type { Server } from 'socket.io';
import { memberSignInRoom } from '../auth/member-tokens.js';
import type { Db } from '../db/connect.js';
import { currentValues, nextValue } from '../db/sequences.js';

export interface SessionUpdate { sessionId: string; rosterSize: number; present: number; quorumMet: boolean; state: string }
export interface BallotUpdate { ballotId: string; state: string; eligible: number; cast: number; title: string; kind: string }
export interface TallyUpdate { ballotId: string; tally: unknown; cast: number }
export interface ResultUpdate { ballotId: string; result: unknown }

export interface LiveFrame { session: SessionUpdate | null; ballots: BallotUpdate[]; tallies: TallyUpdate[]; results: ResultUpdate[] }

export interface CollectOptions {
  /** count the open ballots' choices (default true) */
  tallies?: boolean;
  /** read the session's counters (default true) */
  session?: boolean;
}

/** Reads the current state of a session from the database: `only` limits which ballots to describe (open ones always are). */
export type CollectFrame = (sessionId: string, only?: Set<string>, opts?: CollectOptions) => Promise<LiveFrame>;

/** Everyone joined to the session (nothing is sent to it as a whole; leaving it leaves them all). */
export const roomOf = (sessionId: string) => `s:${sessionId}`;
/** Presider, admin, other staff of the body, and the session's big screens. */
export const watchRoomOf = (sessionId: string) => `s:${sessionId}:watch`;
/**
 * Member tablets, spread over `memberBuckets` rooms: a frame goes to one bucket after another with a
 * turn of the event loop in between, so 3,000 socket writes never hold up the votes for long.
 */
export const memberBuckets = 16;
export const memberRoomOf = (sessionId: string, bucket: number) => `s:${sessionId}:m${bucket}`;
/** The bucket of a socket (any stable spread will do). */
export function memberBucketOf(socketId: string): number {
  let h = 0;
  for (let i = 0; i < socketId.length; i++) h = (h * 31 + socketId.charCodeAt(i)) | 0;
  return (h >>> 0) % memberBuckets;
}
/** Presider and admin: live tallies while a ballot is open. */
export const staffRoomOf = (sessionId: string) => `s:${sessionId}:staff`;

type Channel = 'watch' | 'members' | 'tally';
const channels: readonly Channel[] = ['watch', 'members', 'tally'];

/**
 * Per channel, in ms: `spacing` between two frames; while only votes come in, a frame once votes have
 * paused for `quiet`, or at the latest `maxWait` after the first vote not yet reported.
 */
export const cadence: Record<Channel, { spacing: number; quiet: number; maxWait: number }> = {
  watch: { spacing: 100, quiet: 100, maxWait: 300 },
  // (votes never reach this channel: `quiet` and `maxWait` only matter if they ever do)
  members: { spacing: 100, quiet: 150, maxWait: 700 },
  tally: { spacing: 100, quiet: 150, maxWait: 700 },
};

/** The channels a touch concerns: a vote moves turnout and tally, which the tablets do not get. */
const channelsOf = (kind: TouchKind): readonly Channel[] => (kind === 'vote' ? ['watch', 'tally'] : channels);

export type TouchKind = 'change' | 'vote';

interface Pending {
  /** ballots touched since that channel's last frame; null when it is up to date */
  dirty: Record<Channel, Set<string> | null>;
  /** a change other than votes is waiting for that channel */
  changed: Record<Channel, boolean>;
  /** the session itself changed (a touch with no ballot): that channel's next frame carries `session:update` */
  sessionChanged: Record<Channel, boolean>;
  /** when that channel's last frame went out */
  last: Record<Channel, number>;
  /** when the oldest change not yet reported on that channel came */
  first: Record<Channel, number>;
  /** when the latest touch came */
  latest: number;
  timer: NodeJS.Timeout | null;
  timerAt: number;
  /** a flush of that channel is under way (channels go to different rooms and run independently) */
  running: Record<Channel, boolean>;
}

export class LiveHub {
  private io: Server | null = null;
  private collect: CollectFrame | null = null;
  private readonly sessions = new Map<string, Pending>();
  private closed = false;
  /** Frames sent per session (any channel), for the benchmark's messages-per-socket figure. */
  readonly framesSent = new Map<string, number>();

  constructor(private readonly db: Db) {}

  attach(io: Server, collect: CollectFrame) {
    this.io = io;
    this.collect = collect;
  }

  nextVersion(): Promise<number> {
    return nextValue(this.db, 'live_version');
  }

  async currentVersion(): Promise<number> {
    const [v] = await currentValues(this.db, ['live_version']);
    return v;
  }

  disconnectMember(memberId: string) {
    this.io?.in(memberSignInRoom(memberId)).disconnectSockets(true);
  }

  /** Something in this session changed (after its transaction committed): `vote` when only a ballot's count moved. */
  touch(sessionId: string, ballotId?: string, kind: TouchKind = 'change') {
    if (this.closed || !this.io) return;
    let p = this.sessions.get(sessionId);
    if (!p) {
      p = {
        dirty: { watch: null, members: null, tally: null },
        changed: { watch: false, members: false, tally: false },
        sessionChanged: { watch: false, members: false, tally: false },
        last: { watch: 0, members: 0, tally: 0 },
        first: { watch: 0, members: 0, tally: 0 },
        latest: 0,
        timer: null, timerAt: 0, running: { watch: false, members: false, tally: false },
      };
      this.sessions.set(sessionId, p);
    }
    const now = Date.now();
    p.latest = now;
    for (const ch of channelsOf(kind)) {
      if (!p.dirty[ch]) {
        p.dirty[ch] = new Set();
        p.first[ch] = now;
      }
      if (ballotId) p.dirty[ch]!.add(ballotId);
      if (kind !== 'vote') p.changed[ch] = true;
      if (kind !== 'vote' && !ballotId) p.sessionChanged[ch] = true;
    }
    this.schedule(sessionId, p);
  }

  private dueAt(p: Pending, ch: Channel): number {
    if (!p.dirty[ch]) return Infinity;
    const c = cadence[ch];
    const wanted = p.changed[ch] ? p.first[ch] : Math.min(p.latest + c.quiet, p.first[ch] + c.maxWait);
    return Math.max(p.last[ch] + c.spacing, wanted);
  }

  /**
   * One timer per session, for the earliest channel due; one flush at a time per channel, so the
   * watchers' frames never wait behind the tablets' (which take a while to write to 3,000 sockets).
   */
  private schedule(sessionId: string, p: Pending) {
    if (this.closed) return;
    const at = Math.min(...channels.filter((ch) => !p.running[ch]).map((ch) => this.dueAt(p, ch)));
    if (at === Infinity) {
      if (p.timer) clearTimeout(p.timer);
      p.timer = null;
      if (!channels.some((ch) => p.running[ch] || p.dirty[ch])) this.sessions.delete(sessionId);
      return;
    }
    if (p.timer) {
      if (p.timerAt <= at) return;
      clearTimeout(p.timer);
    }
    p.timerAt = at;
    p.timer = setTimeout(() => {
      p.timer = null;
      void this.flush(sessionId, p);
    }, Math.max(0, at - Date.now()));
  }

  private async flush(sessionId: string, p: Pending) {
    if (!this.io || !this.collect || this.closed) return;
    const now = Date.now();
    // (2 ms of slack: a timer may fire a hair early by the wall clock)
    const due = channels.filter((ch) => !p.running[ch] && this.dueAt(p, ch) <= now + 2);
    if (due.length === 0) return this.schedule(sessionId, p);
    const taken: Partial<Record<Channel, Set<string>>> = {};
    const changed: Partial<Record<Channel, boolean>> = {};
    const sessionChanged: Partial<Record<Channel, boolean>> = {};
    const ballots = new Set<string>();
    for (const ch of due) {
      taken[ch] = p.dirty[ch]!;
      for (const b of taken[ch]!) ballots.add(b);
      changed[ch] = p.changed[ch];
      sessionChanged[ch] = p.sessionChanged[ch];
      p.dirty[ch] = null;
      p.changed[ch] = false;
      p.sessionChanged[ch] = false;
      p.last[ch] = now;
    }
    for (const ch of due) p.running[ch] = true;
    const done = (chs: readonly Channel[]) => {
      for (const ch of chs) p.running[ch] = false;
      this.schedule(sessionId, p);
    };
    try {
      const frame = await this.collect(sessionId, ballots, {
        tallies: due.includes('tally'),
        session: due.some((ch) => sessionChanged[ch]),
      });
      const version = await this.nextVersion();
      if (!this.closed) await this.emitFrame(sessionId, frame, version, due, sessionChanged, taken.members ?? null, done);
    } catch {
      // The database may be restarting: keep what changed and try again shortly.
      for (const ch of due) {
        if (!p.dirty[ch]) {
          p.dirty[ch] = new Set();
          p.first[ch] = now;
        }
        for (const b of taken[ch]!) p.dirty[ch]!.add(b);
        if (changed[ch]) p.changed[ch] = true;
        if (sessionChanged[ch]) p.sessionChanged[ch] = true;
        p.last[ch] = Date.now() + 400;
      }
    } finally {
      done(due);
    }
  }

  private async emitFrame(
    sessionId: string, frame: LiveFrame, version: number, due: readonly Channel[], sessionChanged: Partial<Record<Channel, boolean>>,
    membersBallots: Set<string> | null, done: (chs: readonly Channel[]) => void,
  ) {
    const io = this.io!;
    const send = (room: string, withSession: boolean, only?: Set<string>) => {
      const to = io.to(room);
      if (withSession && frame.session) to.emit('session:update', { ...frame.session, version });
      for (const b of frame.ballots) if (!only || only.has(b.ballotId)) to.emit('ballot:update', { ...b, version });
      for (const r of frame.results) if (!only || only.has(r.ballotId)) to.emit('ballot:result', { ...r, version });
    };
    // Watchers and staff first: they are few, and the big screen is what the hall looks at.
    if (due.includes('watch')) send(watchRoomOf(sessionId), !!sessionChanged.watch);
    if (due.includes('tally')) {
      const staff = io.to(staffRoomOf(sessionId));
      for (const t of frame.tallies) staff.emit('ballot:tally', { ...t, version });
    }
    done(due.filter((ch) => ch !== 'members'));
    // Tablets: only the ballots whose state changed (a frame shared with the watchers also holds the
    // open ballots' turnout, which is not theirs to get); nothing at all when that leaves nothing.
    const forMembers = membersBallots ?? new Set<string>();
    if (due.includes('members') && (sessionChanged.members || frame.ballots.some((b) => forMembers.has(b.ballotId)))) {
      for (let bucket = 0; bucket < memberBuckets; bucket++) {
        if (bucket > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.closed) return;
        send(memberRoomOf(sessionId, bucket), !!sessionChanged.members, forMembers);
      }
    }
    this.framesSent.set(sessionId, (this.framesSent.get(sessionId) ?? 0) + 1);
  }

  /** The snapshot a client gets when it joins. */
  async snapshot(sessionId: string, staff: boolean) {
    // Version first, then read (frames do the opposite): a frame with a lower version read its data
    // before this snapshot did, so the client never keeps an older state under a higher version; any
    // change after this read touches the hub and a later frame carries it.
    const version = await this.nextVersion();
    const frame = await this.collect!(sessionId, undefined, { tallies: staff, session: true });
    return {
      ok: true as const,
      session: { ...frame.session!, version },
      ballots: frame.ballots.map((b) => ({ ...b, version })),
      tallies: staff ? frame.tallies.map((t) => ({ ...t, version })) : [],
      results: frame.results.map((r) => ({ ...r, version })),
    };
  }

  close() {
    this.closed = true;
    for (const p of this.sessions.values()) if (p.timer) clearTimeout(p.timer);
    this.sessions.clear();
  }
}
