// The staff workspace by the stages of the year (征集 · 筛选 · 票决 · 实施督办测评 · 公开, then the body's
// own set-up), with the year chosen once: every tab link carries `?year=`, so a reload or a shared link
// opens exactly the same view.
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AdminTab } from './adminTabs';

export const STAGES: { stage: string; tabs: AdminTab[] }[] = [
  { stage: 'collect', tabs: ['suggestions', 'referrals', 'collection', 'duty'] },
  { stage: 'screen', tabs: ['screening', 'reserve', 'projects'] },
  { stage: 'vote', tabs: ['sessions'] },
  { stage: 'implement', tabs: ['implementation', 'tasks', 'evaluation'] },
  { stage: 'publish', tabs: ['ratings'] },
  { stage: 'setup', tabs: ['members', 'users', 'notices', 'bodies', 'audit'] },
];

export function StageTabs({ bodyId, tab }: { bodyId: string; tab: AdminTab }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = params.get('year');
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);
  return (
    <div className="stage-tabs">
      <label className="field field--inline stage-tabs__year">
        <span className="field__label">{t('admin.stage.year')}</span>
        <select className="input" value={year ?? ''} onChange={(e) => setParams(e.target.value ? { year: e.target.value } : {}, { replace: true })} data-testid="admin-year">
          <option value="">{t('admin.stage.yearDefault')}</option>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </label>
      <nav className="admin-tabs" aria-label={t('admin.sections')}>
        {STAGES.map((g) => (
          <div key={g.stage} className="admin-tabs__group" role="group" aria-label={t(`admin.stage.${g.stage}`)}>
            <span className="admin-tabs__stage" aria-hidden="true">{t(`admin.stage.${g.stage}`)}</span>
            <span className="admin-tabs__links">
              {g.tabs.map((k) => (
                <Link key={k} to={`/admin/${encodeURIComponent(bodyId)}/${k}${year ? `?year=${year}` : ''}`}
                  className={k === tab ? 'admin-tabs__tab is-active' : 'admin-tabs__tab'} aria-current={k === tab ? 'page' : undefined} data-testid={`admin-tab-${k}`}>
                  {t(`admin.tab.${k}`)}
                </Link>
              ))}
            </span>
          </div>
        ))}
      </nav>
    </div>
  );
}
