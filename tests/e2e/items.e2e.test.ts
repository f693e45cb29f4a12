// 子项 in a browser: the carrying department, at 1366×768, names a project's items and reports each item's
// percent; a resident opens the public page on a 390 px phone and sees each item's bar, title and target;
// the clerk's project drawer shows them too. Both languages; axe (no serious or critical), no sideways scroll.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ok, publishedBallot, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, screenshotDir, screenshots, type Tab } from './support/browser.js';
import { adminPassword, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { expectText, staffSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let hall: Hall;
const tabs: Tab[] = [];
let a = '';

const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);
const itemsOf = async () => ok(await server.call('GET', `/api/public/projects/${a}`)).items as { id: string; title: string; target: string | null; percent: number }[];

beforeAll(async () => {
  shot = screenshots('items');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await server.hall({ members: 4, projects: 2, checkIn: 'all' });
  [a] = hall.projectIds;
  await publishedBallot(server, hall, { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 1 }, () => ({ [a]: 'yes', [hall.projectIds[1]]: 'no' }));
  ok(await server.call('POST', '/api/users', { token: server.adminToken, json: { username: 'dept-items', password: 'dept-password', role: 'department', bodyId: hall.bodyId, department: '教育局' } }));
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
  // a copy of the pictures where the brief asked for them
  const dir = path.join(screenshotDir, 'items');
  fs.mkdirSync('/tmp/shots-items', { recursive: true });
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) fs.copyFileSync(path.join(dir, f), path.join('/tmp/shots-items', f));
});

describe('project items (子项)', () => {
  it('the department sets the items and reports each item\'s percent (1366×768)', async () => {
    const page = await tab('laptop');
    await staffSignIn(page, 'dept-items', 'dept-password', '/dept');
    await page.getByTestId(`work-${a}`).getByTestId('impl-open').click();
    await page.getByTestId('items-form').waitFor();
    await page.getByTestId('items-none').waitFor();
    for (let n = 0; n < 3; n++) await page.getByTestId('items-add').click();
    await page.getByTestId('items-title-0').fill('城东幼儿园');
    await page.getByTestId('items-target-0').fill('新增学位 270 个');
    await page.getByTestId('items-title-1').fill('城西幼儿园');
    await page.getByTestId('items-target-1').fill('新增学位 180 个');
    // a blank title is refused in the form, at its field
    await page.getByTestId('items-save').click();
    await expectText(page.getByTestId('items-title-2-error'), '必填');
    await check(page, 'department-items-error');
    await page.getByTestId('items-remove-2').click();
    await page.getByTestId('items-save').click();
    await page.getByTestId('items-saved').waitFor();
    expect((await itemsOf()).map((i) => [i.title, i.target, i.percent])).toEqual([['城东幼儿园', '新增学位 270 个', 0], ['城西幼儿园', '新增学位 180 个', 0]]);
    // the report form now asks a percent per item
    await page.getByTestId('report-items').waitFor();
    await page.getByTestId('report-percent').fill('40');
    await page.getByTestId('report-item-0').fill('60');
    await page.getByTestId('report-item-1').fill('20');
    await page.getByTestId('report-note').fill('城东幼儿园主体封顶，城西幼儿园基础施工');
    await check(page, 'department-report-items');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-saved').waitFor();
    await expectText(page.getByTestId('report-item').first(), /城东幼儿园 60%/);
    expect((await itemsOf()).map((i) => i.percent)).toEqual([60, 20]);
    await expectText(page.getByTestId('item-bar').first(), /城东幼儿园\s*60%/);
    await check(page, 'department-items-saved');
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(page.getByTestId('items-save'), 'Save the items');
    await expectText(page.getByTestId('report-items').locator('legend'), 'Progress of each item');
    await check(page, 'department-items-en');
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('the public page on a 390 px phone shows each item\'s bar, title and target, in both languages', async () => {
    const page = await tab('phone');
    await page.goto(`/projects/${a}`);
    await page.getByTestId('project-page').waitFor();
    const bars = page.getByTestId('item-bar');
    await expect.poll(() => bars.count()).toBe(2);
    await expectText(bars.nth(0), /城东幼儿园\s*60%/);
    await expectText(bars.nth(1), /目标：新增学位 180 个/);
    expect(await bars.nth(0).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('60');
    await expectText(page.getByTestId('public-report').first(), /城东幼儿园 60%，城西幼儿园 20%/);
    await page.getByTestId('item-bars').scrollIntoViewIfNeeded();
    await check(page, 'public-items-phone');
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(bars.nth(1), /Target: 新增学位 180 个/);
    await expectText(page.getByTestId('item-bars').locator('h3'), 'Items');
    await check(page, 'public-items-phone-en');
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('the clerk\'s project drawer shows the items', async () => {
    const page = await tab('laptop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.goto(`/admin/${hall.bodyId}/implementation?year=2027`);
    await page.getByTestId(`impl-row-${a}`).getByTestId('impl-view').click();
    await page.getByTestId('impl-detail').getByTestId('item-bar').first().waitFor();
    await expectText(page.getByTestId('impl-detail').getByTestId('item-bar').nth(1), /城西幼儿园\s*20%/);
    await expectText(page.getByTestId('impl-detail').getByTestId('report-item').first(), /城西幼儿园 20%/);
    await check(page, 'admin-drawer-items');
  });
});
