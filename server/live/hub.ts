// Live updates are derived from the database, coalesced per session, and versioned by a database sequence,
// so a restart or a second server process never needs state that only this process had.
import type { Server } from 'socket.io';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect.js';
import { rowsOf } from '../db/connect.js';

export interface SessionUpdate { sessionId: string; rosterSize: number; present: number; quorumMet: boolean; state: string }
export interface BallotUpdate { ballotId: string; state: string; eligible: number; cast: number; title: string; kind: string }
export interface TallyUpdate { ballotId: string; tally: unknown; cast: number }
export interface ResultUpdate { ballotId: string; result: unknown }

export interface LiveFrame { session: SessionUpdate; ballots: BallotUpdate[]; tallies: TallyUpdate[]; results: ResultUpdate[] }

/** Reads the current state of a session from the database: `ballots` limits which ballots to describe. */
export type CollectFrame = (sessionId: string, only?: Set<string>) => Promise<LiveFrame>;

export const roomOf = (sessionId: string) => `s:${sessionId}`;
export const staffRoomOf = (sessionId: string) => `s:${sessionId}:staff`;

/** At most ~10 frames a second per session; the last state always follows the last change. */
const minInterval = 100;

export class LiveHub {
  private io: Server | null = null;
  private collect: CollectFrame | null = null;
  private readonly pending = new Map<string, { ballots: Set<string>; timer: NodeJS.Timeout | null }>();
  private readonly lastFlush = new Map<string, number>();
  private closed = false;
  /** Frames sent per session, for the benchmark's messages-per-socket figure. */
  readonly framesSent = new Map<string, number>();

  constructor(private readonly db: Db) {}

  attach(io: Server, collect: CollectFrame) {
    this.io = io;
    this.collect = collect;
  }

  async nextVersion(): Promise<number> {
    const [row] = rowsOf<{ v: string | number }>(await this.db.execute(sql`select nextval('live_version') as v`));
    return Number(row.v);
  }

  async currentVersion(): Promise<number> {
    const [row] = rowsOf<{ v: string | number; called: boolean }>(await this.db.execute(sql`select last_value as v, is_called as called from live_version`));
    return row.called ? Number(row.v) : 0;
  }

  /** Something in this session changed (after its transaction committed). */
  touch(sessionId: string, ballotId?: string) {
    if (this.closed || !this.io) return;
    let entry = this.pending.get(sessionId);
    if (!entry) {
      entry = { ballots: new Set(), timer: null };
      this.pending.set(sessionId, entry);
    }
    if (ballotId) entry.ballots.add(ballotId);
    if (!entry.timer) {
      const wait = Math.max(0, (this.lastFlush.get(sessionId) ?? 0) + minInterval - Date.now());
      entry.timer = setTimeout(() => void this.flush(sessionId), wait);
    }
  }

  private async flush(sessionId: string) {
    const entry = this.pending.get(sessionId);
    this.pending.delete(sessionId);
    if (!entry || !this.io || !this.collect || this.closed) return;
    this.lastFlush.set(sessionId, Date.now());
    try {
      const frame = await this.collect(sessionId, entry.ballots);
      const version = await this.nextVersion();
      this.emitFrame(sessionId, frame, version);
    } catch {
      // The database may be restarting: keep what changed and try again shortly.
      if (this.closed) return;
      const again = this.pending.get(sessionId) ?? { ballots: new Set<string>(), timer: null };
      for (const b of entry.ballots) again.ballots.add(b);
      this.pending.set(sessionId, again);
      if (!again.timer) again.timer = setTimeout(() => void this.flush(sessionId), 500);
    }
  }

  private emitFrame(sessionId: string, frame: LiveFrame, version: number) {
    const io = this.io!;
    const room = io.to(roomOf(sessionId));
    room.emit('session:update', { ...frame.session, version });
    for (const b of frame.ballots) room.emit('ballot:update', { ...b, version });
    for (const r of frame.results) room.emit('ballot:result', { ...r, version });
    const staff = io.to(staffRoomOf(sessionId));
    for (const t of frame.tallies) staff.emit('ballot:tally', { ...t, version });
    this.framesSent.set(sessionId, (this.framesSent.get(sessionId) ?? 0) + 1);
  }

  /** The snapshot a client gets when it joins. */
  async snapshot(sessionId: string, staff: boolean) {
    const frame = await this.collect!(sessionId);
    const version = await this.nextVersion();
    return {
      ok: true as const,
      session: { ...frame.session, version },
      ballots: frame.ballots.map((b) => ({ ...b, version })),
      tallies: staff ? frame.tallies.map((t) => ({ ...t, version })) : [],
      results: frame.results.map((r) => ({ ...r, version })),
    };
  }

  close() {
    this.closed = true;
    for (const e of this.pending.values()) if (e.timer) clearTimeout(e.timer);
    this.pending.clear();
  }
}
