// 听取报告 before an evaluation (issue 24): the presider adds a 述职 with its PDF in the console's 听取报告 tab
// (laptop), linked to the 述职评议 ballot; the member's 1024×768 tablet shows the agenda before the ballot
// opens, then the hearing above the open ballot with a link to the document. Chinese and English, axe clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ok, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, screenshots, type Tab } from './support/browser.js';
import { presiderLogin, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { expectText, memberSignIn, rawKeys, staffSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let hall: Hall;
let ballotId = '';
let documentUrl = '';
const tabs: Tab[] = [];
const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);
const title = '关于2027年度代表履职情况的述职报告';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  shot = screenshots('hearings');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await server.hall({ members: 3, projects: 1, checkIn: 'all' });
  ballotId = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, {
    token: hall.presiderToken, json: { kind: 'evaluation', title: '代表述职评议', form: 'grade', subjects: [{ kind: 'member', memberId: hall.members[1].id }] },
  })).id;
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('a hearing before an evaluation', () => {
  let consolePage: Page;

  it('the presider adds a 述职 with its PDF in the console, linked to the ballot (zh and en)', async () => {
    consolePage = await tab('laptop');
    const page = consolePage;
    const login = await presiderLogin(server, hall);
    await staffSignIn(page, login.username, login.password, '/console');
    await page.getByTestId(`session-${hall.sessionId}`).click();
    await page.waitForURL(new RegExp(`/console/${hall.sessionId}$`));
    await page.getByTestId('tab-hearings').click();
    await page.getByTestId('hearings-empty').waitFor();
    // nothing typed: said, and nothing added
    await page.getByTestId('hearing-kind').selectOption('duty_report');
    await page.getByTestId('hearing-submit').click();
    await expectText(page.locator('#hearing-title-error'), '请填写报告题目');
    await expectText(page.locator('#hearing-reporter-error'), '请选择述职代表');
    await page.getByTestId('hearing-title').fill(title);
    expect(await page.locator('#hearing-title-error').count()).toBe(0); // the complaint goes once the title is typed
    await page.getByTestId('hearing-member').selectOption(hall.members[1].id);
    await page.getByTestId('hearing-post').fill('第二代表团代表');
    await page.getByTestId('hearing-document-input').setInputFiles({ name: '述职报告.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('hearing-document-uploaded').waitFor();
    await page.getByTestId('hearing-ballot').selectOption(ballotId);
    await check(page, 'console-form-zh-CN');
    await page.getByTestId('hearing-submit').click();
    const list = page.getByTestId('hearing-list');
    await expectText(list.locator('.hearing__title'), title);
    await expectText(list.getByTestId('hearing-reporter'), `报告人：${hall.members[1].name} · 第二代表团代表`);
    const hearings = ok(await server.call('GET', `/api/sessions/${hall.sessionId}/hearings`, { token: hall.presiderToken }));
    expect(hearings).toMatchObject([{ kind: 'duty_report', title, position: 1, reporter: { memberId: hall.members[1].id }, ballot: { id: ballotId } }]);
    documentUrl = hearings[0].document.url;
    expect(await list.getByTestId('hearing-document').getAttribute('href')).toBe(documentUrl);
    // the form is empty again, the file input too
    expect(await page.getByTestId('hearing-title').inputValue()).toBe('');
    expect(await page.getByTestId('hearing-document-input').evaluate((i: HTMLInputElement) => i.files?.length ?? 0)).toBe(0);
    await check(page, 'console-list-zh-CN');
    await page.getByTestId('lang-en').click();
    await expectText(list.locator('.hearing__kind'), 'Duty report');
    expect(await rawKeys(page, ['hearings'])).toEqual([]);
    await check(page, 'console-list-en');
    // a 专项报告 added meanwhile comes last; moved up, it comes first (the agenda follows the live session)
    ok(await server.call('POST', `/api/sessions/${hall.sessionId}/hearings`, { token: hall.presiderToken, json: { kind: 'special_report', title: '县政府工作专项报告', reporter: { name: '李县长', post: '县人民政府县长' } } }));
    await expect.poll(() => list.locator('.hearing__title').allTextContents(), { timeout: 15_000 }).toEqual([title, '县政府工作专项报告']);
    expect(await list.getByTestId('hearing-up').first().isDisabled()).toBe(true);
    await list.getByTestId('hearing-up').nth(1).click();
    await expect.poll(() => list.locator('.hearing__title').allTextContents(), { timeout: 15_000 }).toEqual(['县政府工作专项报告', title]);
    await page.getByTestId('lang-zh-CN').click();
    await check(page, 'console-two-zh-CN');
  });

  it('the tablet shows the agenda before the ballot opens, then the hearing above the ballot, with the document (zh and en)', async () => {
    const page = await tab('landscape');
    await page.goto('/tablet');
    await page.evaluate(() => localStorage.setItem('minsheng.lang', 'zh-CN'));
    await memberSignIn(page, hall.members[0].code);
    await page.goto(`/tablet/${hall.sessionId}`);
    const agenda = page.getByTestId('hearings-agenda');
    await expectText(agenda.locator('h2'), '会议议程 · 听取报告');
    await expect.poll(() => agenda.locator('.hearing__title').allTextContents()).toEqual(['县政府工作专项报告', title]);
    await check(page, 'tablet-agenda-zh-CN');

    ok(await server.call('POST', `/api/ballots/${ballotId}/open`, { token: hall.presiderToken }));
    await page.getByTestId('ballot-form').waitFor();
    const beside = page.getByTestId('hearings-beside');
    await expectText(beside.locator('h2'), '本项表决前听取的报告');
    await expectText(beside.locator('.hearing__kind'), '述职');
    await expectText(beside.getByTestId('hearing-reporter'), `报告人：${hall.members[1].name} · 第二代表团代表`);
    expect(await beside.getByTestId('hearing-document').getAttribute('href')).toBe(documentUrl);
    expect(await page.getByTestId('hearings-agenda').count()).toBe(0);
    // above the ballot on a 1024×768 tablet: the hearing first, the ballot right under it
    const [h, b] = [await beside.boundingBox(), await page.getByTestId('ballot-form').boundingBox()];
    expect(h!.y + h!.height).toBeLessThanOrEqual(b!.y);
    await check(page, 'tablet-beside-zh-CN');

    // the link opens the PDF as uploaded, sandboxed
    const served = await server.call('GET', documentUrl);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-security-policy')).toBe('sandbox');

    await page.evaluate(() => localStorage.setItem('minsheng.lang', 'en'));
    await page.reload();
    await page.getByTestId('ballot-form').waitFor();
    await expectText(beside.locator('h2'), 'Heard before this ballot');
    await expectText(beside.getByTestId('hearing-reporter'), `Reported by ${hall.members[1].name} · 第二代表团代表`);
    await expectText(beside.getByTestId('hearing-document').locator('xpath=.').first(), /^Open the report \(PDF\)/);
    expect(await rawKeys(page, ['hearings'])).toEqual([]);
    await check(page, 'tablet-beside-en');

    // on a phone (390 wide) and a tablet held upright the same, nothing running off the side
    for (const size of ['phone', 'portrait'] as const) {
      const small = await tab(size);
      await small.goto('/tablet');
      await small.evaluate(() => localStorage.setItem('minsheng.lang', 'zh-CN'));
      await memberSignIn(small, hall.members[2].code);
      await small.goto(`/tablet/${hall.sessionId}`);
      await small.getByTestId('ballot-form').waitFor();
      await expectText(small.getByTestId('hearings-beside').locator('.hearing__title'), title);
      await check(small, `${size}-beside-zh-CN`);
    }
  });
});
