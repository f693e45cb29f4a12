// 实施 · 督办 · 测评: the year's selected projects (and those carried into it) with execution, reports,
// supervision group, inspections and grades; the dashboard above; groups and carry-over from each row.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { Body } from '../../../api';
import { Loading } from '../../../components/Feedback';
import { ErrorBox } from '../../../components/ErrorBox';
import { LocalTable } from '../../../components/DataTable';
import { gradeChoice, type Execution } from '../../../../../shared/execution';
import { executions } from '../../../../../shared/implementation-dashboard';
import { ExecutionTag, ProgressBar } from '../../supervision/ProgressView';
import { Dashboard } from './Dashboard';
import { GroupEditor } from './GroupEditor';
import { ProjectDrawer } from './ProjectDrawer';
import { useCarryOver, useYearOverview, type OverviewProject } from './overviewApi';
import '../../../styles/supervision.css';
import { PanelHead } from '../common';

export function OverviewPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const filter = (executions as string[]).includes(params.get('execution') ?? '') ? (params.get('execution') as Execution) : null;
  const overview = useYearOverview(token, body.id, year);
  const carry = useCarryOver(token, body.id);
  const [grouping, setGrouping] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const setParam = (k: string, v: string | null) => { const n = new URLSearchParams(params); if (v) n.set(k, v); else n.delete(k); setParams(n, { replace: true }); };
  const all = overview.data?.projects ?? [];
  const rows = filter ? all.filter((p) => p.execution === filter) : all;
  const load = useMemo(() => {
    const m = new Map<string, number>();
    for (const p of all) for (const g of p.group) m.set(g.id, g.load);
    return m;
  }, [all]);

  const columns = useMemo<ColumnDef<OverviewProject, unknown>[]>(() => [
    { id: 'title', header: t('screening.project'), cell: ({ row: { original: p } }) => (
      <span><button type="button" className="link-button" onClick={() => setViewing((v) => (v === p.id ? null : p.id))} data-testid="impl-view"><strong>{p.title}</strong></button><br />
        <span className="small muted">{p.bodyId !== body.id ? `${p.bodyName} · ` : ''}{p.department}{p.carriedOverFrom ? ` · ${t('supervision.carriedFrom', { year: p.carriedOverFrom })}` : ''}</span></span>
    ) },
    { id: 'execution', header: t('implAdmin.execution'), cell: ({ row: { original: p } }) => (
      <span className="stack stack--tight"><span><ExecutionTag execution={p.execution} /> {p.percent}%</span><ProgressBar percent={p.percent} /></span>
    ) },
    { id: 'report', header: t('implAdmin.lastReport'), cell: ({ row: { original: p } }) => (
      <span className="small">{p.lastReport ? <span className="nowrap" data-testid="impl-date">{p.lastReport}</span> : t('implAdmin.noReport')}{p.overdue ? <><br /><span className="tag tag--warn" data-testid="impl-overdue">{t('impl.overdue')}</span></> : null}</span>
    ) },
    { id: 'group', header: t('supervision.group'), cell: ({ row: { original: p } }) => {
      const lead = p.group.find((m) => m.lead);
      return p.groupSize ? <span className="small">{t('implAdmin.groupLine', { lead: lead?.name ?? '', count: p.groupSize })}</span> : <span className="tag tag--warn">{t('implAdmin.noGroup')}</span>;
    } },
    { id: 'inspections', header: t('supervision.inspections'), cell: ({ row: { original: p } }) => <span className="small">{t('implAdmin.visits', { count: p.inspections })}{p.lastInspection ? <><br /><span className="nowrap" data-testid="impl-date">{p.lastInspection}</span></> : null}</span> },
    { id: 'grades', header: t('supervision.grades'), cell: ({ row: { original: p } }) => <span className="small">{p.grades.map((g) => `${t(`round.${g.round}`)} ${t(`choice.${gradeChoice[g.grade]}`)}`).join('；') || '—'}</span> },
    { id: 'actions', header: '', cell: ({ row: { original: p } }) => (
      <span className="btn-row">
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => setGrouping(p.id)} data-testid="impl-group">{t('implAdmin.editGroup')}</button>
        <a className="btn btn--ghost btn--sm" href={`/projects/${encodeURIComponent(p.id)}/poster`} target="_blank" rel="noopener" data-testid="impl-mscode">{t('mscode.link')}</a>
        {p.carriedOverTo ? <span className="tag">{t('implAdmin.carriedTo', { year: p.carriedOverTo })}</span>
          : p.execution !== 'done' && p.year === year ? (
            <button type="button" className="btn btn--ghost btn--sm" disabled={carry.isPending} data-testid="impl-carry"
              onClick={() => { if (window.confirm(t('implAdmin.carryConfirm', { title: p.title, year: year + 1 }))) carry.mutate({ projectId: p.id, toYear: year + 1 }); }}>{t('implAdmin.carry', { year: year + 1 })}</button>
          ) : null}
      </span>
    ) },
  ], [t, carry, year, body.id]);

  const grouped = grouping ? all.find((p) => p.id === grouping) : undefined;
  return (
    <section className="stack" aria-labelledby="impl-heading" data-testid="implementation">
      <PanelHead id="impl-heading" heading={t('implAdmin.heading', { year })} intro={t('implAdmin.intro')} />
      <ErrorBox error={overview.error ?? carry.error} />
      {overview.isPending ? <Loading /> : overview.data ? <Dashboard d={overview.data.dashboard} filter={filter} onFilter={(e) => setParam('execution', e)} /> : null}
      <p><a href={`/bodies/${encodeURIComponent(body.id)}/posters?year=${year}`} target="_blank" rel="noopener" data-testid="impl-mscode-year">{t('mscode.yearLink', { year })}</a></p>
      {/* A city's year holds hundreds of rows: 50 to a page (the dashboard above counts them all). */}
      <LocalTable caption={t('implAdmin.caption', { year })} columns={columns} rows={rows} limit={50}
        getRowId={(p) => p.id} empty={t('implAdmin.empty')} loading={overview.isFetching} testId="impl-table" rowTestId={(p) => `impl-row-${p.id}`} />
      {grouped ? <GroupEditor key={grouped.id} token={token} bodyId={body.id} project={grouped} load={load} onDone={() => setGrouping(null)} /> : null}
      {viewing ? <ProjectDrawer token={token} projectId={viewing} today={overview.data?.today ?? ''} onClose={() => setViewing(null)} /> : null}
    </section>
  );
}
