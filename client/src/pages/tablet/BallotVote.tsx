// One ballot on a member's tablet: choose, review, confirm, and the receipt. Sending (and resending
// after a dropped connection) is `useVoteSubmission`; the choice widgets, the review and the receipt
// have files of their own.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotState } from '../../../../shared/types';
import { ApiError, call, type BallotDetail } from '../../api';
import { Loading, Notice } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { draftComplete, draftToChoices, isScored } from './choices';
import { ScoreRow } from './ScoreRow';
import { BallotInstructions, CandidateRow, MotionChoice } from './ChoiceWidgets';
import { ReviewStep, SendingStep } from './ReviewStep';
import { Receipt } from './Receipt';
import { useVoteSubmission } from './useVoteSubmission';
import { ItemGroups } from './ItemGroups';

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
  const [stage, setStage] = useState<'choose' | 'review'>('choose');
  // refused for good: back to the review step with the draft and the server's reason
  const { rec, sending, sendError, clearError, submit, setDraft } = useVoteSubmission({ token, memberId, ballotId, joins, onRefused: () => setStage('review') });

  // The ballot (options, form, whether this member already voted), refetched on state changes
  // and reconnects.
  useEffect(() => {
    let cancelled = false;
    call('GET /api/ballots/:id', { id: ballotId }, { token })
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

  const confirm = () => {
    if (!ballot || rec.status !== 'draft') return;
    submit(draftToChoices(ballot, rec.draft));
  };

  // a mark (赞成, 满意 …) or, on a scored evaluation, the score as typed
  const setMark = (optionId: string, mark: string | null) => {
    if (rec.status !== 'draft') return;
    const draft = { ...rec.draft };
    if (mark === null) delete draft[optionId];
    else draft[optionId] = mark;
    setDraft(draft);
  };

  if (rec.status === 'done') return <Receipt receipt={rec.receipt} title={ballot?.title} />;
  if (!ballot) return loadError ? <ErrorBox error={loadError} /> : <Loading />;
  if (rec.status === 'pending') return <SendingStep ballot={ballot} draft={rec.draft} sending={sending} error={sendError} />;
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
    return <ReviewStep ballot={ballot} draft={rec.draft} complete={complete} error={sendError} onBack={() => setStage('choose')} onConfirm={confirm} />;
  }

  return (
    <section className="card ballot" aria-labelledby="ballot-title" data-testid="ballot-form" data-ballot-id={ballot.id}>
      <h2 id="ballot-title">{ballot.title}</h2>
      <BallotInstructions ballot={ballot} draft={rec.draft} />
      {ballot.kind === 'motion' ? (
        <MotionChoice ballot={ballot} draft={rec.draft} setMark={setMark} />
      ) : ballot.byItem ? (
        <ItemGroups ballot={ballot} draft={rec.draft} setMark={setMark} token={token} />
      ) : (
        <ol className="candidates">
          {ballot.options.map((o, i) => isScored(ballot) ? (
            <ScoreRow key={o.id} index={i} option={o} ballot={ballot} draft={rec.draft} setScore={setMark} />
          ) : (
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
            clearError();
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
