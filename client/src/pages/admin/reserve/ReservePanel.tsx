// 储备库: the body's kept ideas — projects not selected or infeasible for now, suggestions not adopted — by
// year and supporters; a project goes into the chosen year's screening in one step (转入 … 年筛选).
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { Body } from '../../../api';
import { ErrorBox } from '../../../components/ErrorBox';
import { LocalTable } from '../../../components/DataTable';
import { PanelHead } from '../common';
import { useFromReserve, useReserve, type Reserve } from './reserveApi';
import { ReserveButton } from './ReserveButton';
import { SuggestionIntoYear } from './SuggestionIntoYear';

type ReservedProject = Reserve['projects'][number];
type ReservedSuggestion = Reserve['suggestions'][number];

export function ReservePanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  // The year being screened: the stage bar's, else next year (as the screening tab).
  const year = Number(params.get('year')) || new Date().getFullYear() + 1;
  const reserve = useReserve(token, body.id);
  const bring = useFromReserve(token, body.id);
  const [done, setDone] = useState('');

  const projectColumns = useMemo<ColumnDef<ReservedProject, unknown>[]>(() => [
    { id: 'year', header: t('reserve.col.year'), cell: ({ row }) => row.original.year },
    { id: 'title', header: t('reserve.col.title'), meta: { rowHeader: true }, cell: ({ row: { original: p } }) => <span><strong>{p.title}</strong><br /><span className="small muted">{p.department}</span></span> },
    { id: 'status', header: t('reserve.col.status'), cell: ({ row }) => <span className="tag">{t(`projectStatus.${row.original.status}`, { defaultValue: row.original.status })}</span> },
    { id: 'supporters', header: t('reserve.col.supporters'), cell: ({ row }) => t('reserve.people', { count: row.original.supporters }) },
    { id: 'note', header: t('reserve.col.note'), cell: ({ row }) => <span className="small">{row.original.note ?? ''}</span> },
    { id: 'actions', header: t('reserve.col.actions'), cell: ({ row: { original: p } }) => (
      <span className="btn-row">
        {p.year < year ? (
          <button type="button" className="btn btn--primary btn--sm" disabled={bring.isPending} data-testid="reserve-bring"
            onClick={() => bring.mutate({ year, fromReserve: p.id }, { onSuccess: (made) => setDone(t('reserve.broughtInto', { title: made.title, year })) })}>
            {t('reserve.bringInto', { year })}
          </button>
        ) : null}
        <ReserveButton token={token} bodyId={body.id} kind="project" id={p.id} title={p.title} reserved />
      </span>
    ) },
  ], [t, year, bring, token, body.id]);

  const suggestionColumns = useMemo<ColumnDef<ReservedSuggestion, unknown>[]>(() => [
    { id: 'year', header: t('reserve.col.year'), cell: ({ row }) => row.original.year },
    { id: 'title', header: t('reserve.col.title'), meta: { rowHeader: true }, cell: ({ row }) => row.original.title },
    { id: 'supporters', header: t('reserve.col.supporters'), cell: ({ row }) => t('reserve.people', { count: row.original.supporters }) },
    { id: 'note', header: t('reserve.col.note'), cell: ({ row }) => <span className="small">{row.original.note ?? ''}</span> },
    { id: 'actions', header: t('reserve.col.actions'), cell: ({ row: { original: s } }) => (
      <span className="btn-row">
        {s.year < year ? <SuggestionIntoYear token={token} bodyId={body.id} idea={s} year={year} onDone={(title) => setDone(t('reserve.broughtInto', { title, year }))} /> : null}
        <ReserveButton token={token} bodyId={body.id} kind="suggestion" id={s.id} title={s.title} reserved />
      </span>
    ) },
  ], [t, token, body.id, year]);

  return (
    <section className="stack" aria-labelledby="reserve-heading" data-testid="reserve">
      <PanelHead id="reserve-heading" heading={t('reserve.heading')} intro={t('reserve.intro')} />
      <ErrorBox error={reserve.error ?? bring.error} />
      {done ? <p className="alert alert--ok" role="status" data-testid="reserve-done">{done}</p> : null}
      <h3>{t('reserve.projects')}</h3>
      <LocalTable caption={t('reserve.projects')} columns={projectColumns} rows={reserve.data?.projects ?? []} getRowId={(p) => p.id}
        empty={t('reserve.emptyProjects')} loading={reserve.isFetching} testId="reserve-projects" rowTestId={(p) => `reserve-project-${p.id}`} />
      <h3>{t('reserve.suggestions')}</h3>
      <LocalTable caption={t('reserve.suggestions')} columns={suggestionColumns} rows={reserve.data?.suggestions ?? []} getRowId={(s) => s.id}
        empty={t('reserve.emptySuggestions')} loading={reserve.isFetching} testId="reserve-suggestions" rowTestId={(s) => `reserve-suggestion-${s.id}`} />
    </section>
  );
}
