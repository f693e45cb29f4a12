import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

// Every screen family keeps its strings in files of its own (`<area>.zh-CN.json`, `<area>.en.json`,
// the tablet's in `zh-CN.json` / `en.json`), merged here so a new stage adds files, not lines here.
// The trail's words (`audit.*.json`, every action in two languages) are for staff only: they are not merged
// into this start-up bundle the tablet loads, but added by ./audit.ts where the staff screens import it; the
// administrators' screens' words likewise by ./staff.ts.
type Strings = Record<string, unknown>;
const files = import.meta.glob<Strings>(
  ['./*.json', '!./audit.*.json', '!./admin.*.json', '!./evalAdmin.*.json', '!./inbox.*.json', '!./moderation.*.json', '!./notices-admin.*.json'],
  { eager: true, import: 'default' },
);
const merged = (suffix: string) => Object.assign({}, ...Object.entries(files)
  .filter(([name]) => name.endsWith(`${suffix}.json`))
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([, strings]) => strings)) as Strings;

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'minsheng.lang';

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'zh-CN') return v;
  } catch {
    /* storage unavailable */
  }
  return 'zh-CN';
}

function applyDocumentLanguage(lng: string) {
  document.documentElement.lang = lng;
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: merged('zh-CN') }, en: { translation: merged('en') } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
});
applyDocumentLanguage(i18n.language);

i18n.on('languageChanged', (lng) => {
  applyDocumentLanguage(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* ignore */
  }
});

export function setLanguage(lng: Language) {
  void i18n.changeLanguage(lng);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
