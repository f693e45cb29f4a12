// A station poster's 值班代表: who is on duty today and on the next days planned (at most eight, so the A4
// page stays one page).
import { useTranslation } from 'react-i18next';
import '../../styles/reps.css';
import { shanghaiDate } from '../../../../shared/execution';
import type { DutyDay } from './repsApi';
import { useDayLabel } from './days';

export function PosterDuty({ days }: { days: DutyDay[] }) {
  const { t } = useTranslation();
  const day = useDayLabel();
  const today = shanghaiDate(new Date());
  const shown = days.filter((d) => d.date >= today).slice(0, 8);
  if (!shown.length) return null;
  return (
    <section className="poster__duty" aria-labelledby="poster-duty-heading" data-testid="poster-duty">
      <h2 id="poster-duty-heading">{t('reps.poster.onDuty')}</h2>
      <ul>
        {shown.map((d) => (
          <li key={d.date}>{d.date === today ? t('reps.poster.today') : day(d.date)}：{d.members.map((m) => m.name).join('、')}</li>
        ))}
      </ul>
    </section>
  );
}
