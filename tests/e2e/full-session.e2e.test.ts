// A whole session in Chromium: members sign in and check in on tablets (portrait and landscape),
// the presider creates, opens and closes a selection ballot from the console while watching the
// live turnout and tally, the big screen shows turnout and then the result, a tie goes to a
// runoff, results are published, and a phone on the public site checks the published box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ok, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, openTab, screenshots, type Tab } from './support/browser.js';
import { presiderLogin, startE2EServer, type E2EServer } from './support/server.js';
import { apiVote, clickConfirmed, expectAttr, expectText, inBatches, memberSignIn, staffSignIn, voteOnTablet } from './support/ui.js';
import { realisticHall } from './support/scenario.js';

const MEMBERS = 20; // quorum (congress): at least 2/3 → 14 present
const UI_MEMBERS = 3; // sign in, check in and vote in the browser
const API_PRESENT = 13; // checked in through the API: 13 + 3 = 16 present, 4 absent

let server: E2EServer;
let browser: Browser;
let hall: Hall;
let shot: ReturnType<typeof screenshots>;
const tabs: Tab[] = [];
let tablets: Tab[] = []; // UI members: 0, 2 portrait; 1 landscape
let consoleTab: Tab;
let screen: Tab;
let ballotId = '';
let runoffId = '';
const receipts: Record<string, string> = {};

const P = () => hall.projectIds;

beforeAll(async () => {
  shot = screenshots('full-session');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await realisticHall(server, { members: MEMBERS, projects: 4 });
  // the rest of the hall checks in through the API, short of the quorum until the tablets do
  await inBatches(hall.members.slice(UI_MEMBERS, UI_MEMBERS + API_PRESENT), 10, async (m) =>
    ok(await server.call('POST', `/api/sessions/${hall.sessionId}/checkin`, { token: m.token })));
});

afterAll(async () => {
  for (const t of tabs) await t.context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  const problems = tabs.flatMap((t) => t.problems);
  expect(problems).toEqual([]);
});

describe('a full session in the browser', () => {
  it('members sign in and check in on tablets, portrait and landscape', async () => {
    tablets = await Promise.all([
      openTab(browser, server.url, 'portrait'),
      openTab(browser, server.url, 'landscape'),
      openTab(browser, server.url, 'portrait'),
    ]);
    tabs.push(...tablets);
    const [first, second, third] = tablets;

    // the first member types the code from the card
    await first.page.goto('/tablet');
    await first.page.getByTestId('signin-code').waitFor();
    await shot(first.page, 'tablet-signin');
    await memberSignIn(first.page, hall.members[0].code);
    await expectText(first.page.getByTestId('member-name'), new RegExp(hall.members[0].name));
    await first.page.getByTestId(`session-${hall.sessionId}`).waitFor();
    await shot(first.page, 'tablet-sessions');
    await first.page.getByTestId(`session-${hall.sessionId}`).click();
    await first.page.getByTestId('checkin-button').waitFor();
    await expectText(first.page.getByTestId('tablet-present'), String(API_PRESENT));
    await expectAttr(first.page.getByTestId('tablet-quorum'), 'data-met', 'false');
    await shot(first.page, 'tablet-before-checkin');
    await first.page.getByTestId('checkin-button').click();
    await first.page.getByTestId('checkin-status').waitFor();
    await expectText(first.page.getByTestId('tablet-present'), String(API_PRESENT + 1));
    await expectAttr(first.page.getByTestId('tablet-quorum'), 'data-met', 'true');
    await shot(first.page, 'tablet-checked-in');

    // the second scans the QR on the card (/tablet?code=…), in landscape
    await second.page.goto(`/tablet?code=${hall.members[1].code}`);
    await second.page.getByTestId(`session-${hall.sessionId}`).click();
    await second.page.getByTestId('checkin-button').click();
    await second.page.getByTestId('checkin-status').waitFor();
    await shot(second.page, 'tablet-checked-in');

    await memberSignIn(third.page, hall.members[2].code);
    await third.page.goto(`/tablet/${hall.sessionId}`);
    await third.page.getByTestId('checkin-button').click();
    await third.page.getByTestId('checkin-status').waitFor();

    // the first tablet saw the others arrive live
    await expectText(first.page.getByTestId('tablet-present'), String(API_PRESENT + UI_MEMBERS));
    await expectText(first.page.getByTestId('tablet-roster-size'), String(MEMBERS));
    await first.page.getByTestId('waiting-ballot').waitFor();
  });

  it('the presider signs in, creates a selection ballot and opens it; the big screen shows turnout only', async () => {
    consoleTab = await openTab(browser, server.url, 'laptop');
    screen = await openTab(browser, server.url, 'screen');
    tabs.push(consoleTab, screen);
    const { page } = consoleTab;
    const login = await presiderLogin(server, hall);
    await page.goto('/console');
    await page.waitForURL(/\/staff/);
    await page.getByTestId('staff-username').waitFor();
    await shot(page, 'staff-signin');
    await staffSignIn(page, login.username, login.password, '/console');
    await page.getByTestId(`session-${hall.sessionId}`).click();
    await page.waitForURL(new RegExp(`/console/${hall.sessionId}$`));
    await expectText(page.getByTestId('console-present'), String(API_PRESENT + UI_MEMBERS));
    await expectAttr(page.getByTestId('console-quorum'), 'data-met', 'true');
    await shot(page, 'console-session');

    // the hall screen, with a token only good for watching this session
    const { token } = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, { token: hall.presiderToken })) as { token: string };
    await screen.page.goto(`/screen/${hall.sessionId}#token=${encodeURIComponent(token)}`);
    await screen.page.getByTestId('screen-waiting').waitFor();
    await expectText(screen.page.getByTestId('screen-present-count'), String(API_PRESENT + UI_MEMBERS));
    expect(screen.page.url()).not.toContain('token='); // dropped from the address bar
    await shot(screen.page, 'screen-waiting');

    // create the ballot: 4 candidates for 2 seats, one mark per candidate
    await page.getByTestId('ballot-create-button').click();
    const form = page.getByTestId('ballot-create-form');
    await form.waitFor();
    await page.getByTestId('ballot-kind').selectOption('selection');
    await page.getByTestId('ballot-title').fill('2027年民生实事项目票决');
    await page.getByTestId('ballot-form').selectOption('per_candidate');
    await page.getByTestId(`ballot-project-${P()[0]}`).waitFor();
    await page.getByTestId('ballot-projects-all').click();
    await page.getByTestId('ballot-seats').fill('2');
    await shot(page, 'console-create-ballot');
    await page.getByTestId('ballot-create-submit').click();
    const detail = page.getByTestId('ballot-detail');
    await expectAttr(detail, 'data-state', 'draft');
    ballotId = (await detail.getAttribute('data-ballot-id'))!;
    expect(ballotId).toBeTruthy();
    await expectText(page.getByTestId('ballot-detail-title'), '2027年民生实事项目票决');
    await shot(page, 'console-draft');

    await clickConfirmed(page, 'ballot-open', 'confirm-open');
    await expectAttr(detail, 'data-state', 'open');
    await page.getByTestId('console-turnout').waitFor();
    await expectText(page.getByTestId('console-turnout-cast'), '0');
    await expectText(page.getByTestId('console-turnout-eligible'), String(MEMBERS));
    await expectText(page.getByTestId('console-turnout-present'), String(API_PRESENT + UI_MEMBERS));

    await screen.page.getByTestId('screen-turnout').waitFor();
    await expectText(screen.page.getByTestId('screen-ballot-title'), '2027年民生实事项目票决');
    await expectText(screen.page.getByTestId('screen-cast'), '0');
    await expectText(screen.page.getByTestId('screen-eligible'), String(MEMBERS));
    await shot(screen.page, 'screen-open');
  });

  it('members vote with review and confirm, see their receipt, and the console tallies live', async () => {
    const [first, second, third] = tablets;
    const p = P();
    // every tablet shows the ballot without a reload
    await Promise.all(tablets.map((t) => t.page.getByTestId('ballot-form').waitFor()));
    await expectAttr(first.page.getByTestId('ballot-form'), 'data-ballot-id', ballotId);
    await first.page.getByTestId('unmarked-hint').waitFor();
    await shot(first.page, 'tablet-ballot');

    // the review step can go back to change a choice
    await first.page.getByTestId(`choice-${p[0]}-no`).click();
    await first.page.getByTestId('review-button').click();
    await expectText(first.page.getByTestId(`review-row-${p[1]}`), /弃权/); // unmarked = 弃权
    await first.page.getByTestId('back-button').click();
    await expectAttr(first.page.getByTestId(`choice-${p[0]}-no`), 'aria-checked', 'true');

    receipts.first = await voteOnTablet(first.page, { [p[0]]: 'yes', [p[1]]: 'yes', [p[2]]: 'yes', [p[3]]: 'no' }, (s) => shot(first.page, s));
    await shot(first.page, 'tablet-receipt');
    await expectText(consoleTab.page.getByTestId('console-turnout-cast'), '1');
    await expectText(consoleTab.page.getByTestId(`tally-yes-${p[0]}`), '1');
    await expectText(consoleTab.page.getByTestId(`tally-no-${p[3]}`), '1');
    await expectText(screen.page.getByTestId('screen-cast'), '1');

    receipts.second = await voteOnTablet(second.page, { [p[0]]: 'yes', [p[1]]: 'yes', [p[2]]: 'yes', [p[3]]: 'no' }, (s) => shot(second.page, s));
    await shot(second.page, 'tablet-receipt');
    // leaves the 4th unmarked: counted as 弃权
    receipts.third = await voteOnTablet(third.page, { [p[0]]: 'yes', [p[1]]: 'yes', [p[2]]: 'yes' });
    expect(new Set(Object.values(receipts)).size).toBe(3);

    // 已投票 after a reload, with the same receipt
    await first.page.reload();
    await first.page.getByTestId('voted-status').waitFor();
    await expectText(first.page.getByTestId('receipt-code'), receipts.first);

    await expectText(consoleTab.page.getByTestId('console-turnout-cast'), '3');
    await expectText(consoleTab.page.getByTestId(`tally-yes-${p[2]}`), '3');
    await expectText(consoleTab.page.getByTestId(`tally-abstain-${p[3]}`), '1');

    // the rest of the present members vote from their own tablets (through the API):
    // p0 16 yes (selected), p1 and p2 12 yes each (both pass, tied for the last seat), p3 fails
    const others = hall.members.slice(UI_MEMBERS, UI_MEMBERS + API_PRESENT);
    await inBatches(others, 7, (m, i) => apiVote(server, m.token, ballotId, {
      [p[0]]: 'yes', [p[1]]: i < 9 ? 'yes' : 'no', [p[2]]: i < 9 ? 'yes' : 'abstain', [p[3]]: 'no',
    }));
    const present = API_PRESENT + UI_MEMBERS;
    await expectText(consoleTab.page.getByTestId('console-turnout-cast'), String(present));
    await expectText(consoleTab.page.getByTestId(`tally-yes-${p[0]}`), String(present));
    await expectText(consoleTab.page.getByTestId(`tally-yes-${p[1]}`), '12');
    await shot(consoleTab.page, 'console-live-tally');

    await expectText(screen.page.getByTestId('screen-cast'), String(present));
    // the hall screen never shows the tally while the ballot is open
    expect(await screen.page.locator('[data-testid^="tally"], [data-testid="result-view"], [data-testid^="result-row-"]').count()).toBe(0);
    expect(await screen.page.getByTestId('screen').innerText()).not.toMatch(/赞成\s*\d/);
    await shot(screen.page, 'screen-turnout-full');
  });

  it('the presider closes the ballot: a tie at the boundary on the console and the big screen', async () => {
    const { page } = consoleTab;
    const p = P();
    await clickConfirmed(page, 'ballot-close', 'confirm-close');
    await expectAttr(page.getByTestId('ballot-detail'), 'data-state', 'closed');
    await page.getByTestId('result-view').waitFor();
    await expectAttr(page.getByTestId(`result-row-${p[0]}`), 'data-status', 'selected');
    await expectAttr(page.getByTestId(`result-row-${p[1]}`), 'data-status', 'tied');
    await expectAttr(page.getByTestId(`result-row-${p[2]}`), 'data-status', 'tied');
    await expectAttr(page.getByTestId(`result-row-${p[3]}`), 'data-status', 'not_passed');
    await page.getByTestId('tied-notice').waitFor();
    await shot(page, 'console-closed-tie');

    const s = screen.page;
    await s.getByTestId('screen-result').waitFor();
    await expectAttr(s.getByTestId('screen-result'), 'data-ballot-id', ballotId);
    await expectAttr(s.getByTestId(`result-row-${p[0]}`), 'data-status', 'selected');
    await expectAttr(s.getByTestId(`result-row-${p[1]}`), 'data-status', 'tied');
    await expectText(s.getByTestId('result-cast'), '16');
    await expectText(s.getByTestId(`result-yes-${p[0]}`), '16');
    expect(await s.getByTestId('screen-turnout').count()).toBe(0);
    await shot(s, 'screen-result-tie');

    // the tablet that voted shows the closed ballot's receipt; one that did not is told it closed
    await tablets[1].page.getByTestId('voted-status').waitFor();
  });

  it('one click makes the runoff; it opens, members vote, and it closes with the seat filled', async () => {
    const { page } = consoleTab;
    const p = P();
    await page.getByTestId('runoff-button').click();
    const detail = page.getByTestId('ballot-detail');
    await expect.poll(async () => detail.getAttribute('data-ballot-id'), { timeout: 15_000 }).not.toBe(ballotId);
    await expectAttr(detail, 'data-state', 'draft');
    runoffId = (await detail.getAttribute('data-ballot-id'))!;
    const runoff = ok(await server.call('GET', `/api/ballots/${runoffId}`, { token: hall.presiderToken })) as { runoffOf: string; seats: number; options: { id: string }[] };
    expect(runoff.runoffOf).toBe(ballotId);
    expect(runoff.seats).toBe(1);
    expect(runoff.options.map((o) => o.id).sort()).toEqual([p[1], p[2]].sort());
    await shot(page, 'console-runoff-draft');
    await clickConfirmed(page, 'ballot-open', 'confirm-open');
    await expectAttr(detail, 'data-state', 'open');

    // the tablets switch to the runoff by themselves
    const t = tablets[0].page;
    await expectAttr(t.getByTestId('ballot-form'), 'data-ballot-id', runoffId);
    expect(await t.getByTestId(`candidate-${p[0]}`).count()).toBe(0);
    await shot(t, 'tablet-runoff');
    receipts.runoff = await voteOnTablet(t, { [p[1]]: 'yes', [p[2]]: 'no' });
    await voteOnTablet(tablets[1].page, { [p[1]]: 'yes', [p[2]]: 'abstain' });
    await screen.page.getByTestId('screen-turnout').waitFor();
    await expectText(screen.page.getByTestId('screen-ballot-title'), /再次投票|2027/);
    // everyone else present through the API: p1 15 yes (selected), p2 4
    const others = [hall.members[2], ...hall.members.slice(UI_MEMBERS, UI_MEMBERS + API_PRESENT)];
    await inBatches(others, 7, (m, i) => apiVote(server, m.token, runoffId, { [p[1]]: i < 13 ? 'yes' : 'no', [p[2]]: i < 4 ? 'yes' : 'no' }));
    await expectText(page.getByTestId('console-turnout-cast'), '16');
    await expectText(screen.page.getByTestId('screen-cast'), '16');
    await shot(screen.page, 'screen-runoff-turnout');

    await clickConfirmed(page, 'ballot-close', 'confirm-close');
    await expectAttr(detail, 'data-state', 'closed');
    await expectAttr(page.getByTestId(`result-row-${p[1]}`), 'data-status', 'selected');
    expect(await page.getByTestId('tied-notice').count()).toBe(0);
    await screen.page.getByTestId('screen-result').waitFor();
    await expectAttr(screen.page.getByTestId('screen-result'), 'data-ballot-id', runoffId);
    await expectAttr(screen.page.getByTestId(`result-row-${p[1]}`), 'data-status', 'selected');
    await shot(screen.page, 'screen-runoff-result');
  });

  it('the presider publishes both results', async () => {
    const { page } = consoleTab;
    await clickConfirmed(page, 'ballot-publish', 'confirm-publish');
    await expectAttr(page.getByTestId('ballot-detail'), 'data-state', 'published');
    await page.getByTestId('public-result-link').waitFor();
    await page.getByTestId(`ballot-item-${ballotId}`).click();
    await expectAttr(page.getByTestId('ballot-detail'), 'data-ballot-id', ballotId);
    await clickConfirmed(page, 'ballot-publish', 'confirm-publish');
    await expectAttr(page.getByTestId('ballot-detail'), 'data-state', 'published');
    await expectAttr(page.getByTestId(`ballot-item-${runoffId}`), 'data-state', 'published');
    await shot(page, 'console-published');
  });

  it('a phone on the public site shows the published result, checks the digest and finds a receipt', async () => {
    const phone = await openTab(browser, server.url, 'phone');
    tabs.push(phone);
    const { page } = phone;
    const p = P();
    await page.goto('/');
    await page.getByTestId(`body-${hall.bodyId}`).click();
    await page.getByTestId('result-list').waitFor();
    await page.getByTestId(`result-link-${ballotId}`).waitFor();
    await shot(page, 'public-body-results');
    await page.getByTestId(`result-link-${runoffId}`).click();
    await page.getByTestId('result-view').waitFor();
    await page.getByTestId(`selected-${p[1]}`).waitFor();
    await expectAttr(page.getByTestId('digest-status'), 'data-result', 'pass');
    await expectAttr(page.getByTestId('recount-status'), 'data-result', 'pass');
    const box = ok(await server.call('GET', `/api/ballots/${runoffId}/box`)) as { digest: string };
    await expectText(page.getByTestId('box-digest'), new RegExp(box.digest));
    await shot(page, 'public-result');

    // the member looks up the receipt from the tablet (typed in lower case)
    await page.getByTestId('receipt-lookup-input').fill(receipts.runoff.toLowerCase());
    await page.getByTestId('receipt-lookup-submit').click();
    await expectAttr(page.getByTestId('receipt-lookup-result'), 'data-found', 'true');
    await expectAttr(page.getByTestId(`receipt-choice-${p[1]}`), 'data-choice', 'yes');
    await expectAttr(page.getByTestId(`receipt-choice-${p[2]}`), 'data-choice', 'no');
    await page.getByTestId('receipt-lookup-result').scrollIntoViewIfNeeded();
    await shot(page, 'public-receipt-found');

    // and the first ballot: the tie is shown as such
    await page.goto(`/results/${ballotId}`);
    await expectAttr(page.getByTestId('digest-status'), 'data-result', 'pass');
    await expectAttr(page.getByTestId(`result-row-${p[1]}`), 'data-status', 'tied');
    await page.getByTestId('receipt-lookup-input').fill(receipts.second);
    await page.getByTestId('receipt-lookup-submit').click();
    await expectAttr(page.getByTestId('receipt-lookup-result'), 'data-found', 'true');
    await page.getByTestId('receipt-lookup-input').fill('ZZZZZZZZZZZZ');
    await page.getByTestId('receipt-lookup-submit').click();
    await expectAttr(page.getByTestId('receipt-lookup-result'), 'data-found', 'false');
    await shot(page, 'public-result-tie');
  });
});
