// The admin office on a county clerk's first day, through the UI only: sign in on /staff and land
// in /admin, create the county congress, import the member list from a CSV file (a file with one bad
// line is refused with that line's number and nobody imported; the fixed file imports everyone and
// shows the one-time sign-in codes once), print the sign-in cards (a name and a QR code on each),
// create a project, a congress and a standing-committee session (rosters by default) and a presider
// account; last, members added by the form (a blank row dropped, a missing name refused beside its field)
// and a session with a custom quorum (a fraction over 1 refused as a whole). Every screen passes axe (no serious or critical violations), does not scroll sideways at
// 1024×768, and reads in English after the language switch. The page's CSP stays on throughout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ok } from '../helpers/fixtures.js';
import { delegations, givenNames, surnames } from '../../server/demo/data.js';
import { launchBrowser, openTab, pageText, screenshots, type Tab } from './support/browser.js';
import { adminPassword, startE2EServer, type E2EServer } from './support/server.js';
import { runAxe, serious } from './support/axe.js';
import { expectAttr, expectText, memberSignIn, staffSignIn } from './support/ui.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BODY = '清河县人民代表大会';
const SESSION = '清河县第十八届人民代表大会第一次会议';
const COMMITTEE_SESSION = '清河县第十八届人大常委会第一次会议';
const PROJECT = { title: '城区新增公办幼儿园学位 600 个', description: '新建公办幼儿园 2 所，新增学位 600 个', category: '教育', department: '县教育局', investment: '4200', targets: '新建幼儿园 2 所\n新增学位 600 个' };

/** The county's first 10 members: 3 delegations, every fourth one on the standing committee. */
const MEMBERS = Array.from({ length: 10 }, (_, i) => ({
  name: `${surnames[(i * 5 + 3) % surnames.length]}${givenNames[(i * 7 + 2) % givenNames.length]}`,
  delegation: delegations[i % 3],
  kind: i % 4 === 0 ? 'committee' : 'rep',
}));
const COMMITTEE = MEMBERS.filter((m) => m.kind === 'committee').length;
const csvLine = (m: (typeof MEMBERS)[number]) => `${m.name},${m.delegation},${m.kind === 'committee' ? 'committee' : ''}`;
// As Excel saves "CSV UTF-8": a BOM and CRLF. The bad file has a blank line 6 and a wrong kind on
// line 7 (the 5th data row): the message must name line 7, the line the clerk sees in the editor.
const BAD_LINE = 7;
const badCsv = `\uFEFF${['name,delegation,kind', ...MEMBERS.slice(0, 4).map(csvLine), '', `${MEMBERS[4].name},${MEMBERS[4].delegation},主任`, ...MEMBERS.slice(5, 8).map(csvLine)].join('\r\n')}\r\n`;
const goodCsv = `\uFEFF${['name,delegation,kind', ...MEMBERS.map(csvLine)].join('\r\n')}\r\n`;

// ---- the translation catalogues, to tell a missed translation from data (as i18n-and-layout does)
type Tree = { [k: string]: string | Tree };
const i18nDir = path.join(root, 'client/src/i18n');
const catalogs = fs.readdirSync(i18nDir).filter((f) => f.endsWith('.json'));
const load = (f: string) => JSON.parse(fs.readFileSync(path.join(i18nDir, f), 'utf8')) as Tree;
const flat = (o: Tree): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : flat(v)));
const namespaces = [...new Set(catalogs.flatMap((f) => Object.keys(load(f))))];
const zhValues = catalogs.filter((f) => /zh/i.test(f)).flatMap((f) => flat(load(f)))
  .filter((v) => /[\u4e00-\u9fff]/.test(v) && !v.includes('{{')).map((v) => v.trim());
const enValues = new Set(catalogs.filter((f) => /(^|\.)en\.json$/.test(f)).flatMap((f) => flat(load(f))));
const dataStrings = [BODY, SESSION, COMMITTEE_SESSION, ...Object.values(PROJECT), ...PROJECT.targets.split('\n'), ...MEMBERS.flatMap((m) => [m.name, m.delegation])];
const rawKeysIn = (text: string) => {
  const re = new RegExp(`(?<![\\w/.-])(?:${namespaces.join('|')})\\.[a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*`, 'g');
  return [...new Set(text.match(re) ?? [])].filter((k) => !/\.(json|jws|csv)$/.test(k));
};
const chineseLeftIn = (text: string) =>
  [...new Set(zhValues.filter((v) => !enValues.has(v) && text.includes(v) && !dataStrings.some((d) => d.includes(v))))];

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let tmp: string;
const tabs: Tab[] = [];
let clerk: Tab;
let bodyId = '';
let sessionId = '';
const issued: { id: string; name: string; code: string }[] = [];
const presider = { username: 'qinghe-presider', password: '' };
const found: Record<string, string[]> = {};

/**
 * axe-core in a page whose CSP is on: evaluated through the DevTools protocol (which the CSP does
 * not govern) instead of a script tag, so the clerk's page keeps reporting real CSP refusals.
 */
async function axeIn(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return runAxe(page);
}

async function expectNoHorizontalScroll(page: Page, label: string) {
  const o = await page.evaluate(() => {
    const el = document.documentElement;
    const offenders: string[] = [];
    if (el.scrollWidth > el.clientWidth) {
      for (const n of Array.from(document.querySelectorAll('body *'))) {
        const r = n.getBoundingClientRect();
        if (r.right > el.clientWidth + 1 && r.width > 0) offenders.push(`${n.tagName.toLowerCase()}${n.getAttribute('data-testid') ? `[${n.getAttribute('data-testid')}]` : ''} right=${Math.round(r.right)}`);
      }
    }
    // A box of its own that scrolls sideways (a wide table in .table-scroll) hides columns just the
    // same. Not the card preview: it shows the A4 sheet at its printed size on purpose.
    const boxes = Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((n) => ['auto', 'scroll'].includes(getComputedStyle(n).overflowX) && n.scrollWidth > n.clientWidth + 1 && n.checkVisibility())
      .filter((n) => !n.classList.contains('card-sheet--preview'))
      .map((n) => `${n.tagName.toLowerCase()}.${String(n.className).split(' ')[0]}${n.querySelector('[data-testid]') ? ` (${n.querySelector('[data-testid]')!.getAttribute('data-testid')})` : ''} ${n.scrollWidth} > ${n.clientWidth}`);
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, offenders: offenders.slice(0, 8), boxes };
  });
  expect(o.scrollWidth, `${label}: page scrolls sideways (${o.scrollWidth} > ${o.clientWidth}): ${o.offenders.join(', ')}`).toBeLessThanOrEqual(o.clientWidth);
  expect(o.boxes, `${label}: boxes that scroll sideways`).toEqual([]);
}

/** The screen as it is now: axe (serious/critical fail), no sideways scroll at 1024 px, no raw keys; a screenshot. */
async function check(page: Page, label: string) {
  const run = await axeIn(page);
  found[label] = serious(run);
  await shot(page, label, { fullPage: true });
  expect(found[label], `${label}:\n${found[label].join('\n')}`).toEqual([]);
  await expectNoHorizontalScroll(page, label);
  expect(rawKeysIn(await pageText(page)), `${label}: raw i18n keys`).toEqual([]);
}

beforeAll(async () => {
  shot = screenshots('admin');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-e2e-admin-'));
  fs.writeFileSync(path.join(tmp, '代表名单-有错.csv'), badCsv);
  fs.writeFileSync(path.join(tmp, '代表名单.csv'), goodCsv);
  browser = await launchBrowser();
  server = await startE2EServer();
});

afterAll(async () => {
  for (const t of tabs) await t.context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  expect(tabs.flatMap((t) => t.problems)).toEqual([]);
});

describe('the admin office on day one', () => {
  it('the clerk opens /admin, is sent to /staff, signs in and lands in /admin', async () => {
    // a desk PC at 1024×768 with a mouse; the page's CSP stays on
    clerk = await openTab(browser, server.url, 'landscape', { touch: false });
    tabs.push(clerk);
    const { page } = clerk;
    await page.goto('/admin');
    await page.waitForURL((u) => u.pathname === '/staff' && u.searchParams.get('next') === '/admin');
    await page.getByTestId('staff-username').fill('admin');
    await page.getByTestId('staff-password').fill(adminPassword);
    await shot(page, 'staff-signin');
    await page.getByTestId('staff-submit').click();
    await page.waitForURL((u) => u.pathname === '/admin');
    await page.getByTestId('admin-bodies').waitFor();
    await expectText(page.getByTestId('staff-name'), /^admin · /);
    await page.getByTestId('admin-nav').waitFor();
    // A new deployment has never been backed up: its administrator is told, and how.
    await expectText(page.getByTestId('backup-overdue'), /还没有备份过.*npm run backup/);
    await check(page, 'admin-overview-empty');
  });

  it('creates the county congress and opens it', async () => {
    const { page } = clerk;
    await page.getByTestId('admin-body-parent').selectOption('');
    await page.getByTestId('admin-body-name-input').fill(BODY);
    await page.getByTestId('admin-body-level').selectOption('county');
    await page.getByTestId('admin-body-submit').click();
    const created = page.getByTestId('admin-body-created');
    await expectText(created, new RegExp(BODY));
    const bodies = ok(await server.call('GET', '/api/bodies')) as { id: string; name: string; level: string; parentId: string | null }[];
    const body = bodies.find((b) => b.name === BODY);
    expect(body).toMatchObject({ level: 'county', parentId: null });
    bodyId = body!.id;
    // in the tree and in the side bar
    await expectText(page.getByTestId(`admin-body-${bodyId}`), BODY);
    await expectText(page.getByTestId(`admin-nav-body-${bodyId}`), BODY);
    await check(page, 'admin-body-created');

    await created.getByRole('link').click();
    await page.waitForURL((u) => u.pathname === `/admin/${bodyId}`);
    await expectAttr(page.getByTestId('admin-body-view'), 'data-body-id', bodyId);
    await expectText(page.getByTestId('admin-body-name'), new RegExp(`^${BODY}`));
    await expectAttr(page.getByTestId('admin-tab-members'), 'aria-current', 'page');
    await page.getByTestId('admin-members-empty').waitFor();
    await check(page, 'admin-members-empty');
  });

  it('imports the member list: a file with a bad line is refused with its line number and nobody is imported', async () => {
    const { page } = clerk;
    await page.getByTestId('admin-member-import-toggle').click();
    await page.getByTestId('admin-import-form').waitFor();
    await page.getByTestId('admin-import-file').setInputFiles(path.join(tmp, '代表名单-有错.csv'));
    // the file is read into the text area (the BOM dropped), ready to check before sending
    await expect.poll(() => page.getByTestId('admin-import-text').inputValue()).toBe(badCsv.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')); // a textarea keeps LF only
    await page.getByTestId('admin-import-submit').click();
    const error = page.getByTestId('admin-import-error');
    await error.waitFor();
    const issues = page.getByTestId('admin-import-issues').locator('li');
    await expect.poll(() => issues.count()).toBe(1);
    const issue = page.getByTestId(`admin-import-issue-${BAD_LINE}`);
    await expectText(issue, new RegExp(`^第 ${BAD_LINE} 行 · 类别: 类别只能填 rep`));
    expect(await error.innerText()).toMatch(/未导入任何人|没有导入/);
    // nobody was imported: the roster is still empty, and the server agrees
    await page.getByTestId('admin-members-empty').waitFor();
    expect(ok(await server.call('GET', `/api/bodies/${bodyId}/members`, { token: server.adminToken }))).toEqual([]);
    expect(await page.getByTestId('admin-new-codes').count()).toBe(0);
    await check(page, 'admin-import-refused');
    // the same message in English names the same line
    await page.getByTestId('lang-en').click();
    await expectText(issue, new RegExp(`^Line ${BAD_LINE} · kind: Kind must be rep`));
    expect(await error.innerText()).toMatch(/Nobody was imported/);
    await shot(page, 'admin-import-refused-en', { fullPage: true });
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('the fixed file imports everyone; the one-time sign-in codes are shown once', async () => {
    const { page } = clerk;
    await page.getByTestId('admin-import-file').setInputFiles(path.join(tmp, '代表名单.csv'));
    await expect.poll(() => page.getByTestId('admin-import-text').inputValue()).toBe(goodCsv.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
    expect(await page.getByTestId('admin-import-error').count()).toBe(0); // a new file clears the old refusal
    await page.getByTestId('admin-import-submit').click();
    const codes = page.getByTestId('admin-new-codes');
    await codes.waitFor();
    await page.getByTestId('admin-codes-warning').waitFor();
    // the codes table: every member, each with a code
    const rows = page.locator('[data-testid^="admin-code-row-"]');
    await expect.poll(() => rows.count()).toBe(MEMBERS.length);
    for (let i = 0; i < MEMBERS.length; i++) {
      const row = rows.nth(i);
      const id = (await row.getAttribute('data-testid'))!.slice('admin-code-row-'.length);
      const name = ((await row.locator('th').textContent()) ?? '').trim();
      const code = ((await page.getByTestId(`admin-code-${id}`).textContent()) ?? '').trim();
      expect(code).toMatch(/^[0-9A-Z]{6,16}$/);
      issued.push({ id, name, code });
    }
    expect(issued.map((m) => m.name).sort()).toEqual(MEMBERS.map((m) => m.name).sort());
    expect(new Set(issued.map((m) => m.code)).size).toBe(MEMBERS.length);
    // the roster lists them, sorted by delegation; the import form has closed
    await expect.poll(() => page.locator('[data-testid^="admin-member-row-"]').count()).toBe(MEMBERS.length);
    for (const m of issued) await expectText(page.getByTestId(`admin-member-row-${m.id}`).locator('th'), m.name);
    await expectText(page.getByTestId('admin-member-count'), `共 ${MEMBERS.length} 人，其中常委会组成人员 ${COMMITTEE} 人，3 个代表团`);
    expect(await page.getByTestId('admin-import-form').count()).toBe(0);
    // the server keeps no readable code: the roster it answers has none
    const listed = ok(await server.call('GET', `/api/bodies/${bodyId}/members`, { token: server.adminToken })) as Record<string, unknown>[];
    expect(listed).toHaveLength(MEMBERS.length);
    expect(JSON.stringify(listed)).not.toContain(issued[0].code);
    await check(page, 'admin-codes-shown');
  });

  it('prints the sign-in cards: every card shows a name, the code and a QR image; a card signs a tablet in', async () => {
    const { page } = clerk;
    const print = page.getByTestId('admin-print-cards');
    await expect.poll(() => print.isEnabled()).toBe(true); // once the QR codes are ready
    // the printer dialog is the browser's: count the calls instead
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => { (window as unknown as { printed: number }).printed++; };
    });
    await print.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // what the printer gets: the card sheet alone, 8 cards a page
    await page.emulateMedia({ media: 'print' });
    try {
      const sheet = page.getByTestId('admin-card-sheet');
      await sheet.waitFor({ state: 'visible' });
      expect(await page.getByTestId('admin-nav').isVisible()).toBe(false);
      expect(await sheet.locator('.card-sheet__page').count()).toBe(Math.ceil(MEMBERS.length / 8));
      expect(await page.locator('[data-testid^="admin-card-"][data-code]').count()).toBe(MEMBERS.length);
      for (const m of issued) {
        const card = page.getByTestId(`admin-card-${m.id}`);
        await expectAttr(card, 'data-code', m.code);
        expect(await card.isVisible()).toBe(true);
        expect(((await card.locator('.member-card__name').textContent()) ?? '').trim()).toBe(m.name);
        expect(await card.innerText()).toContain(BODY);
        await expectText(page.getByTestId(`admin-card-code-${m.id}`), m.code);
        const qr = page.getByTestId(`admin-card-qr-${m.id}`);
        expect(await qr.isVisible()).toBe(true);
        expect(await qr.getAttribute('alt')).toContain(m.name);
        const img = await qr.evaluate((el: HTMLImageElement) => el.decode().then(() => ({ w: el.naturalWidth, h: el.naturalHeight, src: el.src })));
        expect(img.src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
        expect(img.w).toBeGreaterThan(20);
        expect(img.w).toBe(img.h);
        const box = (await qr.boundingBox())!;
        expect(box.width, `${m.name}: QR printed ${box.width}px wide`).toBeGreaterThan(60);
      }
      await shot(page, 'admin-cards-print', { fullPage: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await page.getByTestId('admin-card-sheet').isVisible()).toBe(false);

    // the QR on a card holds <origin>/tablet?code=<code>: that address signs the member in
    const tablet = await openTab(browser, server.url, 'portrait');
    tabs.push(tablet);
    const first = issued[0];
    await tablet.page.goto(`/tablet?code=${encodeURIComponent(first.code)}`);
    await expectText(tablet.page.getByTestId('member-name'), new RegExp(first.name));
    await shot(tablet.page, 'tablet-signed-in-with-card');
    // and the code typed by hand signs in another member
    const typed = await openTab(browser, server.url, 'portrait');
    tabs.push(typed);
    await memberSignIn(typed.page, issued[1].code);
    await expectText(typed.page.getByTestId('member-name'), new RegExp(issued[1].name));
  });

  it('the codes are shown only once: closing asks first, leaving warns, and they do not come back', async () => {
    const { page } = clerk;
    await page.getByTestId('admin-codes-dismiss').click();
    const dialog = page.getByTestId('admin-codes-dismiss-dialog');
    await dialog.getByRole('heading').waitFor();
    try {
      await check(page, 'admin-codes-dismiss-dialog');
    } finally {
      // whatever happened, leave no modal open over the page for the steps after this one
      await page.getByTestId('admin-codes-dismiss-dialog-cancel').click();
    }
    await page.getByTestId('admin-codes-table').waitFor(); // still there
    // a reload would lose them: the browser asks first
    let asked = '';
    page.once('dialog', (d) => { asked = d.type(); void d.accept(); });
    await page.reload({ timeout: 60_000 }); // the whole app again, on a busy machine
    await page.getByTestId('admin-member-table').waitFor({ timeout: 30_000 });
    expect(asked).toBe('beforeunload');
    expect(await page.getByTestId('admin-new-codes').count()).toBe(0);
    const text = await pageText(page);
    for (const m of issued) expect(text).not.toContain(m.code);
    expect(await page.locator('[data-testid^="admin-card-"]').count()).toBe(0);
  });

  it('creates a 2027 project through the panel and sees it listed', async () => {
    const { page } = clerk;
    await page.getByTestId('admin-tab-projects').click();
    await page.waitForURL((u) => u.pathname === `/admin/${bodyId}/projects`);
    await page.getByTestId('admin-projects-empty').waitFor();
    await page.getByTestId('admin-project-create-toggle').click();
    await page.getByTestId('admin-project-form').waitFor();
    await page.getByTestId('admin-project-form-year').fill('2027');
    await page.getByTestId('admin-project-category').selectOption(PROJECT.category);
    await page.getByTestId('admin-project-title').fill(PROJECT.title);
    await page.getByTestId('admin-project-description').fill(PROJECT.description);
    await page.getByTestId('admin-project-department').fill(PROJECT.department);
    await page.getByTestId('admin-project-investment').fill(PROJECT.investment);
    await page.getByTestId('admin-project-targets').fill(PROJECT.targets);
    await check(page, 'admin-project-form');
    await page.getByTestId('admin-project-submit').click();
    await expectText(page.getByTestId('admin-project-created'), new RegExp(PROJECT.title));
    // the list switches to 2027 and shows it, with the year chip
    await expect.poll(() => page.getByTestId('admin-project-year').inputValue()).toBe('2027');
    await expectAttr(page.getByTestId('admin-project-year-2027'), 'aria-pressed', 'true');
    const row = page.locator('[data-testid^="admin-project-row-"]');
    await expect.poll(() => row.count()).toBe(1);
    const rowText = await row.innerText();
    for (const s of [PROJECT.title, PROJECT.department, '教育', '4,200', '新增学位 600 个']) expect(rowText).toContain(s);
    const projects = ok(await server.call('GET', `/api/bodies/${bodyId}/projects`, { token: server.adminToken })) as { id: string; year: number; targets: string[]; investment: number }[];
    expect(projects).toHaveLength(1);
    expect(projects[0]).toMatchObject({ year: 2027, investment: 4200, targets: PROJECT.targets.split('\n') });
    expect(await row.getAttribute('data-testid')).toBe(`admin-project-row-${projects[0].id}`);
    await check(page, 'admin-project-listed');
  });

  it('creates a congress session and a standing-committee session; the rosters default to the right members', async () => {
    const { page } = clerk;
    await page.getByTestId('admin-tab-sessions').click();
    await page.getByTestId('admin-sessions-empty').waitFor();
    const sessionRows = page.locator('[data-testid^="admin-session-row-"]');
    for (const [n, s] of [
      { name: SESSION, kind: 'congress', roster: MEMBERS.length, rule: /不少于应到的 2\/3/ },
      { name: COMMITTEE_SESSION, kind: 'committee', roster: COMMITTEE, rule: /超过应到的 1\/2/ },
    ].entries()) {
      await page.getByTestId('admin-session-create-toggle').click();
      await page.getByTestId('admin-session-form').waitFor();
      await page.getByTestId('admin-session-name').fill(s.name);
      await page.getByTestId('admin-session-kind').selectOption(s.kind);
      await expectText(page.getByTestId('admin-session-quorum-default'), s.rule);
      if (n === 0) await check(page, 'admin-session-form');
      await page.getByTestId('admin-session-submit').click();
      await expectText(page.getByTestId('admin-session-created'), new RegExp(s.name));
      await expect.poll(() => sessionRows.count()).toBe(n + 1);
      const row = sessionRows.filter({ hasText: s.name });
      const id = (await row.getAttribute('data-testid'))!.slice('admin-session-row-'.length);
      if (n === 0) sessionId = id;
      // 应到 (the roster, by default) and 实到
      const nums = await row.locator('td.num-col').allInnerTexts();
      expect(nums, `${s.name}: roster size, present`).toEqual([String(s.roster), '0']);
      await expectAttr(page.getByTestId(`admin-session-console-${id}`), 'href', `/console/${id}`);
      const session = ok(await server.call('GET', `/api/sessions/${id}`, { token: server.adminToken })) as { kind: string; rosterSize: number };
      expect(session).toMatchObject({ kind: s.kind, rosterSize: s.roster });
    }
    await expectAttr(page.getByTestId('admin-session-created-link'), 'href', `/console/${(await sessionRows.filter({ hasText: COMMITTEE_SESSION }).getAttribute('data-testid'))!.slice('admin-session-row-'.length)}`);
    await check(page, 'admin-sessions-listed');
  });

  it('creates a presider account, who then signs in to the console and finds the session', async () => {
    const { page } = clerk;
    await page.getByTestId('admin-tab-users').click();
    await page.getByTestId('admin-user-form').waitFor();
    await page.getByTestId('admin-user-role').selectOption('presider');
    await page.getByTestId('admin-user-username').fill(presider.username);
    await page.getByTestId('admin-user-password-generate').click();
    await expectAttr(page.getByTestId('admin-user-password'), 'type', 'text'); // shown, to hand over
    presider.password = await page.getByTestId('admin-user-password').inputValue();
    expect(presider.password).toMatch(/^[A-Za-z0-9]{12}$/);
    await check(page, 'admin-user-form');
    await page.getByTestId('admin-user-submit').click();
    const created = page.getByTestId('admin-users-created');
    await created.waitFor();
    const row = page.locator('[data-testid^="admin-user-row-"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toMatch(new RegExp(`${presider.username}\\s+主持人`));
    await expect.poll(() => page.getByTestId('admin-user-password').inputValue()).toBe(''); // not kept in the form
    await check(page, 'admin-user-created');

    const c = await openTab(browser, server.url, 'laptop');
    tabs.push(c);
    await staffSignIn(c.page, presider.username, presider.password, '/console');
    await expectText(c.page.getByTestId(`session-${sessionId}`), new RegExp(SESSION));
    await shot(c.page, 'console-presider-sessions');
  });

  it('in English: every admin screen has English labels, no raw keys and no Chinese interface text', async () => {
    const { page } = clerk;
    await page.getByTestId('admin-tab-members').click();
    await page.getByTestId('admin-member-table').waitFor();
    await page.getByTestId('lang-en').click();
    await expectAttr(page.getByTestId('lang-en'), 'aria-pressed', 'true');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    const tabsEn = { members: 'Members', projects: 'Projects', sessions: 'Sessions', users: 'Staff accounts', bodies: 'Bodies below' };
    for (const [k, label] of Object.entries(tabsEn)) await expectText(page.getByTestId(`admin-tab-${k}`), label);
    const screens: [keyof typeof tabsEn | 'overview', string, RegExp[]][] = [
      ['members', 'admin-member-table', [/Import list \(CSV\)/, /Download CSV template/, new RegExp(`${MEMBERS.length} members, ${COMMITTEE} of them on the standing committee, in 3 delegations`), /Standing committee member/]],
      ['projects', 'admin-project-table', [/1 project for 2027/, /Education/, /Responsible department/]],
      ['sessions', 'admin-session-table', [/New session/, /People's Congress|Congress/, /Standing committee/i, /Open console/]],
      ['users', 'admin-user-form', [/New staff account for/, /Initial password/, /Presider/i]],
      ['bodies', 'admin-bodies', [/Bodies below/, /New body under/]],
      ['overview', 'admin-body-tree', [/People's congresses/, /Parent body/]],
    ];
    for (const [k, ready, want] of screens) {
      if (k === 'overview') await page.getByTestId('admin-overview-link').click();
      else await page.getByTestId(`admin-tab-${k}`).click();
      await page.getByTestId(ready).waitFor();
      const text = await pageText(page);
      for (const re of want) expect(text, `${k} (en)`).toMatch(re);
      expect(chineseLeftIn(text), `${k} (en): Chinese interface text left untranslated`).toEqual([]);
      await check(page, `admin-${k}-en`);
    }
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('the add form drops blank rows and shows the schema\'s message in place; a custom quorum is checked as a whole', async () => {
    const { page } = clerk;
    await page.goto(`/admin/${bodyId}/members`);
    await page.getByTestId('admin-member-table').waitFor();
    await page.getByTestId('admin-member-add-toggle').click();
    await page.getByTestId('admin-member-form').waitFor();
    // a row with a delegation but no name is refused beside its field, in the reader's language
    await page.getByTestId('admin-member-delegation-0').fill('城关镇代表团');
    await page.getByTestId('admin-member-submit').click();
    await expectText(page.getByTestId('admin-member-name-0-error'), '必填');
    await page.getByTestId('admin-member-name-0').fill('补选代表甲');
    await page.getByTestId('admin-member-add-row').click(); // a new row takes the delegation above it …
    await expect.poll(() => page.getByTestId('admin-member-delegation-1').inputValue()).toBe('城关镇代表团');
    await page.getByTestId('admin-member-delegation-1').fill(''); // … emptied, the row is blank and is dropped
    await page.getByTestId('admin-member-add-row').click();
    await page.getByTestId('admin-member-name-2').fill('补选代表乙');
    await page.getByTestId('admin-member-kind-2').selectOption('committee');
    await page.getByTestId('admin-member-submit').click();
    await page.getByTestId('admin-new-codes').waitFor();
    await expect.poll(() => page.locator('[data-testid^="admin-code-row-"]').count()).toBe(2);
    await expect.poll(() => page.locator('[data-testid^="admin-member-row-"]').count()).toBe(MEMBERS.length + 2);
    await page.getByTestId('admin-codes-dismiss').click();
    await page.getByTestId('admin-codes-dismiss-dialog-confirm').click();

    await page.getByTestId('admin-tab-sessions').click();
    await page.getByTestId('admin-session-create-toggle').click();
    await page.getByTestId('admin-session-name').fill('清河县第十八届人民代表大会第二次会议');
    await page.getByTestId('admin-session-quorum-custom').check();
    await page.getByTestId('admin-session-quorum-num').fill('4');
    await page.getByTestId('admin-session-quorum-den').fill('3');
    await page.getByTestId('admin-session-submit').click();
    await page.getByTestId('admin-session-quorum-error').waitFor(); // more than 1: refused before it is sent
    await page.getByTestId('admin-session-quorum-strict').selectOption('true');
    await page.getByTestId('admin-session-quorum-num').fill('3');
    await page.getByTestId('admin-session-quorum-den').fill('5');
    await expectText(page.getByTestId('admin-session-quorum-preview'), /3\/5/);
    await page.getByTestId('admin-session-submit').click();
    const created = page.getByTestId('admin-session-created-link');
    await created.waitFor();
    const id = (await created.getAttribute('href'))!.split('/').pop()!;
    const session = ok(await server.call('GET', `/api/sessions/${id}`, { token: server.adminToken })) as { quorum: { num: number; den: number; strict: boolean } };
    expect(session.quorum).toMatchObject({ num: 3, den: 5, strict: true });
  });
});
