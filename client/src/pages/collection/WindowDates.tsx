// A collection window's dates in the reader's language, with the days left while it is open.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import type { CollectionWindow } from './collectionApi';

export function WindowDates({ window, countdown }: { window: CollectionWindow; countdown?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const left = Date.parse(window.closesAt) - Date.now();
  const days = Math.floor(left / 86_400_000);
  return (
    <span className="window-dates">
      {t('collection.windowDates', { year: window.year, from: fmt.date(window.opensAt), to: fmt.date(window.closesAt) })}
      {/* a real separator, not only a margin: the text read aloud or copied ran "Feb 5, 202759 days left" */}
      {countdown && window.open && left > 0 ? <span className="window-dates__sep"> · </span> : null}
      {countdown && window.open && left > 0 ? (
        <strong className="window-dates__left" data-testid="window-countdown">
          {days >= 1 ? t('collection.daysLeft', { count: days }) : t('collection.hoursLeft', { count: Math.max(1, Math.ceil(left / 3_600_000)) })}
        </strong>
      ) : null}
    </span>
  );
}
