import { useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/public.css';
import type { BallotResult } from '../../../../shared/types';
import { urls } from '../../api';
import { useFormat } from '../../format';
import { TopBar } from '../../components/TopBar';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { ResultView } from '../../components/ResultView';
import { useBallotBox, usePublicResult } from './publicApi';
import { ReceiptLookup, Verify } from './ResultChecks';

/** /results/:ballotId — a published result, its downloads, and checks anyone can run. */
export default function ResultPage() {
  const { t } = useTranslation();
  const { ballotId = '' } = useParams();
  const location = useLocation();
  const passed = (location.state ?? null) as { title?: string; sessionName?: string } | null;
  const { data: result, error } = usePublicResult(ballotId);
  const { data: box = null, error: boxError } = useBallotBox(ballotId);

  const title = box?.ballot.title ?? passed?.title ?? t('public.result');
  useTitle(title);
  const titles = useMemo(() => Object.fromEntries((box?.ballot.options ?? []).map((o) => [o.id, o.title])), [box]);

  return (
    <div className="page public">
      <TopBar home />
      <main className="container" id="main">
        <Link to="/" className="backlink">{t('public.allBodies')}</Link>
        <h1 data-testid="result-title">{title}</h1>
        {passed?.sessionName ? <p className="muted">{passed.sessionName}</p> : null}
        <ErrorBox error={error} />
        {!result ? (
          error ? null : <Loading />
        ) : (
          <>
            <Rule result={result} machineRule={box?.ballot.rule} />
            <SelectedList result={result} titles={titles} />
            <ResultView result={result} titles={titles} />
            <Downloads ballotId={ballotId} />
            <Verify box={box} boxError={boxError} result={result} />
            {box ? <ReceiptLookup box={box} titles={titles} /> : null}
          </>
        )}
      </main>
    </div>
  );
}

/** The counting rule in the reader's language; the box's own (machine) wording on request. */
function Rule({ result, machineRule }: { result: BallotResult; machineRule?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const seats = result.kind === 'selection' ? fmt.num(result.seats) : '';
  return (
    <div className="rule" data-testid="result-rule">
      <p>
        <span className="muted">{t('vote.metaItem', { label: t('public.rule'), value: '' })}</span>
        {t(`public.ruleText.${result.kind}`, { seats })} {t(`public.ruleBase.${result.baseRule}`)}
      </p>
      {machineRule ? (
        <details className="rule__machine">
          <summary>{t('public.ruleMachine')}</summary>
          <p className="mono small" lang="en">{machineRule}</p>
        </details>
      ) : null}
    </div>
  );
}

function SelectedList({ result, titles }: { result: BallotResult; titles: Record<string, string> }) {
  const { t } = useTranslation();
  if (result.kind !== 'selection') return null;
  const byId = new Map(result.options.map((o) => [o.id, o]));
  return (
    <section className="card stack" aria-labelledby="selected-heading">
      <h2 id="selected-heading">{t('public.selectedProjects')}</h2>
      {result.selected.length === 0 ? (
        <p className="muted">{t('public.noneSelected')}</p>
      ) : (
        <ol className="selected-list" data-testid="selected-list">
          {result.selected.map((id) => (
            <li key={id} data-testid={`selected-${id}`}>
              {titles[id] ?? byId.get(id)?.title ?? id}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Downloads({ ballotId }: { ballotId: string }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="dl-heading">
      <h2 id="dl-heading">{t('public.downloads')}</h2>
      <ul className="link-list">
        <li>
          <a href={urls.box(ballotId)} download={`ballot-${ballotId}-box.json`} data-testid="download-box">
            {t('public.downloadBox')}
          </a>
        </li>
        <li>
          <a href={urls.jws(ballotId)} download={`ballot-${ballotId}-result.jws`} data-testid="download-jws">
            {t('public.downloadJws')}
          </a>
        </li>
        <li>
          <a href={urls.keys()} data-testid="download-keys">
            {t('public.publicKeys')}
          </a>
        </li>
      </ul>
      <h3>{t('public.howToVerify')}</h3>
      {/* for people, not developers: what was checked here, and the verifier's own page for whoever checks again */}
      <p data-testid="verify-plain">{t('story.verifyPlain')}</p>
      <p><a href="/verify.html" data-testid="verify-docs">{t('story.verifyDocs')}</a></p>
    </section>
  );
}
