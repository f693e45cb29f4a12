import { useTranslation } from 'react-i18next';

/** The end of a vote: 已投票, and the receipt code to find the vote in the published ballot box. */
export function Receipt({ receipt, title }: { receipt: string | null; title?: string }) {
  const { t } = useTranslation();
  return (
    <section className="card receipt" aria-labelledby="voted-heading">
      <h2 id="voted-heading" className="receipt__status" data-testid="voted-status">
        <span className="receipt__mark" aria-hidden="true">✓</span>
        {t('vote.voted')}
      </h2>
      {title ? <p className="receipt__ballot">{title}</p> : null}
      {receipt ? (
        <>
          <p className="receipt__label" id="receipt-label">{t('vote.receipt')}</p>
          <p className="receipt__code" aria-labelledby="receipt-label" data-testid="receipt-code">
            {receipt}
          </p>
          <p className="muted">{t('vote.receiptHelp')}</p>
        </>
      ) : (
        <p className="muted" data-testid="voted-elsewhere">{t('vote.votedNoReceipt')}</p>
      )}
    </section>
  );
}
