// 群众评单: the public's ratings of a finished project, beside (never inside) the members' grades; approved
// comments; and the form — one rating per browser, a comment shown once staff approve it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { Notice } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useFormat } from '../../format';
import { useRate, type PublicProject } from './publicApi';

const grades = ['satisfied', 'basic', 'unsatisfied'] as const;

/** This browser rated the project already (the server would answer already_rated): say so instead of the form. */
function ratedHere(projectId: string): boolean {
  try { return localStorage.getItem(`minsheng.rated.${projectId}`) === '1'; } catch { return false; }
}
function markRated(projectId: string) {
  try { localStorage.setItem(`minsheng.rated.${projectId}`, '1'); } catch { /* private mode: the server still refuses a second rating */ }
}

export function RatingsPanel({ p }: { p: PublicProject }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const r = p.publicRatings;
  const share = (n: number) => (r.count ? n / r.count : 0);
  return (
    <div className="card stack" data-testid="public-ratings">
      <h3>{t('portal.publicRatings')}</h3>
      {r.count ? (
        <>
          <p data-testid="public-ratings-count">{t('portal.ratingsCount', { count: r.count, rate: fmt.pct(share(r.satisfied + r.basic)) })}</p>
          <ul className="portal-bars">
            {grades.map((g) => (
              <li key={g}><span>{t(`choice.${g}`)}</span><span className="portal-bars__track"><span className={`portal-bars__fill portal-bars__fill--${g}`} style={{ width: `${share(r[g]) * 100}%` }} /></span><span>{fmt.num(r[g])}</span></li>
            ))}
          </ul>
        </>
      ) : <p className="muted">{t('portal.noRatings')}</p>}
      {p.comments.length ? (
        <ul className="portal-comments" aria-label={t('portal.comments')}>
          {p.comments.map((c) => <li key={c.id} data-testid="public-comment"><span className="tag">{t(`choice.${c.grade}`, { defaultValue: c.grade })}</span> {c.comment}</li>)}
        </ul>
      ) : null}
      {p.execution === 'done' ? <RateForm projectId={p.id} /> : <p className="small muted">{t('portal.rateWhenDone')}</p>}
    </div>
  );
}

function RateForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const rate = useRate(projectId);
  const [grade, setGrade] = useState<(typeof grades)[number] | null>(null);
  const [comment, setComment] = useState('');
  const already = (rate.error instanceof ApiError && rate.error.code === 'already_rated') || ratedHere(projectId);
  if (rate.isSuccess || already) return <Notice kind="ok" testId="rate-thanks">{already ? t('portal.alreadyRated') : t('portal.thanks')}</Notice>;
  return (
    <form className="stack" onSubmit={(e) => { e.preventDefault(); if (grade) rate.mutate({ grade, ...(comment.trim() ? { comment: comment.trim() } : {}) }, { onSuccess: () => markRated(projectId) }); }} data-testid="rate-form">
      <fieldset className="portal-rate">
        <legend>{t('portal.yourRating')}</legend>
        {grades.map((g) => (
          <label key={g} className={`portal-rate__choice${grade === g ? ' is-on' : ''}`}>
            <input type="radio" name="grade" value={g} checked={grade === g} onChange={() => setGrade(g)} data-testid={`rate-${g}`} />
            {t(`choice.${g}`)}
          </label>
        ))}
      </fieldset>
      <label className="field"><span className="field__label">{t('portal.comment')}</span>
        <textarea className="input" rows={3} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="rate-comment" />
        <span className="small muted">{t('portal.commentHint')}</span></label>
      <ErrorBox error={rate.error} />
      <button type="submit" className="btn btn--primary" disabled={!grade || rate.isPending} data-testid="rate-submit">{t('portal.rate')}</button>
    </form>
  );
}
