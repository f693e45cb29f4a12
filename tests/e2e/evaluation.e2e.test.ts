// 评议 on the hall screens (issue 24): a scored evaluation (无记名打分) of four departments, voted on two
// 1024×768 tablets by typing scores (and a − / + step), with the review step listing every score; then closed,
// published and shown on the 1920×1080 big screen with ranks and flags in words. Chinese and English, axe clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ok, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, openTab, screenshots, type Tab } from './support/browser.js';
import { presiderLogin, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { apiVote, clickConfirmed, expectAttr, expectText, memberSignIn, staffSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let hall: Hall;
let ballotId = '';
let ids: string[] = [];
const tabs: Tab[] = [];
let consolePage: Page;
const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);
const departments = ['县教育局', '县卫生健康委员会', '县交通运输局', '县住房和城乡建设局'];
// means 90, 80, 80, 60 → ranks 1, 2, 2, 4; one red and one black flag, the rest yellow
const scores = [[90, 80, 70, 60], [90, 80, 90, 60]];

beforeAll(async () => {
  shot = screenshots('evaluation');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await server.hall({ members: 2, projects: 1, checkIn: 'all' });
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('a scored evaluation', () => {
  it('the presider creates it in the console: 无记名打分, four departments typed one a line, one red and one black flag', async () => {
    consolePage = await tab('laptop');
    const page = consolePage;
    const login = await presiderLogin(server, hall);
    await staffSignIn(page, login.username, login.password, '/console');
    await page.getByTestId(`session-${hall.sessionId}`).click();
    await page.waitForURL(new RegExp(`/console/${hall.sessionId}$`));
    await page.getByTestId('ballot-create-button').click();
    await page.getByTestId('ballot-create-form').waitFor();
    await page.getByTestId('ballot-kind').selectOption('evaluation');
    await page.getByTestId('ballot-title').fill('2027年度部门工作评议');
    await page.getByTestId('eval-form').selectOption('score');
    // the presider may not list the body's departments: no such button, typed lines instead
    expect(await page.getByTestId('eval-departments-fill').count()).toBe(0);
    // nothing to evaluate yet: said, and nothing is created
    await page.getByTestId('ballot-create-submit').click();
    await expectText(page.locator('#eval-subjects-error'), '请至少选择一个评议对象。');
    await page.getByTestId('eval-departments').fill(`${departments.join('\n')}\n\n${departments[0]}\n`);
    await page.getByTestId('eval-red').fill('1');
    await page.getByTestId('eval-black').fill('1');
    expect(await page.locator('#eval-subjects-error').count()).toBe(0); // the complaint goes once a subject is typed
    await check(page, 'console-create-zh-CN');
    await page.getByTestId('ballot-create-submit').click();
    const detail = page.getByTestId('ballot-detail');
    await expectAttr(detail, 'data-state', 'draft');
    ballotId = (await detail.getAttribute('data-ballot-id'))!;
    const b = ok(await server.call('GET', `/api/ballots/${ballotId}`, { token: hall.presiderToken }));
    // blank and repeated lines dropped, the order kept
    expect(b).toMatchObject({ kind: 'evaluation', form: 'score', scale: { min: 0, max: 100 }, flags: { red: 1, black: 1 } });
    expect(b.options.map((o: { title: string }) => o.title)).toEqual(departments);
    ids = b.options.map((o: { id: string }) => o.id);
    await clickConfirmed(page, 'ballot-open', 'confirm-open');
    await expectAttr(detail, 'data-state', 'open');
  });

  it('two members type their scores on the tablet, review every score and get a receipt (zh and en)', async () => {
    for (const [i, lang] of (['zh-CN', 'en'] as const).entries()) {
      const page = await tab('landscape');
      await page.goto('/tablet');
      await page.evaluate((l) => localStorage.setItem('minsheng.lang', l), lang);
      await memberSignIn(page, hall.members[i].code);
      await page.goto(`/tablet/${hall.sessionId}`);
      await page.getByTestId('ballot-form').waitFor();
      // every field is labelled with its subject's name and bounded by the scale
      for (const [j, id] of ids.entries()) {
        const field = page.getByLabel(departments[j], { exact: true });
        expect(await field.getAttribute('data-testid')).toBe(`score-${id}`);
        expect(await field.getAttribute('inputmode')).toBe('numeric');
        expect([await field.getAttribute('min'), await field.getAttribute('max')]).toEqual(['0', '100']);
      }
      expect(await page.getByTestId('review-button').isDisabled()).toBe(true);
      // a score out of the scale is said plainly and keeps the review closed
      await page.getByTestId(`score-${ids[0]}`).fill('120');
      await expectAttr(page.getByTestId(`score-${ids[0]}`), 'aria-invalid', 'true');
      await expectText(page.locator('.score-row .field-error'), lang === 'zh-CN' ? '请填写 0–100 之间的整数。' : 'Enter a whole number from 0 to 100.');
      await check(page, `scores-invalid-${lang}`, false);
      const s = scores[i];
      await page.getByTestId(`score-${ids[0]}`).fill(String(s[0]));
      await page.getByTestId(`score-${ids[1]}`).fill(String(s[1]));
      // the third by typing one less and stepping up once
      await page.getByTestId(`score-${ids[2]}`).fill(String(s[2] - 1));
      await page.getByTestId(`score-plus-${ids[2]}`).click();
      await expectAttr(page.getByTestId(`score-${ids[2]}`), 'value', String(s[2]));
      expect(await page.getByTestId('review-button').isDisabled()).toBe(true);
      await page.getByTestId(`score-${ids[3]}`).fill(String(s[3]));
      await expectText(page.getByTestId('ballot-hint'), lang === 'zh-CN' ? /已全部打分。$/ : /All scored\.$/);
      await check(page, `scores-filled-${lang}`, false);
      await page.getByTestId('review-button').click();
      for (const [j, id] of ids.entries()) {
        await expectAttr(page.getByTestId(`review-row-${id}`).locator('strong'), 'data-score', String(s[j]));
        await expectText(page.getByTestId(`review-row-${id}`).locator('strong'), lang === 'zh-CN' ? `${s[j]} 分` : `${s[j]} points`);
      }
      await check(page, `review-${lang}`, false);
      await page.getByTestId('confirm-button').click();
      await page.getByTestId('receipt-code').waitFor();
      await check(page, `receipt-${lang}`, false);
    }
    // the presider's live tally: two scores each, and their mean so far
    for (const [j, id] of ids.entries()) {
      await expectText(consolePage.getByTestId(`tally-count-${id}`), '2');
      await expectText(consolePage.getByTestId(`tally-mean-${id}`), ((scores[0][j] + scores[1][j]) / 2).toFixed(2));
    }
    await check(consolePage, 'console-tally-zh-CN');
    await consolePage.getByTestId('lang-en').click();
    await expectText(consolePage.getByTestId('tally').locator('thead th').first(), 'Evaluated');
    await check(consolePage, 'console-tally-en');
  });

  it('closed and published: the big screen ranks the departments with flags in words, without overflow', async () => {
    const presider = { token: hall.presiderToken };
    ok(await server.call('POST', `/api/ballots/${ballotId}/close`, presider));
    // the box holds the integers as typed
    const box = ok(await server.call('GET', `/api/ballots/${ballotId}/box`, presider));
    expect(box.entries.map((e: { choices: Record<string, number> }) => ids.map((id) => e.choices[id])).sort()).toEqual([...scores].sort());
    ok(await server.call('POST', `/api/ballots/${ballotId}/publish`, presider));
    const screen = await openTab(browser, server.url, 'screen', { bypassCSP: true });
    tabs.push(screen);
    const { page } = screen;
    const { token } = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, presider)) as { token: string };
    await page.goto(`/screen/${hall.sessionId}#token=${encodeURIComponent(token)}`);
    const flags = { 'zh-CN': ['红旗', '黄旗', '黄旗', '黑旗'], en: ['Red flag', 'Yellow flag', 'Yellow flag', 'Black flag'] };
    for (const lang of ['zh-CN', 'en'] as const) {
      await page.evaluate((l) => localStorage.setItem('minsheng.lang', l), lang);
      await page.reload();
      await page.getByTestId('result-scores').waitFor();
      for (const [j, id] of ids.entries()) {
        await expectAttr(page.getByTestId(`result-row-${id}`), 'data-rank', String([1, 2, 2, 4][j]));
        await expectText(page.getByTestId(`result-row-${id}`).locator('.flag'), flags[lang][j]);
      }
      // nothing runs past the 1920×1080 screen
      const outside = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('[data-testid^="result-row-"], .result__scores, .screen__head'))
        .filter((el) => { const r = el.getBoundingClientRect(); return r.right > innerWidth + 1 || r.bottom > innerHeight + 1 || el.scrollWidth > el.clientWidth + 1; })
        .map((el) => el.getAttribute('data-testid') ?? el.className));
      expect(outside).toEqual([]);
      await check(page, `screen-result-${lang}`, false);
    }
  });
});

describe('a graded evaluation (述职评议 of two members)', () => {
  it('the tablet rates every member with 满意/基本满意/不满意, reviews, and the big screen shows the grades', async () => {
    const presider = { token: hall.presiderToken };
    const b = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { ...presider, json: {
      kind: 'evaluation', title: '代表述职评议', form: 'grade', subjects: hall.members.map((m) => ({ kind: 'member', memberId: m.id })),
    } }));
    const [a, c] = b.options.map((o: { id: string }) => o.id);
    ok(await server.call('POST', `/api/ballots/${b.id}/open`, presider));
    const page = await tab('landscape');
    await page.goto('/tablet');
    await page.evaluate(() => localStorage.setItem('minsheng.lang', 'en'));
    await memberSignIn(page, hall.members[0].code);
    await page.goto(`/tablet/${hall.sessionId}`);
    await expectAttr(page.getByTestId('ballot-form'), 'data-ballot-id', b.id);
    await expectText(page.getByTestId('ballot-hint'), /^Rate every subject/);
    await page.getByTestId(`choice-${a}-satisfied`).click();
    expect(await page.getByTestId('review-button').isDisabled()).toBe(true);
    await page.getByTestId(`choice-${c}-basic`).click();
    await check(page, 'graded-en', false);
    await page.getByTestId('review-button').click();
    await expectText(page.getByTestId(`review-row-${a}`).locator('strong'), 'Satisfied');
    await check(page, 'graded-review-en', false);
    await page.getByTestId('confirm-button').click();
    await page.getByTestId('receipt-code').waitFor();
    await apiVote(server, hall.members[1].token, b.id, { [a]: 'satisfied', [c]: 'unsatisfied' });
    ok(await server.call('POST', `/api/ballots/${b.id}/close`, presider));
    ok(await server.call('POST', `/api/ballots/${b.id}/publish`, presider));
    const result = ok(await server.call('GET', `/api/ballots/${b.id}/result`));
    expect(result).toMatchObject({ kind: 'evaluation', form: 'grade', cast: 2 });

    const screen = await openTab(browser, server.url, 'screen', { bypassCSP: true });
    tabs.push(screen);
    const { token } = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, presider)) as { token: string };
    await screen.page.goto(`/screen/${hall.sessionId}#token=${encodeURIComponent(token)}`);
    await expectAttr(screen.page.getByTestId('screen-result'), 'data-ballot-id', b.id);
    await screen.page.getByTestId(`result-row-${a}`).waitFor();
    await screen.page.getByTestId(`result-row-${c}`).waitFor();
    await check(screen.page, 'graded-screen-zh-CN', false);
  });
});

describe('a county-size evaluation', () => {
  it('twenty departments page through the 1920×1080 screen ten at a time, every rank and flag readable', async () => {
    const presider = { token: hall.presiderToken };
    const names = Array.from({ length: 20 }, (_, i) => `县直部门第${i + 1}号（含下属单位）`);
    const b = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { ...presider, json: {
      kind: 'evaluation', title: '2027年度县直部门工作评议（无记名打分）', form: 'score', subjects: names.map((name) => ({ kind: 'department', name })), flags: { red: 3, black: 2 },
    } }));
    const subjectIds: string[] = b.options.map((o: { id: string }) => o.id);
    ok(await server.call('POST', `/api/ballots/${b.id}/open`, presider));
    for (const [k, m] of hall.members.entries()) await apiVote(server, m.token, b.id, Object.fromEntries(subjectIds.map((id, j) => [id, 40 + j * 3 - k])));
    ok(await server.call('POST', `/api/ballots/${b.id}/close`, presider));
    ok(await server.call('POST', `/api/ballots/${b.id}/publish`, presider));
    const screen = await openTab(browser, server.url, 'screen', { bypassCSP: true });
    tabs.push(screen);
    const { page } = screen;
    const { token } = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, presider)) as { token: string };
    await page.goto(`/screen/${hall.sessionId}#token=${encodeURIComponent(token)}`);
    for (const lang of ['zh-CN', 'en'] as const) {
      await page.evaluate((l) => localStorage.setItem('minsheng.lang', l), lang);
      await page.reload();
      await expectAttr(page.getByTestId('screen-result'), 'data-ballot-id', b.id);
      // the screen pages long results (ten rows a page, turning by itself)
      const shown = () => page.locator('[data-testid^="result-row-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!).sort().join());
      expect(await page.locator('[data-testid^="result-row-"]').count()).toBe(10);
      // paged by rank: the first page holds ranks 1–10 (the subjects listed last scored best)
      const firstRanks = await page.locator('[data-testid^="result-row-"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rank'))));
      expect(firstRanks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const outside = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('[data-testid^="result-row-"], .result__scores'))
        .filter((el) => { const r = el.getBoundingClientRect(); return r.right > innerWidth + 1 || r.bottom > innerHeight + 1; })
        .map((el) => el.getAttribute('data-testid') ?? el.className));
      expect(outside).toEqual([]);
      // the type stays readable from the back of the hall
      const px = await page.locator('.result__scores td').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(px).toBeGreaterThanOrEqual(18);
      await check(page, `screen-20-${lang}`, false);
      if (lang === 'zh-CN') {
        const first = await shown();
        await expect.poll(shown, { timeout: 20_000, interval: 250 }).not.toBe(first);
        expect(await page.locator('[data-testid^="result-row-"]').count()).toBe(10);
        await check(page, 'screen-20-page2-zh-CN', false);
      }
    }
  });
});
