// The hall's big screen at its real size (1920×1080), issue 25 item 7: a result of 12 candidates shows every row
// with its 赞成/反对/弃权 counts without scrolling or clipping; 20 candidates page through (第 1/2 页, every
// ~10 s); no controls at all (no language switch, no button). Chinese and English, axe clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ok, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, openTab, screenshots, type Tab } from './support/browser.js';
import { startE2EServer, type E2EServer } from './support/server.js';
import { ballotAction, createBallot, realisticHall } from './support/scenario.js';
import { screenChecker } from './support/screens.js';
import { apiVote, expectAttr, expectText, inBatches } from './support/ui.js';

const MEMBERS = 15;

let server: E2EServer;
let browser: Browser;
let hall: Hall;
let shot: ReturnType<typeof screenshots>;
let tab: Tab;
const check = screenChecker(() => shot);

/** A closed ballot over the first `n` projects for `seats`, voted by every member (yes, no and 弃权 mixed). */
async function votedBallot(n: number, seats: number, title: string) {
  const ids = hall.projectIds.slice(0, n);
  const id = await createBallot(server, hall, title, { projectIds: ids, seats });
  await ballotAction(server, hall, id, 'open');
  await inBatches(hall.members, 8, (m, i) => apiVote(server, m.token, id, Object.fromEntries(ids.map((p, k) => [p, (i + k) % 5 === 0 ? 'abstain' : (i * k) % 3 === 1 ? 'no' : 'yes']))));
  await ballotAction(server, hall, id, 'close');
  return { id, ids };
}

/**
 * Every element matching `selector` lies inside the viewport and inside every ancestor that clips
 * (overflow other than visible): none is scrolled away or cut off. Returns the offending test ids.
 */
function outside(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const bad: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect();
      const name = el.dataset.testid ?? el.className;
      if (r.width === 0 || r.height === 0 || r.left < 0 || r.top < 0 || r.right > vw + 0.5 || r.bottom > vh + 0.5) {
        bad.push(`${name} ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} (viewport)`);
        continue;
      }
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const q = a.getBoundingClientRect();
        if (r.left < q.left - 0.5 || r.right > q.right + 0.5 || r.top < q.top - 0.5 || r.bottom > q.bottom + 0.5) {
          bad.push(`${name} clipped by ${a.className || a.tagName}`);
          break;
        }
      }
    }
    return bad;
  }, selector);
}

async function expectAllFits(page: Page) {
  const [sh, ih, sw, iw] = await page.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight, document.documentElement.scrollWidth, window.innerWidth]);
  expect(sh).toBeLessThanOrEqual(ih);
  expect(sw).toBeLessThanOrEqual(iw);
  expect(await outside(page, '[data-testid^="result-row-"], [data-testid^="result-yes-"], [data-testid^="result-no-"], [data-testid^="result-abstain-"], [data-testid^="result-status-"], .row__title, .screen__head, .result__summary')).toEqual([]);
}

async function noControls(page: Page) {
  expect(await page.locator('button, a[href], select, input, textarea, [role="button"], .lang-switch').count()).toBe(0);
}

beforeAll(async () => {
  shot = screenshots('hall-screen');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await realisticHall(server, { members: MEMBERS, projects: 20 });
  await inBatches(hall.members, 10, async (m) => ok(await server.call('POST', `/api/sessions/${hall.sessionId}/checkin`, { token: m.token })));
  tab = await openTab(browser, server.url, 'screen', { bypassCSP: true });
  const { token } = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, { token: hall.presiderToken })) as { token: string };
  await tab.page.goto(`/screen/${hall.sessionId}#token=${encodeURIComponent(token)}`);
  await tab.page.getByTestId('screen').waitFor();
});

afterAll(async () => {
  await tab?.context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  expect(tab?.problems ?? []).toEqual([]);
});

describe('the big screen fits 1920×1080 and has no controls', () => {
  it('12 candidates: every row with 赞成/反对/弃权 on one screen, in Chinese and English', async () => {
    const { page } = tab;
    const { id, ids } = await votedBallot(12, 10, '2027年民生实事项目票决');
    await expectAttr(page.getByTestId('screen-result'), 'data-ballot-id', id);
    for (const lang of ['zh-CN', 'en'] as const) {
      await page.evaluate((l) => localStorage.setItem('minsheng.lang', l), lang);
      await page.reload();
      await expectAttr(page.getByTestId('screen-result'), 'data-ballot-id', id);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      for (const p of ids) await page.getByTestId(`result-abstain-${p}`).waitFor();
      expect(await page.locator('[data-testid^="result-row-"]').count()).toBe(12);
      expect(await page.getByTestId('screen-page').count()).toBe(0); // one page
      await expectAllFits(page);
      await noControls(page);
      await check(page, `result-12-${lang}`, false);
    }
  });

  it('20 candidates: two pages of 10 that turn by themselves, each fitting, no controls', async () => {
    const { page } = tab;
    await page.evaluate(() => localStorage.setItem('minsheng.lang', 'zh-CN'));
    const { id, ids } = await votedBallot(20, 10, '2028年民生实事项目票决');
    await page.reload();
    await expectAttr(page.getByTestId('screen-result'), 'data-ballot-id', id);
    await expectText(page.getByTestId('screen-page'), '第 1/2 页');
    const shown = async () => (await page.locator('[data-testid^="result-row-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('result-row-'.length)))).sort();
    const first = await shown();
    expect(first).toHaveLength(10);
    await expectAllFits(page);
    await noControls(page);
    await check(page, 'result-20-page1-zh-CN', false);
    await expectText(page.getByTestId('screen-page'), '第 2/2 页', 14_000);
    const second = await shown();
    expect(second).toHaveLength(10);
    expect([...first, ...second].sort()).toEqual([...ids].sort());
    await expectAllFits(page);
    await check(page, 'result-20-page2-zh-CN', false);
    // English, and round again to page 1
    await page.evaluate(() => localStorage.setItem('minsheng.lang', 'en'));
    await page.reload();
    await expectText(page.getByTestId('screen-page'), 'Page 1/2');
    await expectAllFits(page);
    await noControls(page);
    await check(page, 'result-20-page1-en', false);
  });
});
