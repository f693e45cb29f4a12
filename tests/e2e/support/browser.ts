// Chromium through playwright-core, with the checks every browser test wants: uncaught page
// errors and CSP refusals fail the test, screenshots are written under tests/e2e/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const screenshotDir = path.join(root, 'tests/e2e/screenshots');

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export const VIEWPORTS = {
  portrait: { width: 768, height: 1024 },
  landscape: { width: 1024, height: 768 },
  phone: { width: 390, height: 844 },
  screen: { width: 1920, height: 1080 },
  laptop: { width: 1366, height: 768 },
  desktop: { width: 1440, height: 900 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  viewport: ViewportName;
  /** uncaught exceptions and CSP refusals seen so far */
  problems: string[];
}

/**
 * A fresh browser context (its own storage, like a separate device) with one page.
 * `bypassCSP` only where axe-core must be injected as an inline script.
 */
export async function openTab(
  browser: Browser,
  baseURL: string,
  viewport: ViewportName,
  opts: { bypassCSP?: boolean; touch?: boolean; extra?: BrowserContextOptions } = {},
): Promise<Tab> {
  const touch = opts.touch ?? (viewport === 'portrait' || viewport === 'landscape' || viewport === 'phone');
  const context = await browser.newContext({
    baseURL,
    viewport: VIEWPORTS[viewport],
    deviceScaleFactor: 1,
    hasTouch: touch,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // axe reads colours as they are at that instant: a button's 80 ms hover transition caught halfway once
    // failed colour contrast. The stylesheets drop transitions for reduced motion (base.css), so ask for it.
    reducedMotion: 'reduce',
    bypassCSP: opts.bypassCSP ?? false,
    ...opts.extra,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  watch(page, problems);
  context.on('page', (p) => watch(p, problems));
  return { context, page, viewport, problems };
}

function watch(page: Page, problems: string[]) {
  page.on('pageerror', (e) => problems.push(`pageerror on ${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push(`CSP on ${page.url()}: ${m.text()}`);
  });
}

/**
 * Screenshots are named `<file>/<nn>-<step>-<width>x<height>.png`, numbered in the order taken.
 * Tablets and the big screen are shot as the device shows them (the viewport, with the sticky
 * 核对 button where it really is); phones and laptops as the whole page.
 */
export function screenshots(file: string) {
  const dir = path.join(screenshotDir, file);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page: Page, step: string, opts: { fullPage?: boolean } = {}) => {
    const vp = page.viewportSize();
    const name = `${String(++n).padStart(2, '0')}-${step}-${vp ? `${vp.width}x${vp.height}` : 'page'}.png`;
    // let fonts and the last frame settle, so the picture shows what a person would see
    await page.evaluate(() => document.fonts.ready.then(() => undefined)).catch(() => undefined);
    const device = vp !== null && (vp.width === 768 || vp.width === 1024 || vp.width === 1920);
    await page.screenshot({ path: path.join(dir, name), fullPage: opts.fullPage ?? !device, animations: 'disabled' });
    return name;
  };
}

/** Visible text of the page (what a person can read). */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}
