// Pieces of the public project page: the six steps as a stepper, milestones on a line, photos.
import { useTranslation } from 'react-i18next';
import type { Photo, PublicProject } from './publicApi';

export const steps = ['suggested', 'voted', 'assigned', 'progress', 'inspected', 'graded'] as const;

function reached(p: PublicProject): Record<(typeof steps)[number], boolean> {
  return {
    suggested: p.supporters > 0,
    voted: p.status === 'selected' || p.status === 'not_selected',
    assigned: !!p.plan || !!p.assessment,
    progress: p.progress.length > 0,
    inspected: p.inspections.length > 0,
    graded: p.grades.length > 0,
  };
}

export function Steps({ p }: { p: PublicProject }) {
  const { t } = useTranslation();
  const done = reached(p);
  return (
    <ol className="portal-steps" aria-label={t('portal.steps')} data-testid="project-steps">
      {steps.map((s, i) => (
        <li key={s} className={`portal-steps__item${done[s] ? ' is-done' : ''}`} data-testid={`step-mark-${s}`} data-done={done[s]}>
          <span className="portal-steps__n" aria-hidden="true">{done[s] ? '✓' : i + 1}</span>
          <span>{t(`portal.stepShort.${s}`)}</span>
          <span className="visually-hidden">{done[s] ? t('portal.stepDone') : t('portal.stepNotYet')}</span>
        </li>
      ))}
    </ol>
  );
}

export function Milestones({ plan, reached: got, today }: { plan: NonNullable<PublicProject['plan']>; reached: Set<string>; today: string }) {
  const { t } = useTranslation();
  return (
    <ol className="milestones milestones--line" aria-label={t('impl.milestones')}>
      {plan.milestones.map((m) => {
        const state = got.has(m.title) ? 'reached' : m.due < today ? 'late' : 'due';
        return <li key={m.title} className={`milestones__item milestones__item--${state}`}><time dateTime={m.due}>{m.due}</time> {m.title} · {t(`supervision.milestone.${state}`)}</li>;
      })}
    </ol>
  );
}

export function Photos({ photos }: { photos: Photo[] }) {
  const { t } = useTranslation();
  if (!photos.length) return null;
  return <span className="impl-photos">{photos.map((ph) => <a key={ph.id} href={ph.url} target="_blank" rel="noreferrer"><img src={ph.thumbUrl} alt={t('impl.photoAlt')} loading="lazy" /></a>)}</span>;
}
