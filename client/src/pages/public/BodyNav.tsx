// The body tree one tap away: the way up (城市 › 县区), the bodies right below, and the year.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Body } from '../../api';
import { useBodies } from '../../queries/bodies';

export function ancestors(all: Body[], id: string): Body[] {
  const byId = new Map(all.map((b) => [b.id, b]));
  const out: Body[] = [];
  for (let b = byId.get(id); b?.parentId && out.length < 10; ) { b = byId.get(b.parentId); if (b) out.unshift(b); }
  return out;
}

export function BodyNav({ bodyId, year, years, onYear }: { bodyId: string; year: number; years: number[]; onYear: (y: number) => void }) {
  const { t } = useTranslation();
  const bodies = useBodies();
  const all = bodies.data ?? [];
  const up = ancestors(all, bodyId);
  const below = all.filter((b) => b.parentId === bodyId);
  const q = `?year=${year}`;
  return (
    <nav className="stack" aria-label={t('portal.breadcrumb')} data-testid="body-nav">
      <p className="backlink">
        <Link to="/">{t('public.allBodies')}</Link>
        {up.map((b) => <span key={b.id}> › <Link to={`/bodies/${encodeURIComponent(b.id)}${q}`}>{b.name}</Link></span>)}
      </p>
      <div className="btn-row" role="group" aria-label={t('portal.years')}>
        {years.map((y) => (
          <button key={y} type="button" className={`btn btn--sm ${y === year ? 'btn--primary' : 'btn--secondary'}`} aria-pressed={y === year} onClick={() => onYear(y)} data-testid={`year-${y}`}>{y}</button>
        ))}
      </div>
      {below.length ? (
        <details className="portal-below" open={below.length <= 12}>
          <summary>{t('portal.subBodies')}（{below.length}）</summary>
          <ul className="portal-tree">
            {below.map((b) => <li key={b.id}><Link className="btn btn--ghost btn--sm" to={`/bodies/${encodeURIComponent(b.id)}${q}`} data-testid={`below-${b.id}`}>{b.name}</Link></li>)}
          </ul>
        </details>
      ) : null}
    </nav>
  );
}
