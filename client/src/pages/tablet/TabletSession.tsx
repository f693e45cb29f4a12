import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call, type MemberInfo } from '../../api';
import { useOnline } from '../../live';
import { sessionCounts, useLiveSession } from '../../liveSession';
import { useFormat } from '../../format';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { Loading, Notice } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { BallotVote } from './BallotVote';
import { loadVote, pendingBallots } from './voteStore';
import { Stat } from '../../components/Stat';
import { useDossier } from '../dossier/dossierApi';
import { useHearings } from '../hearings/hearingsApi';
import { HearingsAgenda, HearingsBeside } from './Hearings';

interface Props {
  token: string;
  member: MemberInfo;
  sessionId: string;
  onAuthLost: () => void;
}

export function TabletSession({ token, member, sessionId, onAuthLost }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const online = useOnline();
  const [checkingIn, setCheckingIn] = useState(false);
  const [checkinError, setCheckinError] = useState<unknown>(null);
  // Seeded by every snapshot, set at once by a successful check-in without waiting for the next one.
  const [present, setPresent] = useState<boolean | null>(null);
  const { live, session, error } = useLiveSession(sessionId, token, {
    onAuthLost,
    onSnapshot: (s) => setPresent(s.me?.present ?? null),
  });

  // 会议材料已送达: asked again as the session moves until it has arrived (sending it moves the session's version)
  const [dossierSent, setDossierSent] = useState(false);
  const dossier = useDossier(token, sessionId, dossierSent ? -1 : live.version);
  if (dossier.data && !dossierSent) setDossierSent(true);
  // 听取报告: every change of the agenda moves the session's version
  const hearings = useHearings(token, sessionId, live.version).data ?? [];

  const checkIn = async () => {
    setCheckingIn(true);
    setCheckinError(null);
    try {
      await call('POST /api/sessions/:id/checkin', { id: sessionId }, { token });
      setPresent(true);
    } catch (e) {
      setCheckinError(e);
    } finally {
      setCheckingIn(false);
    }
  };

  // Which ballot to show: one with an unsent submission first (it must be resent even if the
  // ballot closed meanwhile), then the open ballot, then the latest one this tablet voted on.
  const ballots = useMemo(() => {
    if (live.ballots.length > 0) return live.ballots.map((b) => ({ id: b.ballotId, state: b.state, title: b.title ?? '' }));
    return (session?.ballots ?? []).map((b) => ({ id: b.id, state: b.state, title: b.title }));
  }, [live.ballots, session]);
  const currentBallotId = useMemo(() => {
    const pending = pendingBallots(member.id);
    const p = ballots.find((b) => pending.includes(b.id));
    if (p) return p.id;
    const open = ballots.find((b) => b.state === 'open');
    if (open) return open.id;
    for (let i = ballots.length - 1; i >= 0; i--) {
      const b = ballots[i];
      if ((b.state === 'closed' || b.state === 'published') && loadVote(member.id, b.id)?.status === 'done') return b.id;
    }
    return null;
    // live.version: re-evaluate when anything changes
  }, [ballots, member.id, live.version]);

  if (error && !session) {
    return (
      <div className="stack">
        <ErrorBox error={error} />
        <Link to="/tablet" className="btn btn--ghost">{t('tablet.backToSessions')}</Link>
      </div>
    );
  }
  if (!session) return <Loading />;

  const { rosterSize, present: presentCount, quorumMet, state: sessionState } = sessionCounts(live, session);
  const onRoster = session.me?.onRoster !== false;
  const offline = !online || live.connection === 'reconnecting';

  return (
    <div className="stack tablet-session">
      {offline ? (
        <div className="banner banner--offline" role="alert" data-testid="offline-banner">
          {t('tablet.offline')}
        </div>
      ) : null}
      <div className="tablet-session__head">
        <div>
          <Link to="/tablet" className="backlink">{t('tablet.backToSessions')}</Link>
          <h1 data-testid="session-name">{session.name}</h1>
        </div>
        <ConnectionBadge state={live.connection === 'idle' ? 'connecting' : live.connection} />
      </div>

      <dl className="stats" aria-label={t('session.attendance')}>
        <Stat className="stats__item" label={t('session.rosterSize')} testId="tablet-roster-size">{fmt.num(rosterSize)}</Stat>
        <Stat className="stats__item" label={t('session.present')} testId="tablet-present">{fmt.num(presentCount)}</Stat>
        <Stat className="stats__item" label={t('session.quorum')} testId="tablet-quorum" met={quorumMet}>
          {quorumMet ? t('session.quorumMet') : t('session.quorumNotMet')}
        </Stat>
      </dl>

      {dossier.data ? (
        <div className="alert alert--ok dossier-notice" role="status" data-testid="dossier-arrived">
          <strong>{t('dossier.arrived')}</strong>
          {dossier.data.sentAt ? <span className="small">{fmt.dateTime(dossier.data.sentAt)}</span> : null}
          <Link className="btn btn--secondary btn--sm" to={`/tablet/${encodeURIComponent(sessionId)}/dossier`} data-testid="dossier-read">{t('dossier.read')}</Link>
        </div>
      ) : null}

      {!onRoster ? (
        <Notice kind="warn" testId="not-on-roster">{t('errors.not_on_roster')}</Notice>
      ) : present ? (
        <div className={`checkin checkin--done${currentBallotId ? ' checkin--compact' : ''}`} role="status" data-testid="checkin-status">
          <span className="checkin__mark" aria-hidden="true">✓</span>
          {t('tablet.checkedIn')}
        </div>
      ) : sessionState === 'open' ? (
        <div className="stack">
          <button
            type="button"
            className="btn btn--primary btn--huge"
            onClick={checkIn}
            disabled={checkingIn}
            data-testid="checkin-button"
          >
            {checkingIn ? t('common.working') : t('tablet.checkIn')}
          </button>
          <ErrorBox error={checkinError} testId="checkin-error" />
        </div>
      ) : null}

      {sessionState !== 'open' ? (
        <Notice testId="session-ended">{t('tablet.sessionEnded')}</Notice>
      ) : null}

      {currentBallotId ? <HearingsBeside hearings={hearings} ballotId={currentBallotId} /> : null}
      {currentBallotId ? (
        <BallotVote
          key={currentBallotId}
          token={token}
          memberId={member.id}
          ballotId={currentBallotId}
          liveState={ballots.find((b) => b.id === currentBallotId)?.state ?? null}
          joins={live.joins}
          present={present === true}
          onAuthLost={onAuthLost}
        />
      ) : onRoster && sessionState === 'open' ? (
        <>
          <div className="waiting" role="status" data-testid="waiting-ballot">
            {t('tablet.waiting')}
          </div>
          <HearingsAgenda hearings={hearings} />
        </>
      ) : null}
    </div>
  );
}
