import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LangSwitch } from './LangSwitch';

/** Page header: product name, page title, extra controls and the language switch. */
export function TopBar({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <span className="topbar__emblem" aria-hidden="true" />
        <span className="topbar__name">{t('app.name')}</span>
        {title ? <span className="topbar__title">{title}</span> : null}
      </div>
      <div className="topbar__actions">
        {children}
        <LangSwitch />
      </div>
    </header>
  );
}
