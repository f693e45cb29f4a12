import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/public.css';
import { api, type Body, type PublicResultSummary } from '../../api';
import { useFormat } from '../../format';
import { TopBar } from '../../components/TopBar';
import { ErrorBox, Loading, useTitle } from '../../components/Feedback';
import { CollectionBox } from '../collection/CollectionBox';
import { NoticeList } from '../notices/NoticeList';
import { ProjectList } from './ProjectList';

/** /bodies/:bodyId — published vote results of one body. */
export default function BodyResultsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { bodyId = '' } = useParams();
  const [body, setBody] = useState<Body | null>(null);
  const [results, setResults] = useState<PublicResultSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useTitle(body?.name ?? t('public.results'));

  useEffect(() => {
    api.bodies().then((bs) => setBody(bs.find((b) => b.id === bodyId) ?? null), () => {});
    api.publicResults(bodyId).then(setResults, setError);
  }, [bodyId]);

  return (
    <div className="page public">
      <TopBar />
      <main className="container container--narrow" id="main">
        <Link to="/" className="backlink">{t('public.allBodies')}</Link>
        <h1 data-testid="body-name">{body?.name ?? t('public.results')}</h1>
        <CollectionBox bodyId={bodyId} />
        <ProjectList bodyId={bodyId} />
        <NoticeList bodyId={bodyId} />
        <h2>{t('public.publishedResults')}</h2>
        <ErrorBox error={error} />
        {!results ? (
          error ? null : <Loading />
        ) : results.length === 0 ? (
          <p className="muted" data-testid="no-results">{t('public.noResults')}</p>
        ) : (
          <ul className="result-list" data-testid="result-list">
            {[...results]
              .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
              .map((r) => (
                <li key={r.ballotId}>
                  <Link
                    className="result-list__item"
                    to={`/results/${encodeURIComponent(r.ballotId)}`}
                    state={{ title: r.title, sessionName: r.sessionName }}
                    data-testid={`result-link-${r.ballotId}`}
                  >
                    <span className="result-list__title">{r.title}</span>
                    <span className="result-list__meta">
                      <span>{r.sessionName}</span>
                      <span className="tag tag--muted">{t(`ballotKind.${r.kind}`)}</span>
                      <time dateTime={r.publishedAt}>{fmt.date(r.publishedAt)}</time>
                    </span>
                  </Link>
                </li>
              ))}
          </ul>
        )}
      </main>
    </div>
  );
}
