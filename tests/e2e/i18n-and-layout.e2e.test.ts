// Language and layout: every screen in Simplified Chinese by default and in English after the
// switch (no raw i18n keys, no Chinese interface text left in English), numbers, dates and 万元 per
// locale; no horizontal scroll at 768 px (and 390 px on the public pages); tablet touch targets
// of at least 48 px in portrait and landscape.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ok } from '../helpers/fixtures.js';
import { launchBrowser, openTab, pageText, screenshots, type Tab, type ViewportName } from './support/browser.js';
import { presiderLogin, startE2EServer, type E2EServer } from './support/server.js';
import { ballotAction, createBallot, projectPool, publishedAndDraft, type Scenario } from './support/scenario.js';
import { apiVote, expectAttr, inBatches, memberSignIn, staffSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let sc: Scenario;
let shot: ReturnType<typeof screenshots>;
const tabs: Tab[] = [];

// ---- what the translations say
type Tree = { [k: string]: string | Tree };
const i18nDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/src/i18n');
const catalogs = fs.readdirSync(i18nDir).filter((f) => f.endsWith('.json'));
const load = (f: string) => JSON.parse(fs.readFileSync(path.join(i18nDir, f), 'utf8')) as Tree;
const flat = (o: Tree): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : flat(v)));
/** Top-level names of every catalogue: a visible `tablet.signIn.heading` means a missing translation. */
const namespaces = [...new Set(catalogs.flatMap((f) => Object.keys(load(f))))];
/** Chinese interface strings (without placeholders) that must not be left on an English screen. */
const zhValues = catalogs.filter((f) => /zh/i.test(f)).flatMap((f) => flat(load(f)))
  .filter((v) => /[\u4e00-\u9fff]/.test(v) && !v.includes('{{'))
  .map((v) => v.trim());
const enValues = new Set(catalogs.filter((f) => /(^|\.)en\.json$/.test(f)).flatMap((f) => flat(load(f))));

function rawKeysIn(text: string): string[] {
  const re = new RegExp(`(?<![\\w/.-])(?:${namespaces.join('|')})\\.[a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*`, 'g');
  return [...new Set(text.match(re) ?? [])].filter((k) => !/\.(json|jws)$/.test(k));
}

/** Data shown on the pages (names, titles): Chinese in both languages, so not a missed translation. */
let dataStrings: string[] = [];
function chineseLeftIn(text: string): string[] {
  return [...new Set(zhValues.filter((v) => !enValues.has(v) && text.includes(v) && !dataStrings.some((d) => d.includes(v))))];
}

async function tab(viewport: ViewportName) {
  const t = await openTab(browser, server.url, viewport);
  tabs.push(t);
  return t;
}

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const el = document.documentElement;
    const offenders: string[] = [];
    if (el.scrollWidth > el.clientWidth) {
      for (const n of Array.from(document.querySelectorAll('body *'))) {
        const r = n.getBoundingClientRect();
        if (r.right > el.clientWidth + 1 && r.width > 0) {
          offenders.push(`${n.tagName.toLowerCase()}${n.getAttribute('data-testid') ? `[${n.getAttribute('data-testid')}]` : ''}.${String((n as HTMLElement).className).split(' ')[0]} right=${Math.round(r.right)}`);
        }
      }
    }
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, offenders: offenders.slice(0, 8) };
  });
}

async function expectNoHorizontalScroll(page: Page, label: string) {
  const o = await horizontalOverflow(page);
  expect(o.scrollWidth, `${label}: page scrolls sideways (${o.scrollWidth} > ${o.clientWidth}): ${o.offenders.join(', ')}`).toBeLessThanOrEqual(o.clientWidth);
}

async function expectTargets(page: Page, testIds: string[], label: string) {
  for (const id of testIds) {
    const loc = page.getByTestId(id);
    await loc.first().waitFor();
    const n = await loc.count();
    expect(n, `${label}: ${id} present`).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const box = await loc.nth(i).boundingBox();
      expect(box, `${label}: ${id} visible`).not.toBeNull();
      expect(Math.round(box!.height), `${label}: ${id} height`).toBeGreaterThanOrEqual(48);
      expect(Math.round(box!.width), `${label}: ${id} width`).toBeGreaterThanOrEqual(48);
    }
  }
}

interface Screen {
  name: string;
  /** brings the page to the screen, ready */
  ready: (page: Page) => Promise<void>;
  /** checks in each language (formats) */
  zh?: (page: Page, text: string) => void | Promise<void>;
  en?: (page: Page, text: string) => void | Promise<void>;
  /** no horizontal scroll expected at this viewport */
  noScroll?: boolean;
  /** a screen without controls (the hall's big screen): the language is the browser's stored choice */
  noSwitch?: boolean;
}

/** Chooses the language: the switch, or (a screen without one) the stored choice and a reload. */
async function choose(page: Page, s: Screen, lng: 'zh-CN' | 'en') {
  if (!s.noSwitch) {
    await page.getByTestId(`lang-${lng}`).click();
    await expectAttr(page.getByTestId(`lang-${lng}`), 'aria-pressed', 'true');
    return;
  }
  await page.evaluate((l) => localStorage.setItem('minsheng.lang', l), lng);
  await page.reload();
  await s.ready(page);
  expect(await page.locator('.lang-switch, button').count(), `${s.name}: no controls`).toBe(0);
}

/**
 * The screen in zh-CN (the default), then English after pressing the switch, then back:
 * html lang, aria-pressed, changed text, no raw keys, no Chinese interface text in English.
 */
async function bothLanguages(t: Tab, s: Screen) {
  const { page } = t;
  await s.ready(page);
  if (!s.noSwitch) await expectAttr(page.getByTestId('lang-zh-CN'), 'aria-pressed', 'true');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  const zh = await pageText(page);
  expect(rawKeysIn(zh), `${s.name} (zh-CN): raw i18n keys`).toEqual([]);
  expect(zh).toMatch(/[\u4e00-\u9fff]/);
  await s.zh?.(page, zh);
  if (s.noScroll !== false) await expectNoHorizontalScroll(page, `${s.name} (zh-CN)`);
  await shot(page, `${s.name}-zh`);

  await choose(page, s, 'en');
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  await expect.poll(() => pageText(page)).not.toBe(zh);
  const en = await pageText(page);
  expect(rawKeysIn(en), `${s.name} (en): raw i18n keys`).toEqual([]);
  expect(chineseLeftIn(en), `${s.name} (en): Chinese interface text left untranslated`).toEqual([]);
  await s.en?.(page, en);
  if (s.noScroll !== false) await expectNoHorizontalScroll(page, `${s.name} (en)`);
  await shot(page, `${s.name}-en`);

  // the choice is kept across a reload
  await page.reload();
  if (!s.noSwitch) await expectAttr(page.getByTestId('lang-en'), 'aria-pressed', 'true');
  else await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  await choose(page, s, 'zh-CN');
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
}

beforeAll(async () => {
  shot = screenshots('i18n-and-layout');
  browser = await launchBrowser();
  server = await startE2EServer();
  sc = await publishedAndDraft(server, { members: 12, notCheckedIn: 2 });
  const body = (ok(await server.call('GET', '/api/bodies')) as { id: string; name: string }[]).find((b) => b.id === sc.hall.bodyId)!;
  const session = ok(await server.call('GET', `/api/sessions/${sc.hall.sessionId}`, { token: sc.hall.presiderToken })) as { name: string; ballots: { title: string }[] };
  const projects = ok(await server.call('GET', `/api/bodies/${sc.hall.bodyId}/projects`, { token: sc.hall.presiderToken })) as { title: string; department: string; category: string; description: string }[];
  const roster = ok(await server.call('GET', `/api/sessions/${sc.hall.sessionId}/roster`, { token: sc.hall.presiderToken })) as { name: string; delegation: string }[];
  dataStrings = [
    body.name, session.name, ...session.ballots.map((b) => b.title),
    ...projects.flatMap((p) => [p.title, p.department, p.category, p.description]),
    ...roster.flatMap((m) => [m.name, m.delegation]),
  ];
});

afterAll(async () => {
  for (const t of tabs) await t.context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  expect(tabs.flatMap((t) => t.problems)).toEqual([]);
});

describe('every screen in zh-CN by default and in English after the switch', () => {
  it('public pages on a phone (390 px) and a tablet (768 px)', async () => {
    const { hall, publishedId } = sc;
    for (const viewport of ['phone', 'portrait'] as const) {
      const t = await tab(viewport);
      await bothLanguages(t, {
        name: 'public-home',
        ready: async (p) => { await p.goto('/'); await p.getByTestId(`body-${hall.bodyId}`).waitFor(); },
        en: (_p, text) => expect(text).toMatch(/people's congress/i),
      });
      await bothLanguages(t, {
        name: 'public-body',
        ready: async (p) => { await p.goto(`/bodies/${hall.bodyId}`); await p.getByTestId(`result-link-${publishedId}`).waitFor(); },
        zh: (_p, text) => expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/),
        en: (_p, text) => { expect(text).toMatch(/Published results/); expect(text).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}/); },
      });
      await bothLanguages(t, {
        name: 'public-result',
        ready: async (p) => { await p.goto(`/results/${publishedId}`); await expectAttr(p.getByTestId('digest-status'), 'data-result', 'pass'); },
        zh: (_p, text) => expect(text).toMatch(/校验通过/),
        en: (_p, text) => { expect(text).toMatch(/Verified/); expect(text).toMatch(/Selected projects/); },
      });
    }
    const t = tabs[tabs.length - 1];
    await bothLanguages(t, {
      name: 'not-found',
      ready: async (p) => { await p.goto('/no/such/page'); await p.getByTestId('lang-switch').waitFor(); },
    });
  });

  it('tablet: sign-in, sessions, check-in, voting, review and receipt (768 px portrait, 1024 px landscape)', async () => {
    const { hall, draftId } = sc;
    await ballotAction(server, hall, draftId, 'open');
    const t = await tab('portrait');
    await bothLanguages(t, {
      name: 'tablet-signin',
      ready: async (p) => { await p.goto('/tablet'); await p.getByTestId('signin-code').waitFor(); },
      en: (_p, text) => expect(text).toMatch(/Member sign-in/),
    });
    await memberSignIn(t.page, hall.members[0].code);
    await bothLanguages(t, {
      name: 'tablet-sessions',
      ready: async (p) => { await p.goto('/tablet'); await p.getByTestId(`session-${hall.sessionId}`).waitFor(); },
      en: (_p, text) => expect(text).toMatch(/My sessions/),
    });
    await bothLanguages(t, {
      name: 'tablet-checkin',
      ready: async (p) => { await p.goto(`/tablet/${hall.sessionId}`); await p.getByTestId('checkin-button').waitFor(); await p.getByTestId('checkin-first').waitFor(); },
      en: (_p, text) => expect(text).toMatch(/Check in/),
    });
    await expectTargets(t.page, ['checkin-button'], 'portrait');

    await t.page.getByTestId('checkin-button').click();
    await t.page.getByTestId('ballot-form').waitFor();
    const p0 = hall.projectIds[0];
    await bothLanguages(t, {
      name: 'tablet-voting',
      ready: async (p) => { await p.goto(`/tablet/${hall.sessionId}`); await p.getByTestId('ballot-form').waitFor(); },
      // the first candidate costs 4200 万元: 4,200 万元 in Chinese, CN¥42,000,000 in English
      zh: (_p, text) => expect(text).toMatch(/4,200 万元/),
      en: (_p, text) => { expect(text).toMatch(/For/); expect(text).toMatch(/CN¥42,000,000/); },
    });

    // touch targets and layout while voting, in both orientations and both languages
    const marks = hall.projectIds.flatMap((id) => ['yes', 'no', 'abstain'].map((m) => `choice-${id}-${m}`));
    for (const lang of ['zh-CN', 'en'] as const) {
      await t.page.getByTestId(`lang-${lang}`).click();
      for (const size of [{ width: 768, height: 1024 }, { width: 1024, height: 768 }]) {
        await t.page.setViewportSize(size);
        const label = `${lang} ${size.width}x${size.height}`;
        await expectTargets(t.page, [...marks, 'review-button'], label);
        await expectNoHorizontalScroll(t.page, `tablet-voting ${label}`);
        if (size.width === 1024) await shot(t.page, `tablet-voting-landscape-${lang}`);
      }
      await t.page.setViewportSize({ width: 768, height: 1024 });
    }
    await t.page.getByTestId('lang-zh-CN').click();

    await t.page.getByTestId(`choice-${p0}-yes`).click();
    await t.page.getByTestId('review-button').click();
    await t.page.getByTestId('review-step').waitFor();
    for (const lang of ['zh-CN', 'en'] as const) {
      await t.page.getByTestId(`lang-${lang}`).click();
      for (const size of [{ width: 768, height: 1024 }, { width: 1024, height: 768 }]) {
        await t.page.setViewportSize(size);
        await expectTargets(t.page, ['confirm-button', 'back-button'], `review ${lang} ${size.width}`);
        await expectNoHorizontalScroll(t.page, `tablet-review ${lang} ${size.width}`);
        await shot(t.page, `tablet-review-${lang}`);
      }
      await t.page.setViewportSize({ width: 768, height: 1024 });
      const text = await pageText(t.page);
      expect(rawKeysIn(text)).toEqual([]);
      if (lang === 'en') expect(chineseLeftIn(text)).toEqual([]);
    }
    await t.page.getByTestId('lang-zh-CN').click();
    await t.page.getByTestId('confirm-button').click();
    await t.page.getByTestId('receipt-code').waitFor();
    await bothLanguages(t, {
      name: 'tablet-receipt',
      ready: async (p) => { await p.goto(`/tablet/${hall.sessionId}`); await p.getByTestId('receipt-code').waitFor(); },
      zh: (_p, text) => expect(text).toMatch(/已投票/),
      en: (_p, text) => expect(text).toMatch(/Voted/),
    });
  });

  it('staff sign-in, presider console (768 px) and the big screen (1920×1080)', async () => {
    const { hall } = sc;
    const t = await tab('portrait');
    await bothLanguages(t, {
      name: 'staff-signin',
      ready: async (p) => { await p.goto('/staff'); await p.getByTestId('staff-username').waitFor(); },
      en: (_p, text) => expect(text).toMatch(/Staff sign-in/),
    });
    const login = await presiderLogin(server, hall);
    await staffSignIn(t.page, login.username, login.password, '/console');
    await bothLanguages(t, {
      name: 'console-sessions',
      ready: async (p) => { await p.goto('/console'); await p.getByTestId(`session-${hall.sessionId}`).waitFor(); },
      en: (_p, text) => expect(text).toMatch(/Choose a session/),
    });
    await bothLanguages(t, {
      name: 'console-open',
      ready: async (p) => { await p.goto(`/console/${hall.sessionId}`); await p.getByTestId('tally').waitFor(); },
      en: (_p, text) => { expect(text).toMatch(/Live tally/); expect(text).toMatch(/Close ballot/); },
    });
    await t.page.getByTestId('ballot-create-button').click();
    await t.page.getByTestId('ballot-create-form').waitFor();
    await t.page.getByTestId('ballot-seats').fill('3');
    await t.page.getByTestId('ballot-projects-all').click();
    await t.page.getByTestId('ratio-warning').waitFor();
    for (const lang of ['en', 'zh-CN'] as const) {
      await t.page.getByTestId(`lang-${lang}`).click();
      const text = await pageText(t.page);
      expect(rawKeysIn(text)).toEqual([]);
      if (lang === 'en') expect(chineseLeftIn(text)).toEqual([]);
      await expectNoHorizontalScroll(t.page, `console-create ${lang}`);
      await shot(t.page, `console-create-${lang}`);
    }
    for (const tabId of ['tab-roster', 'tab-audit'] as const) {
      await t.page.getByTestId(tabId).click();
      await t.page.getByTestId(tabId === 'tab-roster' ? 'roster-counts' : 'audit-table').waitFor();
      for (const lang of ['en', 'zh-CN'] as const) {
        await t.page.getByTestId(`lang-${lang}`).click();
        const text = await pageText(t.page);
        expect(rawKeysIn(text), `${tabId} ${lang}`).toEqual([]);
        if (lang === 'en') expect(chineseLeftIn(text), `${tabId} en`).toEqual([]);
        await expectNoHorizontalScroll(t.page, `console ${tabId} ${lang}`);
        await shot(t.page, `console-${tabId.slice(4)}-${lang}`);
      }
    }

    const s = await tab('screen');
    const { token } = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/screen-token`, { token: hall.presiderToken })) as { token: string };
    await s.page.goto(`/screen/${hall.sessionId}#token=${token}`);
    await bothLanguages(s, {
      name: 'screen-turnout', noSwitch: true,
      ready: async (p) => { await p.getByTestId('screen-turnout').waitFor(); },
      en: (_p, text) => expect(text).toMatch(/Voting in progress/),
    });
    await ballotAction(server, hall, sc.draftId, 'close');
    await bothLanguages(s, {
      name: 'screen-result', noSwitch: true,
      ready: async (p) => { await p.getByTestId('screen-result').waitFor(); },
      en: (_p, text) => expect(text).toMatch(/Selected|Not passed/),
    });
  });

  it('the big screen keeps every candidate on screen, in large type: 4, 12 and 20 candidates (20 in two pages)', async () => {
    const { hall } = sc;
    const s = tabs.find((t) => t.viewport === 'screen')!;
    await s.page.evaluate(() => localStorage.setItem('minsheng.lang', 'zh-CN'));
    for (const p of projectPool.slice(hall.projectIds.length)) {
      hall.projectIds.push((ok(await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, {
        token: server.adminToken, json: { year: 2027, title: p.title, description: p.title, category: p.category, department: p.department, investment: p.investment },
      })) as { id: string }).id);
    }
    const voters = (ok(await server.call('GET', `/api/sessions/${hall.sessionId}/roster`, { token: hall.presiderToken })) as { memberId: string; present: boolean }[])
      .filter((r) => r.present).map((r) => hall.members.find((m) => m.id === r.memberId)!);
    for (const [n, minPx] of [[4, 32], [12, 24], [20, 24]] as const) {
      const ids = hall.projectIds.slice(0, n);
      const id = await createBallot(server, hall, `2027年民生实事项目票决（${n}个候选项目）`, { projectIds: ids, seats: Math.ceil(n * 0.8) });
      await ballotAction(server, hall, id, 'open');
      await inBatches(voters, 10, (m, i) => apiVote(server, m.token, id, Object.fromEntries(ids.map((p, j) => [p, (i + j) % 4 === 0 ? 'no' : 'yes']))));
      await ballotAction(server, hall, id, 'close');
      await expectAttr(s.page.getByTestId('screen-result'), 'data-ballot-id', id);
      const rowSel = '[data-testid="screen-result"] [data-testid^="result-row-"]';
      // more than 12 page through (hall-screen.e2e.test.ts): 20 are two pages of 10
      const perPage = Math.ceil(n / Math.ceil(n / 12));
      await expect.poll(() => s.page.locator(rowSel).count()).toBe(perPage);
      const fit = await s.page.evaluate((sel) => {
        const list = document.querySelector(sel)!.parentElement!.getBoundingClientRect();
        const rows = Array.from(document.querySelectorAll(sel));
        const title = parseFloat(getComputedStyle(rows[0].querySelector('.row__title') ?? rows[0]).fontSize);
        const cut = rows.map((r) => r.getBoundingClientRect()).filter((r) => r.bottom > Math.min(list.bottom, window.innerHeight) + 1 || r.right > window.innerWidth);
        return { cut: cut.length, title };
      }, rowSel);
      await shot(s.page, `screen-result-${n}-candidates`);
      expect(fit.cut, `${n} candidates: rows cut off`).toBe(0);
      expect(fit.title, `${n} candidates: project names in ${fit.title}px type`).toBeGreaterThanOrEqual(minPx);
      for (const p of ids.slice(0, perPage)) await s.page.getByTestId(`result-row-${p}`).waitFor();
    }
  });
});
