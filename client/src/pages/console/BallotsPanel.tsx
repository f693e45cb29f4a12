import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BallotKind, BallotState } from '../../../../shared/types';
import { api, type BallotDetail, type BallotSummary, type SessionDetail, type StaffUser } from '../../api';
import type { LiveState } from '../../live';
import { useFormat } from '../../format';
import { ErrorBox, Loading, Notice } from '../../components/Feedback';
import { ResultView, TallyView } from '../../components/ResultView';
import { TurnoutBar } from '../../components/TurnoutBar';
import { BallotStepButtons } from './BallotStepButtons';
import { CreateBallotForm } from './CreateBallotForm';
import { FromListButton } from './FromListButton';
import { SatisfactionRoundButton } from './SatisfactionRoundButton';
import { NoticeButton } from './NoticeButton';

interface Props {
  token: string;
  user: StaffUser;
  session: SessionDetail;
  live: LiveState;
  present: number;
  quorumMet: boolean;
}

const RANK: Record<BallotState, number> = { draft: 0, open: 1, closed: 2, published: 3, cancelled: 4 };

interface Item {
  id: string;
  title: string;
  kind: BallotKind | undefined;
  state: BallotState;
  eligible: number | null;
  cast: number;
}

function toItem(b: BallotSummary): Item {
  return { id: b.id, title: b.title, kind: b.kind, state: b.state, eligible: b.eligible, cast: b.cast };
}

export function BallotsPanel({ token, user, session, live, present, quorumMet }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [created, setCreated] = useState<Item[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // Show a ballot made here (new or runoff) at once, before the live feed reports it.
  const addCreated = (b: BallotDetail) => {
    setCreated((c) => [...c, toItem(b)]);
    setSelected(b.id);
  };

  // REST list, then anything newer from the live feed, then ballots created here not yet seen live
  const items: Item[] = useMemo(() => {
    const out: Item[] = session.ballots.map(toItem);
    for (const b of live.ballots) {
      const i = out.findIndex((x) => x.id === b.ballotId);
      const item: Item = {
        id: b.ballotId,
        title: b.title ?? out[i]?.title ?? '',
        kind: b.kind ?? out[i]?.kind,
        state: b.state,
        eligible: b.eligible,
        cast: b.cast,
      };
      if (i >= 0) out[i] = item;
      else out.push(item);
    }
    for (const c of created) if (!out.some((x) => x.id === c.id)) out.push(c);
    return out;
  }, [session.ballots, live.ballots, created]);

  const openItem = items.find((b) => b.state === 'open');
  const current = selected ?? openItem?.id ?? items[items.length - 1]?.id ?? null;

  return (
    <div className="ballots-layout">
      <section className="ballots-list" aria-labelledby="ballots-heading">
        <div className="panel-head">
          <h2 id="ballots-heading">{t('console.ballots')}</h2>
          <button
            type="button"
            className="btn btn--primary btn--sm"
            onClick={() => setCreating((c) => !c)}
            aria-expanded={creating}
            data-testid="ballot-create-button"
          >
            {t('console.newBallot')}
          </button>
        </div>
        <FromListButton token={token} session={session} onCreated={addCreated} />
        <SatisfactionRoundButton token={token} session={session} onCreated={addCreated} />
        {items.length === 0 ? <p className="muted">{t('console.noBallots')}</p> : null}
        <ul className="ballot-items">
          {items.map((b) => (
            <li key={b.id}>
              <button
                type="button"
                className={`ballot-item${b.id === current ? ' is-current' : ''}`}
                aria-current={b.id === current}
                onClick={() => {
                  setSelected(b.id);
                  setCreating(false);
                }}
                data-testid={`ballot-item-${b.id}`}
                data-state={b.state}
              >
                <span className="ballot-item__title">{b.title || t('console.untitled')}</span>
                <span className="ballot-item__meta">
                  <span className={`tag tag--state-${b.state}`}>{t(`ballotState.${b.state}`)}</span>
                  {b.kind ? <span className="muted small">{t(`ballotKind.${b.kind}`)}</span> : null}
                  {b.state === 'open' || b.state === 'closed' || b.state === 'published' ? (
                    <span className="muted small">
                      {fmt.num(b.cast)} / {fmt.num(b.eligible ?? 0)}
                    </span>
                  ) : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="ballot-detail" aria-live="polite">
        {creating ? (
          <CreateBallotForm
            token={token}
            user={user}
            session={session}
            onCancel={() => setCreating(false)}
            onCreated={(b) => {
              addCreated(b);
              setCreating(false);
            }}
          />
        ) : current ? (
          <BallotDetailView
            key={current}
            token={token}
            session={session}
            ballotId={current}
            live={live}
            present={present}
            quorumMet={quorumMet}
            onCreated={addCreated}
          />
        ) : (
          <p className="muted">{t('console.pickBallot')}</p>
        )}
      </section>
    </div>
  );
}

function BallotDetailView({
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
  const [ballot, setBallot] = useState<BallotDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');

  const liveBallot = live.ballots.find((b) => b.ballotId === ballotId);
  const liveStateOf = liveBallot?.state;

  useEffect(() => {
    let cancelled = false;
    api.ballot(token, ballotId).then(
      (b) => !cancelled && (setBallot(b), setError(null)),
      (e) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [token, ballotId, liveStateOf, live.joins]);

  const act = async (fn: () => Promise<BallotDetail>) => {
    setBusy(true);
    setActionError(null);
    try {
      const b = await fn();
      if (b && typeof b === 'object' && 'id' in b) setBallot((old) => ({ ...(old ?? b), ...b }));
      else setBallot(await api.ballot(token, ballotId));
      return true;
    } catch (e) {
      setActionError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

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

  const runStep = (step: 'open' | 'close' | 'publish') => act(() => api.ballotAction(token, ballot.id, step));

  const runoff = async () => {
    await act(async () => {
      const b = await api.createBallot(token, session.id, {
        kind: 'selection',
        title: t('console.runoffTitle', { title: ballot.title }),
        runoffOf: ballot.id,
        form: ballot.form ?? undefined,
        baseRule: ballot.baseRule,
      });
      onCreated(b);
      return ballot;
    });
  };

  return (
    <article className="stack" data-testid="ballot-detail" data-ballot-id={ballot.id} data-state={state}>
      <header className="ballot-detail__head">
        <h2 data-testid="ballot-detail-title">{ballot.title}</h2>
        <span className={`tag tag--state-${state}`} data-testid="ballot-state">{t(`ballotState.${state}`)}</span>
      </header>
      <dl className="meta">
        <div>
          <dt>{t('console.kind')}</dt>
          <dd>{t(`ballotKind.${ballot.kind}`)}</dd>
        </div>
        {ballot.kind === 'selection' ? (
          <>
            <div>
              <dt>{t('console.form')}</dt>
              <dd>{t(`ballotForm.${ballot.form ?? 'per_candidate'}`)}</dd>
            </div>
            <div>
              <dt>{t('console.seats')}</dt>
              <dd>{fmt.num(ballot.seats ?? 0)}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t('console.baseRule')}</dt>
          <dd>{t(`baseRule.${ballot.baseRule}`)}</dd>
        </div>
        <div>
          <dt>{t('console.secrecy')}</dt>
          <dd>{ballot.secret ? t('console.secret') : t('console.named')}</dd>
        </div>
        {ballot.runoffOf ? (
          <div>
            <dt>{t('console.runoffOf')}</dt>
            <dd>{t('console.yes')}</dd>
          </div>
        ) : null}
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
                </li>
              ))}
            </ol>
          ) : null}
          {!quorumMet ? <Notice kind="warn" testId="quorum-warning">{t('console.quorumWarning')}</Notice> : null}
          <BallotStepButtons label={t('console.open')} testId="ballot-open" busy={busy} onStep={() => runStep('open')} onCancel={() => setCancelling(true)} />
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
          <BallotStepButtons label={t('console.close')} testId="ballot-close" busy={busy} onStep={() => runStep('close')} onCancel={() => setCancelling(true)} />
        </div>
      ) : null}

      {cancelling && (state === 'draft' || state === 'open') ? (
        <form
          className="card stack cancel-form"
          onSubmit={async (e: FormEvent) => {
            e.preventDefault();
            if (!reason.trim()) return;
            if (await act(() => api.cancelBallot(token, ballot.id, reason.trim()))) setCancelling(false);
          }}
        >
          <label className="field">
            <span className="field__label">{t('console.cancelReason')}</span>
            <input
              className="input"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              maxLength={500}
              autoFocus
              data-testid="ballot-cancel-reason"
            />
          </label>
          <div className="btn-row">
            <button type="submit" className="btn btn--danger" disabled={busy || !reason.trim()} data-testid="ballot-cancel-confirm">
              {t('console.confirmCancel')}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setCancelling(false)}>
              {t('common.back')}
            </button>
          </div>
        </form>
      ) : null}

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
                onClick={() => runStep('publish')}
                data-testid="ballot-publish"
              >
                {t('console.publish')}
              </button>
            ) : (
              <>
                <Link className="btn btn--secondary" to={`/results/${encodeURIComponent(ballot.id)}`} data-testid="public-result-link">
                  {t('console.viewPublic')}
                </Link>
                <NoticeButton token={token} sessionId={session.id} ballotId={ballot.id} />
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
