import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { Body, Project } from '../../api';
import { Loading } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useFormat } from '../../format';
import { useProjects } from './adminApi';
import { LocalTable } from '../../components/DataTable';
import { ToggleButton, currentYear } from './common';
import { ProjectForm } from './ProjectForm';

/** 候选项目: the body's projects of one year, and a form to add one (status 草稿 until listed). */
export function ProjectsPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [chosen, setChosen] = useState<number | null>(null);
  const [yearInput, setYearInput] = useState<string | null>(null);
  const [showForm, setShowForm] = useState(false);
  const [created, setCreated] = useState<Project | null>(null);
  // Every year's projects tell which years have some: the picker offers them, and the latest is shown first.
  const all = useProjects(token, body.id);
  const years = useMemo(() => {
    const m = new Map<number, number>();
    for (const p of all.data ?? []) m.set(p.year, (m.get(p.year) ?? 0) + 1);
    return m;
  }, [all.data]);
  const year = chosen ?? (all.data ? ([...years.keys()].sort((a, b) => b - a)[0] ?? currentYear()) : all.error ? currentYear() : null);
  const { data: projects, error: yearError } = useProjects(token, body.id, year);
  const error = yearError ?? all.error;

  const chooseYear = (y: number) => {
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return;
    setChosen(y);
    setYearInput(null);
  };

  const yearList = useMemo(() => [...years.entries()].sort((a, b) => b[0] - a[0]), [years]);
  const total = projects?.reduce((s, p) => s + (p.investment ?? 0), 0) ?? 0;
  const columns = useMemo<ColumnDef<Project, unknown>[]>(() => [
    {
      id: 'title', header: t('admin.projects.title'), meta: { rowHeader: true },
      cell: ({ row: { original: p } }) => (
        <>
          <span className="admin-project-title">{p.title}</span>
          {p.description && p.description !== p.title ? <span className="admin-project-desc muted small">{p.description}</span> : null}
        </>
      ),
    },
    { id: 'category', header: t('admin.projects.category'), cell: ({ row }) => t(`admin.category.${row.original.category}`, { defaultValue: row.original.category }) },
    { id: 'department', header: t('admin.projects.department'), cell: ({ row }) => row.original.department },
    { id: 'investment', header: t('admin.projects.investment'), meta: { className: 'num-col nowrap' }, cell: ({ row }) => fmt.wan(row.original.investment) },
    {
      id: 'targets', header: t('admin.projects.targets'),
      cell: ({ row: { original: p } }) => (p.targets && p.targets.length ? <ul className="admin-targets">{p.targets.map((x, i) => <li key={i}>{x}</li>)}</ul> : <span className="muted">—</span>),
    },
    { id: 'status', header: t('admin.projects.status'), cell: ({ row: { original: p } }) => <span className={`tag tag--project-${p.status}`}>{t(`projectStatus.${p.status}`, { defaultValue: p.status })}</span> },
  ], [t, fmt]);

  return (
    <div className="stack" data-testid="admin-projects">
      <div className="admin-panel-head">
        <h2>{t('admin.projects.heading')}</h2>
        <ToggleButton open={showForm} onToggle={() => setShowForm((v) => !v)} controls="project-form-area" testId="admin-project-create-toggle">{t('admin.projects.create')}</ToggleButton>
      </div>

      <div id="project-form-area">
        {showForm ? (
          <ProjectForm
            token={token}
            body={body}
            defaultYear={year ?? currentYear()}
            onCreated={(p) => {
              setCreated(p);
              chooseYear(p.year);
            }}
            onCancel={() => setShowForm(false)}
          />
        ) : null}
      </div>
      {created ? (
        <div className="alert alert--ok" role="status" data-testid="admin-project-created">
          {t('admin.projects.created', { title: created.title, year: created.year })}
        </div>
      ) : null}

      <form
        className="admin-year-bar"
        onSubmit={(e) => {
          e.preventDefault();
          chooseYear(Number(yearInput ?? year));
        }}
      >
        <label className="field__label" htmlFor="project-year">
          {t('admin.projects.year')}
        </label>
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => year && chooseYear(year - 1)} aria-label={t('admin.projects.prevYear')} data-testid="admin-project-year-prev">
          ‹
        </button>
        <input
          id="project-year"
          className="input input--sm admin-year-input"
          type="number"
          min={2000}
          max={2100}
          value={yearInput ?? (year === null ? '' : String(year))}
          onChange={(e) => setYearInput(e.target.value)}
          onBlur={() => yearInput !== null && chooseYear(Number(yearInput))}
          data-testid="admin-project-year"
        />
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => year && chooseYear(year + 1)} aria-label={t('admin.projects.nextYear')} data-testid="admin-project-year-next">
          ›
        </button>
        {yearList.length ? (
          <span className="admin-year-chips" role="group" aria-label={t('admin.projects.yearsWithProjects')}>
            {yearList.map(([y, n]) => (
              <button
                key={y}
                type="button"
                className={y === year ? 'admin-chip is-active' : 'admin-chip'}
                aria-pressed={y === year}
                onClick={() => chooseYear(y)}
                data-testid={`admin-project-year-${y}`}
              >
                {t('admin.projects.yearChip', { year: y, count: n })}
              </button>
            ))}
          </span>
        ) : null}
      </form>

      {error ? <ErrorBox error={error} testId="admin-projects-error" /> : null}
      {!projects ? (
        error ? null : <Loading />
      ) : projects.length === 0 ? (
        <p className="muted" data-testid="admin-projects-empty">
          {t('admin.projects.empty', { year })}
        </p>
      ) : (
        <>
          <p className="muted" data-testid="admin-project-count">
            {t('admin.projects.count', { count: projects.length, year, total: fmt.wan(total) })}
          </p>
          <LocalTable caption={t('admin.projects.heading')} columns={columns} rows={projects} getRowId={(p) => p.id} empty={t('admin.projects.empty', { year })}
            testId="admin-project-table" rowTestId={(p) => `admin-project-row-${p.id}`} />
        </>
      )}
    </div>
  );
}
