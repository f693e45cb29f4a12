// 评议 · 满意度 in a browser, the staff's side (1366×768): the admin publishes the body's combined-satisfaction
// rule in percent (a sum other than 100 is refused at the weights, in the reader's language), then records a
// household survey of a selected project (three counts above the households asked are refused at that field)
// and sees it in the project's past surveys; the project's public page then shows the composite. Both
// languages; axe (no serious or critical), no sideways scroll, no untranslated key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ok, publishedBallot, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, screenshots, type Tab } from './support/browser.js';
import { adminPassword, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { expectText, rawKeys, staffSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let hall: Hall;
const tabs: Tab[] = [];
let a = '';

const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);

beforeAll(async () => {
  shot = screenshots('evaluation-admin');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await server.hall({ members: 4, projects: 2, checkIn: 'all' });
  [a] = hall.projectIds;
  await publishedBallot(server, hall, { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 1 }, () => ({ [a]: 'yes', [hall.projectIds[1]]: 'no' }));
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('the staff\'s 评议 · 满意度 tab (1366×768)', () => {
  it('publishes the rule in percent, refusing a sum other than 100', async () => {
    const page = await tab('laptop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.goto(`/admin/${hall.bodyId}/evaluation?year=2027`);
    await page.getByTestId('eval-admin').waitFor();
    await expectText(page.getByTestId('eval-rule-current'), /尚未发布综合满意度规则/);
    await page.getByTestId('eval-rule-members').fill('50');
    await page.getByTestId('eval-rule-public').fill('30');
    await page.getByTestId('eval-rule-survey').fill('10');
    await expectText(page.getByTestId('eval-rule-total'), '合计 90%');
    await page.getByTestId('eval-rule-save').click();
    await expectText(page.getByTestId('eval-rule-sum-error'), '三项权重合计须为 100%，现为 90%');
    // nothing was published
    expect((await server.call('GET', `/api/public/bodies/${hall.bodyId}/satisfaction-rule`)).status).toBe(404);
    await check(page, 'rule-sum-error');
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(page.getByTestId('eval-rule-sum-error'), 'The three weights must add up to 100%; they add up to 90%');
    await check(page, 'rule-sum-error-en');
    await page.getByRole('button', { name: '中文' }).click();

    // 镇海's 群众 60 / 官员 30 / 网络 10
    await page.getByTestId('eval-rule-members').fill('30');
    await page.getByTestId('eval-rule-public').fill('10');
    await page.getByTestId('eval-rule-survey').fill('60');
    await page.getByTestId('eval-rule-save').click();
    await page.getByTestId('eval-rule-saved').waitFor();
    await expect.poll(() => page.getByTestId('eval-rule-sum-error').count()).toBe(0);
    await expectText(page.getByTestId('eval-rule-current'), /代表测评 30%，群众网上评价 10%，入户调查 60%/);
    const rule = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/satisfaction-rule`));
    expect(rule.weights).toEqual({ members: 0.3, public: 0.1, survey: 0.6 });
    expect(await rawKeys(page, ['evalAdmin', 'admin'])).toEqual([]);
    await check(page, 'rule-saved');
  });

  it('records a household survey of a selected project and lists it, in both languages', async () => {
    const page = await tab('laptop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.goto(`/admin/${hall.bodyId}/evaluation?year=2027`);
    // the selected project is offered, the one not chosen is not
    const picker = page.getByTestId('eval-survey-project');
    await expect.poll(() => picker.locator('option').count()).toBe(2);
    await picker.selectOption(a);
    await page.getByTestId('eval-survey-none').waitFor();
    await page.getByTestId('eval-survey-satisfied').fill('150');
    await page.getByTestId('eval-survey-basic').fill('30');
    await page.getByTestId('eval-survey-unsatisfied').fill('10');
    await page.getByTestId('eval-survey-households').fill('180');
    await page.getByTestId('eval-survey-date').fill('2027-06-20');
    await page.getByTestId('eval-survey-save').click();
    await expectText(page.getByTestId('eval-survey-households-error'), '三项之和不能超过调查户数');
    await check(page, 'survey-error');
    await page.getByTestId('eval-survey-households').fill('200');
    await page.getByTestId('eval-survey-save').click();
    await page.getByTestId('eval-survey-saved').waitFor();
    const row = page.getByTestId('eval-survey-row');
    await expect.poll(() => row.count()).toBe(1);
    await expectText(row.first(), /入户调查\s*150\s*30\s*10\s*200\s*94\.7%/);
    await expectText(row.first(), /计入综合满意度/);
    const list = ok(await server.call('GET', `/api/projects/${a}/surveys`, { token: server.adminToken }));
    expect(list.map((s: { satisfied: number; households: number; date: string }) => [s.satisfied, s.households, s.date])).toEqual([[150, 200, '2027-06-20']]);
    // the project's public page now has the composite, its survey part from these counts
    const pub = ok(await server.call('GET', `/api/public/projects/${a}`));
    expect(pub.composite.parts.survey).toBeCloseTo(180 / 190, 6);
    await check(page, 'survey-saved');

    await page.getByRole('button', { name: 'English' }).click();
    await expectText(page.getByTestId('eval-surveys').locator('h3'), 'Household surveys');
    await expectText(row.first(), /Counted in the combined figure/);
    await expectText(page.getByTestId('admin-tab-evaluation'), 'Evaluation · satisfaction');
    expect(await rawKeys(page, ['evalAdmin', 'admin'])).toEqual([]);
    await check(page, 'survey-saved-en');
    await page.getByRole('button', { name: '中文' }).click();
  });
});
