// A body's year (its own projects and those of the bodies below): what was chosen, how far each is,
// filters (status, execution, category, area) and sort, the charts, and every project one tap away.
import { Suspense, lazy, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useFormat } from '../../format';
import { executions } from '../../../../shared/execution';
import { ExecutionTag, ProgressBar } from '../supervision/ProgressView';
import { ColorTag } from '../../components/ColorTag';
import { usePublicList, type ListedProject } from './publicApi';

// ECharts is loaded only here, and only once the page asks for a chart.
const YearCharts = lazy(() => import('./YearCharts'));

const sorts = { progress: (a: ListedProject, b: ListedProject) => (b.percent ?? -1) - (a.percent ?? -1), investment: (a: ListedProject, b: ListedProject) => (b.investment ?? 0) - (a.investment ?? 0), title: (a: ListedProject, b: ListedProject) => a.title.localeCompare(b.title, 'zh') };
type Filters = { status: string; execution: string; category: string; body: string; sort: keyof typeof sorts };
/** A city's year holds hundreds of projects: a phone draws them a page at a time. */
const pageSize = 50;

export function YearProjects({ bodyId, year }: { bodyId: string; year: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = usePublicList(bodyId, year);
  const [f, setFilters] = useState<Filters>({ status: '', execution: '', category: '', body: '', sort: 'progress' });
  const [shown, setShown] = useState(pageSize);
  const setF = (next: Filters) => { setFilters(next); setShown(pageSize); };
  const all = useMemo(() => list.data ?? [], [list.data]);
  const values = (k: 'status' | 'category' | 'bodyName') => [...new Set(all.map((p) => p[k]))].sort();
  const rows = useMemo(() => all.filter((p) => (!f.status || p.status === f.status) && (!f.execution || p.execution === f.execution)
    && (!f.category || p.category === f.category) && (!f.body || p.bodyName === f.body)).sort(sorts[f.sort]), [all, f]);
  const selected = useMemo(() => all.filter((p) => p.status === 'selected'), [all]);
  const votedIn = selected.filter((p) => p.year === year);
  const graded = selected.filter((p) => p.grade);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorBox error={list.error} />;
  const select = (key: keyof Filters, label: string, options: { value: string; label: string }[]) => (
    <label className="field"><span className="field__label">{label}</span>
      <select className="input" value={f[key]} onChange={(e) => setF({ ...f, [key]: e.target.value })} data-testid={`filter-${key}`}>
        {key !== 'sort' ? <option value="">{t('portal.filter.all')}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select></label>
  );
  return (
    <section className="stack" aria-labelledby="projects-heading" data-testid="public-projects">
      <h2 id="projects-heading">{t('public.projects', { year })}</h2>
      <div className="portal-cards" data-testid="year-summary">
        <div className="portal-card"><span className="portal-card__n" data-testid="summary-selected">{fmt.num(votedIn.length)}</span>{t('portal.summary', { year, count: votedIn.length })}
          {/* carried over from earlier years: supervised this year, but not chosen by this year's vote */}
          {selected.length > votedIn.length ? <span className="small muted" data-testid="summary-carried"> {t('story.carriedIn', { count: selected.length - votedIn.length })}</span> : null}</div>
        <div className="portal-card"><span className="portal-card__n">{fmt.wanShort(selected.reduce((s, p) => s + (p.investment ?? 0), 0))}</span>{t('portal.investment')}</div>
        <div className="portal-card"><span className="portal-card__n">{fmt.num(selected.filter((p) => p.execution === 'done').length)}</span>{t('execution.done')}</div>
        {graded.length ? <div className="portal-card"><span className="portal-card__n">{fmt.pct(graded.filter((p) => p.grade !== '不满意').length / graded.length)}</span>{t('portal.satisfaction')}</div> : null}
      </div>
      {selected.length ? <Suspense fallback={<Loading />}><YearCharts projects={selected} /></Suspense> : null}
      <div className="portal-filters">
        {select('status', t('portal.filter.status'), values('status').map((v) => ({ value: v, label: t(`projectStatus.${v}`, { defaultValue: v }) })))}
        {select('execution', t('portal.filter.execution'), executions.map((v) => ({ value: v, label: t(`execution.${v}`) })))}
        {select('category', t('portal.filter.category'), values('category').map((v) => ({ value: v, label: t(`category.${v}`, { defaultValue: v }) })))}
        {values('bodyName').length > 1 ? select('body', t('portal.filter.body'), values('bodyName').map((v) => ({ value: v, label: v }))) : null}
        {select('sort', t('portal.filter.sort'), (Object.keys(sorts) as (keyof typeof sorts)[]).map((v) => ({ value: v, label: t(`portal.sort.${v}`) })))}
      </div>
      <p className="small muted" role="status">{rows.length > shown ? t('portal.shownOf', { shown, count: rows.length }) : t('portal.listCount', { count: rows.length })}</p>
      {rows.length === 0 ? <p className="muted">{t('portal.noProjects')}</p> : (
        <ul className="result-list">
          {rows.slice(0, shown).map((p) => (
            <li key={p.id} className="result-list__item portal-list__item" data-testid={`public-project-${p.id}`}>
              <Link className="result-list__title" to={`/projects/${encodeURIComponent(p.id)}`}>{p.title}</Link>
              <span className="result-list__meta">
                <span className={`tag ${p.status === 'selected' ? 'tag--ok' : 'tag--muted'}`} data-testid="public-project-status">{t(`projectStatus.${p.status}`, { defaultValue: p.status })}</span>
                {p.execution ? <ExecutionTag execution={p.execution} /> : null}
                <ColorTag color={p.color} testId="public-project-color" />
                <span>{p.department}</span>
                {values('bodyName').length > 1 ? <span>{p.bodyName}</span> : null}
                {p.investment != null ? <span>{fmt.wan(p.investment)}</span> : null}
                {p.supporters ? <span>{t('dept.supporters', { count: p.supporters })}</span> : null}
                {p.carriedOverFrom ? <span className="tag">{t('supervision.carriedFrom', { year: p.carriedOverFrom })}</span> : null}
              </span>
              {p.percent != null ? <ProgressBar percent={p.percent} /> : null}
            </li>
          ))}
        </ul>
      )}
      {rows.length > shown ? (
        <button type="button" className="btn btn--secondary" onClick={() => setShown(shown + pageSize)} data-testid="show-more-projects">
          {t('portal.showMore', { count: Math.min(pageSize, rows.length - shown) })}
        </button>
      ) : null}
    </section>
  );
}
