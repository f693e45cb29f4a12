// 子项 rated one by one in a browser (issue 24): the presider makes the round in the console (按子项逐项测评); a
// project with three items and one without are rated on
// 1024×768 tablets — the items grouped under their project, 满意/基本满意/不满意 each, the review listing them —
// then the 1920×1080 big screen shows the project's grade with its items beneath, and a resident's 390 px phone
// shows each item's grade beside its progress bar. Chinese and English, axe (no serious or critical).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ok, publishedBallot, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, openTab, screenshots, type Tab } from './support/browser.js';
import { presiderLogin, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { expectAttr, expectText, memberSignIn, staffSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let hall: Hall;
let a = '';
let b = '';
let items: string[] = [];
let ballotId = '';
const tabs: Tab[] = [];
const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);
const presider = () => ({ token: hall.presiderToken });
// member 0: 满意 on every item, member 1: 满意, 基本满意, 不满意 — base 2, project base 6
const marks = [['satisfied', 'satisfied', 'satisfied', 'satisfied'], ['satisfied', 'basic', 'unsatisfied', 'basic']] as const;

beforeAll(async () => {
  shot = screenshots('by-item');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await server.hall({ members: 2, projects: 2, checkIn: 'all' });
  [a, b] = hall.projectIds;
  await publishedBallot(server, hall, { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 2 }, () => ({ [a]: 'yes', [b]: 'yes' }));
  const set = ok(await server.call('PUT', `/api/projects/${a}/items`, { token: server.adminToken, json: { items: [
    { title: '城东幼儿园', target: '新增学位 270 个' }, { title: '城西幼儿园', target: '新增学位 180 个' }, { title: '城南幼儿园' },
  ] } })) as { items: { id: string }[] };
  items = set.items.map((i) => i.id);
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('子项 rated one by one', () => {
  it('the presider creates the mid-year round in the console with 按子项逐项测评 (1366×768)', async () => {
    const page = await tab('laptop');
    const p = await presiderLogin(server, hall);
    await staffSignIn(page, p.username, p.password, `/console/${hall.sessionId}`);
    await page.getByTestId('round-year').fill('2027');
    await page.getByTestId('round-kind').selectOption('midyear');
    await expectText(page.getByTestId('round-create'), '创建满意度测评（2 个项目）');
    await page.getByTestId('round-by-item').check();
    await check(page, 'console-round-by-item');
    await page.getByTestId('round-create').click();
    const ballots = async () => (ok(await server.call('GET', `/api/sessions/${hall.sessionId}`, presider())).ballots as { id: string; kind: string }[]).filter((x) => x.kind === 'satisfaction');
    await expect.poll(async () => (await ballots()).length).toBe(1);
    ballotId = (await ballots())[0].id;
    const ballot = ok(await server.call('GET', `/api/ballots/${ballotId}`, presider())) as { byItem: boolean; options: { id: string }[] };
    expect(ballot.byItem).toBe(true);
    expect(ballot.options.map((o) => o.id)).toEqual([...items, b]);
    ok(await server.call('POST', `/api/ballots/${ballotId}/open`, presider()));
  });

  it('two tablets (1024×768, zh and en) rate each item under its project and the other project whole, and review them', async () => {
    for (const [i, lang] of (['zh-CN', 'en'] as const).entries()) {
      const page = await tab('landscape');
      await page.goto('/tablet');
      await page.evaluate((l) => localStorage.setItem('minsheng.lang', l), lang);
      await memberSignIn(page, hall.members[i].code);
      await page.goto(`/tablet/${hall.sessionId}`);
      await expectAttr(page.getByTestId('ballot-form'), 'data-ballot-id', ballotId);
      const group = page.getByTestId(`item-group-${a}`);
      await expectText(group.locator('h3'), '项目1');
      await expectText(group, lang === 'en' ? /This project has 3 items/ : /本项目分 3 个子项/);
      expect(await group.locator('h4').allTextContents()).toEqual(['城东幼儿园', '城西幼儿园', '城南幼儿园']);
      // the project without items is one row of its own
      await page.getByTestId(`candidate-${b}`).waitFor();
      const ids = [...items, b];
      for (const [j, id] of ids.entries()) {
        if (j === 3) expect(await page.getByTestId('review-button').isDisabled()).toBe(true);
        await page.getByTestId(`choice-${id}-${marks[i][j]}`).click();
      }
      await check(page, `tablet-${lang}`);
      await page.getByTestId('review-button').click();
      await page.getByTestId('review-step').waitFor();
      await expectText(page.getByTestId('review-step'), /项目1 · 城西幼儿园/);
      await check(page, `tablet-review-${lang}`, false);
      await page.getByTestId('confirm-button').click();
      await page.getByTestId('receipt-code').waitFor();
    }
  });

  it('closed and published: the big screen shows the project graded from its items, its items beneath (zh and en)', async () => {
    ok(await server.call('POST', `/api/ballots/${ballotId}/close`, presider()));
    ok(await server.call('POST', `/api/ballots/${ballotId}/publish`, presider()));
    const result = ok(await server.call('GET', `/api/ballots/${ballotId}/result`)) as any;
    // the project: 满意 4 of base 2 × 3 = 6 is more than half → 满意; its items: 2 满意 → 满意, 1 满意 + 1 基本 → 基本满意, 1 满意 (exactly half) → 不满意
    expect(result.projects[0]).toMatchObject({ id: a, satisfied: 4, basic: 1, unsatisfied: 1, grade: '满意' });
    expect(result.projects[0].items.map((x: any) => x.grade)).toEqual(['满意', '基本满意', '不满意']);
    const screen = await openTab(browser, server.url, 'screen', { bypassCSP: true });
    tabs.push(screen);
    const { token } = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, presider())) as { token: string };
    for (const lang of ['zh-CN', 'en'] as const) {
      await screen.page.goto('/');
      await screen.page.evaluate((l) => localStorage.setItem('minsheng.lang', l), lang);
      await screen.page.goto(`/screen/${hall.sessionId}#token=${encodeURIComponent(token)}`);
      await expectAttr(screen.page.getByTestId('screen-result'), 'data-ballot-id', ballotId);
      const project = screen.page.getByTestId(`result-project-${a}`);
      await expectText(project.getByTestId(`result-project-grade-${a}`), lang === 'en' ? 'Satisfied' : '满意');
      await expectText(project, lang === 'en' ? /3 items summed \(base 6\)/ : /3 个子项合计（基数 6）/);
      await expectText(screen.page.getByTestId(`result-status-${items[2]}`), lang === 'en' ? 'Not satisfied' : '不满意');
      await screen.page.getByTestId(`result-row-${b}`).waitFor();
      await check(screen.page, `screen-${lang}`, false);
    }
  });

  it('the public page on a 390 px phone shows each item\'s grade beside its bar (zh and en)', async () => {
    const page = await tab('phone');
    await page.goto(`/projects/${a}`);
    await page.getByTestId('project-page').waitFor();
    const grades = page.getByTestId('item-grade');
    await expect.poll(() => grades.count()).toBe(3);
    await expectText(grades.nth(0), /满意/);
    await expectText(grades.nth(2), /不满意/);
    await page.getByTestId('item-bars').scrollIntoViewIfNeeded();
    await check(page, 'public-phone-zh-CN');
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(grades.nth(1), /Rated: Basically satisfied/);
    await check(page, 'public-phone-en');
  });
});
