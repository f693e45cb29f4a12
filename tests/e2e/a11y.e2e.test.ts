// Accessibility: axe-core on every page (no serious or critical violations), the presider
// console operated with the keyboard alone, and the big screen's text contrast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ok } from '../helpers/fixtures.js';
import { launchBrowser, openTab, screenshots, type Tab, type ViewportName } from './support/browser.js';
import { presiderLogin, startE2EServer, type E2EServer } from './support/server.js';
import { publishedAndDraft, type Scenario } from './support/scenario.js';
import { runAxe, serious } from './support/axe.js';
import { expectAttr, memberSignIn, staffSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let sc: Scenario;
let shot: ReturnType<typeof screenshots>;
const tabs: Tab[] = [];
const found: Record<string, string[]> = {};

async function tab(viewport: ViewportName) {
  const t = await openTab(browser, server.url, viewport, { bypassCSP: true });
  tabs.push(t);
  return t;
}

/** Runs axe on the page as it is now and records serious/critical violations under `label`. */
async function check(page: Page, label: string) {
  const run = await runAxe(page);
  found[label] = serious(run);
  await shot(page, label);
  expect(found[label], `${label}:\n${found[label].join('\n')}`).toEqual([]);
}

/** Presses Tab until the element with `testId` has the focus; returns the number of presses. */
async function tabTo(page: Page, testId: string, max = 80): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    if (at === testId) return i;
  }
  throw new Error(`${testId} never received the focus after ${max} Tab presses`);
}

/** The focused element shows a visible focus indicator (outline or box-shadow). */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return false;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow !== 'none' && s.boxShadow !== '');
  });
}

beforeAll(async () => {
  shot = screenshots('a11y');
  browser = await launchBrowser();
  server = await startE2EServer();
  sc = await publishedAndDraft(server, { members: 12, notCheckedIn: 1 });
});

afterAll(async () => {
  for (const t of tabs) await t.context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  expect(tabs.flatMap((t) => t.problems)).toEqual([]);
});

describe('axe-core on every page', () => {
  it('public site: home, body results and a result, on a phone and a laptop', async () => {
    const phone = await tab('phone');
    await phone.page.goto('/');
    await phone.page.getByTestId(`body-${sc.hall.bodyId}`).waitFor();
    await check(phone.page, 'public-home');
    await phone.page.goto(`/bodies/${sc.hall.bodyId}`);
    await phone.page.getByTestId(`result-link-${sc.publishedId}`).waitFor();
    await check(phone.page, 'public-body');
    await phone.page.goto(`/results/${sc.publishedId}`);
    await expectAttr(phone.page.getByTestId('digest-status'), 'data-result', 'pass');
    await check(phone.page, 'public-result');
    const laptop = await tab('laptop');
    await laptop.page.goto(`/results/${sc.publishedId}`);
    await expectAttr(laptop.page.getByTestId('digest-status'), 'data-result', 'pass');
    // with a receipt found
    const box = ok(await server.call('GET', `/api/ballots/${sc.publishedId}/box`)) as { entries: { receipt: string }[] };
    await laptop.page.getByTestId('receipt-lookup-input').fill(box.entries[0].receipt);
    await laptop.page.getByTestId('receipt-lookup-submit').click();
    await expectAttr(laptop.page.getByTestId('receipt-lookup-result'), 'data-found', 'true');
    await check(laptop.page, 'public-result-receipt');
    await laptop.page.goto('/no/such/page');
    await check(laptop.page, 'not-found');
  });

  it('tablet signed out, and staff sign-in', async () => {
    const t = await tab('portrait');
    await t.page.goto('/tablet');
    await t.page.getByTestId('signin-code').waitFor();
    await check(t.page, 'tablet-signin');
    await t.page.getByTestId('signin-code').fill('WRONGCODE');
    await t.page.getByTestId('signin-submit').click();
    await t.page.getByTestId('signin-error').waitFor();
    await check(t.page, 'tablet-signin-error');
    const s = await tab('laptop');
    await s.page.goto('/staff');
    await s.page.getByTestId('staff-username').waitFor();
    await check(s.page, 'staff-signin');
  });

  it('the presider console opens and closes a ballot with Tab and Enter only; the tablet and the big screen pass axe', async () => {
    const { hall, draftId } = sc;
    const c = await tab('laptop');
    const login = await presiderLogin(server, hall);
    await staffSignIn(c.page, login.username, login.password, '/console');
    await c.page.getByTestId(`session-${hall.sessionId}`).waitFor();
    await check(c.page, 'console-sessions');
    await c.page.goto(`/console/${hall.sessionId}`);
    const detail = c.page.getByTestId('ballot-detail');
    await expectAttr(detail, 'data-ballot-id', draftId); // the last ballot is selected by default
    await check(c.page, 'console-draft');

    // the big screen (waiting for the vote: shows the last result)
    const scr = await tab('screen');
    const { token } = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, { token: hall.presiderToken })) as { token: string };
    await scr.page.goto(`/screen/${hall.sessionId}#token=${token}`);
    await scr.page.getByTestId('screen-result').waitFor();
    await check(scr.page, 'screen-result');

    // a member who has not checked in yet, then checks in
    const m = await tab('portrait');
    await memberSignIn(m.page, hall.members[0].code);
    await m.page.goto(`/tablet/${hall.sessionId}`);
    await m.page.getByTestId('checkin-button').waitFor();
    await check(m.page, 'tablet-checkin');

    // keyboard only: from the top of the page, Tab to 开始表决 and press Enter
    await c.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await c.page.locator('body').focus();
    const presses = await tabTo(c.page, 'ballot-open');
    expect(await focusVisible(c.page)).toBe(true);
    await shot(c.page, 'console-keyboard-focus-open');
    await c.page.keyboard.press('Enter');
    // it asks first, the safe button focused: Tab to 开始表决 in the dialog, Enter
    await c.page.getByTestId('confirm-open-confirm').waitFor();
    expect(await c.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-open-cancel');
    await check(c.page, 'console-confirm-open');
    await c.page.keyboard.press('Tab');
    await c.page.keyboard.press('Enter');
    await expectAttr(detail, 'data-state', 'open');
    expect(presses).toBeLessThan(40);

    await m.page.getByTestId('checkin-button').click();
    await m.page.getByTestId('ballot-form').waitFor();
    await check(m.page, 'tablet-voting');
    await m.page.getByTestId(`choice-${hall.projectIds[0]}-yes`).click();
    await m.page.getByTestId('review-button').click();
    await m.page.getByTestId('review-step').waitFor();
    await check(m.page, 'tablet-review');
    await m.page.getByTestId('confirm-button').click();
    await m.page.getByTestId('receipt-code').waitFor();
    await check(m.page, 'tablet-receipt');

    await scr.page.getByTestId('screen-turnout').waitFor();
    await check(scr.page, 'screen-turnout');
    await c.page.getByTestId('tally').waitFor();
    await check(c.page, 'console-open-tally');

    // keyboard: the section tabs (ballots, hearings, roster, trail) move with the arrow keys, then back to the ballots
    await c.page.getByTestId('tab-ballots').focus();
    await c.page.keyboard.press('ArrowRight');
    await expectAttr(c.page.getByTestId('tab-hearings'), 'aria-selected', 'true');
    await c.page.locator('#panel-hearings').waitFor();
    await check(c.page, 'console-hearings');
    await c.page.keyboard.press('ArrowRight');
    await expectAttr(c.page.getByTestId('tab-roster'), 'aria-selected', 'true');
    await c.page.getByTestId('roster-counts').waitFor();
    await check(c.page, 'console-roster');
    await c.page.keyboard.press('ArrowRight');
    await expectAttr(c.page.getByTestId('tab-audit'), 'aria-selected', 'true');
    await c.page.getByTestId('audit-table').waitFor();
    await check(c.page, 'console-audit');
    await c.page.keyboard.press('Home');
    await expectAttr(c.page.getByTestId('tab-ballots'), 'aria-selected', 'true');

    // keyboard only again: Tab to 结束表决, Enter
    await c.page.getByTestId('tab-ballots').focus();
    await tabTo(c.page, 'ballot-close');
    expect(await focusVisible(c.page)).toBe(true);
    await c.page.keyboard.press('Enter');
    await c.page.getByTestId('confirm-close-confirm').waitFor();
    await c.page.keyboard.press('Tab');
    await c.page.keyboard.press('Enter');
    await expectAttr(detail, 'data-state', 'closed');
    await c.page.getByTestId('result-view').waitFor();
    await check(c.page, 'console-closed');
    await scr.page.getByTestId('screen-result').waitFor();
    await expectAttr(scr.page.getByTestId('screen-result'), 'data-ballot-id', draftId);
  });

  it('the big screen text has enough contrast (axe color-contrast, every text node decided)', async () => {
    const scr = tabs.find((t) => t.viewport === 'screen')!;
    for (const state of ['result', 'turnout'] as const) {
      if (state === 'turnout') {
        // a fresh ballot open for the turnout view
        const id = (ok(await server.call('POST', `/api/sessions/${sc.hall.sessionId}/ballots`, {
          token: sc.hall.presiderToken, json: { kind: 'motion', title: '关于票决办法的决定', question: '是否通过本次会议的票决办法？' },
        })) as { id: string }).id;
        ok(await server.call('POST', `/api/ballots/${id}/open`, { token: sc.hall.presiderToken }));
        await scr.page.getByTestId('screen-turnout').waitFor();
      }
      const run = await runAxe(scr.page, { rules: ['color-contrast'] });
      const bad = run.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`));
      expect(bad, `${state}: ${bad.join('\n')}`).toEqual([]);
      const checked = run.passes.reduce((n, p) => n + p.nodes.length, 0);
      // axe skips one- or two-character text (single digits) as "too short to tell"; everything else must be decided
      const undecided = run.incomplete.flatMap((v) => v.nodes.filter((n) => !/too short/.test(n.why ?? '')).map((n) => `${n.target.join(' ')} (${n.why})`));
      expect(checked).toBeGreaterThan(5);
      expect(undecided, `${state}: axe could not decide the contrast of ${undecided.join(', ')}`).toEqual([]);
    }
  });
});
