// One session as the presider console, the tablet and the big screen show it: the REST detail plus the live feed.
import { useEffect, useRef, useState } from 'react';
import { ApiError, call, type SessionDetail } from './api';
import { useSessionLive, type LiveState } from './live';

export interface LiveSessionOptions {
  /**
   * the sign-in was refused (401): the page signs the user out. Without it (the big screen, whose
   * token signs no one in) a 401 is kept in `error` like any other refusal.
   */
  onAuthLost?: () => void;
  /** runs with every REST snapshot, in the same render as `session`, for state a screen seeds from it */
  onSnapshot?: (s: SessionDetail) => void;
  /** keep live tallies (console only) */
  tallies?: boolean;
}

export interface LiveSession {
  live: LiveState;
  /** null until the first REST answer */
  session: SessionDetail | null;
  error: unknown;
}

/**
 * Joins the session's live feed and fetches the REST detail on mount and again after every
 * (re)join, since the feed carries counters and ballot states but not the rest of the detail and
 * may have missed changes while disconnected.
 */
export function useLiveSession(sessionId: string, token: string | null, { onAuthLost, onSnapshot, tallies }: LiveSessionOptions = {}): LiveSession {
  const live = useSessionLive(sessionId, token, { tallies });
  const [session, setSession] = useState<SessionDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Read through a ref so that an inline callback does not refetch on every render.
  const onSnapshotRef = useRef(onSnapshot);
  useEffect(() => {
    onSnapshotRef.current = onSnapshot;
  });

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    call('GET /api/sessions/:id', { id: sessionId }, { token }).then(
      (s) => {
        if (cancelled) return;
        setSession(s);
        setError(null);
        onSnapshotRef.current?.(s);
      },
      (e) => {
        if (cancelled) return;
        if (onAuthLost && e instanceof ApiError && e.status === 401) onAuthLost();
        else setError(e);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, sessionId, live.joins, onAuthLost]);

  return { live, session, error };
}

/** Attendance and state: the live feed's once it has joined, the REST snapshot's until then. */
export function sessionCounts(live: LiveState, session: SessionDetail) {
  return {
    rosterSize: live.session?.rosterSize ?? session.rosterSize,
    present: live.session?.present ?? session.present,
    quorumMet: live.session?.quorumMet ?? session.quorum.met,
    state: live.session?.state ?? session.state,
  };
}
