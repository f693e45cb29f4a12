// One check for every screen a browser test passes through: axe (no serious or critical), a screenshot,
// and no sideways scroll.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runAxe, serious } from './axe.js';
import { openTab, type screenshots, type Tab, type ViewportName } from './browser.js';

const axeSource = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../node_modules/axe-core/axe.min.js');

/** `shot` is read when the check runs (the screenshot folder is made in beforeAll). */
export function screenChecker(shot: () => ReturnType<typeof screenshots>) {
  return async (page: Page, label: string, fullPage = true) => {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(axeSource, 'utf8'));
    const found = serious(await runAxe(page));
    await shot()(page, label, { fullPage });
    expect(found, `${label}:\n${found.join('\n')}`).toEqual([]);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll, `${label}: sideways scroll`).toBeLessThanOrEqual(client);
  };
}

/** Opens a tab at a device's size and keeps it in `tabs` (their console problems are checked at the end). */
export function tabOpener(env: () => { browser: Browser; url: string }, tabs: Tab[]) {
  return async (viewport: ViewportName) => {
    const t = await openTab(env().browser, env().url, viewport);
    tabs.push(t);
    return t.page;
  };
}
