// What a person sees when the network or the server fails: a tablet that goes offline says so,
// keeps the member's choice and sends it when back (counted exactly once, also when the answer
// to the first attempt is lost); the big screen reconnects by itself after the server restarts
// and shows the current turnout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ok } from '../helpers/fixtures.js';
import { launchBrowser, openTab, screenshots, type Tab } from './support/browser.js';
import { startE2EServer, within, type E2EServer } from './support/server.js';
import { ballotAction, publishedAndDraft, type Scenario } from './support/scenario.js';
import { apiVote, expectAttr, expectText, memberSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let sc: Scenario;
let shot: ReturnType<typeof screenshots>;
const tabs: Tab[] = [];
/** the receipt the offline tablet got once back online */
let offlineReceipt = '';

async function castCount(ballotId: string): Promise<number> {
  return (ok(await server.call('GET', `/api/ballots/${ballotId}`, { token: sc.hall.presiderToken })) as { cast: number }).cast;
}

beforeAll(async () => {
  shot = screenshots('resilience');
  browser = await launchBrowser();
  server = await startE2EServer();
  // members 0 and 1 vote on tablets here (checked in through the API); 2–11 elsewhere
  sc = await publishedAndDraft(server, { members: 12, notCheckedIn: 0 });
  await ballotAction(server, sc.hall, sc.draftId, 'open');
});

afterAll(async () => {
  for (const t of tabs) await t.context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  // a lost connection is expected to log failed requests, never an uncaught error
  expect(tabs.flatMap((t) => t.problems)).toEqual([]);
});

describe('resilience a person can see', () => {
  it('a tablet that goes offline shows it, keeps the choice, and sends it once the network is back', async () => {
    const { hall, draftId } = sc;
    const [a, b, c] = hall.projectIds;
    const t = await openTab(browser, server.url, 'portrait');
    tabs.push(t);
    const { page, context } = t;
    await memberSignIn(page, hall.members[0].code);
    await page.goto(`/tablet/${hall.sessionId}`);
    await page.getByTestId('ballot-form').waitFor();
    await page.getByTestId(`choice-${a}-yes`).click();

    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await expectAttr(page.getByTestId('connection-state'), 'data-state', 'reconnecting');
    // the choice made before is still there, and more can be marked while offline
    await expectAttr(page.getByTestId(`choice-${a}-yes`), 'aria-checked', 'true');
    await page.getByTestId(`choice-${b}-no`).click();
    await page.getByTestId(`choice-${c}-abstain`).click();
    await shot(page, 'tablet-offline-marked');
    await page.getByTestId('review-button').click();
    await page.getByTestId('confirm-button').click();
    const sending = page.getByTestId('vote-sending');
    await sending.waitFor();
    await expectText(sending, /网络已断开|保留/);
    await expectText(page.getByTestId(`review-row-${b}`), /反对/);
    await shot(page, 'tablet-offline-kept');
    expect(await castCount(draftId)).toBe(0);

    // a reload while still offline would lose the page, not the vote: it is stored on the device
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('minsheng.vote.')).map((k) => JSON.parse(localStorage.getItem(k)!).status));
    expect(stored).toContain('pending');

    await context.setOffline(false);
    const receipt = page.getByTestId('receipt-code');
    await receipt.waitFor({ timeout: 30_000 });
    await expect.poll(async () => page.getByTestId('offline-banner').count(), { timeout: 20_000 }).toBe(0);
    await expectAttr(page.getByTestId('connection-state'), 'data-state', 'connected', 20_000);
    await shot(page, 'tablet-back-online-receipt');
    expect(await castCount(draftId)).toBe(1);
    // the box holds that receipt exactly once (checked after the close, below)
    offlineReceipt = ((await receipt.textContent()) ?? '').trim();
  });

  it('a vote whose answer is lost on the way back is resent with the same key and counted once', async () => {
    const { hall, draftId } = sc;
    const [a, b, c] = hall.projectIds;
    const t = await openTab(browser, server.url, 'landscape');
    tabs.push(t);
    const { page } = t;
    await memberSignIn(page, hall.members[1].code);
    await page.goto(`/tablet/${hall.sessionId}`);
    await page.getByTestId('ballot-form').waitFor();
    // the first submission reaches the server, but its answer never reaches the tablet
    let attempts = 0;
    await page.route('**/api/ballots/*/votes', async (route) => {
      attempts++;
      if (attempts === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    for (const [id, m] of [[a, 'yes'], [b, 'yes'], [c, 'no']] as const) await page.getByTestId(`choice-${id}-${m}`).click();
    await page.getByTestId('review-button').click();
    await page.getByTestId('confirm-button').click();
    await page.getByTestId('vote-sending').waitFor();
    await shot(page, 'tablet-answer-lost-retrying');
    const receipt = page.getByTestId('receipt-code');
    await receipt.waitFor({ timeout: 30_000 });
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(await castCount(draftId)).toBe(2);
    await shot(page, 'tablet-answer-lost-receipt');
    await page.unroute('**/api/ballots/*/votes');

    const code = ((await receipt.textContent()) ?? '').trim();
    // close and look in the box: each tablet's receipt once, and nothing else from them
    await ballotAction(server, hall, draftId, 'close');
    const box = ok(await server.call('GET', `/api/ballots/${draftId}/box`, { token: hall.presiderToken })) as { entries: { receipt: string; choices: Record<string, string> }[] };
    expect(box.entries).toHaveLength(2);
    expect(box.entries.filter((e) => e.receipt === code)).toHaveLength(1);
    expect(box.entries.find((e) => e.receipt === code)!.choices).toEqual({ [a]: 'yes', [b]: 'yes', [c]: 'no' });
    expect(box.entries.filter((e) => e.receipt === offlineReceipt)).toHaveLength(1);
    expect(box.entries.find((e) => e.receipt === offlineReceipt)!.choices).toEqual({ [a]: 'yes', [b]: 'no', [c]: 'abstain' });
  });

  it('the big screen reconnects by itself after the server restarts and shows the current turnout', async () => {
    const { hall } = sc;
    const third = (ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, {
      token: hall.presiderToken, json: { kind: 'motion', title: '关于票决办法的决定', question: '是否通过本次会议的票决办法？' },
    })) as { id: string }).id;
    await ballotAction(server, hall, third, 'open');
    const s = await openTab(browser, server.url, 'screen');
    tabs.push(s);
    const { token } = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, { token: hall.presiderToken })) as { token: string };
    await s.page.goto(`/screen/${hall.sessionId}#token=${token}`);
    await s.page.getByTestId('screen-turnout').waitFor();
    await expectAttr(s.page.getByTestId('connection-state'), 'data-state', 'connected');
    for (const m of hall.members.slice(2, 5)) await apiVote(server, m.token, third, { vote: 'yes' });
    await expectText(s.page.getByTestId('screen-cast'), '3');

    // the server goes away (its process stops), then comes back on the same port and database
    const down = within(server, 90_000, 'server restart', server.restart({ downMs: 1_000 }));
    down.catch(() => undefined); // awaited below; a failure is reported there
    await expectAttr(s.page.getByTestId('connection-state'), 'data-state', 'reconnecting', 30_000);
    await shot(s.page, 'screen-server-down');
    // what people saw stays on the screen while the server is away
    await expectText(s.page.getByTestId('screen-cast'), '3');
    await down;
    // votes cast right after the restart, possibly before the screen is back
    for (const m of hall.members.slice(5, 9)) await within(server, 20_000, 'vote after the restart', apiVote(server, m.token, third, { vote: 'no' }));
    await expectAttr(s.page.getByTestId('connection-state'), 'data-state', 'connected', 30_000);
    await expectText(s.page.getByTestId('screen-cast'), '7', 20_000);
    await shot(s.page, 'screen-reconnected');
    // and it keeps following live updates on the new connection
    await apiVote(server, hall.members[9].token, third, { vote: 'abstain' });
    await expectText(s.page.getByTestId('screen-cast'), '8');
    expect(await s.page.locator('[data-testid^="tally"], [data-testid="result-view"]').count()).toBe(0);
    await ballotAction(server, hall, third, 'close');
    await s.page.getByTestId('screen-result').waitFor();
    await expectAttr(s.page.getByTestId('result-motion'), 'data-passed', 'false');
    await shot(s.page, 'screen-result-after-restart');
  });
});
