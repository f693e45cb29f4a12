// On a body's public page: is collection open, until when, how many suggestions came, and the way in.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCollectionSummary } from './collectionApi';
import { WindowDates } from './WindowDates';

export function CollectionBox({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const summary = useCollectionSummary(bodyId);
  const w = summary.data?.window;
  if (!summary.data || !w) return null;
  return (
    <section className="card stack collection-box" aria-labelledby="collection-box-heading" data-testid="collection-box">
      <h2 id="collection-box-heading">{w.open ? t('collection.openHeading', { year: w.year }) : t('collection.windowHeading', { year: w.year })}</h2>
      <p><WindowDates window={w} countdown /></p>
      <p className="small muted" data-testid="collection-received">{t('collection.received', { count: summary.data.received, adopted: summary.data.adopted })}</p>
      {w.open ? <Link className="btn btn--primary" to={`/suggest/${encodeURIComponent(bodyId)}`} data-testid="collection-suggest-link">{t('collection.suggestCta')}</Link> : null}
    </section>
  );
}
