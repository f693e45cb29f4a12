// Pieces of the public project page: the six steps as a stepper, milestones on a line, photos.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import type { Photo, PublicProject } from './publicApi';

export const steps = ['suggested', 'voted', 'assigned', 'progress', 'inspected', 'graded'] as const;

/**
 * Which steps have happened. A step is done when its own facts are there or any later step is (a project with
 * reports was assigned; a voted one was proposed): the stepper never says 尚未到这一步 of a step behind it.
 * 点单 always happened: a project on the public site was proposed, by residents or by departments and deputies.
 */
export function reached(p: PublicProject): Record<(typeof steps)[number], boolean> {
  const own = [
    true,
    p.status === 'selected' || p.status === 'not_selected' || !!p.vote?.selected,
    !!p.plan,
    p.progress.length > 0,
    p.inspections.length > 0,
    p.grades.length > 0,
  ];
  const done = own.map((_, i) => own.slice(i).some(Boolean));
  return Object.fromEntries(steps.map((s, i) => [s, done[i]])) as Record<(typeof steps)[number], boolean>;
}

/** 点单: the real number of suggestions behind the project, or that it came from elsewhere. */
export function AskedStep({ p }: { p: PublicProject }) {
  const { t } = useTranslation();
  return p.suggestionsBehind > 0
    ? <p data-testid="asked-line">{t('story.asked', { count: p.suggestionsBehind, supporters: p.supporters, adopted: p.suggestions })}</p>
    : <p data-testid="asked-line">{t('story.askedNone')}</p>;
}

/** 代表定单: the day of the vote, 赞成 of the base, and where to read it (the signed result, the notice). */
export function VoteStep({ p }: { p: PublicProject }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = p.vote;
  if (!v) {
    if (p.status === 'selected') return <p data-testid="vote-line">{t('story.voteNoRecord', { year: p.year })}</p>;
    return <p data-testid="vote-line">{t(`portal.statusLine.${p.status}`, { defaultValue: t(`projectStatus.${p.status}`, { defaultValue: p.status }) })}</p>;
  }
  const outcome = v.selected ? 'voteIn' : v.status === 'tied' ? 'voteTied' : 'voteOut';
  return (
    <>
      <p data-testid="vote-line"><strong>{t('story.voteLine', { date: fmt.date(v.at), yes: v.yes, base: v.base })}</strong>{t('story.sep')}{t(`story.${outcome}`)}</p>
      <p className="small muted" data-testid="vote-counts">{t('story.voteCounts', { no: v.no, abstain: v.abstain, base: v.base, cast: v.cast })}</p>
      <ul className="plain-list portal-vote-links">
        <li><Link to={`/results/${encodeURIComponent(v.ballotId)}`} data-testid="vote-result">{t('story.voteResult')}</Link></li>
        <li>{v.notice
          ? <Link to={`/notices/${encodeURIComponent(v.notice.id)}`} data-testid="vote-notice">{t('story.voteNotice', { number: v.notice.number })}</Link>
          : <span className="muted">{t('story.voteNoNotice')}</span>}</li>
      </ul>
    </>
  );
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
