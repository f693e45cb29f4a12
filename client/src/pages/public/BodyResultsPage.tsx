// /bodies/:bodyId?year= — one body's year for the public: the way up and down the tree, the year's
// projects of the body and below (with charts), the collection box, its representatives and who is on duty at
// its stations, notices, published results, open data.
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/public.css';
import '../../styles/portal.css';
import { useFormat } from '../../format';
import { TopBar } from '../../components/TopBar';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { shanghaiDate } from '../../../../shared/execution';
import { CollectionBox } from '../collection/CollectionBox';
import { NoticeList } from '../notices/NoticeList';
import { RepresentativesBox, StationsDuty } from '../reps/BodyReps';
import { useBodies } from '../../queries/bodies';
import { BodyNav } from './BodyNav';
import { YearProjects } from './YearProjects';
import { usePublicResults } from './publicApi';

export default function BodyResultsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { bodyId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));
  const results = usePublicResults(bodyId);
  // Unless asked for a year: this year, or next year once its selection is published (in December, after
  // the vote, the county page opens on the year just decided).
  const decided = Math.max(0, ...(results.data ?? []).flatMap((r) => r.years));
  const year = Number(params.get('year')) || Math.max(thisYear, Math.min(decided, thisYear + 1));
  // Next year's candidates, this year's projects and four years back.
  const years = useMemo(() => Array.from({ length: 6 }, (_, i) => thisYear + 1 - i), [thisYear]);
  const body = useBodies().data?.find((b) => b.id === bodyId);
  // The year shown: the votes over its projects (a motion, with none, by the year it was published).
  const ofYear = (results.data ?? []).filter((r) => (r.years.length ? r.years.includes(year) : r.publishedAt.startsWith(String(year))));
  useTitle(body ? t('portal.bodyYear', { name: body.name, year }) : t('public.results'));

  return (
    <div className="page public">
      <TopBar home />
      <main className="container container--narrow stack" id="main">
        <BodyNav bodyId={bodyId} year={year} years={years.includes(year) ? years : [year, ...years]} onYear={(y) => setParams({ year: String(y) }, { replace: true })} />
        <h1 data-testid="body-name">{body?.name ?? t('public.results')}</h1>
        <CollectionBox bodyId={bodyId} />
        <YearProjects bodyId={bodyId} year={year} />
        <RepresentativesBox bodyId={bodyId} />
        <StationsDuty bodyId={bodyId} />
        <NoticeList bodyId={bodyId} />
        <h2 data-testid="results-heading">{t('story.resultsOfYear', { year })}</h2>
        <ErrorBox error={results.error} />
        {results.isPending ? <Loading /> : !ofYear.length ? (
          <p className="muted" data-testid="no-results">{t('public.noResults')}</p>
        ) : (
          <ul className="result-list" data-testid="result-list">
            {ofYear.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).map((r) => (
              <li key={r.ballotId}>
                <Link className="result-list__item" to={`/results/${encodeURIComponent(r.ballotId)}`} state={{ title: r.title, sessionName: r.sessionName }} data-testid={`result-link-${r.ballotId}`}>
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
        <p><Link to={`/bodies/${encodeURIComponent(bodyId)}/evaluations?year=${year}`} data-testid="evaluations-link">{t('publicEval.link')}</Link></p>
        <p><Link to={`/bodies/${encodeURIComponent(bodyId)}/data`} data-testid="open-data-link">{t('portal.data')}</Link></p>
      </main>
    </div>
  );
}
