// One ballot in the console: its definition, the steps (open, close, publish, cancel), the live turnout and
// tally while open, the result once closed, a runoff when tied. The detail is a query; the live feed is
// fresher for state and counts, and a change of state (or a rejoin) asks for the detail again.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BallotState } from '../../../../shared/types';
import type { BallotDetail, SessionDetail } from '../../api';
import type { LiveState } from '../../live';
import { useFormat } from '../../format';
import { Loading, Notice } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { ResultView } from '../../components/ResultView';
import { TallyView } from '../../components/TallyView';
import { TurnoutBar } from '../../components/TurnoutBar';
import { DemandBar, largestOf } from '../../components/DemandBar';
import { PaperBallot } from './PaperBallot';
import { BallotStepButtons } from './BallotStepButtons';
import { NoticeButton } from './NoticeButton';
import { StepConfirm, type Step } from './StepConfirm';
import { consoleKeys, useBallot, useBallotStep, useCreateBallot, useInvalidateOn } from './consoleApi';
import { Stat } from '../../components/Stat';

const RANK: Record<BallotState, number> = { draft: 0, open: 1, closed: 2, published: 3, cancelled: 4 };

export function BallotDetailView({
  token,
  session,
  ballotId,
  live,
  present,
  quorumMet,
  onCreated,
}: {
  token: string;
  session: SessionDetail;
  ballotId: string;
  live: LiveState;
  present: number;
  quorumMet: boolean;
  onCreated: (b: BallotDetail) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data: ballot, error } = useBallot(token, ballotId);
  const step = useBallotStep(token, ballotId);
  const createRunoff = useCreateBallot(token, session.id);
  // the step waiting for the presider's confirmation (every step of a ballot is irreversible)
  const [asking, setAsking] = useState<Step | null>(null);
  const busy = step.isPending || createRunoff.isPending;
  const actionError = step.error ?? createRunoff.error;

  const liveBallot = live.ballots.find((b) => b.ballotId === ballotId);
  useInvalidateOn(consoleKeys.ballot(ballotId), [liveBallot?.state, live.joins], 0);

  const titles = useMemo(() => Object.fromEntries((ballot?.options ?? []).map((o) => [o.id, o.title])), [ballot]);

  if (error && !ballot) return <ErrorBox error={error} />;
  if (!ballot) return <Loading />;

  // the live feed is fresher than the REST answer for state and counts
  // states only move forward, so the more advanced of the two is the current one
  const state: BallotState =
    liveBallot && RANK[liveBallot.state] > RANK[ballot.state] ? liveBallot.state : ballot.state;
  const cast = live.tallies[ballotId]?.cast ?? liveBallot?.cast ?? ballot.cast;
  const eligible = liveBallot?.eligible ?? ballot.eligible ?? session.rosterSize;
  const tally = state === 'open' ? (live.tallies[ballotId]?.tally ?? ballot.tally) : undefined;
  const result = live.results[ballotId]?.result ?? ballot.result;
  const tied = result && result.kind === 'selection' ? result.tied : [];

  const runStep = (s: Step, reason?: string) =>
    step.mutate(s === 'cancel' ? { cancel: reason ?? '' } : { action: s }, { onSettled: () => setAsking(null) });
  const runoff = () =>
    createRunoff.mutate(
      { kind: 'selection', title: t('console.runoffTitle', { title: ballot.title }), runoffOf: ballot.id, form: ballot.form ?? undefined, baseRule: ballot.baseRule },
      { onSuccess: onCreated },
    );

  return (
    <article className="stack" data-testid="ballot-detail" data-ballot-id={ballot.id} data-state={state}>
      <header className="ballot-detail__head">
        <h2 data-testid="ballot-detail-title">{ballot.title}</h2>
        <span className={`tag tag--state-${state}`} data-testid="ballot-state">{t(`ballotState.${state}`)}</span>
      </header>
      <dl className="meta">
        <Stat label={t('console.kind')}>{t(`ballotKind.${ballot.kind}`)}</Stat>
        {ballot.kind === 'selection' ? (
          <>
            <Stat label={t('console.form')}>{t(`ballotForm.${ballot.form ?? 'per_candidate'}`)}</Stat>
            <Stat label={t('console.seats')}>{fmt.num(ballot.seats ?? 0)}</Stat>
          </>
        ) : null}
        <Stat label={t('console.baseRule')}>{t(`baseRule.${ballot.baseRule}`)}</Stat>
        <Stat label={t('console.secrecy')}>{ballot.secret ? t('console.secret') : t('console.named')}</Stat>
        {ballot.runoffOf ? <Stat label={t('console.runoffOf')}>{t('console.yes')}</Stat> : null}
      </dl>
      {ballot.kind === 'motion' && ballot.question ? <p className="question">{ballot.question}</p> : null}

      <ErrorBox error={actionError} testId="ballot-action-error" />

      {state === 'draft' ? (
        <div className="stack">
          {ballot.kind !== 'motion' ? (
            <ol className="option-list">
              {ballot.options.map((o) => (
                <li key={o.id}>
                  {o.title}
                  {o.department ? <span className="muted small"> · {o.department}</span> : null}
                  {o.investment != null ? <span className="muted small"> · {fmt.wan(o.investment)}</span> : null}
                  {ballot.kind === 'selection' ? <DemandBar demand={o} largest={largestOf(ballot.options)} testId={`console-demand-${o.id}`} /> : null}
                </li>
              ))}
            </ol>
          ) : null}
          {!quorumMet ? <Notice kind="warn" testId="quorum-warning">{t('console.quorumWarning')}</Notice> : null}
          <BallotStepButtons label={t('console.open')} testId="ballot-open" busy={busy} onStep={() => setAsking('open')} onCancel={() => setAsking('cancel')} />
          <PaperBallot ballot={ballot} sessionName={session.name} />
        </div>
      ) : null}

      {state === 'open' ? (
        <div className="stack">
          <div className="turnout" data-testid="console-turnout">
            <div className="turnout__nums">
              <span>
                {t('turnout.cast')} <b data-testid="console-turnout-cast">{fmt.num(cast)}</b>
              </span>
              <span>
                {t('turnout.eligible')} <b data-testid="console-turnout-eligible">{fmt.num(eligible)}</b>
              </span>
              <span>
                {t('turnout.present')} <b data-testid="console-turnout-present">{fmt.num(present)}</b>
              </span>
            </div>
            <TurnoutBar block="turnout" cast={cast} eligible={eligible} present={present} />
          </div>
          <h3>{t('console.liveTally')}</h3>
          {tally ? <TallyView tally={tally} titles={titles} cast={cast} /> : <p className="muted">{t('console.noTallyYet')}</p>}
          <BallotStepButtons label={t('console.close')} testId="ballot-close" busy={busy} onStep={() => setAsking('close')} onCancel={() => setAsking('cancel')} />
        </div>
      ) : null}

      <StepConfirm step={asking} figures={{ title: ballot.title, cast, present, eligible, quorumMet }} busy={step.isPending} onConfirm={runStep}
        onClose={() => setAsking(null)} />

      {state === 'closed' || state === 'published' ? (
        <div className="stack">
          {result ? <ResultView result={result} titles={titles} /> : <Loading />}
          {tied.length > 0 ? (
            <Notice kind="warn" testId="tied-notice">
              {t('console.tiedNotice', { n: fmt.num(tied.length) })}
            </Notice>
          ) : null}
          <div className="btn-row">
            {state === 'closed' ? (
              <button
                type="button"
                className="btn btn--primary btn--lg"
                disabled={busy}
                onClick={() => setAsking('publish')}
                data-testid="ballot-publish"
              >
                {t('console.publish')}
              </button>
            ) : (
              <>
                <Link className="btn btn--secondary" to={`/results/${encodeURIComponent(ballot.id)}`} data-testid="public-result-link">
                  {t('console.viewPublic')}
                </Link>
                <NoticeButton token={token} sessionId={session.id} ballotId={ballot.id} ballotTitle={ballot.title} />
              </>
            )}
            {tied.length > 0 && ballot.kind === 'selection' ? (
              <button type="button" className="btn btn--secondary btn--lg" disabled={busy} onClick={runoff} data-testid="runoff-button">
                {t('console.runoff')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}

      {state === 'cancelled' ? (
        <Notice testId="ballot-cancelled">
          {t('console.cancelled')}
          {ballot.cancelReason ? ` ${t('vote.cancelReason', { reason: ballot.cancelReason })}` : ''}
        </Notice>
      ) : null}
    </article>
  );
}
