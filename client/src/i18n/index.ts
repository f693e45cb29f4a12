import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN.json';
import en from './en.json';
import adminZhCN from './admin.zh-CN.json';
import adminEn from './admin.en.json';

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
  resources: { 'zh-CN': { translation: { ...zhCN, ...adminZhCN } }, en: { translation: { ...en, ...adminEn } } },
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
