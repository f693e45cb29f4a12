import { useEffect, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/console.css';
import { api, type StaffSessionSummary, type StaffUser } from '../../api';
import { useFormat } from '../../format';
import { TopBar } from '../../components/TopBar';
import { ErrorBox, Loading, useTitle } from '../../components/Feedback';
import { useStaffUser } from '../staff/useStaffUser';
import { SessionConsole } from './SessionConsole';

/** /console and /console/:sessionId — the presider console. */
export default function ConsolePage() {
  const { t } = useTranslation();
  const { sessionId } = useParams();
  const { token, user, error, authLost, markAuthLost, signOut, signInPath } = useStaffUser();
  useTitle(t('console.title'));

  if (!token || authLost) return <Navigate to={signInPath} replace />;

  return (
    <div className="page console">
      <TopBar title={t('console.title')}>
        {user ? (
          <span className="console__who" data-testid="staff-name">
            {user.username} · {t(`role.${user.role}`)}
          </span>
        ) : null}
        <button type="button" className="btn btn--ghost" onClick={signOut} data-testid="signout-button">
          {t('common.signOut')}
        </button>
      </TopBar>
      <main className="container container--wide" id="main">
        {error ? <ErrorBox error={error} /> : null}
        {!user ? (
          error ? null : <Loading />
        ) : sessionId ? (
          <SessionConsole key={sessionId} token={token} user={user} sessionId={sessionId} onAuthLost={markAuthLost} />
        ) : (
          <SessionPicker token={token} user={user} />
        )}
      </main>
    </div>
  );
}

function SessionPicker({ token, user }: { token: string; user: StaffUser }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [sessions, setSessions] = useState<StaffSessionSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const load = user.bodyId
      ? api.bodySessions(token, user.bodyId)
      : // A deployment-wide admin has no body of its own: list the sessions of every body.
        api.bodies().then((bodies) => Promise.all(bodies.map((b) => api.bodySessions(token, b.id)))).then((lists) => lists.flat());
    load.then(setSessions, setError);
  }, [token, user.bodyId]);
  if (error) return <ErrorBox error={error} />;
  if (!sessions) return <Loading />;
  return (
    <section className="stack" aria-labelledby="pick-heading">
      <h1 id="pick-heading">{t('console.chooseSession')}</h1>
      {sessions.length === 0 ? (
        <p className="muted" data-testid="no-sessions">{t('console.noSessions')}</p>
      ) : (
        <table className="table" data-testid="session-table">
          <thead>
            <tr>
              <th scope="col">{t('console.sessionName')}</th>
              <th scope="col">{t('console.sessionKind')}</th>
              <th scope="col">{t('console.sessionState')}</th>
              <th scope="col" className="num-col">{t('session.rosterSize')}</th>
              <th scope="col" className="num-col">{t('session.present')}</th>
              <th scope="col">{t('console.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/console/${encodeURIComponent(s.id)}`} data-testid={`session-${s.id}`}>
                    {s.name}
                  </Link>
                </td>
                <td>{t(`session.kind.${s.kind}`)}</td>
                <td>{t(`session.state.${s.state}`, { defaultValue: s.state })}</td>
                <td className="num-col">{fmt.num(s.rosterSize)}</td>
                <td className="num-col">{fmt.num(s.present)}</td>
                <td>{fmt.dateTime(s.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
