import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { call, type StaffUser } from '../../api';
import { sessionCounts, useLiveSession } from '../../liveSession';
import { useFormat } from '../../format';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { BallotsPanel } from './BallotsPanel';
import { RosterPanel } from './RosterPanel';
import { AuditPanel } from './AuditPanel';
import { HearingsPanel } from './HearingsPanel';
import { Stat } from '../../components/Stat';

const TABS = ['ballots', 'hearings', 'roster', 'audit'] as const;
type Tab = (typeof TABS)[number];

interface Props {
  token: string;
  user: StaffUser;
  sessionId: string;
  onAuthLost: () => void;
}

export function SessionConsole({ token, user, sessionId, onAuthLost }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { live, session, error } = useLiveSession(sessionId, token, { onAuthLost, tallies: true });
  const [tab, setTab] = useState<Tab>('ballots');
  const screen = useMutation({ mutationFn: () => call('POST /api/sessions/:id/screen-token', { id: sessionId }, { token }) });
  const screenUrl = screen.data ? `/screen/${encodeURIComponent(sessionId)}#token=${encodeURIComponent(screen.data.token)}` : null;
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ ballots: null, hearings: null, roster: null, audit: null });
  useTitle(session?.name ?? t('console.title'));
  const ballotTitles = useMemo(() => {
    const titles: Record<string, string> = {};
    for (const b of session?.ballots ?? []) if (b.title) titles[b.id] = b.title;
    for (const b of live.ballots) if (b.title) titles[b.ballotId] = b.title;
    return titles;
  }, [session, live.ballots]);

  const openScreen = () => {
    // open the window synchronously (inside the click) so popup blockers let it through
    const w = window.open('about:blank', '_blank');
    screen.mutate(undefined, {
      onSuccess: (r) => {
        if (!w) return;
        w.opener = null;
        w.location.href = `/screen/${encodeURIComponent(sessionId)}#token=${encodeURIComponent(r.token)}`;
      },
      onError: () => w?.close(),
    });
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.indexOf(tab);
    let next: Tab | null = null;
    if (e.key === 'ArrowRight') next = TABS[(i + 1) % TABS.length];
    else if (e.key === 'ArrowLeft') next = TABS[(i - 1 + TABS.length) % TABS.length];
    else if (e.key === 'Home') next = TABS[0];
    else if (e.key === 'End') next = TABS[TABS.length - 1];
    if (next) {
      e.preventDefault();
      setTab(next);
      tabRefs.current[next]?.focus();
    }
  };

  if (error && !session) return <ErrorBox error={error} />;
  if (!session) return <Loading />;

  const { rosterSize, present, quorumMet } = sessionCounts(live, session);
  const q = session.quorum;

  return (
    <div className="stack session-console">
      <div className="console-head">
        <div>
          <Link to="/console" className="backlink">{t('console.allSessions')}</Link>
          <h1 data-testid="session-name">{session.name}</h1>
        </div>
        <div className="console-head__tools">
          <ConnectionBadge state={live.connection === 'idle' ? 'connecting' : live.connection} />
          <button type="button" className="btn btn--secondary" onClick={openScreen} data-testid="open-screen-button">
            {t('console.openScreen')}
          </button>
        </div>
      </div>
      {screen.error ? <ErrorBox error={screen.error} /> : null}
      {screenUrl ? (
        <p className="muted small">
          {t('console.screenLinkHint')}{' '}
          <a href={screenUrl} target="_blank" rel="noopener" data-testid="screen-link">
            {t('console.screenLink')}
          </a>
        </p>
      ) : null}

      <dl className="stats stats--console" aria-label={t('session.attendance')}>
        <Stat className="stats__item" label={t('session.rosterSize')} testId="console-roster-size">{fmt.num(rosterSize)}</Stat>
        <Stat className="stats__item" label={t('session.present')} testId="console-present">{fmt.num(present)}</Stat>
        <Stat className={`stats__item ${quorumMet ? 'is-ok' : 'is-warn'}`} label={t('session.quorum')} testId="console-quorum" met={quorumMet}>
          {quorumMet ? t('session.quorumMet') : t('session.quorumNotMet')}
          <span className="stats__sub">
            {t(q.strict ? 'session.quorumRuleStrict' : 'session.quorumRule', { num: q.num, den: q.den })}
          </span>
        </Stat>
      </dl>

      <div className="tabs" role="tablist" aria-label={t('console.sections')}>
        {TABS.map((k) => (
          <button
            key={k}
            ref={(el) => {
              tabRefs.current[k] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            className={`tabs__tab${tab === k ? ' is-active' : ''}`}
            onClick={() => setTab(k)}
            onKeyDown={onTabKey}
            data-testid={`tab-${k}`}
          >
            {k === 'hearings' ? t('hearings.tab') : t(`console.tab.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
        {tab === 'ballots' ? (
          <BallotsPanel token={token} user={user} session={session} live={live} present={present} quorumMet={quorumMet} />
        ) : tab === 'hearings' ? (
          <HearingsPanel token={token} session={session} liveVersion={live.version} />
        ) : tab === 'roster' ? (
          <RosterPanel token={token} sessionId={sessionId} livePresent={present} liveVersion={live.version} />
        ) : (
          <AuditPanel token={token} sessionId={sessionId} liveVersion={live.version} sessionName={session.name} ballotTitles={ballotTitles} />
        )}
      </div>
    </div>
  );
}
