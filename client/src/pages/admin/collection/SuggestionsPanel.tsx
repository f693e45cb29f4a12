// 征集 · the staff inbox: every suggestion of the body and year, searched and filtered on the server, with
// likely duplicates for each and bulk decisions. The view lives in the URL (?year=&status=&q=…).
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef, RowSelectionState, SortingState } from '@tanstack/react-table';
import type { Body } from '../../../api';
import { Notice } from '../../../components/Feedback';
import { ErrorBox } from '../../../components/ErrorBox';
import { DataTable, selectColumn } from '../../../components/DataTable';
import { useFormat } from '../../../format';
import { categories } from '../../../../../shared/schemas';
import { inboxQuery, suggestionChannels, suggestionStatuses } from '../../../../../shared/collection-schemas';
import { useInbox, useStaffStations, useWindows, type InboxFilters, type InboxItem } from './inboxApi';
import { BulkActions } from './BulkActions';
import { SimilarDrawer } from './SimilarDrawer';
import { PanelHead } from '../common';

const filterKeys = ['status', 'category', 'channel', 'stationId'] as const;
const sorts = inboxQuery.shape.sort.unwrap().options;
/** A value of the URL that the inbox's query takes, or nothing (a stale or edited link asks for no filter). */
const oneOf = <T extends string>(list: readonly T[], v: string | null) => list.find((x) => x === v);

export function SuggestionsPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const windows = useWindows(token, body.id);
  const stations = useStaffStations(body.id);
  const stationName = useMemo(() => new Map((stations.data ?? []).map((s) => [s.id, s.name])), [stations.data]);
  const years = [...new Set((windows.data ?? []).map((w) => w.year))].sort((a, b) => b - a);
  const filters: InboxFilters = {
    year: Number(params.get('year')) || undefined, q: params.get('q') ?? undefined, sort: oneOf(sorts, params.get('sort')),
    status: oneOf(suggestionStatuses, params.get('status')), category: oneOf(categories, params.get('category')),
    channel: oneOf(suggestionChannels, params.get('channel')), stationId: params.get('stationId') ?? undefined,
    offset: Number(params.get('offset')) || 0, limit: 50,
  };
  const inbox = useInbox(token, body.id, filters);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [focus, setFocus] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
    if (!('offset' in changes)) next.delete('offset');
    setParams(next, { replace: true });
    setSelection({});
  };
  const sorting: SortingState = filters.sort ? [{ id: filters.sort.replace('-', ''), desc: filters.sort.startsWith('-') }] : [{ id: 'createdAt', desc: true }];
  const facets = inbox.data?.facets;
  const rows = inbox.data?.items ?? [];
  const selected = rows.filter((r) => selection[r.id]);

  const columns = useMemo<ColumnDef<InboxItem, unknown>[]>(() => [
    selectColumn<InboxItem>(t('inbox.select')),
    { id: 'title', header: t('inbox.col.title'), enableSorting: false, cell: ({ row: { original: s } }) => (
      <div className="inbox-title">
        <button type="button" className="linklike" onClick={() => setFocus(s.id)} data-testid="inbox-open-similar">{s.title}</button>
        <span className="small muted">{s.area ?? ''} <span className="mono">{s.trackingCode}</span></span>
      </div>
    ) },
    { id: 'category', header: t('inbox.col.category'), enableSorting: false, cell: ({ row }) => t(`category.${row.original.category}`) },
    { id: 'channel', header: t('inbox.col.channel'), enableSorting: false, cell: ({ row: { original: s } }) => (
      <span>{t(`suggestionChannel.${s.channel}`)}<br /><span className="small muted">{s.stationId ? stationName.get(s.stationId) : s.sender ?? ''}</span></span>
    ) },
    { id: 'status', header: t('inbox.col.status'), enableSorting: false, cell: ({ row: { original: s } }) => (
      <span className={`tag tag--status-${s.status}`} title={s.reason ?? undefined} data-testid="inbox-status">{t(`suggestionStatus.${s.status}`)}</span>
    ) },
    { id: 'supporters', header: t('inbox.col.supporters'), cell: ({ row }) => row.original.supporters },
    { id: 'createdAt', header: t('inbox.col.createdAt'), cell: ({ row }) => <span className="nowrap">{fmt.date(row.original.createdAt)}</span> },
    { id: 'contact', header: t('inbox.col.contact'), enableSorting: false, cell: ({ row }) => <span className="small">{row.original.contact ?? ''}</span> },
  ], [t, fmt, stationName]);

  const facetSelect = (key: (typeof filterKeys)[number], values: readonly string[], label: (v: string) => string) => (
    <div className="field">
      <label className="field__label" htmlFor={`inbox-${key}`}>{t(`inbox.filter.${key}`)}</label>
      <select id={`inbox-${key}`} className="input" value={filters[key] ?? ''} onChange={(e) => set({ [key]: e.target.value || undefined })} data-testid={`inbox-filter-${key}`}>
        <option value="">{t('inbox.all')}</option>
        {values.map((v) => <option key={v} value={v}>{label(v)}{facets ? ` (${facets[key][v] ?? 0})` : ''}</option>)}
      </select>
    </div>
  );

  return (
    <section className="stack" aria-labelledby="inbox-heading" data-testid="inbox">
      <PanelHead id="inbox-heading" heading={t('inbox.heading', { year: inbox.data?.year ?? '' })} intro={t('inbox.intro')} />
      <form className="inline-form inline-form--wrap inbox-filters" role="search" onSubmit={(e) => { e.preventDefault(); set({ q: (new FormData(e.currentTarget).get('q') as string) || undefined }); }}>
        <div className="field">
          <label className="field__label" htmlFor="inbox-year">{t('inbox.filter.year')}</label>
          <select id="inbox-year" className="input" value={filters.year ?? inbox.data?.year ?? ''} onChange={(e) => set({ year: e.target.value })} data-testid="inbox-year">
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <div className="field inbox-search">
          <label className="field__label" htmlFor="inbox-q">{t('inbox.filter.q')}</label>
          <input id="inbox-q" name="q" className="input" defaultValue={filters.q ?? ''} placeholder={t('inbox.searchHint')} data-testid="inbox-q" />
        </div>
        <button type="submit" className="btn btn--secondary" data-testid="inbox-search">{t('inbox.search')}</button>
        {facetSelect('status', suggestionStatuses, (v) => t(`suggestionStatus.${v}`))}
        {facetSelect('category', categories, (v) => t(`category.${v}`))}
        {facetSelect('channel', suggestionChannels, (v) => t(`suggestionChannel.${v}`))}
        {facetSelect('stationId', (stations.data ?? []).map((s) => s.id), (v) => stationName.get(v) ?? v)}
      </form>
      <ErrorBox error={inbox.error} />
      {notice ? <Notice kind="ok" testId="bulk-done">{notice}</Notice> : null}
      {selected.length ? <BulkActions token={token} body={body} year={inbox.data?.year} selected={selected} onDone={(m) => { setNotice(m); setSelection({}); }} /> : null}
      <DataTable caption={t('inbox.caption')} columns={columns} rows={rows} total={inbox.data?.total ?? 0} loading={inbox.isFetching}
        page={{ offset: filters.offset, limit: filters.limit }} onPage={(p) => set({ offset: String(p.offset) })}
        sorting={sorting} onSorting={(s) => set({ sort: s[0] ? `${s[0].desc ? '-' : ''}${s[0].id}` : undefined })}
        selection={selection} onSelection={setSelection} getRowId={(r) => r.id} empty={t('inbox.empty')} testId="inbox-table" rowTestId={(r) => `inbox-row-${r.id}`} />
      {focus ? <SimilarDrawer token={token} body={body} focus={rows.find((r) => r.id === focus) ?? null} id={focus} onClose={() => {
        // back to the title that opened it, so a keyboard user carries on down the list from there
        const opener = document.querySelector<HTMLElement>(`[data-testid="inbox-row-${focus}"] [data-testid="inbox-open-similar"]`);
        setFocus(null);
        opener?.focus();
      }} /> : null}
    </section>
  );
}
