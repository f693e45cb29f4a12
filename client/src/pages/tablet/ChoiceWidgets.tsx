// The choice widgets of a ballot: the hint above the list, one row per candidate (赞成/反对/弃权, a tick
// for choose-N, 满意/基本满意/不满意 for a satisfaction ballot, with its 查看进展) and the motion's three.
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotOption } from '../../../../shared/types';
import type { Demand } from '../../../../shared/demand';
import type { BallotDetail } from '../../api';
import { useFormat } from '../../format';
import { Loading } from '../../components/Feedback';
import { DemandBar, largestOf } from '../../components/DemandBar';
import type { Draft } from './voteStore';
import { MOTION_KEY, SAT, YNA, isGraded, isScored, type Mark } from './choices';
import { ScoreHint } from './ScoreRow';

// A satisfaction ballot's 查看进展: the project's plan, latest report and inspections, loaded on demand.
const ProgressPanel = lazy(() => import('../supervision/ProgressPanel'));

export type SetMark = (id: string, mark: Mark | null) => void;

export function BallotInstructions({ ballot, draft }: { ballot: BallotDetail; draft: Draft }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (ballot.kind === 'motion') return null;
  if (isScored(ballot)) return <ScoreHint ballot={ballot} draft={draft} />;
  if (isGraded(ballot)) {
    const left = ballot.options.filter((o) => !draft[o.id]).length;
    return (
      <p className="ballot__hint" aria-live="polite" data-testid="ballot-hint">
        {ballot.kind === 'evaluation' ? t('evaluation.gradeHint') : t('vote.satisfactionHint')} {left > 0 ? t('vote.remaining', { n: fmt.num(left) }) : t('vote.allRated')}
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

export function CandidateRow({
  option,
  index,
  ballot,
  draft,
  setMark,
  token,
  nested = false,
}: {
  token: string;
  option: BallotOption & Partial<Demand>;
  /** an item (子项) listed under its project: its own title, a heading one level down, no 查看进展 of its own */
  nested?: boolean;
  index: number;
  ballot: BallotDetail;
  draft: Draft;
  setMark: SetMark;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labelId = `cand-${index}`;
  const current = draft[option.id];
  const chooseN = ballot.kind === 'selection' && ballot.form === 'choose_n';
  const marks = isGraded(ballot) ? SAT : YNA;
  const chosenCount = chooseN ? ballot.options.filter((o) => draft[o.id] === 'yes').length : 0;
  const atMax = chooseN && chosenCount >= (ballot.seats ?? Infinity);
  const [showProgress, setShowProgress] = useState(false);
  return (
    <li className={`candidate${nested ? ' candidate--item' : ''}${current ? ` candidate--${current}` : ''}`} data-testid={`candidate-${option.id}`}>
      <div className="candidate__info">
        <span className="candidate__no" aria-hidden="true">{fmt.num(index + 1)}</span>
        <div>
          {nested ? <h4 className="candidate__title" id={labelId}>{option.item?.title ?? option.title}</h4> : <h3 className="candidate__title" id={labelId}>{option.title}</h3>}
          <p className="candidate__meta">
            {option.department ? <span>{t('vote.metaItem', { label: t('vote.department'), value: option.department })}</span> : null}
            {option.investment != null ? <span>{t('vote.metaItem', { label: t('vote.investment'), value: fmt.wan(option.investment) })}</span> : null}
          </p>
          {ballot.kind === 'selection' ? <DemandBar demand={option} largest={largestOf(ballot.options)} testId={`demand-${option.id}`} /> : null}
          {ballot.kind === 'satisfaction' && !nested ? (
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
        <MarkRadios className="marks" labelledBy={labelId} marks={marks} current={current} onMark={(m) => setMark(option.id, m)} testId={`choice-${option.id}`} />
      )}
      {showProgress ? (
        <div className="candidate__progress" id={`progress-${index}`}>
          <Suspense fallback={<Loading />}><ProgressPanel token={token} projectId={option.id} /></Suspense>
        </div>
      ) : null}
    </li>
  );
}

export function MotionChoice({
  ballot,
  draft,
  setMark,
}: {
  ballot: BallotDetail;
  draft: Draft;
  setMark: SetMark;
}) {
  const { t } = useTranslation();
  const current = draft[MOTION_KEY];
  return (
    <div className="motion">
      {ballot.question ? <p className="motion__question" id="motion-q">{ballot.question}</p> : null}
      {!ballot.secret ? <p className="muted">{t('vote.namedNotice')}</p> : null}
      <MarkRadios className="marks marks--motion" labelledBy={ballot.question ? 'motion-q' : 'ballot-title'} marks={YNA} current={current}
        onMark={(m) => setMark(MOTION_KEY, m)} testId="choice-motion" />
    </div>
  );
}

/** One radio button a mark (`<testId>-<mark>`); tapping the chosen one again clears it. */
function MarkRadios({ className, labelledBy, marks, current, onMark, testId }: {
  className: string;
  labelledBy: string;
  marks: Mark[];
  current: string | undefined;
  onMark: (mark: Mark | null) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={className} role="radiogroup" aria-labelledby={labelledBy}>
      {marks.map((m) => (
        <button
          key={m}
          type="button"
          role="radio"
          aria-checked={current === m}
          className={`mark mark--${m}${current === m ? ' is-on' : ''}`}
          onClick={() => onMark(current === m ? null : m)}
          data-testid={`${testId}-${m}`}
        >
          {t(`choice.${m}`)}
        </button>
      ))}
    </div>
  );
}
