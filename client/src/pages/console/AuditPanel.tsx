import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { AuditEntry } from '../../api';
import { LocalTable } from '../../components/DataTable';
import { useFormat } from '../../format';
import { Loading } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { consoleKeys, useAudit, useInvalidateOn, useRoster } from './consoleApi';
import { actorShown, detailFacts, isRec, str, subjectShown, type Fact, type Names } from './auditText';

interface Props {
  token: string;
  sessionId: string;
  liveVersion: number;
  sessionName: string;
  /** ballot id → title, from the session (the log itself names ballots created in it) */
  ballotTitles: Record<string, string>;
}

type Row = AuditEntry & { n: number };

function Facts({ facts }: { facts: Fact[] }): ReactNode {
  if (!facts.length) return null;
  return (
    <ul className="audit__facts">
      {facts.map((f, i) => (
        <li key={i}>
          {f.label ? <span className="audit__label">{f.label}</span> : null}
          {f.label ? ' ' : null}
          <span className="audit__value">{f.value}</span>
        </li>
      ))}
    </ul>
  );
}

export function AuditPanel({ token, sessionId, liveVersion, sessionName, ballotTitles }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data: entries, error, refetch } = useAudit(token, sessionId);
  useInvalidateOn(consoleKeys.audit(sessionId), [liveVersion], 800);
  // Names for the member ids in the log, from the roster the roster tab reads too; without it the ids are shown as they are.
  const { data: roster } = useRoster(token, sessionId);

  const names = useMemo<Names>(() => {
    const ballots = new Map(Object.entries(ballotTitles));
    for (const e of entries ?? []) {
      if ((e.action === 'ballot.created' || e.action === 'ballot.runoff_created') && e.subject && isRec(e.detail)) {
        const title = str(e.detail.title);
        if (title && !ballots.has(e.subject)) ballots.set(e.subject, title);
      }
    }
    return { members: new Map((roster ?? []).map((m) => [m.memberId, m])), ballots, sessionId, sessionName };
  }, [entries, roster, ballotTitles, sessionId, sessionName]);

  const rows = useMemo(() => (entries ?? []).map((e, n) => ({ ...e, n })), [entries]);
  const columns = useMemo<ColumnDef<Row, unknown>[]>(() => [
    { id: 'at', header: t('audit.at'), meta: { className: 'nowrap' }, cell: ({ row }) => fmt.dateTime(row.original.at) },
    {
      id: 'actor', header: t('audit.actor'), meta: { className: 'audit__actor' },
      cell: ({ row }) => {
        const actor = actorShown(t, names, row.original.actor);
        return <span title={actor.hint}>{actor.text}{actor.sub ? <span className="audit__role">{actor.sub}</span> : null}</span>;
      },
    },
    { id: 'action', header: t('audit.action'), meta: { className: 'audit__action' }, cell: ({ row }) => t(`audit.actions.${row.original.action.replace(/[.:]/g, '_')}`, { defaultValue: row.original.action }) },
    {
      id: 'subject', header: t('audit.subject'), meta: { className: 'audit__subject' },
      cell: ({ row }) => {
        const subject = subjectShown(t, names, row.original);
        return <span className={subject.raw ? 'mono small' : undefined} title={subject.hint}>{subject.text}</span>;
      },
    },
    { id: 'detail', header: t('audit.detail'), meta: { className: 'small audit__detail' }, cell: ({ row }) => <Facts facts={detailFacts(t, fmt, names, row.original)} /> },
  ], [t, fmt, names]);

  return (
    <section className="stack" aria-labelledby="audit-heading">
      <div className="panel-head">
        <h2 id="audit-heading">{t('audit.heading')}</h2>
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => void refetch()} data-testid="audit-refresh">
          {t('common.refresh')}
        </button>
      </div>
      <ErrorBox error={error} />
      {!entries ? (
        error ? null : <Loading />
      ) : entries.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <LocalTable caption={t('audit.heading')} columns={columns} rows={rows} getRowId={(e) => String(e.n)} empty={t('audit.empty')} limit={100}
          testId="audit-table" rowTestId={() => 'audit-row'} rowData={(e) => ({ 'data-action': e.action })} />
      )}
    </section>
  );
}
