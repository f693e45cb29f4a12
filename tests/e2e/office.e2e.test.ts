// Issue 25, the staff's and departments' rough edges, on the demo county at a 1366×768 laptop in both
// languages: the inbox's duplicates come into view with the focus, the strong ones shown and the weak folded,
// a merge that says which one is kept and asks first; the adopt form's and the assessment's required fields
// marked and explained (no 可行 chosen for the department); the progress form's photo without a bullet and
// its 已提交 gone when a new submit fails; dates that never break in the implementation table; the English
// grades table inside its card; "· 59 days left" with its separator; screening's disabled boxes saying why.
// Every screen: axe (no serious or critical), no sideways scroll, a screenshot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ok } from '../helpers/fixtures.js';
import { launchBrowser, openTab, screenshots, type Tab } from './support/browser.js';
import { adminPassword, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker } from './support/screens.js';
import { expectAttr, expectText, staffSignIn } from './support/ui.js';
import { demoLogins } from '../../server/demo/seed.js';
import { demoDepartmentPassword } from '../../server/demo/screening.js';
import { strongDuplicateScore } from '../../shared/similarity.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
const tabs: Tab[] = [];
const check = screenChecker(() => shot);
const admin = () => ({ token: server.adminToken });
type Lang = 'zh-CN' | 'en';
const langs: Lang[] = ['zh-CN', 'en'];
let bodyId = '';
const ids: Record<string, string> = {};
/** two 2028 drafts of 县教育局: one assessed in Chinese, one left for English */
const drafts: Record<Lang, string> = { 'zh-CN': '', en: '' };
let photo = '';

// one the clerk opens, one strong duplicate (≥ the threshold), three weak ones (scores computed by the shared rule)
const TARGET = { title: '实验小学门口上下学时段交通拥堵', description: '每天放学接孩子的车把路口堵死，学生走路很不安全。', area: '城关镇' };
const STRONG = { title: '实验小学放学时门口堵得水泄不通', description: '接孩子的车太多，路口堵死，孩子过马路不安全。', area: '城关镇' };
const WEAK = [
  { title: '实验小学操场塑胶跑道翻新', description: '跑道开裂起皮，孩子上体育课容易摔倒。', area: '城关镇' },
  { title: '农贸市场门口早上交通拥堵', description: '买菜的三轮车乱停，路过的车走不动。', area: '河西乡' },
  { title: '县医院门口接送车辆乱停', description: '看病的车停在门口，救护车进出困难。', area: '城关镇' },
];

/** A laptop tab in one language (the choice is kept in localStorage, as the switch does). */
async function laptop(lang: Lang): Promise<Page> {
  const t = await openTab(browser, server.url, 'laptop');
  await t.context.addInitScript((l) => localStorage.setItem('minsheng.lang', l), lang);
  tabs.push(t);
  return t.page;
}

const inView = (loc: Locator) => loc.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.top < window.innerHeight;
});

beforeAll(async () => {
  shot = screenshots('office');
  browser = await launchBrowser();
  server = await startE2EServer({ demo: true });
  const bodies = ok(await server.call('GET', '/api/bodies', admin())) as { id: string; name: string }[];
  bodyId = bodies.find((b) => b.name === '清河县人民代表大会常务委员会')!.id;
  // sent by the clerk (a signed-in clerk is not rate-limited) into the demo's open 2028 window, newest last:
  // the inbox lists them first, above the demo's own
  for (const [key, s] of [['strong', STRONG], ...WEAK.map((w, i) => [`weak${i}`, w] as const), ['target', TARGET]] as const) {
    ids[key] = (ok(await server.call('POST', `/api/bodies/${bodyId}/suggestions`, { ...admin(), json: { ...s, category: '交通出行' } })) as { id: string }).id;
  }
  for (const lang of langs) {
    drafts[lang] = (ok(await server.call('POST', `/api/bodies/${bodyId}/projects`, {
      ...admin(), json: { year: 2028, title: lang === 'en' ? '乡镇中心幼儿园扩建' : '城区中小学校园安全设施改造', description: '改善办学条件', category: '教育', department: '县教育局', investment: 600 },
    })) as { id: string }).id;
  }
  photo = path.join(os.tmpdir(), `office-e2e-${process.pid}.jpg`);
  fs.writeFileSync(photo, await sharp({ create: { width: 800, height: 600, channels: 3, background: '#6a8' } }).jpeg().toBuffer());
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  fs.rmSync(photo, { force: true });
  await browser?.close();
  await server?.close();
});

describe('the inbox\'s duplicates', () => {
  const words = {
    'zh-CN': { weak: /^还有 \d+ 条相似度较低$/, button: `并入「${TARGET.title}」`, title: `把「${STRONG.title}」并入「${TARGET.title}」，保留「${TARGET.title}」？`, undo: /不能撤销/ },
    en: { weak: /^\d+ more, less similar$/, button: `Merge into “${TARGET.title}”`, title: `Merge “${STRONG.title}” into “${TARGET.title}” and keep “${TARGET.title}”?`, undo: /cannot be undone/ },
  };
  // English first: it asks and goes back; then Chinese merges.
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`${lang}: a title brings its duplicates into view with the focus; the weak ones are folded; a merge says which one is kept and asks`, async () => {
      const page = await laptop(lang);
      await staffSignIn(page, 'admin', adminPassword, '/admin');
      await page.goto(`/admin/${bodyId}/suggestions?year=2028`);
      const row = page.getByTestId(`inbox-row-${ids.target}`);
      await row.getByTestId('inbox-open-similar').click();
      const drawer = page.getByTestId('similar-drawer');
      await drawer.getByTestId('similar-item').first().waitFor();
      // below a table of 50 rows: the panel must come to the reader, and the focus with it
      await expect.poll(() => inView(drawer)).toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('similar-heading');
      // strong ones shown, at or above the shared threshold; the weak ones folded, each below it
      const strong = drawer.getByTestId('similar-strong').getByTestId('similar-item');
      await expectText(strong.filter({ hasText: STRONG.title }), new RegExp(STRONG.title));
      for (const text of await strong.allTextContents()) expect(Number(text.match(/(\d+)%/)![1]) / 100).toBeGreaterThanOrEqual(strongDuplicateScore - 0.005);
      const weak = drawer.getByTestId('similar-weak');
      await expectText(weak.locator('summary'), words[lang].weak);
      expect(await weak.getByTestId('similar-item').first().isVisible()).toBe(false);
      await weak.locator('summary').click();
      for (const w of WEAK) await expectText(weak.getByTestId('similar-item').filter({ hasText: w.title }), new RegExp(w.title));
      for (const text of await weak.getByTestId('similar-item').allTextContents()) expect(Number(text.match(/(\d+)%/)![1]) / 100).toBeLessThan(strongDuplicateScore);
      await check(page, `inbox-duplicates-${lang}`);
      // the button names the one that stays; the dialog says it in full and that it cannot be undone
      const button = strong.filter({ hasText: STRONG.title }).getByTestId('merge-here');
      await expectText(button, words[lang].button);
      await button.click();
      const dialog = page.getByTestId('merge-dialog');
      await expectText(dialog.locator('h2'), words[lang].title);
      await expectText(page.getByTestId('merge-dialog-body'), words[lang].undo);
      // the safe button has the focus: a hasty Enter merges nothing
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('merge-dialog-cancel');
      await check(page, `inbox-merge-dialog-${lang}`, false);
      if (lang === 'en') {
        await page.keyboard.press('Enter');
        expect(await dialog.isVisible()).toBe(false);
        const s = ok(await server.call('GET', `/api/bodies/${bodyId}/suggestions?year=2028&q=${encodeURIComponent(STRONG.title)}`, admin())) as { items: { id: string; status: string }[] };
        expect(s.items.find((x) => x.id === ids.strong)!.status).toBe('received');
      } else {
        await page.getByTestId('merge-dialog-confirm').click();
        await expectText(page.getByTestId('merge-done'), new RegExp(`已把「${STRONG.title}」并入「${TARGET.title}」，现有 2 位群众`));
        await expectText(page.getByTestId(`inbox-row-${ids.strong}`).getByTestId('inbox-status'), '已合并');
        await check(page, 'inbox-merged-zh-CN');
        // closing it puts the focus back on the title that opened it
        await drawer.getByRole('button', { name: '关闭' }).click();
        await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(TARGET.title);
      }
    });
  }
});

describe('adopting and assessing: required fields are marked and explained', () => {
  for (const lang of langs) {
    it(`${lang}: the adopt form marks its required fields and says what is missing`, async () => {
      const page = await laptop(lang);
      await staffSignIn(page, 'admin', adminPassword, '/admin');
      await page.goto(`/admin/${bodyId}/suggestions?year=2028`);
      await page.getByTestId(`inbox-row-${ids.weak0}`).getByTestId('row-select').check();
      await page.getByTestId(`inbox-row-${ids.weak1}`).getByTestId('row-select').check();
      // merging several at once says which one is kept, too
      await page.getByTestId('bulk-merge').click();
      await page.getByTestId('bulk-into').selectOption(ids.weak1);
      await expectText(page.getByTestId('bulk-merge-what'), lang === 'en'
        ? `“${WEAK[1].title}” is kept; the other 1 is merged into it. A merge cannot be undone.` : `保留「${WEAK[1].title}」，其余 1 条并入它；合并后不能撤销。`);
      await page.getByTestId('bulk-adopt').click();
      const department = page.getByTestId('adopt-department');
      await expectAttr(department, 'aria-required', 'true');
      await expectAttr(page.getByTestId('adopt-title'), 'aria-required', 'true');
      const mark = lang === 'en' ? '(required)' : '（必填）';
      await expectText(page.locator('label[for="adopt-department"]'), new RegExp(`${lang === 'en' ? 'Responsible department' : '承办单位'}\\s*${mark.replace(/[()]/g, '\\$&')}`));
      // the button is not silently dead: it says what is missing, beside the field, and takes the focus there
      expect(await page.getByTestId('adopt-confirm').isDisabled()).toBe(false);
      await page.getByTestId('adopt-confirm').click();
      await expectText(page.getByTestId('adopt-department-error'), lang === 'en' ? /^Enter the responsible department/ : /^请填写承办单位/);
      await expectAttr(department, 'aria-invalid', 'true');
      await expectAttr(department, 'aria-describedby', 'adopt-department-error');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('adopt-department');
      await check(page, `adopt-required-${lang}`);
      await department.fill('县公安局交通管理大队');
      expect(await page.getByTestId('adopt-department-error').count()).toBe(0);
    });

    it(`${lang}: the assessment has no 可行 chosen; the department must choose`, async () => {
      const page = await laptop(lang);
      await staffSignIn(page, demoLogins.department.username, demoDepartmentPassword, '/dept');
      const work = page.getByTestId(`work-${drafts[lang]}`);
      await work.getByTestId('assess-open').click();
      expect(await page.getByTestId('assess-feasible-yes').isChecked()).toBe(false);
      expect(await page.getByTestId('assess-feasible-no').isChecked()).toBe(false);
      await expectAttr(page.getByTestId('assess-feasible'), 'aria-required', 'true');
      await expectAttr(page.getByTestId('assess-reason'), 'aria-required', 'true');
      await expectText(page.getByTestId('assess-feasible').locator('legend'), lang === 'en' ? /Feasible\?.*\(required\)|\(required\)/ : /是否可行（必填）/);
      await page.getByTestId('assess-reason').fill('校园安防设施老化，县级财政可以安排。');
      await page.getByTestId('assess-investment').fill('600');
      await page.getByTestId('assess-submit').click();
      await expectText(page.getByTestId('assess-feasible-error'), lang === 'en' ? 'Choose whether it is feasible or not.' : '请选择“可行”或“不可行”。');
      await expectAttr(page.getByTestId('assess-feasible'), 'aria-invalid', 'true');
      await check(page, `assessment-choose-${lang}`);
      if (lang === 'zh-CN') {
        await page.getByTestId('assess-feasible-yes').check();
        expect(await page.getByTestId('assess-feasible-error').count()).toBe(0);
        await page.getByTestId('assess-submit').click();
        await expectText(page.getByTestId('dept-saved'), /已提交/);
      }
    });
  }
});

describe('department and staff polish', () => {
  for (const lang of langs) {
    it(`${lang}: the progress form's photo has no bullet; 已提交 goes when the next report fails`, async () => {
      const page = await laptop(lang);
      const dept = ok(await server.call('POST', '/api/auth/login', { json: { username: demoLogins.department.username, password: demoDepartmentPassword } })) as { token: string };
      const work = ok(await server.call('GET', '/api/me/assessments', { token: dept.token })) as { id: string; status: string; year: number }[];
      // the department's project of this year (the demo's 2026 one, under way)
      const projectId = work.filter((w) => w.status === 'selected').sort((x, y) => y.year - x.year)[0].id;
      await staffSignIn(page, demoLogins.department.username, demoDepartmentPassword, '/dept');
      await page.getByTestId(`work-${projectId}`).getByTestId('impl-open').click();
      // the plan's 已保存 likewise goes when the next save fails in the browser
      await page.getByTestId('plan-save').click();
      await page.getByTestId('plan-saved').waitFor();
      await page.getByTestId('plan-funding').fill('');
      await page.getByTestId('plan-save').click();
      await page.getByTestId('plan-funding-error').waitFor();
      expect(await page.getByTestId('plan-saved').count()).toBe(0);
      await page.getByTestId('plan-funding').fill('县级财政');
      await page.getByTestId('report-percent').fill(lang === 'en' ? '95' : '92');
      await page.getByTestId('report-note').fill('主体工程完工，正在室内装修');
      await page.getByTestId('report-photo').setInputFiles(photo);
      const thumb = page.getByTestId('report-photo-thumb');
      await thumb.waitFor();
      expect(await thumb.evaluate((img) => getComputedStyle(img.closest('li')!).listStyleType)).toBe('none');
      await check(page, `progress-photo-${lang}`);
      await page.getByTestId('report-submit').click();
      await page.getByTestId('report-saved').waitFor();
      // the next one without its note: the error, and no 已提交 beside it
      await page.getByTestId('report-percent').fill('96');
      await page.getByTestId('report-submit').click();
      await page.getByTestId('report-note-error').waitFor();
      expect(await page.getByTestId('report-saved').count()).toBe(0);
      await check(page, `progress-error-${lang}`);
    });

    it(`${lang}: the implementation table's dates stay whole; the grades table fits its card`, async () => {
      const page = await laptop(lang);
      await staffSignIn(page, 'admin', adminPassword, '/admin');
      await page.goto(`/admin/${bodyId}/implementation?year=2026`);
      await page.getByTestId('impl-table').locator('[data-testid^="impl-row-"]').first().waitFor();
      // every date in the table (a text of yyyy-mm-dd) sits on one line
      const broken = await page.getByTestId('impl-table').evaluate((table) => {
        const out: string[] = [];
        const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent ?? '';
          for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}/g)) {
            const r = document.createRange();
            r.setStart(n, m.index!);
            r.setEnd(n, m.index! + m[0].length);
            const tops = new Set([...r.getClientRects()].map((c) => Math.round(c.top)));
            // on one line now, and kept so at any width (a narrower column broke "2026-09-/08")
            if (tops.size > 1 || getComputedStyle(n.parentElement!).whiteSpace !== 'nowrap') out.push(m[0]);
          }
        }
        return { out, dates: [...table.textContent!.matchAll(/\d{4}-\d{2}-\d{2}/g)].length };
      });
      expect(broken.dates).toBeGreaterThan(0);
      expect(broken.out).toEqual([]);
      const fit = await page.getByTestId('dash-grades').evaluate((table) => {
        const card = table.closest('section')!;
        const c = card.getBoundingClientRect();
        const pad = parseFloat(getComputedStyle(card).paddingRight);
        return { table: Math.round(table.getBoundingClientRect().right), inner: Math.round(c.right - pad), scroll: card.scrollWidth, client: card.clientWidth };
      });
      expect(fit.table, JSON.stringify(fit)).toBeLessThanOrEqual(fit.inner);
      expect(fit.scroll).toBeLessThanOrEqual(fit.client);
      // and no word of it is cut to fit ("Rectifi/ed"): a header without a space or hyphen is one line
      const cut = await page.getByTestId('dash-grades').locator('th').evaluateAll((ths) => ths
        .filter((th) => !/[\s-]/.test(th.textContent!.trim()))
        .filter((th) => { const r = document.createRange(); r.selectNodeContents(th); return new Set([...r.getClientRects()].map((c) => Math.round(c.top))).size > 1; })
        .map((th) => th.textContent));
      expect(cut).toEqual([]);
      await check(page, `implementation-${lang}`);
    });

    it(`${lang}: screening's boxes that cannot be ticked say why`, async () => {
      const page = await laptop(lang);
      await staffSignIn(page, 'admin', adminPassword, '/admin');
      await page.goto(`/admin/${bodyId}/screening?year=2028`);
      const box = page.getByTestId(`screening-row-${drafts.en}`).getByTestId('row-select');
      await box.waitFor();
      expect(await box.isDisabled()).toBe(true);
      const why = lang === 'en' ? 'Awaiting the department\'s assessment' : '待承办单位评估，评估后可选';
      await expectAttr(box, 'title', why);
      const describedBy = (await box.getAttribute('aria-describedby'))!;
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(why);
      expect(await page.locator(`[id="${describedBy}"]`).isVisible()).toBe(true);
      // the assessment's date and sum stay whole ("Dec / 31, 2028" broke in English)
      const assessed = page.getByTestId(`screening-row-${drafts['zh-CN']}`).locator('td').nth(3).locator('.nowrap');
      expect(await assessed.count()).toBe(2);
      for (const el of await assessed.all()) expect(await el.evaluate((e) => { const r = document.createRange(); r.selectNodeContents(e); return new Set([...r.getClientRects()].map((c) => Math.round(c.top))).size; })).toBe(1);
      // "select all" takes only the rows that can be chosen
      await page.getByTestId('screening-table').locator('thead input[type="checkbox"]').check();
      const boxes = page.getByTestId('screening-table').getByTestId('row-select');
      await expect.poll(async () => (await boxes.evaluateAll((bs) => bs.filter((b) => (b as HTMLInputElement).checked).length))).toBeGreaterThan(0);
      const state = await boxes.evaluateAll((bs) => bs.map((b) => [(b as HTMLInputElement).checked, (b as HTMLInputElement).disabled]));
      expect(state.filter(([checked, disabled]) => checked === disabled)).toEqual([]);
      expect(await box.isChecked()).toBe(false);
      await check(page, `screening-why-${lang}`);
    });

    it(`${lang}: the window's dates and the days left are two phrases`, async () => {
      const page = await laptop(lang);
      await page.goto(`/suggest/${bodyId}`);
      await page.getByTestId('window-countdown').waitFor();
      const text = await page.locator('.window-dates').first().innerText();
      expect(text).toMatch(lang === 'en' ? /\d{4} · \d+ days? left$/ : /日 · 还剩 \d+ 天$/);
      expect(text).not.toMatch(/\d{4}\d+ days/);
      await check(page, `suggest-window-${lang}`);
    });
  }
});
