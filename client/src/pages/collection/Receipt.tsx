// After sending: the tracking code in large type, copyable, and where to follow it.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function Receipt({ code, onAnother }: { code: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section className="card stack receipt" data-testid="suggest-done">
      <h2>{t('collection.thanks')}</h2>
      <p>{t('collection.codeIntro')}</p>
      <p className="tracking-code mono" data-testid="tracking-code" aria-label={t('collection.trackingCode')}>{code}</p>
      <div className="btn-row">
        <button type="button" className="btn btn--secondary" onClick={copy} data-testid="copy-code">{copied ? t('collection.copied') : t('collection.copy')}</button>
        <Link className="btn btn--primary" to={`/track/${code}`} data-testid="open-tracking">{t('collection.follow')}</Link>
      </div>
      <p className="small muted">{t('collection.codePrivate')}</p>
      <button type="button" className="btn btn--ghost" onClick={onAnother}>{t('collection.another')}</button>
    </section>
  );
}
