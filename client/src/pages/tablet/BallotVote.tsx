import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotOption, BallotState } from '../../../../shared/types';
import { ApiError, api, type BallotDetail } from '../../api';
import { useFormat } from '../../format';
import { ErrorBox, Loading, Notice } from '../../components/Feedback';
import { loadVote, newSubmissionKey, saveVote, type Draft, type VoteRecord } from './voteStore';
import { MOTION_KEY, SAT, YNA, draftComplete, draftToChoices, type Mark } from './choices';

// A satisfaction ballot's 查看进展: the project's plan, latest report and inspections, loaded on demand.
const ProgressPanel = lazy(() => import('../supervision/ProgressPanel'));

interface Props {
  token: string;
  memberId: string;
  ballotId: string;
  /** the ballot's state as last seen on the live feed */
  liveState: BallotState | null;
  /** grows on every (re)join of the live feed */
  joins: number;
  present: boolean;
  onAuthLost: () => void;
}

export function BallotVote({ token, memberId, ballotId, liveState, joins, present, onAuthLost }: Props) {
  const { t } = useTranslation();
  const [ballot, setBallot] = useState<BallotDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [rec, setRec] = useState<VoteRecord>(() => loadVote(memberId, ballotId) ?? { status: 'draft', draft: {} });
  const [stage, setStage] = useState<'choose' | 'review'>('choose');
  const [sendError, setSendError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const inflight = useRef(false);
  const attempts = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const commit = useCallback(
    (next: VoteRecord) => {
      saveVote(memberId, ballotId, next);
      setRec(next);
    },
    [memberId, ballotId],
  );

  // The ballot (options, form, whether this member already voted), refetched on state changes
  // and reconnects.
  useEffect(() => {
    let cancelled = false;
    api
      .ballot(token, ballotId)
      .then((b) => {
        if (!cancelled) {
          setBallot(b);
          setLoadError(null);
        }
      })
      .catch((e) => {
        if (cancelled) return;
        if (e instanceof ApiError && e.status === 401) onAuthLost();
        else setLoadError(e);
      });
    return () => {
      cancelled = true;
    };
  }, [token, ballotId, liveState, joins, onAuthLost]);

  // ---- sending: always the stored key and choices; retried until the server answers
  const send = useCallback(async () => {
    const current = loadVote(memberId, ballotId);
    if (!current || current.status !== 'pending' || inflight.current) return;
    inflight.current = true;
    setSending(true);
    if (retryTimer.current) clearTimeout(retryTimer.current);
    try {
      const r = await api.vote(token, ballotId, current.key, current.choices);
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
        setStage('review');
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

  const confirm = () => {
    if (!ballot || rec.status !== 'draft') return;
    const choices = draftToChoices(ballot, rec.draft);
    // stored BEFORE sending: a reload or a lost answer resends the same key
    commit({ status: 'pending', key: newSubmissionKey(), choices, draft: rec.draft });
    attempts.current = 0;
    // the effect on rec.status sends it
  };

  const setMark = (optionId: string, mark: Mark | null) => {
    if (rec.status !== 'draft') return;
    const draft = { ...rec.draft };
    if (mark === null) delete draft[optionId];
    else draft[optionId] = mark;
    commit({ status: 'draft', draft });
  };

  // ------------------------------------------------------------------ rendering

  if (rec.status === 'done') return <Receipt receipt={rec.receipt} title={ballot?.title} />;
  if (!ballot) return loadError ? <ErrorBox error={loadError} /> : <Loading />;

  if (rec.status === 'pending') {
    const offline = sendError instanceof ApiError && sendError.isNetwork;
    return (
      <section className="card ballot" aria-labelledby="ballot-title" aria-busy={sending}>
        <h2 id="ballot-title">{ballot.title}</h2>
        <div className="sending" role="status" data-testid="vote-sending">
          <span className="loading__spinner" aria-hidden="true" />
          {offline ? t('vote.offlineKept') : t('vote.sending')}
        </div>
        {sendError && !offline ? <ErrorBox error={sendError} testId="vote-error" /> : null}
        <ChoiceSummary ballot={ballot} draft={rec.draft} />
      </section>
    );
  }

  if (ballot.voted) return <Receipt receipt={null} title={ballot.title} />;

  if (ballot.state === 'cancelled') {
    return (
      <Notice testId="ballot-cancelled">
        {t('vote.cancelled', { title: ballot.title })}
        {ballot.cancelReason ? ` ${t('vote.cancelReason', { reason: ballot.cancelReason })}` : ''}
      </Notice>
    );
  }
  if (ballot.state !== 'open') {
    return (
      <section className="stack">
        {sendError ? <ErrorBox error={sendError} testId="vote-error" /> : null}
        <Notice testId="ballot-closed">
          {ballot.state === 'draft' ? t('tablet.waiting') : t('vote.closed', { title: ballot.title })}
        </Notice>
      </section>
    );
  }
  if (!present) {
    return (
      <section className="card ballot" aria-labelledby="ballot-title">
        <h2 id="ballot-title">{ballot.title}</h2>
        <Notice kind="warn" testId="checkin-first">{t('vote.checkInFirst')}</Notice>
      </section>
    );
  }

  const complete = draftComplete(ballot, rec.draft);

  if (stage === 'review') {
    return (
      <section className="card ballot" aria-labelledby="ballot-title" data-testid="review-step">
        <h2 id="ballot-title">{t('vote.reviewHeading')}</h2>
        <p className="ballot__subtitle">{ballot.title}</p>
        <ChoiceSummary ballot={ballot} draft={rec.draft} />
        <p className="warn-text">{t('vote.finalWarning')}</p>
        {sendError ? <ErrorBox error={sendError} testId="vote-error" /> : null}
        <div className="actions actions--split">
          <button type="button" className="btn btn--ghost btn--xl" onClick={() => setStage('choose')} data-testid="back-button">
            {t('vote.back')}
          </button>
          <button type="button" className="btn btn--primary btn--xl" onClick={confirm} disabled={!complete} data-testid="confirm-button">
            {t('vote.confirm')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="card ballot" aria-labelledby="ballot-title" data-testid="ballot-form" data-ballot-id={ballot.id}>
      <h2 id="ballot-title">{ballot.title}</h2>
      <BallotInstructions ballot={ballot} draft={rec.draft} />
      {ballot.kind === 'motion' ? (
        <MotionChoice ballot={ballot} draft={rec.draft} setMark={setMark} />
      ) : (
        <ol className="candidates">
          {ballot.options.map((o, i) => (
            <CandidateRow key={o.id} index={i} option={o} ballot={ballot} draft={rec.draft} setMark={setMark} token={token} />
          ))}
        </ol>
      )}
      {sendError ? <ErrorBox error={sendError} testId="vote-error" /> : null}
      <div className="actions actions--sticky">
        <button
          type="button"
          className="btn btn--primary btn--xl btn--block"
          onClick={() => {
            setSendError(null);
            setStage('review');
            window.scrollTo({ top: 0 });
          }}
          disabled={!complete}
          data-testid="review-button"
        >
          {t('vote.review')}
        </button>
      </div>
    </section>
  );
}

function BallotInstructions({ ballot, draft }: { ballot: BallotDetail; draft: Draft }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (ballot.kind === 'motion') return null;
  if (ballot.kind === 'satisfaction') {
    const left = ballot.options.filter((o) => !draft[o.id]).length;
    return (
      <p className="ballot__hint" aria-live="polite" data-testid="ballot-hint">
        {t('vote.satisfactionHint')} {left > 0 ? t('vote.remaining', { n: fmt.num(left) }) : t('vote.allRated')}
      </p>
    );
  }
  if (ballot.form === 'choose_n') {
    const n = ballot.options.filter((o) => draft[o.id] === 'yes').length;
    return (
      <p className="ballot__hint" aria-live="polite" data-testid="ballot-hint">
        {t('vote.chooseNHint', { seats: fmt.num(ballot.seats ?? 0) })}{' '}
        <strong data-testid="chosen-count">{t('vote.chosen', { n: fmt.num(n), seats: fmt.num(ballot.seats ?? 0) })}</strong>
      </p>
    );
  }
  return (
    <p className="ballot__hint" data-testid="unmarked-hint">
      {t('vote.perCandidateHint', { seats: fmt.num(ballot.seats ?? 0) })}
    </p>
  );
}

function CandidateRow({
  option,
  index,
  ballot,
  draft,
  setMark,
  token,
}: {
  token: string;
  option: BallotOption;
  index: number;
  ballot: BallotDetail;
  draft: Draft;
  setMark: (id: string, mark: Mark | null) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labelId = `cand-${index}`;
  const current = draft[option.id];
  const chooseN = ballot.kind === 'selection' && ballot.form === 'choose_n';
  const marks = ballot.kind === 'satisfaction' ? SAT : YNA;
  const chosenCount = chooseN ? ballot.options.filter((o) => draft[o.id] === 'yes').length : 0;
  const atMax = chooseN && chosenCount >= (ballot.seats ?? Infinity);
  const [showProgress, setShowProgress] = useState(false);
  return (
    <li className={`candidate${current ? ` candidate--${current}` : ''}`} data-testid={`candidate-${option.id}`}>
      <div className="candidate__info">
        <span className="candidate__no" aria-hidden="true">{fmt.num(index + 1)}</span>
        <div>
          <h3 className="candidate__title" id={labelId}>{option.title}</h3>
          <p className="candidate__meta">
            {option.department ? <span>{t('vote.metaItem', { label: t('vote.department'), value: option.department })}</span> : null}
            {option.investment != null ? <span>{t('vote.metaItem', { label: t('vote.investment'), value: fmt.wan(option.investment) })}</span> : null}
          </p>
          {ballot.kind === 'satisfaction' ? (
            <button type="button" className="btn btn--ghost btn--sm" aria-expanded={showProgress} aria-controls={`progress-${index}`}
              onClick={() => setShowProgress((v) => !v)} data-testid={`progress-toggle-${option.id}`}>
              {showProgress ? t('supervision.hideProgress') : t('supervision.showProgress')}
            </button>
          ) : null}
        </div>
      </div>
      {chooseN ? (
        <div className="marks marks--one">
          <button
            type="button"
            className={`mark mark--yes${current === 'yes' ? ' is-on' : ''}`}
            aria-pressed={current === 'yes'}
            aria-describedby={labelId}
            disabled={current !== 'yes' && atMax}
            onClick={() => setMark(option.id, current === 'yes' ? null : 'yes')}
            data-testid={`choice-${option.id}-yes`}
          >
            <span className="mark__box" aria-hidden="true">{current === 'yes' ? '✓' : ''}</span>
            {current === 'yes' ? t('vote.ticked') : t('vote.tick')}
          </button>
        </div>
      ) : (
        <div className="marks" role="radiogroup" aria-labelledby={labelId}>
          {marks.map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={current === m}
              className={`mark mark--${m}${current === m ? ' is-on' : ''}`}
              onClick={() => setMark(option.id, current === m ? null : m)}
              data-testid={`choice-${option.id}-${m}`}
            >
              {t(`choice.${m}`)}
            </button>
          ))}
        </div>
      )}
      {showProgress ? (
        <div className="candidate__progress" id={`progress-${index}`}>
          <Suspense fallback={<Loading />}><ProgressPanel token={token} projectId={option.id} /></Suspense>
        </div>
      ) : null}
    </li>
  );
}

function MotionChoice({
  ballot,
  draft,
  setMark,
}: {
  ballot: BallotDetail;
  draft: Draft;
  setMark: (id: string, mark: Mark | null) => void;
}) {
  const { t } = useTranslation();
  const current = draft[MOTION_KEY];
  return (
    <div className="motion">
      {ballot.question ? <p className="motion__question" id="motion-q">{ballot.question}</p> : null}
      {!ballot.secret ? <p className="muted">{t('vote.namedNotice')}</p> : null}
      <div className="marks marks--motion" role="radiogroup" aria-labelledby={ballot.question ? 'motion-q' : 'ballot-title'}>
        {YNA.map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={current === m}
            className={`mark mark--${m}${current === m ? ' is-on' : ''}`}
            onClick={() => setMark(MOTION_KEY, current === m ? null : m)}
            data-testid={`choice-motion-${m}`}
          >
            {t(`choice.${m}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The choices as they will be (or were) sent: used by the review step and while sending. */
function ChoiceSummary({ ballot, draft }: { ballot: BallotDetail; draft: Draft }) {
  const { t } = useTranslation();
  if (ballot.kind === 'motion') {
    const v = draft[MOTION_KEY];
    return (
      <ul className="review-list" data-testid="review-list">
        <li className="review-row" data-testid="review-row-motion">
          <span>{ballot.question ?? ballot.title}</span>
          <strong className={`pill pill--${v}`}>{v ? t(`choice.${v}`) : '—'}</strong>
        </li>
      </ul>
    );
  }
  const chooseN = ballot.kind === 'selection' && ballot.form === 'choose_n';
  return (
    <ul className="review-list" data-testid="review-list">
      {ballot.options.map((o) => {
        const v = draft[o.id];
        let label: string;
        let cls: string;
        if (chooseN) {
          label = v === 'yes' ? t('vote.ticked') : t('vote.notTicked');
          cls = v === 'yes' ? 'yes' : 'none';
        } else if (!v && ballot.kind === 'selection') {
          label = t('vote.unmarkedAbstain');
          cls = 'abstain';
        } else {
          label = v ? t(`choice.${v}`) : '—';
          cls = v ?? 'none';
        }
        return (
          <li key={o.id} className="review-row" data-testid={`review-row-${o.id}`}>
            <span>{o.title}</span>
            <strong className={`pill pill--${cls}`}>{label}</strong>
          </li>
        );
      })}
    </ul>
  );
}

function Receipt({ receipt, title }: { receipt: string | null; title?: string }) {
  const { t } = useTranslation();
  return (
    <section className="card receipt" aria-labelledby="voted-heading">
      <h2 id="voted-heading" className="receipt__status" data-testid="voted-status">
        <span className="receipt__mark" aria-hidden="true">✓</span>
        {t('vote.voted')}
      </h2>
      {title ? <p className="receipt__ballot">{title}</p> : null}
      {receipt ? (
        <>
          <p className="receipt__label" id="receipt-label">{t('vote.receipt')}</p>
          <p className="receipt__code" aria-labelledby="receipt-label" data-testid="receipt-code">
            {receipt}
          </p>
          <p className="muted">{t('vote.receiptHelp')}</p>
        </>
      ) : (
        <p className="muted" data-testid="voted-elsewhere">{t('vote.votedNoReceipt')}</p>
      )}
    </section>
  );
}
