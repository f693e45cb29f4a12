import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotKind, BallotState } from '../../../../shared/types';
import type { BallotDetail, BallotSummary, SessionDetail, StaffUser } from '../../api';
import type { LiveState } from '../../live';
import { useFormat } from '../../format';
import { BallotDetailView } from './BallotDetailView';
import { CreateBallotForm } from './CreateBallotForm';
import { FromListButton } from './FromListButton';
import { SatisfactionRoundButton } from './SatisfactionRoundButton';
import { DossierButton } from './DossierButton';

interface Props {
  token: string;
  user: StaffUser;
  session: SessionDetail;
  live: LiveState;
  present: number;
  quorumMet: boolean;
}

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
        <DossierButton token={token} session={session} />
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
