import { useMemo } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import '../../styles/console.css';
import type { StaffSessionSummary, StaffUser } from '../../api';
import { LocalTable } from '../../components/DataTable';
import { useFormat } from '../../format';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useStaffUser } from '../staff/useStaffUser';
import { StaffTopBar } from '../staff/StaffTopBar';
import { SessionConsole } from './SessionConsole';
import { useStaffSessions } from './consoleApi';

/** /console and /console/:sessionId — the presider console. */
export default function ConsolePage() {
  const { t } = useTranslation();
  const { sessionId } = useParams();
  const { token, user, error, authLost, markAuthLost, signOut, signInPath } = useStaffUser();
  useTitle(t('console.title'));

  if (!token || authLost) return <Navigate to={signInPath} replace />;

  return (
    <div className="page console">
      <StaffTopBar title={t('console.title')} user={user} whoClass="console__who" onSignOut={signOut} />
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
  const { data: sessions, error } = useStaffSessions(token, user.bodyId ?? null);
  const columns = useMemo<ColumnDef<StaffSessionSummary, unknown>[]>(() => [
    { id: 'name', header: t('console.sessionName'), cell: ({ row: { original: s } }) => <Link to={`/console/${encodeURIComponent(s.id)}`} data-testid={`session-${s.id}`}>{s.name}</Link> },
    { id: 'kind', header: t('console.sessionKind'), cell: ({ row }) => t(`session.kind.${row.original.kind}`) },
    { id: 'state', header: t('console.sessionState'), cell: ({ row }) => t(`session.state.${row.original.state}`, { defaultValue: row.original.state }) },
    { id: 'roster', header: t('session.rosterSize'), meta: { className: 'num-col' }, cell: ({ row }) => fmt.num(row.original.rosterSize) },
    { id: 'present', header: t('session.present'), meta: { className: 'num-col' }, cell: ({ row }) => fmt.num(row.original.present) },
    { id: 'createdAt', header: t('console.createdAt'), cell: ({ row }) => fmt.dateTime(row.original.createdAt) },
  ], [t, fmt]);
  if (error) return <ErrorBox error={error} />;
  if (!sessions) return <Loading />;
  return (
    <section className="stack" aria-labelledby="pick-heading">
      <h1 id="pick-heading">{t('console.chooseSession')}</h1>
      {sessions.length === 0 ? (
        <p className="muted" data-testid="no-sessions">{t('console.noSessions')}</p>
      ) : (
        <LocalTable caption={t('console.chooseSession')} columns={columns} rows={sessions} getRowId={(s) => s.id} empty={t('console.noSessions')} testId="session-table" />
      )}
    </section>
  );
}
