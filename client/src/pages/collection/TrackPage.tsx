// /track and /track/:code — a resident follows a suggestion by its code: where it stands, what happened, and
// what the representative it was sent to answered (代表回复).
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/public.css';
import '../../styles/collection.css';
import '../../styles/reps.css';
import { ApiError } from '../../api';
import { useFormat } from '../../format';
import { TopBar } from '../../components/TopBar';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useTracking } from './collectionApi';
import { useBodies } from '../../queries/bodies';
import { TrackLookup } from './TrackLookup';

export default function TrackPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { code = '' } = useParams();
  const tracking = useTracking(code);
  const s = tracking.data;
  useTitle(s ? s.title : t('collection.trackTitle'));
  const notFound = tracking.error instanceof ApiError && tracking.error.status === 404;
  const bodies = useBodies();
  const body = s ? bodies.data?.find((b) => b.id === s.bodyId) : undefined;
  return (
    <div className="page public collection">
      <TopBar home title={t('collection.trackTitle')} />
      <main className="container container--narrow stack" id="main">
        <h1>{t('collection.trackHeading')}</h1>
        <TrackLookup initial={code} />
        {!code ? null : tracking.isPending ? <Loading /> : notFound ? (
          <p className="alert alert--warn" role="status" data-testid="track-not-found">{t('collection.notFound')}</p>
        ) : <ErrorBox error={tracking.error} />}
        {s ? (
          <article className="card stack" data-testid="track-result">
            <h2 data-testid="track-title">{s.title}</h2>
            <p>
              <span className={`tag tag--status-${s.status}`} data-testid="track-status">{t(`suggestionStatus.${s.status}`)}</span>{' '}
              <span className="small muted">{t(`category.${s.category}`, { defaultValue: s.category })}{s.area ? ` · ${s.area}` : ''}</span>
            </p>
            {s.reason ? <p data-testid="track-reason">{t('collection.reason')}{s.reason}</p> : null}
            {s.mergedInto ? <p data-testid="track-merged">{t('collection.mergedInto', { title: s.mergedInto.title })}</p> : null}
            {s.project ? (
              <p data-testid="track-project">
                {t('collection.becameProject')} <Link to={`/projects/${encodeURIComponent(s.project.id)}`} data-testid="track-project-link">{s.project.title}</Link>{' '}
                <span className="tag tag--muted">{t(`projectStatus.${s.project.status}`, { defaultValue: s.project.status })}</span>
              </p>
            ) : null}
            {s.replies.length ? (
              <section className="stack track-replies" aria-labelledby="track-replies-heading" data-testid="track-replies">
                <h3 id="track-replies-heading">{t('reps.track.replies')}</h3>
                <ul className="rep-replies">
                  {s.replies.map((r, i) => (
                    <li key={i} data-testid="track-reply">
                      <time dateTime={r.at}>{t('reps.track.repliedAt', { date: fmt.date(r.at) })}</time>
                      {r.text}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <ol className="timeline" aria-label={t('collection.history')}>
              {s.history.map((h, i) => (
                <li key={i} className="timeline__item" data-testid="track-event">
                  <time dateTime={h.at}>{fmt.date(h.at)}</time>
                  <span>{t(`suggestionEvent.${h.status}`)}{h.note ? `${t('collection.sep')}${h.note}` : ''}</span>
                </li>
              ))}
            </ol>
          </article>
        ) : null}
        {/* never a dead end: the body's projects, the project it led to, home */}
        <nav className="card stack" aria-labelledby="track-links-heading" data-testid="track-links">
          <h2 id="track-links-heading" className="h3">{t('story.trackLinks')}</h2>
          <ul className="plain-list track-links">
            {s ? <li><Link to={`/bodies/${encodeURIComponent(s.bodyId)}?year=${s.year}`} data-testid="track-body-link">{t('story.trackBody', { body: body?.name ?? '' })}</Link></li> : null}
            {s?.project ? <li><Link to={`/projects/${encodeURIComponent(s.project.id)}`} data-testid="track-links-project">{t('story.trackProject', { title: s.project.title })}</Link></li> : null}
            <li><Link to="/" data-testid="track-home">{t('story.home')}</Link></li>
          </ul>
        </nav>
      </main>
    </div>
  );
}
