// A body's public projects (and those of the bodies below it) by year: candidates once their list is
// approved, then selected or not; infeasible ones with the department's published reason.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request } from '../../api';
import { useFormat } from '../../format';

interface PublicProject {
  id: string; year: number; title: string; category: string; department: string; status: string; supporters: number; bodyName?: string;
  assessment?: { feasible: boolean; reason: string; investment: number } | null;
}

export function ProjectList({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const all = useQuery({ queryKey: ['body', bodyId, 'public-projects'], queryFn: () => request<PublicProject[]>(`/api/public/bodies/${encodeURIComponent(bodyId)}/projects`) });
  const years = [...new Set((all.data ?? []).map((p) => p.year))].sort((a, b) => b - a);
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? years[0];
  if (!all.data?.length) return null;
  const rows = all.data.filter((p) => p.year === year).sort((a, b) => (a.status === 'selected' ? -1 : 0) - (b.status === 'selected' ? -1 : 0));
  return (
    <section className="stack" aria-labelledby="projects-heading" data-testid="public-projects">
      <div className="btn-row">
        <h2 id="projects-heading">{t('public.projects', { year })}</h2>
        {years.length > 1 ? (
          <label className="field--inline">
            <span className="visually-hidden">{t('public.year')}</span>
            <select className="input" value={year} onChange={(e) => setChosen(Number(e.target.value))} data-testid="public-projects-year">
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </label>
        ) : null}
      </div>
      <ul className="result-list">
        {rows.map((p) => (
          <li key={p.id} className="result-list__item" data-testid={`public-project-${p.id}`}>
            <span className="result-list__title">{p.title}</span>
            <span className="result-list__meta">
              <span className={`tag ${p.status === 'selected' ? 'tag--ok' : 'tag--muted'}`} data-testid="public-project-status">{t(`projectStatus.${p.status}`, { defaultValue: p.status })}</span>
              <span>{p.department}</span>
              {p.assessment?.feasible ? <span>{fmt.wan(p.assessment.investment)}</span> : null}
              {p.supporters ? <span>{t('dept.supporters', { count: p.supporters })}</span> : null}
            </span>
            {p.assessment && !p.assessment.feasible ? <span className="small muted">{t('public.infeasibleReason')}{p.assessment.reason}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
