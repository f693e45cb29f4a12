// The client's translations for tests of its pure text functions: every translation file merged per language, as
// client/src/i18n/index.ts and i18n/audit.ts do (they need Vite's glob, so they are not imported here).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';

type Tree = { [k: string]: string | Tree };
const dir = new URL('../../client/src/i18n', import.meta.url).pathname;

/** One file's strings (`audit.zh-CN.json`), or with a suffix alone every file of that language merged. */
export const catalogueFile = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Tree;
export const catalogue = (suffix: string) => Object.assign({}, ...readdirSync(dir).filter((f) => f.endsWith(`${suffix}.json`)).sort().map(catalogueFile)) as Tree;

/** A translator per language; no fallback, so a missing string shows as its key. */
export async function translators(): Promise<{ zhT: TFunction; enT: TFunction }> {
  const i = i18next.createInstance();
  await i.init({ resources: { 'zh-CN': { translation: catalogue('zh-CN') }, en: { translation: catalogue('en') } }, lng: 'zh-CN', fallbackLng: false, interpolation: { escapeValue: false } });
  return { zhT: i.getFixedT('zh-CN'), enT: i.getFixedT('en') };
}
