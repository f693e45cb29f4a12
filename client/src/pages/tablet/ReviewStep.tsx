// The steps after choosing: the review of every choice before it is final, and the same list while the
// submission is being sent (or kept for sending while offline).
import { useTranslation } from 'react-i18next';
import { ApiError, type BallotDetail } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import type { Draft } from './voteStore';
import { MOTION_KEY, isScored, parseScore } from './choices';
import { useFormat } from '../../format';

/** The last look before the vote is final: every choice, 返回修改 and 确认投票. */
export function ReviewStep({ ballot, draft, complete, error, onBack, onConfirm }: { ballot: BallotDetail; draft: Draft; complete: boolean; error: unknown; onBack: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card ballot" aria-labelledby="ballot-title" data-testid="review-step">
      <h2 id="ballot-title">{t('vote.reviewHeading')}</h2>
      <p className="ballot__subtitle">{ballot.title}</p>
      <UnmarkedNote ballot={ballot} draft={draft} />
      <ChoiceSummary ballot={ballot} draft={draft} />
      <p className="warn-text">{t('vote.finalWarning')}</p>
      {error ? <ErrorBox error={error} testId="vote-error" /> : null}
      <div className="actions actions--split">
        <button type="button" className="btn btn--ghost btn--xl" onClick={onBack} data-testid="back-button">
          {t('vote.back')}
        </button>
        <button type="button" className="btn btn--primary btn--xl" onClick={onConfirm} disabled={!complete} data-testid="confirm-button">
          {t('vote.confirm')}
        </button>
      </div>
    </section>
  );
}

/**
 * Per candidate, an unmarked candidate counts as 弃权 (a second tap on a chosen 赞成 unmarks it): said plainly
 * above the list, with the names, so that nobody abstains without knowing.
 */
function UnmarkedNote({ ballot, draft }: { ballot: BallotDetail; draft: Draft }) {
  const { t } = useTranslation();
  if (ballot.kind !== 'selection' || ballot.form === 'choose_n') return null;
  const left = ballot.options.filter((o) => !draft[o.id]);
  if (!left.length) return <p className="review-unmarked review-unmarked--none" data-testid="review-unmarked" data-count="0">{t('hall.review.allMarked')}</p>;
  return (
    <div className="review-unmarked" role="note" data-testid="review-unmarked" data-count={left.length}>
      <p className="review-unmarked__lead">{t('hall.review.unmarked', { count: left.length, n: left.length })}</p>
      <ul className="review-unmarked__list">
        {left.map((o) => <li key={o.id} data-testid={`review-unmarked-${o.id}`}>{o.title}</li>)}
      </ul>
    </div>
  );
}

/** While the stored submission is on its way (or waits for the network): what was chosen. */
export function SendingStep({ ballot, draft, sending, error }: { ballot: BallotDetail; draft: Draft; sending: boolean; error: unknown }) {
  const { t } = useTranslation();
  const offline = error instanceof ApiError && error.isNetwork;
  return (
    <section className="card ballot" aria-labelledby="ballot-title" aria-busy={sending}>
      <h2 id="ballot-title">{ballot.title}</h2>
      <div className="sending" role="status" data-testid="vote-sending">
        <span className="loading__spinner" aria-hidden="true" />
        {offline ? t('vote.offlineKept') : t('vote.sending')}
      </div>
      {error && !offline ? <ErrorBox error={error} testId="vote-error" /> : null}
      <ChoiceSummary ballot={ballot} draft={draft} />
    </section>
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
  if (isScored(ballot)) return <ScoreSummary ballot={ballot} draft={draft} />;
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

/** A scored evaluation's review: every subject with the score that will be sent. */
function ScoreSummary({ ballot, draft }: { ballot: BallotDetail; draft: Draft }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <ul className="review-list" data-testid="review-list">
      {ballot.options.map((o) => {
        const n = parseScore(ballot, draft[o.id]);
        return (
          <li key={o.id} className="review-row" data-testid={`review-row-${o.id}`}>
            <span>{o.title}</span>
            <strong className={`pill pill--${n === null ? 'none' : 'score'}`} data-score={n ?? ''}>
              {n === null ? '—' : t('evaluation.points', { n: fmt.num(n) })}
            </strong>
          </li>
        );
      })}
    </ul>
  );
}
