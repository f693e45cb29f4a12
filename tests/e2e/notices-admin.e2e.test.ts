// 通知 in the staff office, on the demo county at 1366 px: the outbox with its states in words, numbers only masked
// (no 11-digit number anywhere in the page, its text or its markup), the filters by status and kind, the empty
// state, 重试 on a failed notice (it goes out and the list follows); then a member's mobile number in the roster —
// masked in the list, corrected in a dialog that refuses a number that is not a mainland mobile. Both languages,
// axe (no serious or critical) and no sideways scroll on every screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ok } from '../helpers/fixtures.js';
import { launchBrowser, pageText, screenshots, type Tab } from './support/browser.js';
import { adminPassword, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { rawKeys, staffSignIn } from './support/ui.js';
import { demoPhone } from '../../server/demo/reps.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
const tabs: Tab[] = [];
const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);
let bodyId = '';
const namespaces = ['noticesAdmin', 'admin', 'common', 'table'];
// an 11-digit mobile number, whole (not part of a longer run of letters and digits, such as an id)
const fullNumber = /(?<![0-9A-Za-z])1\d{10}(?![0-9A-Za-z])/;

/** Neither what the page shows nor what it holds (attributes, hidden text) has a full number. */
async function noFullNumber(page: Page, label: string) {
  expect((await pageText(page)).match(fullNumber), `${label}: a number on screen`).toBeNull();
  expect((await page.content()).match(fullNumber), `${label}: a number in the markup`).toBeNull();
  expect(await rawKeys(page, namespaces), `${label}: raw keys`).toEqual([]);
}

beforeAll(async () => {
  shot = screenshots('notices-admin');
  browser = await launchBrowser();
  server = await startE2EServer({ demo: true });
  const bodies = ok(await server.call('GET', '/api/bodies', { token: server.adminToken })) as { id: string; name: string }[];
  bodyId = bodies.find((b) => b.name === '清河县人民代表大会常务委员会')!.id;
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('通知', () => {
  it('lists the outbox masked, filters it, and sends a failed notice again, in both languages', async () => {
    const page = await tab('laptop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.getByTestId('lang-zh-CN').click();
    await page.goto(`/admin/${bodyId}/members`);
    await page.getByTestId('admin-tab-notices').click();
    await expect.poll(() => page.url()).toContain(`/admin/${bodyId}/notices`);
    const rows = page.getByTestId('notice-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
    // every number masked as 138****5678
    const shown = await page.getByTestId('notice-to').allTextContents();
    expect(shown.length).toBe(await rows.count());
    for (const to of shown) expect(to).toMatch(/^1\d\d\*{4}\d{4}$/);
    await expect.poll(() => page.getByTestId('notice-status').allTextContents()).toEqual(expect.arrayContaining(['已发送', '失败']));
    expect(await pageText(page)).toContain('代表码来信（告知代表）');
    expect(await pageText(page)).toContain('代表已回复');
    await noFullNumber(page, 'all zh');
    // the whole table fits a laptop: every 重试 button in view, not behind the table's sideways scroll
    for (const box of await page.locator('[data-testid^="notice-retry-"]').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(1366 - 16);
    await check(page, 'notices-zh');

    // the failed ones: two, each with the gateway's error and a 重试 button
    await page.getByTestId('notices-status').selectOption('failed');
    await expect.poll(() => page.url()).toContain('status=failed');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(async () => new Set(await page.getByTestId('notice-status').allTextContents())).toEqual(new Set(['失败']));
    expect(await rows.first().locator('.notices__error').textContent()).toMatch(/503|timeout/);
    const failedId = (await rows.first().getAttribute('data-id'))!;
    await noFullNumber(page, 'failed zh');
    await check(page, 'notices-failed-zh');

    // 重试: said so, the notice leaves the failed list, and the log sender sends it
    await page.getByTestId(`notice-retry-${failedId}`).click();
    await expect.poll(() => page.getByTestId('notices-retried').textContent()).toMatch(/^发给 1\d\d\*{4}\d{4} 的通知已重新排队发送。$/);
    await expect.poll(() => rows.count()).toBe(1);
    await check(page, 'notices-retried-zh');
    await page.getByTestId('notices-status').selectOption('');
    await expect.poll(() => page.locator(`[data-id="${failedId}"]`).getAttribute('data-status'), { timeout: 20_000 }).toBe('sent');
    await expect.poll(() => page.locator(`[data-id="${failedId}"]`).getByTestId('notice-status').textContent()).toBe('已发送');

    // by kind; a kind and state with none (the dossier's notices all went out) shows the empty state
    await page.getByTestId('notices-kind').selectOption('suggestion_status');
    await expect.poll(async () => new Set(await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-kind'))))).toEqual(new Set(['suggestion_status']));
    await page.getByTestId('notices-kind').selectOption('dossier');
    await page.getByTestId('notices-status').selectOption('failed');
    await expect.poll(() => page.getByTestId('notices-table-empty').textContent()).toBe('没有符合条件的通知。');
    await check(page, 'notices-empty-zh');

    // English
    await page.getByTestId('notices-kind').selectOption('');
    await page.getByTestId('notices-status').selectOption('');
    await page.getByTestId('lang-en').click();
    await rows.first().waitFor();
    await expect.poll(() => page.getByRole('columnheader').allTextContents()).toEqual(['Time', 'Kind', 'To', 'Text', 'Status', 'Last error', 'Actions']);
    await expect.poll(() => page.getByTestId('notice-status').allTextContents()).toEqual(expect.arrayContaining(['Sent', 'Failed']));
    expect(await pageText(page)).toContain('Request through a rep code (to the representative)');
    await noFullNumber(page, 'all en');
    for (const box of await page.locator('[data-testid^="notice-retry-"]').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(1366 - 16);
    await check(page, 'notices-en');
    await page.getByTestId('notices-status').selectOption('failed');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => page.getByTestId('notices-total').textContent()).toBe('1 notice');
    await check(page, 'notices-failed-en');
  });
});

describe('members\' mobile numbers', () => {
  it('shows them masked in the roster and corrects one in a dialog that refuses a wrong number', async () => {
    const members = ok(await server.call('GET', `/api/bodies/${bodyId}/members`, { token: server.adminToken })) as { id: string; name: string; phone?: string | null }[];
    const first = members.find((m) => m.phone === demoPhone(0))!;
    const page = await tab('laptop');
    await staffSignIn(page, 'admin', adminPassword, `/admin/${bodyId}/members`);
    await page.getByTestId('lang-zh-CN').click();
    await page.getByTestId('admin-member-filter').fill(first.name);
    const cell = page.getByTestId(`admin-member-phone-${first.id}`);
    await expect.poll(() => cell.textContent()).toBe(`${demoPhone(0).slice(0, 3)}****${demoPhone(0).slice(-4)}`);
    await noFullNumber(page, 'roster zh');
    await check(page, 'roster-phones-zh');

    await page.getByTestId(`admin-member-phone-edit-${first.id}`).click();
    const dialog = page.getByTestId('phone-dialog');
    await dialog.getByTestId('phone-dialog-input').waitFor();
    expect(await dialog.getByTestId('phone-dialog-input').inputValue()).toBe(demoPhone(0));
    await dialog.getByTestId('phone-dialog-input').fill('0571-8888888');
    await dialog.getByTestId('phone-dialog-save').click();
    await expect.poll(() => dialog.getByTestId('phone-dialog-input-error').textContent()).toBe('手机号应为 11 位、以 1 开头');
    await check(page, 'phone-dialog-invalid-zh');
    // Esc closes it; in English, opened again, it says the same (the language switch is behind the modal dialog)
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.getByTestId('lang-en').click();
    await page.getByTestId(`admin-member-phone-edit-${first.id}`).click();
    await expect.poll(() => dialog.locator('h2').textContent()).toBe(`Mobile number of ${first.name}`);
    expect(await dialog.getByTestId('phone-dialog-input').inputValue()).toBe(demoPhone(0));
    await dialog.getByTestId('phone-dialog-input').fill('0571-8888888');
    await dialog.getByTestId('phone-dialog-save').click();
    await expect.poll(() => dialog.getByTestId('phone-dialog-input-error').textContent()).toBe('a mobile number has 11 digits starting with 1');
    await check(page, 'phone-dialog-invalid-en');

    await dialog.getByTestId('phone-dialog-input').fill('139 1234 5678');
    await dialog.getByTestId('phone-dialog-save').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => cell.textContent()).toBe('139****5678');
    await expect.poll(() => page.getByTestId('admin-member-phone-saved').textContent()).toBe(`The mobile number of ${first.name} is saved.`);
    await noFullNumber(page, 'roster en');
    await check(page, 'roster-phone-saved-en');
    const after = ok(await server.call('GET', `/api/bodies/${bodyId}/members`, { token: server.adminToken })) as { id: string; phone?: string | null }[];
    expect(after.find((m) => m.id === first.id)!.phone).toBe('13912345678');

    // the add-member row and the staff account form take a number too
    await page.getByTestId('admin-member-add-toggle').click();
    await page.getByTestId('admin-member-name-0').fill('新代表');
    await page.getByTestId('admin-member-phone-0').fill('12345');
    await page.getByTestId('admin-member-submit').click();
    await expect.poll(() => page.getByTestId('admin-member-phone-0-error').textContent()).toBe('a mobile number has 11 digits starting with 1');
    await check(page, 'member-add-phone-en');

    // a department account with its number (督办单 and red-light notices go to it): refused, then masked once created
    await page.getByTestId('admin-member-add-toggle').click();
    await page.getByTestId('admin-tab-users').click();
    await page.getByTestId('admin-user-role').selectOption('department');
    await page.getByTestId('admin-user-department').fill('县城市管理局');
    await page.getByTestId('admin-user-username').fill('chengguan-notices');
    await page.getByTestId('admin-user-password').fill('chengguan-password');
    await page.getByTestId('admin-user-phone').fill('2345678901');
    await page.getByTestId('admin-user-submit').click();
    await expect.poll(() => page.getByTestId('admin-user-phone-error').textContent()).toBe('a mobile number has 11 digits starting with 1');
    await page.getByTestId('admin-user-phone').fill('150-1111-2222');
    await page.getByTestId('admin-user-submit').click();
    await expect.poll(() => page.getByTestId('admin-users-created').textContent()).toContain('150****2222');
    await noFullNumber(page, 'users en');
    await check(page, 'user-created-phone-en');
  });
});
