// 交办—反馈—回访 in a browser, on the demo county: a resident's suggestion (通知我 ticked) is referred by a clerk
// to 县教育局 from the inbox on a 1366 px laptop (the department chosen from the body's list, a due date); the
// clerk's 交办 · 回访 tab lists it 待答复 and prints its 交办单 alone on an A4 page; the department (demo login
// dept-jiaoyu) answers it from its workspace; the resident reads the answer on a 390 px phone tracking page;
// the clerk calls back, not satisfied → 二次交办 (round 2); the phone shows the return call. Both languages,
// axe (no serious or critical) and no sideways scroll on every screen; never the resident's contact outside
// the clerk's screens.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ok } from '../helpers/fixtures.js';
import { launchBrowser, pageText, screenshotDir, screenshots, type Tab } from './support/browser.js';
import { adminPassword, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { expectText, staffSignIn } from './support/ui.js';
import { demoLogins } from '../../server/demo/seed.js';

const TITLE = '城关二小门口上学时段缺少护学岗';
const CONTACT = '赵女士 139 0000 2222';
const ANSWER = '已与县公安局交警大队商定，下周一起早晚高峰在城关二小门口设立护学岗，由交警和志愿者轮值。';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
const tabs: Tab[] = [];
let bodyId = '';
let code = '';

const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);
const english = async (page: Tab['page']) => page.getByRole('button', { name: 'English' }).click();
const chinese = async (page: Tab['page']) => page.getByRole('button', { name: '中文' }).click();

beforeAll(async () => {
  shot = screenshots('referrals');
  browser = await launchBrowser();
  server = await startE2EServer({ demo: true });
  const bodies = ok(await server.call('GET', '/api/bodies', { token: server.adminToken })) as { id: string; name: string }[];
  bodyId = bodies.find((b) => b.name === '清河县人民代表大会常务委员会')!.id;
  code = ok(await server.call('POST', `/api/bodies/${bodyId}/suggestions`, { json: {
    title: TITLE, description: '学校门口早上车多人多，孩子过马路没有人看护，很危险。', category: '教育', area: '城关镇', contact: CONTACT, notify: true,
  } })).trackingCode;
}, 240_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
  // the screenshots, also where the team looks at them
  fs.rmSync('/tmp/shots-referrals', { recursive: true, force: true });
  fs.cpSync(path.join(screenshotDir, 'referrals'), '/tmp/shots-referrals', { recursive: true });
});

describe('交办—反馈—回访', () => {
  it('a clerk refers the suggestion to 县教育局 from the inbox, with a due date', async () => {
    const page = await tab('laptop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.goto(`/admin/${bodyId}/suggestions?year=2028&q=${encodeURIComponent('护学岗')}`);
    const row = page.getByTestId('inbox-table').locator('tr', { hasText: TITLE });
    await row.getByTestId('row-select').check();
    await page.getByTestId('bulk-decide').click();
    await page.getByTestId('bulk-reason').fill('属于教育部门职责，交县教育局办理');
    const departments = await page.getByTestId('refer-department').locator('option').allTextContents();
    expect(departments).toEqual(expect.arrayContaining(['县教育局', '县民政局', '县生态环境分局']));
    await page.getByTestId('refer-department').selectOption('县教育局');
    await page.getByTestId('refer-due').fill('2099-06-30');
    await check(page, 'inbox-refer');
    await english(page);
    await expectText(page.locator('label[for="refer-department"]'), 'Refer to department (optional)');
    await check(page, 'inbox-refer-en');
    await chinese(page);
    await page.getByTestId('bulk-referred').click();
    await page.getByTestId('bulk-done').waitFor();
    await expectText(row, /已转交/);
  });

  it('the clerk\'s 交办 · 回访 tab lists it 待答复 and prints its 交办单 alone', async () => {
    const page = tabs[0].page;
    await page.goto(`/admin/${bodyId}/referrals`);
    const item = page.getByTestId(`referral-${code}`);
    await expectText(item.getByTestId('referral-state'), '待答复');
    await expectText(item, /县教育局 · 第1次交办/);
    await expectText(item, /赵女士/);
    // the demo's others: an overdue one, one answered waiting for the call, round 2, closed
    await expectText(page.getByTestId('referrals-panel'), /已逾期[\s\S]*/);
    await check(page, 'staff-referrals');
    await page.getByTestId('referrals-filter-overdue').click();
    await expectText(page.getByTestId('referrals-panel').getByTestId('referral-state').first(), '已逾期');
    await page.getByTestId('referrals-filter-all').click();
    await english(page);
    await expectText(item.getByTestId('referral-state'), 'Waiting for answer');
    await check(page, 'staff-referrals-en');
    await chinese(page);
    await item.getByTestId('referral-preview').click();
    await expectText(item.getByTestId('ref-sheet-assign'), /群众建议交办单[\s\S]*县教育局[\s\S]*2099/);
    await check(page, 'staff-referral-sheet-preview');
    await item.getByTestId('referral-preview').click();
    // printing: the sheet alone on the page (window.print is stubbed: the browser has no printer)
    await page.evaluate(() => { window.print = () => undefined; });
    await item.getByTestId('referral-print-assign').click();
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('body > .ref-sheet--print');
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.getByTestId('referrals-panel').isVisible()).toBe(false);
    await expectText(sheet, /群众建议交办单[\s\S]*城关二小/);
    await shot(page, 'staff-referral-print-assign', { fullPage: true });
    // on A4 paper the form is one page
    const pdf = Buffer.from(await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });

  it('the department answers it from its workspace (反馈单)', async () => {
    const page = await tab('laptop');
    await staffSignIn(page, demoLogins.department.username, demoLogins.department.password, '/dept');
    const mine = page.getByTestId('dept-referrals');
    const item = mine.getByTestId('dept-referral').filter({ hasText: TITLE });
    await expectText(item.getByTestId('dept-referral-state'), '待答复');
    expect(await pageText(page)).not.toMatch(/赵女士|139 0000 2222/);
    await item.getByTestId('dept-referral-answer').click();
    await item.getByTestId('dept-referral-text').fill(ANSWER);
    await check(page, 'dept-referral-answer');
    await item.getByTestId('dept-referral-submit').click();
    await expectText(page.getByTestId('dept-referral-saved'), /已答复/);
    await expectText(item.getByTestId('dept-referral-state'), '已答复待回访');
    // the 反馈单 prints alone, for the department's seal (without the resident's contact or code)
    await page.evaluate(() => { window.print = () => undefined; });
    await item.getByTestId('dept-referral-print-answer').click();
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('body > .ref-sheet--print');
    await expectText(sheet, new RegExp(`群众建议办理反馈单[\\s\\S]*${ANSWER}[\\s\\S]*（盖章）`));
    expect(await page.getByTestId('dept-referrals').isVisible()).toBe(false);
    expect(await sheet.textContent()).not.toMatch(/赵女士|139 0000 2222|查询码/);
    await shot(page, 'dept-print-answer', { fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await english(page);
    await expectText(item.getByTestId('dept-referral-state'), 'Answered, call back');
    await check(page, 'dept-referrals-en');
    await chinese(page);
  });

  it('the resident reads the answer on a phone', async () => {
    const page = await tab('phone');
    await page.goto(`/track/${code}`);
    await expectText(page.getByTestId('track-referral'), /办理反馈[\s\S]*承办单位：县教育局/);
    await expectText(page.getByTestId('track-referral-answer'), new RegExp(ANSWER));
    expect(await pageText(page)).not.toMatch(/赵女士|139 0000 2222|dept-jiaoyu/);
    await check(page, 'phone-track-answer');
    await english(page);
    await expectText(page.getByTestId('track-referral'), /The department's answer[\s\S]*Department: 县教育局/);
    await check(page, 'phone-track-answer-en');
    await chinese(page);
  });

  it('the clerk calls back: not satisfied, so it is referred again (round 2); the phone shows the call', async () => {
    const page = tabs[0].page;
    await page.goto(`/admin/${bodyId}/referrals`);
    const item = page.getByTestId(`referral-${code}`);
    await expectText(item.getByTestId('referral-state'), '已答复待回访');
    await item.getByTestId('referral-visit-open').click();
    await page.getByTestId('visit-submit').click();
    await expectText(item.getByRole('alert').first(), /请选择满意或不满意|必填|请填写/);
    await page.getByTestId('visit-date').fill('2026-12-20');
    await page.getByTestId('visit-satisfied-no').check();
    await page.getByTestId('visit-note').fill('群众希望护学岗延伸到放学时段，不满意。');
    await check(page, 'staff-visit-form');
    await page.getByTestId('visit-submit').click();
    await expectText(page.getByTestId('referrals-notice'), /二次交办/);
    await expectText(item, /第2次交办/);
    await expectText(item.getByTestId('referral-state'), /待答复|已逾期/);
    // the 回访记录单 of the call, with the contact the clerk called (the clerk's form only)
    await item.getByTestId('referral-preview').click();
    await expectText(item.getByTestId('ref-sheet-visit'), /群众建议办理回访记录单[\s\S]*赵女士 139 0000 2222[\s\S]*不满意[\s\S]*放学时段/);
    await check(page, 'staff-visit-sheet-preview');
    const phone = tabs[2].page;
    await phone.reload();
    await expectText(phone.getByTestId('track-visit'), /群众不满意，已二次交办：群众希望护学岗延伸到放学时段/);
    await check(phone, 'phone-track-visit');
    await english(phone);
    await expectText(phone.getByTestId('track-visit'), /Not satisfied: referred again/);
    await check(phone, 'phone-track-visit-en');
  });
});
