// The hearings on a member's tablet: before any ballot is open, the session's whole agenda of reports; while an
// evaluation ballot is shown, the reports heard before it, above it (the tablet's column is one wide at 1024 px).
import { useTranslation } from 'react-i18next';
import { HearingList } from '../hearings/HearingList';
import type { Hearing } from '../hearings/hearingsApi';

export function HearingsAgenda({ hearings }: { hearings: readonly Hearing[] }) {
  const { t } = useTranslation();
  if (!hearings.length) return null;
  return (
    <section className="card hearings-aside" aria-labelledby="hearings-agenda" data-testid="hearings-agenda">
      <h2 id="hearings-agenda">{t('hearings.tablet.agenda')}</h2>
      <p className="muted small">{t('hearings.tablet.agendaIntro')}</p>
      <HearingList hearings={hearings} />
    </section>
  );
}

export function HearingsBeside({ hearings, ballotId }: { hearings: readonly Hearing[]; ballotId: string }) {
  const { t } = useTranslation();
  const mine = hearings.filter((h) => h.ballot?.id === ballotId);
  if (!mine.length) return null;
  return (
    <aside className="card hearings-aside" aria-labelledby="hearings-beside" data-testid="hearings-beside">
      <h2 id="hearings-beside">{t('hearings.tablet.beside')}</h2>
      <HearingList hearings={mine} testId="hearing-list-beside" />
    </aside>
  );
}
