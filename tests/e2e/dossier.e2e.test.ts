// The 民意指数, the dossier and the 民生码 in a browser: the presider sees each candidate's 民意指数 in the
// console (1366 px) and sends the meeting material after a confirming dialog; a member's 1024×768 tablet says
// it has arrived and shows the dossier with the 民意指数 beside each candidate, in the ballot's order, in both
// languages, and prints it; the tablet ballot shows the same bars; once the vote is published, a project's
// 民生码 poster prints on one A4 page, its QR code (decoded here from a screenshot with jsQR) opens the
// project's page on a phone, and the year's posters print one A4 page each. Every screen: axe (no serious
// or critical), no sideways scroll, CSP kept on.
import sharp from 'sharp';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ok, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, pageText, screenshots, type Tab } from './support/browser.js';
import { presiderLogin, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { apiVote, expectText, memberSignIn, rawKeys, staffSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let hall: Hall;
const tabs: Tab[] = [];
let ballotId = '';
/** the candidates in the ballot's order: the quiet one first, so a ranking would show as a reordering */
const c = { quiet: '', crowded: '', none: '' };
let order: string[] = [];
let posterPage: Page;

const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);
const english = (page: Page) => page.getByRole('button', { name: 'English' }).click();
const chinese = (page: Page) => page.getByRole('button', { name: '中文' }).click();
const day = 86_400_000;

/** The PDF Chromium prints (print media: no emulated screen left over): its page count and first page's size in points. */
async function printed(page: Page) {
  await page.emulateMedia({ media: null });
  const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pdf = bytes.toString('latin1');
  // the page tree's root counts the pages
  const pages = Math.max(0, ...[...pdf.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2])));
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
  return { pages, width: Number(box?.[1]), height: Number(box?.[2]) };
}

beforeAll(async () => {
  shot = screenshots('dossier');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await server.hall({ members: 4, checkIn: 'all' });
  const admin = { token: server.adminToken };
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { ...admin, json: { year: 2027, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + day).toISOString() } }));
  const station = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/stations`, { ...admin, json: { name: '城关镇代表联络站' } })).id as string;
  const suggest = async (title: string, extra: Record<string, unknown> = {}, token?: string) =>
    ok(await server.call('POST', `/api/bodies/${hall.bodyId}/suggestions`, { token, json: { title, description: '说明', category: '教育', ...extra } })).id as string;
  const web = await suggest('城关小学门口上下学拥堵');
  const viaStation = await suggest('学校门口需要护学岗', { channel: 'station', stationId: station });
  const viaRep = await suggest('校门口交通安全', { channel: 'rep' }, hall.members[0].token);
  ok(await server.call('POST', `/api/suggestions/${viaStation}/merge`, { ...admin, json: { into: web } }));
  const project = async (title: string, department: string, suggestionIds: string[]) =>
    ok(await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { ...admin, json: { year: 2027, title, description: '说明', category: '教育', department, suggestionIds } })).id as string;
  c.quiet = await project('县图书馆延时开放', '县文化和旅游局', [await suggest('图书馆晚上也开放')]);
  c.crowded = await project('校园周边交通安全护学工程', '县教育局', [web, viaRep]);
  c.none = await project('乡镇综合文化站提升', '县文化和旅游局', []);
  order = [c.quiet, c.crowded, c.none];
  for (const [i, id] of order.entries()) {
    ok(await server.call('PUT', `/api/projects/${id}/assessment`, { ...admin, json: {
      feasible: true, reason: '用地已落实，年内可以完成。', investment: 300 + i * 100, fundingSource: '县级财政', completionDate: `2027-1${i}-30`, targets: [`完成目标 ${i + 1}`],
    } }));
  }
  const list = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/candidate-lists`, { ...admin, json: { year: 2027, projectIds: order, seats: 2 } })).id as string;
  ok(await server.call('POST', `/api/candidate-lists/${list}/approve`, { ...admin, json: { meeting: '第5次主任会议' } }));
  ballotId = ok(await server.call('POST', `/api/candidate-lists/${list}/ballots`, { ...admin, json: { sessionId: hall.sessionId } })).id;
  ok(await server.call('PUT', `/api/members/${hall.members[0].id}/phone`, { ...admin, json: { phone: '13800000001' } }));
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('the 民意指数 and the dossier', () => {
  it('the presider sees each candidate\'s 民意指数 in the console and sends the material after a dialog', async () => {
    const page = await tab('laptop');
    const p = await presiderLogin(server, hall);
    await staffSignIn(page, p.username, p.password, `/console/${hall.sessionId}`);
    await page.getByTestId(`ballot-item-${ballotId}`).click();
    const bars = page.locator('[data-testid^="console-demand-"]');
    await expect.poll(() => bars.count()).toBe(3);
    expect(await bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(order.map((id) => `console-demand-${id}`));
    expect(await page.getByTestId(`console-demand-${c.crowded}`).getAttribute('data-suggestions')).toBe('3');
    await expectText(page.getByTestId(`console-demand-${c.crowded}`).locator('.demand__text'), '3 人支持 · 3 条建议');
    await check(page, 'console-demand');
    // the paper ballot: hidden on screen, alone on paper, the bars beside the candidates in the same order
    expect(await page.getByTestId('paper-ballot').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    try {
      await page.getByTestId('paper-ballot').waitFor({ state: 'visible' });
      expect(await page.getByTestId('dossier-send').isVisible()).toBe(false);
      const rows = page.locator('[data-testid^="paper-ballot-"]:not([data-testid="paper-ballot-print"])');
      expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(order.map((id) => `paper-ballot-${id}`));
      expect(await page.getByTestId(`paper-ballot-${c.crowded}`).innerText()).toMatch(/民意指数[\s\S]*3 人支持 · 3 条建议/);
      await shot(page, 'console-paper-ballot-print', { fullPage: true });
    } finally {
      await page.emulateMedia({ media: null });
    }
    await page.getByTestId('dossier-send').click();
    await page.getByTestId('dossier-confirm').getByRole('heading').waitFor();
    await check(page, 'console-dossier-confirm');
    await page.getByTestId('dossier-confirm-confirm').click();
    await expectText(page.getByTestId('dossier-sent'), /会议材料已于 .* 送达（3 个项目）/);
    await check(page, 'console-dossier-sent');
  });

  it('a member\'s tablet says it arrived and shows the dossier with the 民意指数 beside each candidate, in both languages', async () => {
    const page = await tab('landscape');
    await memberSignIn(page, hall.members[1].code);
    await expectText(page.getByTestId(`dossier-tag-${hall.sessionId}`), '会议材料已送达');
    await check(page, 'tablet-sessions-dossier-tag');
    await page.getByTestId(`session-${hall.sessionId}`).click();
    await expectText(page.getByTestId('dossier-arrived').locator('strong'), '会议材料已送达');
    await check(page, 'tablet-dossier-arrived');
    await page.getByTestId('dossier-read').click();
    await page.getByTestId('dossier-projects').waitFor();
    const items = page.locator('[data-testid^="dossier-project-"]');
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(order.map((id) => `dossier-project-${id}`));
    const counts = await Promise.all(order.map((id) => page.getByTestId(`dossier-demand-${id}`).getAttribute('data-suggestions')));
    expect(counts).toEqual(['1', '3', '0']);
    const crowded = page.getByTestId(`dossier-project-${c.crowded}`);
    expect(await crowded.innerText()).toMatch(/民意指数[\s\S]*3 人支持 · 3 条建议[\s\S]*来源：网上 1 · 联络站 1 · 代表 1/);
    expect(await crowded.innerText()).toMatch(/县教育局[\s\S]*400 万元[\s\S]*县级财政[\s\S]*用地已落实/);
    expect(await page.getByTestId(`dossier-project-${c.none}`).innerText()).toContain('暂无群众建议');
    expect(await rawKeys(page, ['dossier', 'demand', 'suggestionChannel'])).toEqual([]);
    await check(page, 'tablet-dossier-zh', true);
    await english(page);
    await expectText(page.getByTestId('dossier-print'), 'Print the material');
    expect(await crowded.innerText()).toMatch(/Public demand[\s\S]*supporters: 3 · suggestions: 3[\s\S]*Channels: Web 1 · Liaison station 1 · Representative 1/);
    expect(await rawKeys(page, ['dossier', 'demand', 'suggestionChannel'])).toEqual([]);
    await check(page, 'tablet-dossier-en', true);
    await chinese(page);
    // on paper: the material alone, each candidate with its bar and figures
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByTestId('dossier-print').isVisible()).toBe(false);
      expect(await page.getByTestId(`dossier-demand-${c.crowded}`).isVisible()).toBe(true);
      await shot(page, 'tablet-dossier-print', { fullPage: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('the tablet ballot shows the same bars beside the candidates, never reordered', async () => {
    ok(await server.call('POST', `/api/ballots/${ballotId}/open`, { token: hall.presiderToken }));
    const page = tabs[1].page;
    await page.goto(`/tablet/${hall.sessionId}`);
    const bars = page.locator('[data-testid^="demand-"]');
    await expect.poll(() => bars.count(), { timeout: 15_000 }).toBe(3);
    expect(await bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(order.map((id) => `demand-${id}`));
    expect(await page.getByTestId(`candidate-${c.crowded}`).innerText()).toMatch(/3 人支持 · 3 条建议/);
    await check(page, 'tablet-ballot-demand');
    await english(page);
    expect(await page.getByTestId(`candidate-${c.crowded}`).innerText()).toMatch(/supporters: 3 · suggestions: 3/);
    await check(page, 'tablet-ballot-demand-en');
    await chinese(page);
  });
});

describe('民生码', () => {
  beforeAll(async () => {
    for (const m of hall.members) await apiVote(server, m.token, ballotId, { [c.quiet]: 'yes', [c.crowded]: 'yes', [c.none]: 'no' });
    ok(await server.call('POST', `/api/ballots/${ballotId}/close`, { token: hall.presiderToken }));
    ok(await server.call('POST', `/api/ballots/${ballotId}/publish`, { token: hall.presiderToken }));
  }, 60_000);

  it('a project\'s poster prints on one A4 page; its QR code, decoded, opens the project page on a phone', async () => {
    const page = await tab('desktop');
    posterPage = page;
    await page.goto(`/projects/${c.crowded}/poster`);
    const qr = page.getByTestId('mscode-qr');
    await qr.waitFor();
    await qr.evaluate((el: HTMLImageElement) => el.decode());
    expect(await page.getByTestId(`mscode-${c.crowded}`).innerText()).toMatch(/校园周边交通安全护学工程[\s\S]*承办单位\s*县教育局[\s\S]*计划完成\s*2027/);
    await check(page, 'mscode-poster');
    await english(page);
    await expectText(page.getByTestId('mscode-print'), 'Print the poster');
    await check(page, 'mscode-poster-en');
    await chinese(page);
    // decode what is on the screen, as a phone's camera would
    const png = await qr.screenshot();
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    expect(decoded?.data).toBe(`${server.url}/projects/${c.crowded}`);
    // on paper: one A4 page (595 × 842 points), the print button gone, the QR code large enough to scan
    const sheet = await printed(page);
    expect(sheet.pages).toBe(1);
    expect(Math.round(sheet.width)).toBe(595);
    expect(Math.round(sheet.height)).toBe(842);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByTestId('mscode-print').isVisible()).toBe(false);
      expect((await qr.boundingBox())!.width).toBeGreaterThan(300);
      await shot(page, 'mscode-poster-print', { fullPage: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    const phone = await tab('phone');
    await phone.goto(decoded!.data);
    await expectText(phone.getByRole('heading', { level: 1 }), '校园周边交通安全护学工程');
    await check(phone, 'mscode-opens-project');
  });

  it('the year\'s posters print one A4 page each', async () => {
    const page = posterPage;
    await page.goto(`/bodies/${hall.bodyId}/posters?year=2027`);
    const posters = page.locator('article.mscode');
    await expect.poll(() => posters.count()).toBe(2);
    expect(await pageText(page)).not.toContain('乡镇综合文化站提升');
    await check(page, 'mscode-year');
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByTestId('mscode-print').isVisible()).toBe(false);
      await shot(page, 'mscode-year-print', { fullPage: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    const doc = await printed(page);
    expect(doc.pages).toBe(2);
    expect([Math.round(doc.width), Math.round(doc.height)]).toEqual([595, 842]);
  });
});
