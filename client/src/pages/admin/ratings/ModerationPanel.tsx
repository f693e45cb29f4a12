// 群众评单 · 留言审核: residents' comments on finished projects wait here until an admin shows or hides
// them; only shown comments appear on the public project page.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { call, type Answer, type Body, type BodyOf } from '../../../api';
import { ErrorBox } from '../../../components/ErrorBox';
import { DataTable, type PageState } from '../../../components/DataTable';
import { useFormat } from '../../../format';
import { PanelHead } from '../common';

type Rating = Answer<'GET /api/bodies/:bodyId/ratings'>['items'][number];
const statuses = ['pending', 'visible', 'hidden'] as const;

export function ModerationPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const status = statuses.find((s) => s === params.get('status')) ?? 'pending';
  const [page, setPage] = useState<PageState>({ offset: 0, limit: 50 });
  const key = ['body', body.id, 'ratings', status, page.offset] as const;
  const list = useQuery({ queryKey: key, queryFn: () => call('GET /api/bodies/:bodyId/ratings', { bodyId: body.id }, { token, query: { status, offset: page.offset, limit: page.limit } }) });
  const qc = useQueryClient();
  const moderate = useMutation({
    mutationFn: ({ id, ...body }: { id: string } & BodyOf<'PUT /api/ratings/:id'>) => call('PUT /api/ratings/:id', { id }, { token, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['body', body.id, 'ratings'] }),
  });
  const columns = useMemo<ColumnDef<Rating, unknown>[]>(() => [
    { id: 'project', header: t('screening.project'), cell: ({ row: { original: r } }) => <span><strong>{r.projectTitle}</strong><br /><span className="small muted">{fmt.dateTime(r.createdAt)}</span></span> },
    { id: 'grade', header: t('portal.grade'), cell: ({ row: { original: r } }) => t(`choice.${r.grade}`, { defaultValue: r.grade }) },
    { id: 'comment', header: t('portal.comments'), cell: ({ row: { original: r } }) => <span data-testid="moderation-comment">{r.comment}</span> },
    { id: 'actions', header: '', cell: ({ row: { original: r } }) => (
      <span className="btn-row">
        {r.status !== 'visible' ? <button type="button" className="btn btn--primary btn--sm" disabled={moderate.isPending} onClick={() => moderate.mutate({ id: r.id, visible: true })} data-testid="moderation-show">{t('moderation.show')}</button> : null}
        {r.status !== 'hidden' ? <button type="button" className="btn btn--ghost btn--sm" disabled={moderate.isPending} onClick={() => moderate.mutate({ id: r.id, visible: false })} data-testid="moderation-hide">{t('moderation.hide')}</button> : null}
      </span>
    ) },
  ], [t, fmt, moderate]);
  return (
    <section className="stack" aria-labelledby="moderation-heading" data-testid="moderation">
      <PanelHead id="moderation-heading" heading={t('moderation.heading')} intro={t('moderation.intro')} />
      <div className="btn-row" role="group" aria-label={t('portal.filter.status')}>
        {statuses.map((s) => (
          <button key={s} type="button" className={`btn btn--sm ${s === status ? 'btn--primary' : 'btn--secondary'}`} aria-pressed={s === status}
            onClick={() => { const n = new URLSearchParams(params); n.set('status', s); setParams(n, { replace: true }); setPage({ ...page, offset: 0 }); }} data-testid={`moderation-${s}`}>{t(`moderation.status.${s}`)}</button>
        ))}
      </div>
      <ErrorBox error={list.error ?? moderate.error} />
      <DataTable caption={t('moderation.heading')} columns={columns} rows={list.data?.items ?? []} total={list.data?.total ?? 0} page={page} onPage={setPage}
        getRowId={(r) => r.id} empty={t('moderation.empty')} loading={list.isFetching} testId="moderation-table" rowTestId={(r) => `moderation-row-${r.id}`} />
    </section>
  );
}
