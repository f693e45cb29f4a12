// The member's tablet (issue 25): the review step names the candidates left unmarked, which count as 弃权
// (a second tap on a chosen 赞成 unmarks it); 我督办的项目 keeps its chips apart from the text and gives every
// progress bar the same track. Landscape 1024×768 and portrait 768×1024, Chinese and English, axe clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ok, publishedBallot, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, screenshots, type Tab } from './support/browser.js';
import { startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { expectAttr, expectText, memberSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let hall: Hall;
let open = '';
const tabs: Tab[] = [];
const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);

beforeAll(async () => {
  shot = screenshots('hall-tablet');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await server.hall({ members: 4, projects: 5, checkIn: 'all' });
  const [a, b, ...rest] = hall.projectIds;
  const presider = { token: hall.presiderToken };
  const admin = { token: server.adminToken };
  await publishedBallot(server, hall, { kind: 'selection', title: '票决', projectIds: [a, b], seats: 2 }, () => ({ [a]: 'yes', [b]: 'yes' }));
  // a is behind (a milestone long past), b well on its way: different chips and percentages
  ok(await server.call('PUT', `/api/projects/${a}/plan`, { ...admin, json: { targets: ['新建幼儿园 2 所'], milestones: [{ title: '开工', due: '2026-01-31' }, { title: '竣工', due: '2099-09-30' }], funding: '县级财政', completionDate: '2099-12-31' } }));
  ok(await server.call('POST', `/api/projects/${a}/progress`, { ...admin, json: { percent: 15, note: '场地平整', date: new Date().toISOString().slice(0, 10) } }));
  ok(await server.call('PUT', `/api/projects/${b}/plan`, { ...admin, json: { targets: ['改造小区 6 个'], milestones: [{ title: '完工', due: '2099-10-31' }], funding: '县级财政', completionDate: '2099-12-31' } }));
  ok(await server.call('POST', `/api/projects/${b}/progress`, { ...admin, json: { percent: 80, note: '主体完工', date: new Date().toISOString().slice(0, 10) } }));
  ok(await server.call('PUT', `/api/projects/${a}/supervisors`, { ...admin, json: { memberIds: [hall.members[0].id], leadMemberId: hall.members[0].id } }));
  ok(await server.call('PUT', `/api/projects/${b}/supervisors`, { ...admin, json: { memberIds: [hall.members[0].id, hall.members[1].id], leadMemberId: hall.members[1].id } }));
  open = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { ...presider, json: { kind: 'selection', title: '2028年民生实事项目票决', projectIds: rest, seats: 2 } })).id;
  ok(await server.call('POST', `/api/ballots/${open}/open`, presider));
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('the tablet', () => {
  it('the review step names the candidates left unmarked (a second tap on 赞成 unmarks), zh and en', async () => {
    const [, , c, d, e] = hall.projectIds;
    const titles = (ok(await server.call('GET', `/api/ballots/${open}`, { token: hall.presiderToken })).options as { id: string; title: string }[]);
    const title = (id: string) => titles.find((o) => o.id === id)!.title;
    for (const [i, lang] of (['zh-CN', 'en'] as const).entries()) {
      const page = await tab('landscape');
      await page.goto('/tablet');
      await page.evaluate((l) => localStorage.setItem('minsheng.lang', l), lang);
      await memberSignIn(page, hall.members[1 + i].code);
      await page.goto(`/tablet/${hall.sessionId}`);
      await page.getByTestId('ballot-form').waitFor();
      await page.getByTestId(`choice-${c}-yes`).click();
      await page.getByTestId(`choice-${d}-yes`).click();
      await page.getByTestId(`choice-${d}-yes`).click(); // tapped again: unmarked, counts as 弃权
      await expectAttr(page.getByTestId(`choice-${d}-yes`), 'aria-checked', 'false');
      await page.getByTestId('review-button').click();
      const note = page.getByTestId('review-unmarked');
      await expectAttr(note, 'data-count', '2');
      await expectText(note, lang === 'zh-CN' ? /以下 2 项未标记，将计为弃权：/ : /These 2 items are not marked and will count as abstentions:/);
      expect(await page.getByTestId(`review-unmarked-${d}`).textContent()).toBe(title(d));
      expect(await page.getByTestId(`review-unmarked-${e}`).textContent()).toBe(title(e));
      expect(await page.getByTestId(`review-unmarked-${c}`).count()).toBe(0);
      await check(page, `review-unmarked-${lang}`, false);
      if (i === 0) {
        // everything marked: said too, and the vote goes through
        await page.getByTestId('back-button').click();
        await page.getByTestId(`choice-${d}-no`).click();
        await page.getByTestId(`choice-${e}-abstain`).click();
        await page.getByTestId('review-button').click();
        await expectAttr(page.getByTestId('review-unmarked'), 'data-count', '0');
        await expectText(page.getByTestId('review-unmarked'), '所有候选项目都已标记。');
        await page.getByTestId('confirm-button').click();
        await page.getByTestId('receipt-code').waitFor();
      }
    }
  });

  it('我督办的项目: chips apart from the text, every progress bar on the same track', async () => {
    const [a, b] = hall.projectIds;
    for (const lang of ['zh-CN', 'en'] as const) {
      const page = await tab('portrait');
      await page.goto('/tablet');
      await page.evaluate((l) => localStorage.setItem('minsheng.lang', l), lang);
      await memberSignIn(page, hall.members[0].code);
      await page.goto('/tablet/projects');
      await page.getByTestId(`my-project-${a}`).waitFor();
      await page.getByTestId(`my-project-${b}`).waitFor();
      const boxes = await page.evaluate((ids) => ids.map((id) => document.querySelector<HTMLElement>(`[data-testid="my-project-${id}"]`)!).map((card) => {
        const meta = Array.from(card.querySelectorAll<HTMLElement>('.session-list__meta > *')).map((el) => el.getBoundingClientRect());
        const gaps = meta.slice(1).map((r, i) => (Math.abs(r.top - meta[i].top) < 2 ? r.left - meta[i].right : 99));
        const bar = card.querySelector('.progress')!.getBoundingClientRect();
        const fill = card.querySelector('.progress__fill')!.getBoundingClientRect();
        return { gaps, bar: { left: bar.left, width: bar.width }, fill: fill.width, percent: Number(card.querySelector('.progress')!.getAttribute('aria-valuenow')) };
      }), [a, b]);
      expect(boxes).toHaveLength(2);
      for (const x of boxes) {
        // chips and text never touch (they ran together: "整改中县教育局")
        for (const g of x.gaps) expect(g).toBeGreaterThanOrEqual(6);
        expect(x.bar.width).toBeGreaterThan(300);
        expect(Math.abs(x.fill - (x.bar.width * x.percent) / 100)).toBeLessThan(2);
      }
      // the same track for every project
      expect(Math.abs(boxes[0].bar.width - boxes[1].bar.width)).toBeLessThan(1);
      expect(Math.abs(boxes[0].bar.left - boxes[1].bar.left)).toBeLessThan(1);
      await check(page, `my-projects-${lang}`, false);
    }
  });
});
