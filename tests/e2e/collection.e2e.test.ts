// 群众点单 in a browser: a resident on a 390 px phone opens a liaison station's QR link, sees while typing
// that others asked the same, sends the suggestion and keeps the tracking code; a clerk finds it in the
// inbox, merges a duplicate into it and adopts it into a draft project; the resident's tracking page then
// says so, in Chinese and in English. The station's poster carries the QR code of that very form.
// Every screen: axe (no serious or critical violations), no sideways scroll, CSP kept on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ok } from '../helpers/fixtures.js';
import { launchBrowser, openTab, pageText, screenshots, type Tab } from './support/browser.js';
import { adminPassword, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker } from './support/screens.js';
import { expectText, staffSignIn } from './support/ui.js';

const TITLE = '幸福路与建设路交叉口加装红绿灯';
const EARLIER = ['建设路幸福路路口没有信号灯，过马路很危险', '幸福路建设路十字路口希望装个红绿灯'];

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let phone: Tab;
let clerk: Tab;
let bodyId = '';
let stationId = '';
let code = '';
const earlierIds: string[] = [];

const check = screenChecker(() => shot);

beforeAll(async () => {
  shot = screenshots('collection');
  browser = await launchBrowser();
  server = await startE2EServer();
  const admin = server.adminToken;
  bodyId = ok(await server.call('POST', '/api/bodies', { token: admin, json: { name: '清河县人民代表大会常务委员会', level: 'county' } })).id;
  const day = 86_400_000;
  ok(await server.call('POST', `/api/bodies/${bodyId}/collection`, { token: admin, json: { year: 2027, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 20 * day).toISOString() } }));
  stationId = ok(await server.call('POST', `/api/bodies/${bodyId}/stations`, { token: admin, json: { name: '城关镇代表联络站', address: '人民路 1 号' } })).id;
  for (const title of EARLIER) {
    earlierIds.push(ok(await server.call('POST', `/api/bodies/${bodyId}/suggestions`, { json: { title, description: '路口车多，老人孩子过马路危险', category: '交通出行', area: '城关镇' } })).id);
  }
  phone = await openTab(browser, server.url, 'phone');
  clerk = await openTab(browser, server.url, 'laptop');
}, 180_000);

afterAll(async () => {
  for (const t of [phone, clerk]) expect(t?.problems ?? []).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('a resident and a clerk', () => {
  it('the station poster carries a QR code of the suggestion form', async () => {
    const poster = await openTab(browser, server.url, 'portrait');
    await poster.page.goto(`/suggest/${bodyId}/poster?station=${stationId}`);
    await expectText(poster.page.getByTestId('poster-station'), /城关镇代表联络站/);
    const qr = poster.page.getByTestId('poster-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('data-url')).toBe(`${server.url}/suggest/${bodyId}?station=${stationId}`);
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(200);
    await poster.page.emulateMedia({ media: 'print' });
    await check(poster.page, 'station-poster-print', false);
    expect(await poster.page.getByRole('button').first().isVisible()).toBe(false);
    await poster.context.close();
  });

  it('a resident opens the station link on a phone, sees similar requests while typing and sends it', async () => {
    const page = phone.page;
    await page.goto(`/suggest/${bodyId}?station=${stationId}`);
    await expectText(page.getByTestId('suggest-station'), /城关镇代表联络站/);
    await expectText(page.getByTestId('window-countdown'), /还剩/);
    await page.getByTestId('suggest-submit').click();
    await expectText(page.locator('.field__error').first(), '必填');
    await page.getByTestId('suggest-title').fill(TITLE);
    await expectText(page.getByTestId('similar-count'), '已有 2 位群众提出类似建议');
    expect(await pageText(page)).not.toContain(EARLIER[0]);
    await check(page, 'phone-form-similar');
    await page.getByTestId('suggest-description').fill('早晚高峰车流量大，学生和老人过马路很危险。');
    await page.getByTestId('suggest-category').selectOption('交通出行');
    await page.getByTestId('suggest-area').fill('城关镇');
    await page.getByTestId('suggest-contact').fill('13800001111');
    await page.getByTestId('suggest-submit').click();
    const codeBox = page.getByTestId('tracking-code');
    await codeBox.waitFor();
    code = (await codeBox.textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{10,16}$/);
    await check(page, 'phone-tracking-code');
    await page.getByTestId('open-tracking').click();
    await expectText(page.getByTestId('track-status'), '已收到');
    await check(page, 'phone-track-received');
  });

  it('a clerk finds it in the inbox, merges a duplicate into it and adopts it into a project', async () => {
    const page = clerk.page;
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.goto(`/admin/${bodyId}/suggestions?year=2027&q=${encodeURIComponent('信号灯')}`);
    await expectText(page.getByTestId('inbox-table-count'), /共 3 条/);
    const mine = page.getByTestId('inbox-table').locator('tr', { hasText: TITLE });
    await expectText(mine, /13800001111/);
    await expectText(mine, /联络站/);
    await mine.getByTestId('inbox-open-similar').click();
    const drawer = page.getByTestId('similar-drawer');
    await expectText(drawer.getByTestId('similar-item').first(), /建设路幸福路|幸福路建设路/);
    await check(page, 'inbox-similar');
    await drawer.getByTestId('similar-item').filter({ hasText: EARLIER[0] }).getByTestId('merge-here').click();
    await page.getByTestId('merge-dialog-confirm').click();
    await expectText(page.getByTestId('inbox-table').locator('tr', { hasText: EARLIER[0] }), /已合并/);
    await mine.getByTestId('row-select').check();
    await page.getByTestId('inbox-table').locator('tr', { hasText: EARLIER[1] }).getByTestId('row-select').check();
    await page.getByTestId('bulk-adopt').click();
    await page.getByTestId('adopt-title').fill('幸福路与建设路路口信号灯建设');
    await page.getByTestId('adopt-department').fill('县公安局交通管理大队');
    await check(page, 'inbox-adopt');
    await page.getByTestId('adopt-confirm').click();
    await expectText(page.getByTestId('bulk-done'), /幸福路与建设路路口信号灯建设/);
    await expectText(mine, /已采纳为候选项目/);
    const projects = ok(await server.call('GET', `/api/bodies/${bodyId}/projects?year=2027`, { token: server.adminToken }));
    expect(projects).toEqual([expect.objectContaining({ title: '幸福路与建设路路口信号灯建设', status: 'draft', supporters: 3 })]);
  });

  it('the resident sees the change on the tracking page, in Chinese and in English', async () => {
    const page = phone.page;
    await page.reload();
    await expectText(page.getByTestId('track-status'), '已采纳为候选项目');
    expect((await page.getByTestId('track-event').allTextContents()).length).toBe(2);
    await check(page, 'phone-track-adopted');
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(page.getByTestId('track-status'), 'Adopted as a candidate project');
    await check(page, 'phone-track-adopted-en');
    const merged = ok(await server.call('GET', `/api/bodies/${bodyId}/suggestions?year=2027&status=merged`, { token: server.adminToken })).items[0];
    await page.goto(`/track/${merged.trackingCode}`);
    await expectText(page.getByTestId('track-merged'), new RegExp(TITLE));
  });
});
