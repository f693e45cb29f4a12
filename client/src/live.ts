// Live session feed over socket.io (API.md "Live updates").
import { useEffect, useState, useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { SessionSnapshot } from '../../shared/types';
import { applyBallotUpdate, applyResult, applySessionUpdate, applySnapshot, applyTally, initialLiveState } from './liveState';
import type { JoinAck, LiveBallot, LiveResult, LiveState, LiveTally } from './liveState';

export type { ConnectionState, LiveBallot, LiveResult, LiveState, LiveTally } from './liveState';

export interface LiveOptions {
  /** keep live tallies (console); the big screen and tablets never need them */
  tallies?: boolean;
}

const JOIN_TIMEOUT_MS = 8000;

export class SessionLive {
  private state: LiveState = initialLiveState;
  private readonly listeners = new Set<() => void>();
  private socket: Socket | null = null;
  private joinTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly sessionId: string,
    private readonly token: string,
    private readonly options: LiveOptions = {},
  ) {}

  getState = (): LiveState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(next: LiveState) {
    if (next === this.state || this.stopped) return;
    this.state = next;
    for (const fn of this.listeners) fn();
  }

  private readonly onOffline = () => {
    if (this.state.connection === 'connected') this.set({ ...this.state, connection: 'reconnecting' });
  };
  private readonly onOnline = () => {
    const s = this.socket;
    if (s && !s.connected) s.connect();
  };

  start() {
    this.stopped = false;
    this.set({ ...this.state, connection: 'connecting' });
    const socket = io({
      path: '/socket.io',
      auth: { token: this.token },
      transports: ['websocket'],
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      randomizationFactor: 0.5,
    });
    this.socket = socket;

    socket.on('connect', () => this.join());
    socket.on('disconnect', (reason) => {
      if (this.stopped) return;
      this.set({ ...this.state, connection: 'reconnecting' });
      // the server closed us on purpose (e.g. restart): socket.io does not retry by itself then
      if (reason === 'io server disconnect') setTimeout(() => !this.stopped && socket.connect(), 1000);
    });
    socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      if (this.stopped) return;
      if (socket.active) {
        this.set({ ...this.state, connection: 'reconnecting' });
      } else {
        // refused by the server's auth middleware: retrying with the same token will not help
        const code = err.data?.code ?? (err.message || 'unauthorized');
        this.set({ ...this.state, connection: 'error', error: code });
      }
    });

    socket.on('session:update', (u: SessionSnapshot) => {
      if (u && u.sessionId !== undefined && u.sessionId !== this.sessionId) return;
      this.set(applySessionUpdate(this.state, u));
    });
    socket.on('ballot:update', (u: LiveBallot) => this.set(applyBallotUpdate(this.state, u)));
    socket.on('ballot:result', (u: LiveResult) => this.set(applyResult(this.state, u)));
    if (this.options.tallies) socket.on('ballot:tally', (u: LiveTally) => this.set(applyTally(this.state, u)));

    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
  }

  private join() {
    const socket = this.socket;
    if (!socket || this.stopped) return;
    if (this.joinTimer) clearTimeout(this.joinTimer);
    socket.timeout(JOIN_TIMEOUT_MS).emit('session:join', { sessionId: this.sessionId }, (err: Error | null, ack: JoinAck) => {
      if (this.stopped || socket !== this.socket) return;
      if (err || !ack) {
        // no answer: try again while connected
        this.joinTimer = setTimeout(() => socket.connected && this.join(), 1000);
        return;
      }
      if (!this.options.tallies) ack = { ...ack, tallies: [] };
      this.set(applySnapshot(this.state, ack));
    });
  }

  stop() {
    this.stopped = true;
    if (this.joinTimer) clearTimeout(this.joinTimer);
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }
}

const idleSubscribe = () => () => {};
const idleState = () => initialLiveState;

/**
 * Live state of one session: connection state, session counters, ballots, (staff) tallies and
 * results. Reconnects by itself and re-joins on every reconnect; `joins` grows on each successful
 * join so callers can refetch REST data that the feed does not carry.
 */
export function useSessionLive(
  sessionId: string | null | undefined,
  token: string | null | undefined,
  options: LiveOptions = {},
): LiveState {
  const [live, setLive] = useState<SessionLive | null>(null);
  const wantTallies = options.tallies === true;
  useEffect(() => {
    if (!sessionId || !token) {
      setLive(null);
      return;
    }
    const l = new SessionLive(sessionId, token, { tallies: wantTallies });
    l.start();
    setLive(l);
    return () => l.stop();
  }, [sessionId, token, wantTallies]);
  return useSyncExternalStore(live?.subscribe ?? idleSubscribe, live?.getState ?? idleState);
}

/** true while the browser says it has a network */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (fn) => {
      window.addEventListener('online', fn);
      window.addEventListener('offline', fn);
      return () => {
        window.removeEventListener('online', fn);
        window.removeEventListener('offline', fn);
      };
    },
    () => navigator.onLine,
  );
}
