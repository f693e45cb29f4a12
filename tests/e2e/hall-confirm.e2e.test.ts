// The console asks before every irreversible step (issue 25 item 1): 开始表决, 结束表决, 公布结果, 发布公告 and
// 取消 open a dialog that says what will happen with the live figures ("还有 5 位已签到代表未投票…"), the safe
// button focused; Escape and 返回 change nothing. On a laptop (1366×768), in Chinese and in English, axe clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ok, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, openTab, screenshots, type Tab } from './support/browser.js';
import { presiderLogin, startE2EServer, type E2EServer } from './support/server.js';
import { createBallot, realisticHall } from './support/scenario.js';
import { screenChecker } from './support/screens.js';
import { apiVote, expectAttr, expectText, inBatches, staffSignIn } from './support/ui.js';

const MEMBERS = 30;
const PRESENT = 25;
const VOTED = 20; // 5 checked-in members have not voted when the presider ends the vote

let server: E2EServer;
let browser: Browser;
let hall: Hall;
let shot: ReturnType<typeof screenshots>;
let tab: Tab;
const check = screenChecker(() => shot);

const stateOf = async (id: string) => (ok(await server.call('GET', `/api/ballots/${id}`, { token: hall.presiderToken })) as { state: string }).state;
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

beforeAll(async () => {
  shot = screenshots('hall-confirm');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await realisticHall(server, { members: MEMBERS, projects: 4 });
  await inBatches(hall.members.slice(0, PRESENT), 10, async (m) => ok(await server.call('POST', `/api/sessions/${hall.sessionId}/checkin`, { token: m.token })));
  tab = await openTab(browser, server.url, 'laptop', { bypassCSP: true });
  const login = await presiderLogin(server, hall);
  await staffSignIn(tab.page, login.username, login.password, '/console');
});

afterAll(async () => {
  await tab?.context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  expect(tab?.problems ?? []).toEqual([]);
});

async function votes(ballotId: string, n: number) {
  const p = hall.projectIds;
  await inBatches(hall.members.slice(0, n), 10, (m, i) => apiVote(server, m.token, ballotId, { [p[0]]: 'yes', [p[1]]: i % 2 ? 'yes' : 'no', [p[2]]: 'yes', [p[3]]: 'no' }));
}

describe('the console asks before irreversible steps', () => {
  it('开始表决, 结束表决, 公布结果 and 发布公告 ask first, in Chinese', async () => {
    const { page } = tab;
    const id = await createBallot(server, hall, '2027年民生实事项目票决', { projectIds: hall.projectIds, seats: 2 });
    await page.goto(`/console/${hall.sessionId}`);
    const detail = page.getByTestId('ballot-detail');
    await expectAttr(detail, 'data-ballot-id', id);

    // 开始表决: a dialog, the safe button focused; Escape closes it and nothing happens
    await page.getByTestId('ballot-open').click();
    const body = page.getByTestId('confirm-open-body');
    await expectText(body, /已签到 25 人，应到 30 人/);
    expect(await focused(page)).toBe('confirm-open-cancel');
    // a real modal: the rest of the page is inert and the dialog is in the middle of the screen
    const box = await page.evaluate(() => {
      const d = document.querySelector('dialog[open]');
      const r = d?.getBoundingClientRect();
      return { modal: d?.matches(':modal') ?? false, top: r?.top ?? -1, bottom: r?.bottom ?? -1 };
    });
    expect(box.modal).toBe(true);
    expect(Math.abs(box.top - (768 - box.bottom))).toBeLessThan(4);
    await check(page, 'confirm-open-zh', false);
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-open-body').waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('ballot-open'); // focus back where it was
    expect(await stateOf(id)).toBe('draft');
    // Enter on the focused (safe) button changes nothing either
    await page.getByTestId('ballot-open').click();
    await page.keyboard.press('Enter');
    await page.getByTestId('confirm-open-body').waitFor({ state: 'detached' });
    expect(await stateOf(id)).toBe('draft');
    await page.getByTestId('ballot-open').click();
    await page.getByTestId('confirm-open-confirm').click();
    await expectAttr(detail, 'data-state', 'open');

    // 结束表决 with 5 checked-in members yet to vote: said in words, live
    await votes(id, VOTED);
    await expectText(page.getByTestId('console-turnout-cast'), String(VOTED));
    await page.getByTestId('ballot-close').click();
    await expectText(page.getByTestId('confirm-close-pending'), '还有 5 位已签到代表未投票，结束后不能再投票。');
    await expectText(page.getByTestId('confirm-close-body'), /已投票 20 人，已签到 25 人，应到 30 人/);
    expect(await focused(page)).toBe('confirm-close-cancel');
    await check(page, 'confirm-close-zh', false);
    await page.getByTestId('confirm-close-cancel').click();
    expect(await stateOf(id)).toBe('open');
    await page.getByTestId('ballot-close').click();
    await page.getByTestId('confirm-close-confirm').click();
    await expectAttr(detail, 'data-state', 'closed');

    // 公布结果
    await page.getByTestId('ballot-publish').click();
    await expectText(page.getByTestId('confirm-publish-body'), /共 20 票。[\s\S]*不能撤回/);
    expect(await focused(page)).toBe('confirm-publish-cancel');
    await check(page, 'confirm-publish-zh', false);
    await page.keyboard.press('Escape');
    expect(await stateOf(id)).toBe('closed');
    await page.getByTestId('ballot-publish').click();
    await page.getByTestId('confirm-publish-confirm').click();
    await expectAttr(detail, 'data-state', 'published');

    // 发布公告
    await page.getByTestId('notice-issue').click();
    await expectText(page.getByTestId('confirm-notice-body'), /不能撤回/);
    expect(await focused(page)).toBe('confirm-notice-cancel');
    await check(page, 'confirm-notice-zh', false);
    await page.keyboard.press('Escape');
    const notices = async () => (ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/notices`)) as unknown[]).length;
    expect(await page.getByTestId('notice-link').count()).toBe(0);
    expect(await notices()).toBe(0);
    await page.getByTestId('notice-issue').click();
    await page.getByTestId('confirm-notice-confirm').click();
    await expectText(page.getByTestId('notice-link'), '第1号公告');
    expect(await notices()).toBe(1);
  });

  it('取消 asks for a reason in the same dialog; English says the same in words', async () => {
    const { page } = tab;
    await page.evaluate(() => localStorage.setItem('minsheng.lang', 'en'));
    const id = await createBallot(server, hall, '2028年民生实事项目票决', { projectIds: hall.projectIds, seats: 2 });
    ok(await server.call('POST', `/api/ballots/${id}/open`, { token: hall.presiderToken }));
    await page.goto(`/console/${hall.sessionId}`);
    const detail = page.getByTestId('ballot-detail');
    await expectAttr(detail, 'data-ballot-id', id);
    await votes(id, 3);
    await expectText(page.getByTestId('console-turnout-cast'), '3');

    await page.getByTestId('ballot-close').click();
    await expectText(page.getByTestId('confirm-close-pending'), '22 checked-in members have not voted yet and will not be able to vote after it ends.');
    await check(page, 'confirm-close-en', false);
    await page.keyboard.press('Escape');

    await page.getByTestId('ballot-cancel').click();
    await expectText(page.getByTestId('confirm-cancel-body'), /The 3 votes already cast will be void/);
    expect(await focused(page)).toBe('confirm-cancel-cancel');
    expect(await page.getByTestId('confirm-cancel-confirm').isDisabled()).toBe(true);
    await page.getByTestId('ballot-cancel-reason').fill('Wrong candidate list');
    await check(page, 'confirm-cancel-en', false);
    await page.getByTestId('confirm-cancel-confirm').click();
    await expectAttr(detail, 'data-state', 'cancelled');
    expect(await stateOf(id)).toBe('cancelled');
  });
});

describe('a candidate list is voted once', () => {
  it('after 从已通过的候选名单创建票决 the console says which ballot the list went to instead of offering it again', async () => {
    const { page } = tab;
    const admin = server.adminToken;
    const ids: string[] = [];
    for (const title of ['城乡公交一体化运营', '中小学课后服务全覆盖', '公共文化数字服务平台']) {
      const p = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { token: admin, json: { year: 2028, title, description: title, category: '教育', department: '县教育局' } })) as { id: string };
      ok(await server.call('PUT', `/api/projects/${p.id}/assessment`, { token: admin, json: { feasible: true, reason: '条件具备', investment: 300, completionDate: '2028-12-31' } }));
      ids.push(p.id);
    }
    const list = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/candidate-lists`, { token: admin, json: { year: 2028, projectIds: ids, seats: 2, ratio: 1.5 } })) as { id: string };
    ok(await server.call('POST', `/api/candidate-lists/${list.id}/approve`, { token: admin, json: { meeting: '第7次主任会议', approvedAt: '2028-01-05' } }));

    for (const lang of ['zh-CN', 'en'] as const) {
      await page.evaluate((l) => localStorage.setItem('minsheng.lang', l), lang);
      await page.goto(`/console/${hall.sessionId}`);
      if (lang === 'zh-CN') {
        await page.getByTestId('ballot-from-list').click();
        await expect.poll(async () => ((ok(await server.call('GET', `/api/bodies/${hall.bodyId}/candidate-lists`, { token: hall.presiderToken })) as { id: string; ballot: unknown }[])
          .find((l) => l.id === list.id)?.ballot ?? null) !== null).toBe(true);
      }
      const voted = page.getByTestId('from-list-voted');
      await expectText(voted, lang === 'zh-CN' ? /2028 年度候选名单已创建票决「2028 年度民生实事项目票决」（未开始）/ : /The 2028 candidate list already has the ballot/);
      expect(await page.getByTestId('ballot-from-list').count()).toBe(0);
      await check(page, `from-list-voted-${lang}`);
    }
    await page.evaluate(() => localStorage.setItem('minsheng.lang', 'zh-CN'));
  });
});

describe('the console log of these steps', () => {
  it('newest first, the 25 check-ins as one line, in words (no keys, no ids), filtered by kind', async () => {
    const { page } = tab;
    await page.evaluate(() => localStorage.setItem('minsheng.lang', 'zh-CN'));
    await page.goto(`/console/${hall.sessionId}`);
    await page.getByTestId('tab-audit').click();
    const rows = page.getByTestId('audit-table').getByTestId('audit-row');
    await rows.first().waitFor();
    const times = await page.getByTestId('audit-table').locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect([...times].sort().reverse()).toEqual(times);
    const fold = page.getByTestId('audit-fold');
    expect(await fold.count()).toBe(1);
    await expectText(fold.getByTestId('audit-sentence'), '25 位代表签到');
    const text = await page.getByTestId('audit-table').innerText();
    expect(text).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/); // an action's key
    expect(text).not.toMatch(/\b[0-9a-z]{16}\b/); // an id
    expect(text).toMatch(/结束表决「2027年民生实事项目票决」/);
    await page.getByTestId('audit-kind-vote').click();
    const actions = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')!));
    expect(actions.length).toBeGreaterThan(3);
    expect(actions.every((a) => a.startsWith('ballot.'))).toBe(true);
    await check(page, 'audit-log-vote-zh-CN');
  });
});
