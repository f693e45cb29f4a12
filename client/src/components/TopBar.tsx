import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LangSwitch } from './LangSwitch';

/**
 * Page header: product name, page title, extra controls and the language switch. `home`: the name links to the
 * public home page (the public site's pages; never the hall's tablet or screens, where leaving is not a click away).
 */
export function TopBar({ title, children, home = false }: { title?: string; children?: ReactNode; home?: boolean }) {
  const { t } = useTranslation();
  const brand = <><span className="topbar__emblem" aria-hidden="true" /><span className="topbar__name">{t('app.name')}</span></>;
  return (
    <header className="topbar">
      <div className="topbar__brand">
        {home ? <Link to="/" className="topbar__home" data-testid="brand-home">{brand}</Link> : brand}
        {title ? <span className="topbar__title">{title}</span> : null}
      </div>
      <div className="topbar__actions">
        {children}
        <LangSwitch />
      </div>
    </header>
  );
}
