import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
  // Each screen family keeps its strings in files of its own, merged at start (client/src/i18n/index.ts).
  const dir = new URL('../../client/src/i18n', import.meta.url).pathname;
  const load = (suffix: string) => readdirSync(dir).filter((f) => f.endsWith(`${suffix}.json`))
    .flatMap((f) => flat(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Tree));
  const zhKeys = new Set(load('zh-CN'));
  const enKeys = new Set(load('en'));

  it('finds the translation files', () => {
    expect(zhKeys.size).toBeGreaterThan(100);
  });

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
