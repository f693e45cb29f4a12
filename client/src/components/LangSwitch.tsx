import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

const LABELS: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** The 中文 / English switch shown on every screen. Labels are each language's own name. */
export function LangSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`lang-switch ${className ?? ''}`} role="group" aria-label={t('common.language')} data-testid="lang-switch">
      {LANGUAGES.map((lng) => {
        const active = i18n.language === lng;
        return (
          <button
            key={lng}
            type="button"
            lang={lng}
            className={active ? 'lang-switch__btn is-active' : 'lang-switch__btn'}
            aria-pressed={active}
            data-testid={`lang-${lng}`}
            onClick={() => setLanguage(lng)}
          >
            {LABELS[lng]}
          </button>
        );
      })}
    </div>
  );
}
