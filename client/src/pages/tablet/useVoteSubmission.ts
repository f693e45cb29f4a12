// Sending a vote and sending it again until the server answers. The submission (its key, the choices
// and the draft they came from) is stored on this device BEFORE it is sent, so a reload, a crash or a
// dropped connection resends the very same submission and the server answers with the same receipt.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Choices } from '../../../../shared/types';
import { ApiError, call } from '../../api';
import { loadVote, newSubmissionKey, saveVote, type Draft, type VoteRecord } from './voteStore';

interface Options {
  token: string;
  memberId: string;
  ballotId: string;
  /** grows on every (re)join of the live feed: a stored submission is resent then */
  joins: number;
  /** the server refused the submission for good (nothing was recorded): the draft is back */
  onRefused: () => void;
}

export function useVoteSubmission({ token, memberId, ballotId, joins, onRefused }: Options) {
  const [rec, setRec] = useState<VoteRecord>(() => loadVote(memberId, ballotId) ?? { status: 'draft', draft: {} });
  const [sendError, setSendError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const inflight = useRef(false);
  const attempts = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // a ref, so that a new callback on every render does not make a new `send` (and a resend)
  const refused = useRef(onRefused);
  useEffect(() => {
    refused.current = onRefused;
  });

  const commit = useCallback(
    (next: VoteRecord) => {
      saveVote(memberId, ballotId, next);
      setRec(next);
    },
    [memberId, ballotId],
  );

  // always the stored key and choices; retried until the server answers
  const send = useCallback(async () => {
    const current = loadVote(memberId, ballotId);
    if (!current || current.status !== 'pending' || inflight.current) return;
    inflight.current = true;
    setSending(true);
    if (retryTimer.current) clearTimeout(retryTimer.current);
    try {
      const r = await call('POST /api/ballots/:id/votes', { id: ballotId }, { token, body: { submissionKey: current.key, choices: current.choices } });
      attempts.current = 0;
      setSendError(null);
      // the choices are no longer needed on this device once the receipt is in hand
      commit({ status: 'done', receipt: r.receipt });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'network_error', String(e));
      setSendError(err);
      if (err.isRetryable) {
        const n = attempts.current++;
        const delay = Math.min(1000 * 2 ** n, 15000) * (0.5 + Math.random());
        retryTimer.current = setTimeout(() => void send(), delay);
      } else if (err.code === 'already_voted') {
        // voted with another submission (another device): final, but no receipt here
        setSendError(null);
        commit({ status: 'done', receipt: null });
      } else if (err.status === 401) {
        // keep the submission: it is resent after signing in again
      } else {
        // definitively refused (ballot closed, not checked in, invalid): nothing was recorded
        commit({ status: 'draft', draft: current.draft });
        refused.current();
      }
    } finally {
      inflight.current = false;
      setSending(false);
    }
  }, [token, memberId, ballotId, commit]);

  // resend a stored submission: on mount, after a reconnect, and when the browser is back online
  useEffect(() => {
    if (rec.status === 'pending') void send();
  }, [rec.status, joins, send]);
  useEffect(() => {
    const onOnline = () => {
      attempts.current = 0;
      void send();
    };
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      if (retryTimer.current) clearTimeout(retryTimer.current);
    };
  }, [send]);

  /** Store the submission (a new key) and send it: the effect on `rec.status` sends it. */
  const submit = (choices: Choices) => {
    if (rec.status !== 'draft') return;
    commit({ status: 'pending', key: newSubmissionKey(), choices, draft: rec.draft });
    attempts.current = 0;
  };

  /** A change of the on-screen choices, kept on the device as they are made. */
  const setDraft = (draft: Draft) => {
    if (rec.status === 'draft') commit({ status: 'draft', draft });
  };

  return { rec, sending, sendError, clearError: () => setSendError(null), submit, setDraft };
}
