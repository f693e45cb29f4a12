import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { categories } from '../../../../shared/schemas';
import type { Body, Project } from '../../api';
import { ErrorBox, Loading } from '../../components/Feedback';
import { useFormat } from '../../format';
import { adminApi, fieldsOf, type FieldIssue } from './adminApi';
import { FormError, currentYear, issuesFor } from './common';
import { FormField } from './FormField';

/** 候选项目: the body's projects of one year, and a form to add one (status 草稿 until listed). */
export function ProjectsPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [year, setYear] = useState<number | null>(null);
  const [yearInput, setYearInput] = useState('');
  const [years, setYears] = useState<Map<number, number> | null>(null);
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [showForm, setShowForm] = useState(false);
  const [created, setCreated] = useState<Project | null>(null);

  // Which years have projects: the year picker offers them, and the latest is shown first.
  const loadYears = useCallback(
    () =>
      adminApi.projects(token, body.id).then((all) => {
        const m = new Map<number, number>();
        for (const p of all) m.set(p.year, (m.get(p.year) ?? 0) + 1);
        setYears(m);
        return m;
      }),
    [token, body.id],
  );
  useEffect(() => {
    loadYears().then(
      (m) => {
        const latest = [...m.keys()].sort((a, b) => b - a)[0] ?? currentYear();
        setYear((y) => y ?? latest);
        setYearInput((v) => v || String(latest));
      },
      (e) => {
        setError(e);
        setYear((y) => y ?? currentYear());
      },
    );
  }, [loadYears]);

  const loadProjects = useCallback(() => {
    if (year === null) return;
    setProjects(null);
    adminApi.projects(token, body.id, year).then((p) => (setProjects(p), setError(null)), setError);
  }, [token, body.id, year]);
  useEffect(() => {
    loadProjects();
  }, [loadProjects]);

  const chooseYear = (y: number) => {
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return;
    setYear(y);
    setYearInput(String(y));
  };

  const yearList = useMemo(() => [...(years?.entries() ?? [])].sort((a, b) => b[0] - a[0]), [years]);
  const total = projects?.reduce((s, p) => s + (p.investment ?? 0), 0) ?? 0;

  return (
    <div className="stack" data-testid="admin-projects">
      <div className="admin-panel-head">
        <h2>{t('admin.projects.heading')}</h2>
        <button
          type="button"
          className={showForm ? 'btn btn--primary' : 'btn btn--secondary'}
          aria-expanded={showForm}
          aria-controls="project-form-area"
          onClick={() => setShowForm((v) => !v)}
          data-testid="admin-project-create-toggle"
        >
          {t('admin.projects.create')}
        </button>
      </div>

      <div id="project-form-area">
        {showForm ? (
          <ProjectForm
            token={token}
            body={body}
            defaultYear={year ?? currentYear()}
            onCreated={(p) => {
              setCreated(p);
              void loadYears();
              if (p.year === year) loadProjects();
              else chooseYear(p.year);
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
          chooseYear(Number(yearInput));
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
          value={yearInput}
          onChange={(e) => setYearInput(e.target.value)}
          onBlur={() => chooseYear(Number(yearInput))}
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
          <div className="table-scroll">
            <table className="table admin-projects-table" data-testid="admin-project-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.projects.title')}</th>
                  <th scope="col">{t('admin.projects.category')}</th>
                  <th scope="col">{t('admin.projects.department')}</th>
                  <th scope="col" className="num-col">
                    {t('admin.projects.investment')}
                  </th>
                  <th scope="col">{t('admin.projects.targets')}</th>
                  <th scope="col">{t('admin.projects.status')}</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((p) => (
                  <tr key={p.id} data-testid={`admin-project-row-${p.id}`}>
                    <th scope="row">
                      <span className="admin-project-title">{p.title}</span>
                      {p.description && p.description !== p.title ? <span className="admin-project-desc muted small">{p.description}</span> : null}
                    </th>
                    <td>{t(`admin.category.${p.category}`, { defaultValue: p.category })}</td>
                    <td>{p.department}</td>
                    <td className="num-col nowrap">{fmt.wan(p.investment)}</td>
                    <td>
                      {p.targets && p.targets.length ? (
                        <ul className="admin-targets">
                          {p.targets.map((x, i) => (
                            <li key={i}>{x}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td>
                      <span className={`tag tag--project-${p.status}`}>{t(`projectStatus.${p.status}`, { defaultValue: p.status })}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function ProjectForm({
  token,
  body,
  defaultYear,
  onCreated,
  onCancel,
}: {
  token: string;
  body: Body;
  defaultYear: number;
  onCreated: (p: Project) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(defaultYear));
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState('');
  const [department, setDepartment] = useState('');
  const [investment, setInvestment] = useState('');
  const [targets, setTargets] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localIssues, setLocalIssues] = useState<FieldIssue[]>([]);
  const issues = [...localIssues, ...fieldsOf(error)];

  // A target's problem names its line: `targets.2` is the third line.
  const targetIssues = issuesFor(issues, 'targets').map((i) => {
    const n = Number(i.field.split('.')[1]);
    return Number.isInteger(n) ? { ...i, prefix: t('admin.projects.targetLine', { n: n + 1 }) } : i;
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const local: FieldIssue[] = [];
    const y = Number(year);
    if (!year.trim() || !Number.isInteger(y)) local.push({ field: 'year', message: t('admin.validation.integer') });
    const inv = investment.trim() === '' ? undefined : Number(investment);
    if (inv !== undefined && !Number.isFinite(inv)) local.push({ field: 'investment', message: t('admin.validation.number') });
    if (!category) local.push({ field: 'category', message: t('admin.validation.choose') });
    setLocalIssues(local);
    if (local.length) return;
    setBusy(true);
    try {
      const p = await adminApi.createProject(token, body.id, {
        year: y,
        title: title.trim(),
        description: description.trim(),
        category,
        department: department.trim(),
        ...(inv !== undefined ? { investment: inv } : {}),
        targets: targets
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean),
      });
      onCreated(p);
      setTitle('');
      setDescription('');
      setInvestment('');
      setTargets('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate data-testid="admin-project-form" aria-labelledby="project-form-heading">
      <h3 id="project-form-heading">{t('admin.projects.formHeading', { name: body.name })}</h3>
      <div className="admin-form-grid">
        <FormField id="project-form-year" label={t('admin.projects.year')} issues={issuesFor(issues, 'year')} required errorTestId="admin-project-year-error">
          {(control) => (
            <input
              className="input"
              type="number"
              min={2000}
              max={2100}
              value={year}
              onChange={(e) => setYear(e.target.value)}
              aria-required="true"
              data-testid="admin-project-form-year"
              {...control}
            />
          )}
        </FormField>
        <FormField id="project-category" label={t('admin.projects.category')} issues={issuesFor(issues, 'category')} required errorTestId="admin-project-category-error">
          {(control) => (
            <select
              className="input"
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              aria-required="true"
              data-testid="admin-project-category"
              {...control}
            >
              <option value="">{t('admin.projects.chooseCategory')}</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {t(`admin.category.${c}`, { defaultValue: c })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="project-title" label={t('admin.projects.title')} issues={issuesFor(issues, 'title')} required errorTestId="admin-project-title-error" className="admin-span-2">
          {(control) => (
            <input
              className="input"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              maxLength={200}
              aria-required="true"
              placeholder={t('admin.projects.titlePlaceholder')}
              data-testid="admin-project-title"
              {...control}
            />
          )}
        </FormField>
        <FormField id="project-description" label={t('admin.projects.description')} issues={issuesFor(issues, 'description')} required errorTestId="admin-project-description-error" className="admin-span-2">
          {(control) => (
            <textarea
              className="input"
              rows={3}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={5000}
              aria-required="true"
              data-testid="admin-project-description"
              {...control}
            />
          )}
        </FormField>
        <FormField id="project-department" label={t('admin.projects.department')} issues={issuesFor(issues, 'department')} required errorTestId="admin-project-department-error">
          {(control) => (
            <input
              className="input"
              value={department}
              onChange={(e) => setDepartment(e.target.value)}
              maxLength={100}
              aria-required="true"
              placeholder={t('admin.projects.departmentPlaceholder')}
              data-testid="admin-project-department"
              {...control}
            />
          )}
        </FormField>
        <FormField id="project-investment" label={t('admin.projects.investmentLabel')} issues={issuesFor(issues, 'investment')} hint={t('admin.projects.investmentHint')} errorTestId="admin-project-investment-error">
          {(control) => (
            <div className="admin-input-suffix">
              <input
                className="input"
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                value={investment}
                onChange={(e) => setInvestment(e.target.value)}
                data-testid="admin-project-investment"
                {...control}
              />
              <span aria-hidden="true">{t('admin.projects.wan')}</span>
            </div>
          )}
        </FormField>
        <FormField id="project-targets" label={t('admin.projects.targets')} issues={targetIssues} hint={t('admin.projects.targetsHint')} errorTestId="admin-project-targets-error" className="admin-span-2">
          {(control) => (
            <textarea
              className="input"
              rows={4}
              value={targets}
              onChange={(e) => setTargets(e.target.value)}
              placeholder={t('admin.projects.targetsPlaceholder')}
              data-testid="admin-project-targets"
              {...control}
            />
          )}
        </FormField>
      </div>
      <FormError error={error} placed={['year', 'title', 'description', 'category', 'department', 'investment', 'targets']} testId="admin-project-error" />
      <div className="btn-row">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="admin-project-submit">
          {busy ? t('common.working') : t('admin.projects.submit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
