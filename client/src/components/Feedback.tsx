// Small shared pieces of feedback: a notice, the loading line, the document title. Server errors: ErrorBox.tsx.
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Notice({ children, kind = 'info', testId }: { children: ReactNode; kind?: 'info' | 'warn' | 'ok'; testId?: string }) {
  return (
    <div className={`alert alert--${kind}`} role="status" data-testid={testId}>
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="loading__spinner" aria-hidden="true" />
      {t('common.loading')}
    </div>
  );
}

/** Sets document.title, re-evaluated when the text (and so the language) changes. */
export function useTitle(text: string | null | undefined) {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = text ? `${text} · ${app}` : app;
  }, [text, app]);
}
