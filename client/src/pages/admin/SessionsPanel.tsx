import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { Body, StaffSessionSummary } from '../../api';
import { Loading } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useFormat } from '../../format';
import { useSessions } from './adminApi';
import { LocalTable } from '../../components/DataTable';
import { SessionForm } from './SessionForm';
import { ToggleButton } from './common';

/** 会议: the body's sessions (open each in the presider console) and a form to create one. */
export function SessionsPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data: sessions, error } = useSessions(token, body.id);
  const [showForm, setShowForm] = useState(false);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const columns = useMemo<ColumnDef<StaffSessionSummary, unknown>[]>(() => [
    { id: 'name', header: t('admin.sessions.name'), meta: { rowHeader: true }, cell: ({ row }) => row.original.name },
    { id: 'kind', header: t('admin.sessions.kind'), cell: ({ row }) => t(`session.kind.${row.original.kind}`) },
    { id: 'state', header: t('admin.sessions.state'), cell: ({ row: { original: s } }) => <span className={s.state === 'open' ? 'tag tag--ok' : 'tag tag--muted'}>{t(`session.state.${s.state}`, { defaultValue: s.state })}</span> },
    { id: 'roster', header: t('session.rosterSize'), meta: { className: 'num-col' }, cell: ({ row }) => fmt.num(row.original.rosterSize) },
    { id: 'present', header: t('session.present'), meta: { className: 'num-col' }, cell: ({ row }) => fmt.num(row.original.present) },
    // may wrap: kept on one line it pushed 打开控制台 / Open console out of sight at 1024 px (English)
    { id: 'createdAt', header: t('admin.sessions.createdAt'), cell: ({ row }) => fmt.dateTime(row.original.createdAt) },
    {
      id: 'actions', header: () => <span className="visually-hidden">{t('admin.members.actions')}</span>, meta: { className: 'nowrap' },
      cell: ({ row: { original: s } }) => (
        <Link className="btn btn--ghost btn--sm" to={`/console/${encodeURIComponent(s.id)}`} data-testid={`admin-session-console-${s.id}`}>
          {t('admin.sessions.openConsole')}
          {/* the visible words first, then which session: an aria-label would drop the words a voice-control user says */}
          <span className="visually-hidden"> — {s.name}</span>
        </Link>
      ),
    },
  ], [t, fmt]);

  return (
    <div className="stack" data-testid="admin-sessions">
      <div className="admin-panel-head">
        <h2>{t('admin.sessions.heading')}</h2>
        <ToggleButton open={showForm} onToggle={() => setShowForm((v) => !v)} controls="session-form-area" testId="admin-session-create-toggle">{t('admin.sessions.create')}</ToggleButton>
      </div>
      <div id="session-form-area">
        {showForm ? (
          <SessionForm
            token={token}
            body={body}
            onCreated={(s) => {
              setCreated(s);
              setShowForm(false);
            }}
            onCancel={() => setShowForm(false)}
          />
        ) : null}
      </div>
      {created ? (
        <div className="alert alert--ok" role="status" data-testid="admin-session-created">
          {t('admin.sessions.created', { name: created.name })}{' '}
          <Link to={`/console/${encodeURIComponent(created.id)}`} data-testid="admin-session-created-link">
            {t('admin.sessions.openConsole')}
          </Link>
        </div>
      ) : null}
      {error ? <ErrorBox error={error} testId="admin-sessions-error" /> : null}
      {!sessions ? (
        error ? null : <Loading />
      ) : sessions.length === 0 ? (
        <p className="muted" data-testid="admin-sessions-empty">{t('admin.sessions.empty')}</p>
      ) : (
        <LocalTable caption={t('admin.sessions.heading')} columns={columns} rows={sessions} getRowId={(s) => s.id} empty={t('admin.sessions.empty')}
          testId="admin-session-table" rowTestId={(s) => `admin-session-row-${s.id}`} />
      )}
    </div>
  );
}
