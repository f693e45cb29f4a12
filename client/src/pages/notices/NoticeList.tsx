// The numbered notices of a body and the bodies below it, newest first (on the body's public page).
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { useBodyNotices } from './noticesApi';

export function NoticeList({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notices = useBodyNotices(bodyId);
  if (!notices.data?.length) return null;
  return (
    <section className="stack" aria-labelledby="notices-heading" data-testid="notice-list">
      <h2 id="notices-heading">{t('notice.list')}</h2>
      <ul className="result-list">
        {notices.data.map((n) => (
          <li key={n.id}>
            <Link className="result-list__item" to={`/notices/${encodeURIComponent(n.id)}`} data-testid={`notice-link-${n.id}`}>
              <span className="result-list__title">{n.title}</span>
              <span className="result-list__meta"><span>{t('notice.number', { number: n.number })}</span><time dateTime={n.publishedAt}>{fmt.date(n.publishedAt)}</time></span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
