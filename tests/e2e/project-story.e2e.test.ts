// Issue 25, the public side, in Chromium on the demo county: a project's story never contradicts itself.
// Each step's text of several project pages (done, in progress, not selected, last year's) is read against the
// project's own data from the API, in both languages, on a 390×844 phone and a desktop; the county page's
// charts fit the phone and the page weighs under 350 KB gzipped; no dead ends (brand → home, /track links,
// an unknown project's way back); the notice's title said once; a rating counted at once; results of the year
// shown; plain words instead of developer commands. axe clean, no sideways scroll.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ok } from '../helpers/fixtures.js';
import { launchBrowser, screenshots, type Tab, type ViewportName } from './support/browser.js';
import { startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';

type Lang = 'zh-CN' | 'en';
interface Vote { at: string; ballotId: string; yes: number; no: number; abstain: number; base: number; cast: number; selected: boolean; status: string; notice: { id: string; number: number } | null }
interface Project {
  id: string; title: string; year: number; status: string; percent: number | null; execution: string | null;
  supporters: number; suggestions: number; suggestionsBehind: number; vote: Vote | null;
  plan: unknown; progress: unknown[]; inspections: unknown[]; grades: unknown[];
  timeline: { at: string; stage: string }[]; publicRatings: { count: number };
}

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let bodyId = '';
const tabs: Tab[] = [];
const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);
const byTitle = new Map<string, Project>();

/** A tab in a language (stored before the app starts, as the switch leaves it). */
async function langTab(viewport: ViewportName, lang: Lang): Promise<Page> {
  const page = await tab(viewport);
  await page.context().addInitScript((l) => localStorage.setItem('minsheng.lang', l), lang);
  return page;
}

const project = (part: string) => [...byTitle.values()].find((p) => p.title.includes(part))!;
const dateIn = (lang: Lang, iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(new Date(iso));

beforeAll(async () => {
  shot = screenshots('project-story');
  browser = await launchBrowser();
  server = await startE2EServer({ demo: true });
  const bodies = ok(await server.call('GET', '/api/bodies')) as { id: string; parentId: string | null }[];
  bodyId = bodies.find((b) => b.parentId)!.id;
  for (const year of [2025, 2026]) {
    const list = ok(await server.call('GET', `/api/public/bodies/${bodyId}/projects?year=${year}`)) as { id: string }[];
    for (const { id } of list) {
      const p = ok(await server.call('GET', `/api/public/projects/${id}`)) as Project;
      byTitle.set(p.id, p);
    }
  }
}, 240_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

/** Reads the page's six steps and its 大事记 and holds each against the project's data. */
async function storyAgrees(page: Page, p: Project, lang: Lang) {
  const steps = ['suggested', 'voted', 'assigned', 'progress', 'inspected', 'graded'] as const;
  const own = [true, p.status === 'selected' || p.status === 'not_selected', !!p.plan, p.progress.length > 0, p.inspections.length > 0, p.grades.length > 0];
  const done: boolean[] = [];
  for (const s of steps) done.push((await page.getByTestId(`step-mark-${s}`).getAttribute('data-done')) === 'true');
  for (let i = 0; i < steps.length; i++) {
    // a step with its facts there is done; a step behind a done one happened too
    if (own[i]) expect(done[i], `${p.title}: ${steps[i]} has happened`).toBe(true);
    if (done.slice(i + 1).some(Boolean)) expect(done[i], `${p.title}: ${steps[i]} is behind a done step`).toBe(true);
    const hidden = await page.getByTestId(`step-mark-${steps[i]}`).locator('.visually-hidden').textContent();
    if (done[i]) expect(hidden, `${p.title}: ${steps[i]}`).not.toMatch(/尚未|not yet/i);
  }

  // 点单: the real number of suggestions behind it
  const asked = (await page.getByTestId('step-suggested').textContent())!;
  if (p.suggestionsBehind > 0) {
    expect(asked).toContain(String(p.suggestionsBehind));
    expect(asked).toContain(String(p.supporters));
  } else expect(asked).toMatch(lang === 'en' ? /departments and .*representatives/ : /有关部门和人大代表提出/);

  // 代表定单: the vote's day, 赞成 of the base, the signed result and the notice
  const voted = (await page.getByTestId('step-voted').textContent())!;
  if (p.vote) {
    expect(voted).toContain(dateIn(lang, p.vote.at));
    expect(voted).toContain(lang === 'en' ? `${p.vote.yes} in favour of ${p.vote.base}` : `赞成 ${p.vote.yes} / ${p.vote.base}`);
    expect(voted).toMatch(p.vote.selected ? (lang === 'en' ? /Selected/ : /确定为民生实事项目/) : (lang === 'en' ? /Not selected/ : /未当选/));
    expect(await page.getByTestId('vote-result').getAttribute('href')).toBe(`/results/${p.vote.ballotId}`);
    expect(p.vote.notice, `${p.title}: the 2026 selection was announced`).not.toBeNull();
    expect(await page.getByTestId('vote-notice').getAttribute('href')).toBe(`/notices/${p.vote.notice!.id}`);
  } else {
    expect(voted).not.toMatch(/赞成|in favour/);
  }
  if (p.status === 'selected') expect(voted).not.toMatch(/未当选|Not selected|等待|waiting/);

  // 政府办单: the percent shown is the project's
  if (p.percent != null) expect((await page.getByTestId('project-page').textContent())!).toContain(`${p.percent}%`);

  // 大事记: by when things happened, and as many entries as the data has
  const times = await page.getByTestId('project-timeline').locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!.slice(0, 10)));
  expect(times).toHaveLength(p.timeline.length);
  expect(times, `${p.title}: 大事记 in order`).toEqual([...times].sort());
  const stages = p.timeline.map((e) => e.stage);
  if (stages.includes('assigned') && stages.includes('progress')) expect(stages.indexOf('assigned')).toBeLessThan(stages.indexOf('progress'));
}

describe('a project\'s story never contradicts itself', () => {
  const cases: [string, string][] = [['done', '明厨亮灶'], ['in-progress', '胸痛中心'], ['not-selected', '智慧停车'], ['last-year', '放心午餐']];
  for (const lang of ['zh-CN', 'en'] as const) {
    for (const [label, part] of cases) {
      it(`${label} (${part}) on a phone, ${lang}`, async () => {
        const p = project(part);
        expect(p, part).toBeTruthy();
        const page = await langTab('phone', lang);
        await page.goto(`/projects/${p.id}`);
        await page.getByTestId('project-timeline').waitFor();
        await storyAgrees(page, p, lang);
        await check(page, `project-${label}-${lang}`);
      });
    }
  }

  it('the done project on a desktop, and its notice says its number once', async () => {
    const p = project('明厨亮灶');
    const page = await langTab('desktop', 'zh-CN');
    await page.goto(`/projects/${p.id}`);
    await page.getByTestId('project-timeline').waitFor();
    await storyAgrees(page, p, 'zh-CN');
    await check(page, 'project-done-desktop');
    await page.getByTestId('vote-notice').click();
    await page.getByTestId('notice-title').waitFor();
    await page.waitForFunction(() => document.title.includes('公告'));
    expect((await page.title()).match(/第1号/g)).toHaveLength(1);
    expect(await page.getByTestId('notice').textContent()).toContain('2026');
    expect(await page.locator('body').textContent()).not.toContain('npm run');
    await check(page, 'notice-desktop');
  });
});

describe('no dead ends', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`an unknown project says so and leads home; the brand leads home (${lang})`, async () => {
      const page = await langTab('phone', lang);
      await page.goto('/projects/nosuchproject0000');
      await page.getByTestId('project-not-found').waitFor();
      await check(page, `project-not-found-${lang}`);
      await page.getByTestId('not-found-home').click();
      await page.waitForURL((u) => u.pathname === '/');
      await page.goto(`/projects/${project('路灯').id}`);
      await page.getByTestId('brand-home').click();
      await page.waitForURL((u) => u.pathname === '/');
    });

    it(`/track/<code> leads to the body, the project and home (${lang})`, async () => {
      const inbox = ok(await server.call('GET', `/api/bodies/${bodyId}/suggestions?year=2026&status=adopted`, { token: server.adminToken }));
      const rows = (inbox.items ?? inbox.rows ?? inbox) as { trackingCode: string; title: string }[];
      const code = rows[0].trackingCode;
      const page = await langTab('phone', lang);
      await page.goto(`/track/${code}`);
      await page.getByTestId('track-result').waitFor();
      await page.getByTestId('track-body-link').waitFor();
      expect(await page.getByTestId('track-body-link').getAttribute('href')).toBe(`/bodies/${bodyId}?year=2026`);
      expect(await page.getByTestId('track-links-project').getAttribute('href')).toMatch(/^\/projects\//);
      expect(await page.getByTestId('track-home').getAttribute('href')).toBe('/');
      await check(page, `track-${lang}`);
      await page.getByTestId('track-links-project').click();
      await page.getByTestId('project-page').waitFor();
    });
  }
});

describe('the county page on a phone', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`draws its charts as bars that fit 390 px and lists the results of the year shown (${lang})`, async () => {
      const page = await langTab('phone', lang);
      await page.goto(`/bodies/${bodyId}?year=2026`);
      await page.locator('[data-testid="chart-category"] canvas').waitFor();
      for (const id of ['chart-execution', 'chart-category']) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
        // one 28 px row a bar: as tall as what it shows, not a fixed donut's square
        const rows = await page.getByTestId(id).evaluate((el) => (el.getAttribute('aria-label') ?? '').split(/[，,]/).length);
        expect(Math.round(box.height), id).toBe(rows * 28 + 8);
      }
      // 票决产生 counts the year's vote: the project carried over from 2025 is said apart
      const voted2026 = [...byTitle.values()].filter((p) => p.year === 2026 && p.status === 'selected').length;
      expect(await page.getByTestId('summary-selected').textContent()).toBe(String(voted2026));
      await page.getByTestId('summary-carried').waitFor();
      const list = (await page.getByTestId('result-list').textContent())!;
      expect(list).toContain('2026 年度县级民生实事项目票决');
      expect(list).not.toContain('2025 年度民生实事项目满意度测评');
      expect(await page.locator('main').textContent()).not.toContain('npm run');
      await check(page, `body-2026-${lang}`);
      await page.goto(`/bodies/${bodyId}?year=2025`);
      await page.getByTestId('result-list').waitFor();
      await expect.poll(() => page.getByTestId('result-list').textContent()).toContain('2025 年度民生实事项目满意度测评');
      expect(await page.getByTestId('result-list').textContent()).not.toContain('2026 年度县级民生实事项目票决');
    });
  }

  it('loads under 350 KB of JavaScript and CSS, gzipped', async () => {
    const page = await tab('phone');
    const sizes: Promise<number>[] = [];
    page.on('response', (r) => {
      const type = r.request().resourceType();
      if (type === 'script' || type === 'stylesheet') sizes.push(r.body().then((b) => zlib.gzipSync(b, { level: 9 }).length).catch(() => 0));
    });
    await page.goto(`/bodies/${bodyId}`);
    await page.locator('[data-testid="chart-category"] canvas').waitFor();
    await page.waitForLoadState('networkidle');
    const kb = (await Promise.all(sizes)).reduce((a, b) => a + b, 0) / 1024;
    console.log(`public body page: ${kb.toFixed(1)} KB gzipped JS+CSS`);
    expect(kb).toBeLessThan(350);
  });
});

describe('public polish', () => {
  it('a rating is counted on the page at once', async () => {
    const p = project('路灯');
    expect(p.execution).toBe('done');
    const page = await langTab('phone', 'zh-CN');
    await page.goto(`/projects/${p.id}`);
    await page.getByTestId('rate-form').waitFor();
    const before = (await page.getByTestId('public-ratings-count').textContent())!;
    expect(before).toContain(String(p.publicRatings.count));
    await page.getByTestId('rate-basic').check();
    await page.getByTestId('rate-submit').click();
    await page.getByTestId('rate-thanks').waitFor();
    await expect.poll(() => page.getByTestId('public-ratings-count').textContent(), { timeout: 5000 }).toContain(String(p.publicRatings.count + 1));
    // and it stays counted once the server's page has caught up
    await page.waitForTimeout(2500);
    expect(await page.getByTestId('public-ratings-count').textContent()).toContain(String(p.publicRatings.count + 1));
    await check(page, 'rated');
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`a result page says how it was checked in plain words and links the verifier's page (${lang})`, async () => {
      const p = project('明厨亮灶');
      const page = await langTab('phone', lang);
      await page.goto(`/results/${p.vote!.ballotId}`);
      await page.getByTestId('verify-plain').waitFor();
      expect(await page.locator('main').textContent()).not.toContain('npm run');
      expect(await page.getByTestId('verify-docs').getAttribute('href')).toBe('/verify.html');
      const docs = await fetch(`${server.url}/verify.html`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('npm run verify');
      await check(page, `result-${lang}`);
    });
  }
});
