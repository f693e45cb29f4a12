import { useEffect, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/public.css';
import type { BallotBox, BallotResult, BoxEntry } from '../../../../shared/types';
import { api, urls } from '../../api';
import { useFormat } from '../../format';
import { TopBar } from '../../components/TopBar';
import { ErrorBox, Loading, useTitle } from '../../components/Feedback';
import { ResultView } from '../../components/ResultView';
import { checkDigest, checkRecount, choicePairs, findReceipt, parseBox, type Check } from './verify';

/** /results/:ballotId — a published result, its downloads, and checks anyone can run. */
export default function ResultPage() {
  const { t } = useTranslation();
  const { ballotId = '' } = useParams();
  const location = useLocation();
  const passed = (location.state ?? null) as { title?: string; sessionName?: string } | null;
  const [result, setResult] = useState<BallotResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [box, setBox] = useState<BallotBox | null>(null);
  const [boxError, setBoxError] = useState<unknown>(null);

  useEffect(() => {
    api.result(ballotId).then(setResult, setError);
    api.boxText(ballotId).then((text) => {
      const b = parseBox(text);
      if (b) setBox(b);
      else setBoxError(new Error('bad box'));
    }, setBoxError);
  }, [ballotId]);

  const title = box?.ballot.title ?? passed?.title ?? t('public.result');
  useTitle(title);
  const titles = useMemo(() => Object.fromEntries((box?.ballot.options ?? []).map((o) => [o.id, o.title])), [box]);

  return (
    <div className="page public">
      <TopBar />
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
      <p>{t('public.verifyIntro')}</p>
      <pre className="code" data-testid="verify-command">
        <code>npm run verify -- box.json</code>
      </pre>
      <p className="muted small">{t('public.verifyJwsIntro')}</p>
    </section>
  );
}

function CheckLine({ check, label, testId }: { check: Check | null; label: string; testId: string }) {
  const { t } = useTranslation();
  const text = check === null ? t('public.checking') : t(`public.check.${check}`);
  return (
    <p className={`check-line check-line--${check ?? 'wait'}`} data-testid={testId} data-result={check ?? 'pending'}>
      <span className="check-line__label">{label}</span>
      <strong>{text}</strong>
    </p>
  );
}

function Verify({ box, boxError, result }: { box: BallotBox | null; boxError: unknown; result: BallotResult }) {
  const { t } = useTranslation();
  const [own, setOwn] = useState<{ name: string; box: BallotBox | null } | null>(null);
  const digest = useMemo(() => (box ? checkDigest(box) : null), [box]);
  const recount = useMemo(() => (box ? checkRecount(box, result) : null), [box, result]);
  const ownDigest = useMemo(() => (own?.box ? checkDigest(own.box) : null), [own]);
  const ownMatches = own?.box && box ? own.box.digest.toLowerCase() === box.digest.toLowerCase() : null;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f) return;
    const text = await f.text();
    setOwn({ name: f.name, box: parseBox(text) });
  };

  return (
    <section className="card stack" aria-labelledby="verify-heading" aria-live="polite">
      <h2 id="verify-heading">{t('public.verifyHeading')}</h2>
      {boxError ? <ErrorBox error={boxError} /> : null}
      {box ? (
        <>
          <CheckLine check={digest?.check ?? null} label={t('public.digestCheck')} testId="digest-status" />
          <p className="mono small break" data-testid="box-digest">
            {t('public.digest')}: {box.digest}
          </p>
          <CheckLine check={recount} label={t('public.recountCheck')} testId="recount-status" />
        </>
      ) : boxError ? null : (
        <Loading />
      )}
      <label className="field">
        <span className="field__label">{t('public.checkOwnFile')}</span>
        <input type="file" accept="application/json,.json" onChange={onFile} className="input" data-testid="box-file-input" />
      </label>
      {own ? (
        own.box ? (
          <>
            <CheckLine check={ownDigest?.check ?? null} label={t('public.ownDigestCheck', { name: own.name })} testId="own-digest-status" />
            {ownMatches !== null ? (
              <CheckLine check={ownMatches ? 'pass' : 'fail'} label={t('public.ownMatchesPublished')} testId="own-match-status" />
            ) : null}
          </>
        ) : (
          <CheckLine check="fail" label={t('public.ownNotABox', { name: own.name })} testId="own-digest-status" />
        )
      ) : null}
    </section>
  );
}

function ReceiptLookup({ box, titles }: { box: BallotBox; titles: Record<string, string> }) {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState('');
  const [found, setFound] = useState<BoxEntry | null | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFound(findReceipt(box, receipt));
  };
  return (
    <section className="card stack" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">{t('public.receiptHeading')}</h2>
      <p className="muted">{t('public.receiptIntro')}</p>
      <form className="inline-form inline-form--wrap" onSubmit={submit}>
        <label className="field">
          <span className="field__label">{t('public.receiptLabel')}</span>
          <input
            className="input mono"
            value={receipt}
            onChange={(e) => setReceipt(e.target.value)}
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            data-testid="receipt-lookup-input"
          />
        </label>
        <button type="submit" className="btn btn--primary" disabled={!receipt.trim()} data-testid="receipt-lookup-submit">
          {t('public.receiptFind')}
        </button>
      </form>
      <div aria-live="polite">
        {found === undefined ? null : found === null ? (
          <p className="alert alert--warn" data-testid="receipt-lookup-result" data-found="false">
            {t('public.receiptNotFound')}
          </p>
        ) : (
          <div data-testid="receipt-lookup-result" data-found="true">
            <p className="alert alert--ok">{t('public.receiptFound', { receipt: found.receipt })}</p>
            <ul className="review-list">
              {choicePairs(box, found.choices).map(([id, mark]) => (
                <li key={id} className="review-row" data-testid={`receipt-choice-${id}`} data-choice={mark}>
                  <span>{id === 'motion' ? (box.ballot.question ?? box.ballot.title) : (titles[id] ?? id)}</span>
                  <strong className={`pill pill--${mark === 'ticked' ? 'yes' : mark === 'notTicked' ? 'none' : mark}`}>
                    {mark === 'ticked' ? t('vote.ticked') : mark === 'notTicked' ? t('vote.notTicked') : t(`choice.${mark}`, { defaultValue: mark })}
                  </strong>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
