import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import zh from '../../client/src/i18n/zh-CN.json';
import en from '../../client/src/i18n/en.json';
import adminZh from '../../client/src/i18n/admin.zh-CN.json';
import adminEn from '../../client/src/i18n/admin.en.json';

type Tree = { [k: string]: string | Tree };
function flat(o: Tree, prefix = ''): string[] {
  // i18next plural forms (`key_one`, `key_other`) are one key: English has two forms where Chinese has one.
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k.replace(/_(zero|one|two|few|many|other)$/, '')] : flat(v, `${prefix}${k}.`)));
}
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('translations', () => {
  // The admin screens keep their strings in files of their own, merged at start (client/src/i18n/index.ts).
  const zhKeys = new Set([...flat(zh as Tree), ...flat(adminZh as Tree)]);
  const enKeys = new Set([...flat(en as Tree), ...flat(adminEn as Tree)]);

  it('zh-CN and en have the same keys', () => {
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('every literal key used in the client exists', () => {
    const src = new URL('../../client/src', import.meta.url).pathname;
    const missing: string[] = [];
    for (const f of files(src)) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) if (!zhKeys.has(m[1])) missing.push(`${f}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
