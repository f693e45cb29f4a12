// The tracking page's 办理反馈 and 回访: to which department the suggestion was referred, by when, what the
// department answered in each round, and each return call (satisfied, or referred again). Never who answered.
import { useTranslation } from 'react-i18next';
import '../../styles/referrals.css';
import type { Answer } from '../../api';
import { useFormat } from '../../format';

type Tracked = NonNullable<Answer<'GET /api/suggestions/:code'>['referral']>;

export function TrackReferral({ referral: r }: { referral: Tracked }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const many = r.round > 1 || r.answers.some((a) => a.round > 1);
  return (
    <>
      <section className="stack track-referral" aria-labelledby="track-referral-heading" data-testid="track-referral">
        <h3 id="track-referral-heading">{t('referrals.track.heading')}</h3>
        <p className="small">
          {t('referrals.track.department', { name: r.department })}
          {r.state === 'open' ? ` · ${t('referrals.track.due', { date: fmt.date(r.due) })}` : ''}
          {r.state === 'closed' ? <> · <span className="tag tag--ref-closed">{t('referrals.track.closed')}</span></> : null}
        </p>
        {r.answers.length ? (
          <ol>
            {r.answers.map((a, i) => (
              <li key={i} className="ref-answer" data-testid="track-referral-answer">
                <time dateTime={a.at}>{many ? `${t('referrals.track.roundN', { round: a.round })} · ` : ''}{t('referrals.track.answeredAt', { date: fmt.date(a.at) })}</time>
                {a.text}
              </li>
            ))}
          </ol>
        ) : null}
        {r.state === 'open' ? <p className="muted" data-testid="track-referral-waiting">{t('referrals.track.waiting')}</p> : null}
      </section>
      {r.visits.length ? (
        <section className="stack track-referral" aria-labelledby="track-visits-heading" data-testid="track-visits">
          <h3 id="track-visits-heading">{t('referrals.track.visits')}</h3>
          <ol>
            {r.visits.map((v, i) => (
              <li key={i} className={`ref-visit--${v.satisfied ? 'yes' : 'no'}`} data-testid="track-visit">
                <time dateTime={v.date}>{t('referrals.track.visitAt', { date: fmt.date(v.date) })}</time>
                <strong>{t(v.satisfied ? 'referrals.track.satisfied' : 'referrals.track.unsatisfied')}</strong>{v.note ? `${t('referrals.colon')}${v.note}` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
