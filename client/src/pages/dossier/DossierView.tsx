// The dossier's candidates as members read and print them: each one's assessment and its 民意指数, in the
// order they were sent (the ballot's order — the index informs, it never ranks).
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { DemandBar, largestOf } from '../../components/DemandBar';
import type { DossierProject } from './dossierApi';

export function DossierProjects({ projects }: { projects: DossierProject[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!projects.length) return <p className="muted" data-testid="dossier-empty">{t('dossier.empty')}</p>;
  const largest = largestOf(projects);
  const or = (v: string | null | undefined) => v || t('dossier.unknown');
  return (
    <ol className="dossier__list" data-testid="dossier-projects">
      {projects.map((p, i) => (
        <li key={p.id} className="card dossier__item" data-testid={`dossier-project-${p.id}`}>
          <h2 className="dossier__title"><span className="dossier__no">{fmt.num(i + 1)}</span>{p.title}</h2>
          <DemandBar demand={p} largest={largest} testId={`dossier-demand-${p.id}`} />
          <dl className="dossier__facts">
            <div><dt>{t('dossier.category')}</dt><dd>{t(`category.${p.category}`, { defaultValue: p.category })}</dd></div>
            <div><dt>{t('dossier.department')}</dt><dd>{p.department}</dd></div>
            <div><dt>{t('dossier.investment')}</dt><dd>{p.investment != null ? fmt.wan(p.investment) : t('dossier.unknown')}</dd></div>
            <div><dt>{t('dossier.fundingSource')}</dt><dd>{or(p.fundingSource)}</dd></div>
            <div><dt>{t('dossier.completionDate')}</dt><dd>{p.completionDate ? fmt.date(p.completionDate) : t('dossier.unknown')}</dd></div>
            <div><dt>{t('dossier.reason')}</dt><dd>{or(p.reason)}</dd></div>
          </dl>
          {p.targets.length ? (
            <div className="dossier__targets">
              <h3>{t('dossier.targets')}</h3>
              <ul>{p.targets.map((x) => <li key={x}>{x}</li>)}</ul>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
