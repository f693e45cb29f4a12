// 通知 · the notices sent to people for this body (the outbox): when, what kind in words, to which number —
// masked by the server, the full number never reaches this page — the text, its state (待发送 / 已发送 / 失败)
// with the attempts and the last error, and 重试 for a failed one. Filters and the page live in the URL
// (?status=&kind=&offset=), 50 a page cut by the server.
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { Body } from '../../../api';
import { DataTable } from '../../../components/DataTable';
import { ErrorBox } from '../../../components/ErrorBox';
import { useFormat } from '../../../format';
import { PanelHead } from '../common';
import { NOTICE_KINDS, NOTICE_STATUSES, useNotices, useRetryNotice, type NoticeFilters, type NoticeItem } from './noticesApi';
import '../../../styles/notices-admin.css';

const PAGE = 50;
const pick = <T extends string>(list: readonly T[], v: string | null): T | undefined => ((list as readonly string[]).includes(v ?? '') ? (v as T) : undefined);

export function NoticesPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const filters: NoticeFilters = {
    status: pick(NOTICE_STATUSES, params.get('status')),
    kind: pick(NOTICE_KINDS, params.get('kind')),
    offset: Number(params.get('offset')) || 0,
    limit: PAGE,
  };
  const notices = useNotices(token, body.id, filters);
  const retry = useRetryNotice(token, body.id);
  // the notice last sent again, to say so (the list then shows it 待发送, soon 已发送)
  const [retried, setRetried] = useState<NoticeItem | null>(null);
  const set = useCallback((changes: Record<string, string | undefined>) => (setRetried(null), setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
    if (!('offset' in changes)) next.delete('offset');
    return next;
  }, { replace: true })), [setParams]);
  const rows = notices.data?.items ?? [];

  const columns = useMemo<ColumnDef<NoticeItem, unknown>[]>(() => [
    {
      id: 'at', header: t('noticesAdmin.col.at'), meta: { className: 'notices__when' },
      cell: ({ row: { original: n } }) => (
        <>
          <time dateTime={n.createdAt}>{fmt.dateTime(n.createdAt)}</time>
          {n.sentAt ? <span className="small muted notices__sent">{t('noticesAdmin.sentAt', { at: fmt.dateTime(n.sentAt) })}</span> : null}
        </>
      ),
    },
    { id: 'kind', header: t('noticesAdmin.col.kind'), meta: { className: 'notices__kind' }, cell: ({ row: { original: n } }) => t(`noticesAdmin.kind.${n.kind}`) },
    { id: 'to', header: t('noticesAdmin.col.to'), meta: { className: 'notices__to' }, cell: ({ row: { original: n } }) => <span className="mono" data-testid="notice-to">{n.to}</span> },
    { id: 'text', header: t('noticesAdmin.col.text'), meta: { className: 'notices__text' }, cell: ({ row: { original: n } }) => n.text },
    {
      id: 'status', header: t('noticesAdmin.col.status'),
      cell: ({ row: { original: n } }) => (
        <>
          <span className={`tag notices__status notices__status--${n.status}`} data-testid="notice-status">{t(`noticesAdmin.status.${n.status}`)}</span>
          <span className="small muted notices__attempts">{t('noticesAdmin.attempts', { count: n.attempts })}</span>
        </>
      ),
    },
    {
      id: 'error', header: t('noticesAdmin.col.error'), meta: { className: 'notices__error' },
      cell: ({ row: { original: n } }) => (n.lastError ? <span className="small">{n.lastError}</span> : <span className="muted">—</span>),
    },
    {
      id: 'actions', header: () => <span className="visually-hidden">{t('noticesAdmin.col.actions')}</span>, meta: { className: 'admin-actions-col' },
      cell: ({ row: { original: n } }) => (n.status === 'failed' ? (
        <button type="button" className="btn btn--secondary btn--sm" disabled={retry.isPending} data-testid={`notice-retry-${n.id}`}
          aria-label={t('noticesAdmin.retryFor', { to: n.to, at: fmt.dateTime(n.createdAt) })}
          onClick={() => retry.mutate(n.id, { onSuccess: (done) => setRetried(done) })}>
          {retry.isPending && retry.variables === n.id ? t('common.working') : t('noticesAdmin.retry')}
        </button>
      ) : null),
    },
  ], [t, fmt, retry]);

  const filtered = !!(filters.status || filters.kind);
  return (
    <section className="stack notices" aria-labelledby="notices-heading" data-testid="notices">
      <PanelHead id="notices-heading" heading={t('noticesAdmin.heading')} intro={t('noticesAdmin.intro')} />
      <div className="admin-filter-bar">
        <div className="field field--inline">
          <label className="field__label" htmlFor="notices-status">{t('noticesAdmin.filter.status')}</label>
          <select id="notices-status" className="input" value={filters.status ?? ''} onChange={(e) => set({ status: e.target.value || undefined })} data-testid="notices-status">
            <option value="">{t('noticesAdmin.filter.allStatuses')}</option>
            {NOTICE_STATUSES.map((s) => <option key={s} value={s}>{t(`noticesAdmin.status.${s}`)}</option>)}
          </select>
        </div>
        <div className="field field--inline">
          <label className="field__label" htmlFor="notices-kind">{t('noticesAdmin.filter.kind')}</label>
          <select id="notices-kind" className="input" value={filters.kind ?? ''} onChange={(e) => set({ kind: e.target.value || undefined })} data-testid="notices-kind">
            <option value="">{t('noticesAdmin.filter.allKinds')}</option>
            {NOTICE_KINDS.map((k) => <option key={k} value={k}>{t(`noticesAdmin.kind.${k}`)}</option>)}
          </select>
        </div>
        {notices.data ? <span className="muted small" data-testid="notices-total">{t('noticesAdmin.total', { count: notices.data.total })}</span> : null}
      </div>
      <div role="status">
        {retried ? <p className="alert alert--ok" data-testid="notices-retried">{t('noticesAdmin.retried', { to: retried.to })}</p> : null}
      </div>
      <ErrorBox error={retry.error} scope="noticesAdmin" testId="notices-retry-error" />
      <ErrorBox error={notices.error} testId="notices-error" />
      <DataTable caption={t('noticesAdmin.heading')} columns={columns} rows={rows} total={notices.data?.total ?? 0} loading={notices.isFetching && !notices.data}
        page={{ offset: filters.offset, limit: PAGE }} onPage={(p) => set({ offset: p.offset ? String(p.offset) : undefined })}
        getRowId={(n) => n.id} empty={t(filtered ? 'noticesAdmin.emptyFiltered' : 'noticesAdmin.empty')}
        testId="notices-table" rowTestId={() => 'notice-row'} rowData={(n) => ({ 'data-id': n.id, 'data-status': n.status, 'data-kind': n.kind })} hideSinglePage />
    </section>
  );
}
