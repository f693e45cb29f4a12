import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/public.css';
import type { Body } from '../../api';
import { useBodies } from '../../queries/bodies';
import { TopBar } from '../../components/TopBar';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { TrackLookup } from '../collection/TrackLookup';

/** / — public site: the people's congresses (bodies) as a tree. */
export default function PublicHomePage() {
  const { t } = useTranslation();
  const { data: bodies, error } = useBodies();
  useTitle(t('public.homeTitle'));

  const tree = useMemo(() => {
    const list = bodies ?? [];
    const ids = new Set(list.map((b) => b.id));
    const children = new Map<string | null, Body[]>();
    for (const b of list) {
      const p = b.parentId && ids.has(b.parentId) ? b.parentId : null;
      children.set(p, [...(children.get(p) ?? []), b]);
    }
    return children;
  }, [bodies]);

  const renderLevel = (parent: string | null, depth: number) => {
    const kids = tree.get(parent);
    if (!kids?.length) return null;
    return (
      <ul className={depth === 0 ? 'body-tree' : 'body-tree__sub'}>
        {kids.map((b) => (
          <li key={b.id}>
            <Link className="body-link" to={`/bodies/${encodeURIComponent(b.id)}`} data-testid={`body-${b.id}`}>
              <span className="body-link__name">{b.name}</span>
              <span className="tag tag--muted">{t(`bodyLevel.${b.level}`)}</span>
            </Link>
            {renderLevel(b.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <div className="page public">
      <TopBar home />
      <main className="container container--narrow" id="main">
        <section className="hero">
          <h1>{t('public.homeHeading')}</h1>
          <p className="muted">{t('public.homeIntro')}</p>
        </section>
        <section aria-labelledby="bodies-heading" className="stack">
          <h2 id="bodies-heading">{t('public.bodies')}</h2>
          <ErrorBox error={error} />
          {!bodies ? error ? null : <Loading /> : bodies.length === 0 ? <p className="muted">{t('public.noBodies')}</p> : renderLevel(null, 0)}
        </section>
        <section aria-labelledby="track-heading" className="stack">
          <h2 id="track-heading">{t('collection.trackHeading')}</h2>
          <TrackLookup />
        </section>
        <nav className="footer-links" aria-label={t('public.otherEntrances')}>
          <Link to="/tablet">{t('public.tabletLink')}</Link>
          <Link to="/staff">{t('public.staffLink')}</Link>
        </nav>
      </main>
    </div>
  );
}
