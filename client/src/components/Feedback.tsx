import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api';

export function ErrorBox({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert" data-testid={testId ?? 'error'}>
      {errorText(t, error)}
    </div>
  );
}

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
