// The checks anyone can run on a published result in the browser: the box's digest, a recount against
// the result, a downloaded copy of the box, and finding one's own vote by its receipt code.
import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotBox, BallotResult, BoxEntry } from '../../../../shared/types';
import { Loading } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { checkDigest, checkRecount, choicePairs, findReceipt, type Check } from './verify';
import { parseBox } from './publicApi';
import { LabelledInput } from '../../components/LabelledInput';

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

export function Verify({ box, boxError, result }: { box: BallotBox | null; boxError: unknown; result: BallotResult }) {
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
      <LabelledInput label={t('public.checkOwnFile')} type="file" accept="application/json,.json" onChange={onFile} data-testid="box-file-input" />
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

export function ReceiptLookup({ box, titles }: { box: BallotBox; titles: Record<string, string> }) {
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
        <LabelledInput label={t('public.receiptLabel')} className="mono" value={receipt} onChange={(e) => setReceipt(e.target.value)} autoCapitalize="characters"
          spellCheck={false} maxLength={40} data-testid="receipt-lookup-input" />
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
