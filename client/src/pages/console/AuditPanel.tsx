// 操作记录 of the session, in words, newest first: what happened ("结束表决「…」", facts under it), when and by whom;
// a run of check-ins as one line (its first and last minute) whose names open on demand, and a filter by kind (全部 · 表决 · 出席 · 其他).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { LocalTable } from '../../components/DataTable';
import { useFormat } from '../../format';
import { Loading } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { Actor, Sentence } from '../audit/AuditParts';
import { auditWords, actorWords } from '../audit/auditWords';
import { consoleKeys, useAudit, useInvalidateOn, useRoster } from './consoleApi';
import { LOG_KINDS, ballotNames, sessionLines, type LogKind, type LogLine, type Names } from './sessionLog';

interface Props {
  token: string;
  sessionId: string;
  liveVersion: number;
  sessionName: string;
  /** ballot id → title, from the session (the log itself names ballots created in it) */
  ballotTitles: Record<string, string>;
}

export function AuditPanel({ token, sessionId, liveVersion, sessionName, ballotTitles }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data: entries, error, refetch } = useAudit(token, sessionId);
  useInvalidateOn(consoleKeys.audit(sessionId), [liveVersion], 800);
  // Names for older entries without labels, from the roster the roster tab reads too.
  const { data: roster } = useRoster(token, sessionId);
  const [kind, setKind] = useState<LogKind>('all');

  const names = useMemo<Names>(() => ({
    members: new Map((roster ?? []).map((m) => [m.memberId, m])), ballots: ballotNames(entries ?? [], ballotTitles), sessionId, sessionName,
  }), [entries, roster, ballotTitles, sessionId, sessionName]);
  const lines = useMemo(() => sessionLines(entries ?? [], names, kind), [entries, names, kind]);

  // A session is a day or a few: the minute alone, or the date too when the log spans days.
  const when = useMemo(() => {
    const minute = new Intl.DateTimeFormat(fmt.locale, { hour: '2-digit', minute: '2-digit' });
    const days = new Set((entries ?? []).map((e) => new Date(e.at).toDateString()));
    return (iso: string) => (days.size > 1 ? fmt.dateTime(iso) : minute.format(new Date(iso)));
  }, [entries, fmt]);

  const columns = useMemo<ColumnDef<LogLine, unknown>[]>(() => [
    {
      id: 'at', header: t('audit.col.at'), meta: { className: 'audit__when' },
      cell: ({ row: { original: l } }) => {
        if (l.kind === 'checkIns' && when(l.from) !== when(l.at)) {
          return <><time dateTime={l.from} title={fmt.dateTime(l.from)}>{when(l.from)}</time>–<time dateTime={l.at} title={fmt.dateTime(l.at)}>{when(l.at)}</time></>;
        }
        const at = l.kind === 'entry' ? l.entry.at : l.at;
        return <time dateTime={at} title={fmt.dateTime(at)}>{when(at)}</time>;
      },
    },
    {
      id: 'actor', header: t('audit.col.actor'), meta: { className: 'audit__actor' },
      cell: ({ row: { original: l } }) => <Actor actor={l.kind === 'entry' ? actorWords(t, l.entry.actor) : { text: t('audit.actorKind.member') }} />,
    },
    {
      id: 'what', header: t('audit.col.what'),
      cell: ({ row: { original: l } }) => (l.kind === 'entry'
        ? <Sentence words={auditWords(t, fmt, l.entry, (id) => names.ballots.get(id) ?? null)} testId="audit-sentence" />
        : (
          <details className="audit__fold" data-testid="audit-fold">
            <summary className="audit__sentence" data-testid="audit-sentence">{t('audit.checkIns', { count: l.entries.length, n: fmt.num(l.entries.length) })}</summary>
            <p className="audit__names">
              {l.entries.map((e) => e.subject.label ?? actorWords(t, e.actor).text).join(t('audit.listSeparator'))}
            </p>
          </details>
        )),
    },
  ], [t, fmt, names, when]);

  return (
    <section className="stack" aria-labelledby="audit-heading">
      <div className="panel-head">
        <h2 id="audit-heading">{t('audit.heading')}</h2>
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => void refetch()} data-testid="audit-refresh">
          {t('common.refresh')}
        </button>
      </div>
      <div className="btn-row" role="group" aria-label={t('audit.filter.kind')}>
        {LOG_KINDS.map((k) => (
          <button key={k} type="button" className={`btn btn--sm ${k === kind ? 'btn--primary' : 'btn--secondary'}`} aria-pressed={k === kind}
            onClick={() => setKind(k)} data-testid={`audit-kind-${k}`}>{t(`audit.filter.${k}`)}</button>
        ))}
      </div>
      <ErrorBox error={error} />
      {!entries ? (
        error ? null : <Loading />
      ) : (
        <LocalTable caption={t('audit.heading')} columns={columns} rows={lines} getRowId={(l) => l.key} limit={100}
          empty={t(entries.length ? 'audit.emptyFiltered' : 'audit.empty')} testId="audit-table" rowTestId={() => 'audit-row'}
          rowData={(l): Record<`data-${string}`, string> => (l.kind === 'entry' ? { 'data-action': l.entry.action } : { 'data-action': 'member.checked_in', 'data-count': String(l.entries.length) })} />
      )}
    </section>
  );
}
