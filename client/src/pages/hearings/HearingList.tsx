// A session's hearings in agenda order: kind, title, who reports, the document's link, and (in the console)
// the ballot that follows and a way to take one off the agenda. One list for the tablet and the console.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { sizeText, type Hearing } from './hearingsApi';
import '../../styles/hearings.css';

interface Props {
  hearings: readonly Hearing[];
  /** show the ballot each one comes before (the console; the tablet shows them beside that ballot) */
  showBallot?: boolean;
  /** a control per hearing (the console's 移除) */
  action?: (h: Hearing) => ReactNode;
  testId?: string;
}

export const reporterText = (h: Hearing) => [h.reporter.name, h.reporter.post].filter(Boolean).join(' · ');

export function HearingList({ hearings, showBallot, action, testId = 'hearing-list' }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <ol className="hearing-list" data-testid={testId}>
      {hearings.map((h) => (
        <li key={h.id} className="hearing" data-testid={`hearing-${h.id}`}>
          <div className="hearing__head">
            <span className={`hearing__kind hearing__kind--${h.kind}`}>{t(`hearings.kind.${h.kind}`)}</span>
            <span className="muted small">{t('hearings.position', { n: fmt.num(h.position) })}</span>
          </div>
          <p className="hearing__title">{h.title}</p>
          <p className="hearing__reporter" data-testid="hearing-reporter">{t('hearings.reporter', { who: reporterText(h) })}</p>
          {showBallot && h.ballot ? (
            <p className="small muted">
              {t('hearings.before', { title: h.ballot.title })}
              {h.ballot.state === 'closed' || h.ballot.state === 'published' ? ` · ${t('hearings.locked')}` : ''}
            </p>
          ) : null}
          <div className="hearing__tools">
            {h.document ? (
              // the accessible name starts with the words shown, then says which report (several may be listed)
              <a className="btn btn--secondary btn--sm" href={h.document.url} target="_blank" rel="noopener" aria-label={`${t('hearings.document')} ${sizeText(h.document.size, fmt.num)} · ${h.title}`} data-testid="hearing-document">
                {t('hearings.document')} <span className="small">{sizeText(h.document.size, fmt.num)}</span>
              </a>
            ) : null}
            {action?.(h)}
          </div>
        </li>
      ))}
    </ol>
  );
}
