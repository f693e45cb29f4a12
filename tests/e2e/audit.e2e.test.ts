// The trail in words, on the demo county at 1440 px: the office's 操作记录 tab (newest first, 50 a page, a stage
// filter, a subject's own entries and back) and the presider console's session log (ten members checking in within
// a minute are one line whose names open on demand; the kind filter). Both languages, no raw key or id on screen,
// axe (no serious or critical) and no sideways scroll on every screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ok } from '../helpers/fixtures.js';
import { launchBrowser, pageText, screenshots, type Tab } from './support/browser.js';
import { adminPassword, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { expectAttr, rawKeys, staffSignIn } from './support/ui.js';
import { demoCode } from '../../server/demo/data.js';
import { demoLogins } from '../../server/demo/seed.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
const tabs: Tab[] = [];
const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);
const county = { bodyId: '', sessionId: '', projectId: '' };
const CHECK_INS = 10;
const namespaces = ['audit', 'admin', 'common', 'table', 'role', 'console', 'staff'];
// an id as server/db/ids.ts makes them (16 of 0-9a-z, one digit at least)
const anId = /(?<![0-9a-z])(?=[0-9a-z]*[0-9])[0-9a-z]{16}(?![0-9a-z])/;

async function noKeysNorIds(page: Page, label: string) {
  expect(await rawKeys(page, namespaces), `${label}: raw keys`).toEqual([]);
  expect((await pageText(page)).match(anId), `${label}: an id on screen`).toBeNull();
}

beforeAll(async () => {
  shot = screenshots('audit');
  browser = await launchBrowser();
  server = await startE2EServer({ demo: true });
  const admin = { token: server.adminToken };
  const bodies = ok(await server.call('GET', '/api/bodies', admin)) as { id: string; name: string }[];
  county.bodyId = bodies.find((b) => b.name === '清河县人民代表大会常务委员会')!.id;
  const sessions = ok(await server.call('GET', `/api/bodies/${county.bodyId}/sessions`, admin)) as { id: string; name: string }[];
  county.sessionId = sessions.find((s) => s.name === '清河县第十八届人民代表大会第五次会议')!.id;

  // a clerk's morning: a project drafted, edited and assessed (screening) ...
  const project = ok(await server.call('POST', `/api/bodies/${county.bodyId}/projects`, {
    ...admin, json: { year: 2028, title: '城区老旧小区加装电梯 30 部', description: '为 30 个单元加装电梯', category: '城乡建设', department: '县住房和城乡建设局', investment: 900 },
  })) as { id: string };
  county.projectId = project.id;
  ok(await server.call('PUT', `/api/projects/${project.id}`, { ...admin, json: { investment: 960 } }));
  ok(await server.call('PUT', `/api/projects/${project.id}/assessment`, {
    ...admin, json: { feasible: true, reason: '资金已纳入预算', investment: 960, completionDate: '2028-11-30' },
  }));
  // ... the members DM000001–DM000010, not yet checked in, check in within one minute (wait for a fresh one) ...
  const presider = { token: (ok(await server.call('POST', '/api/auth/login', { json: demoLogins.presider })) as { token: string }).token };
  const tokens = await Promise.all(Array.from({ length: CHECK_INS }, async (_, i) =>
    (ok(await server.call('POST', '/api/auth/member-login', { json: { code: demoCode(i) } })) as { token: string }).token));
  if (new Date().getSeconds() > 40) await new Promise((r) => setTimeout(r, (61 - new Date().getSeconds()) * 1000));
  for (const token of tokens) ok(await server.call('POST', `/api/sessions/${county.sessionId}/checkin`, { token }));
  // ... and the presider records who has left on business: enough entries for a second page of the trail
  const roster = ok(await server.call('GET', `/api/sessions/${county.sessionId}/roster`, presider)) as { memberId: string; present: boolean }[];
  for (const m of roster.filter((r) => r.present).slice(20, 40)) {
    ok(await server.call('PUT', `/api/sessions/${county.sessionId}/attendance/${m.memberId}`, { ...presider, json: { present: false, note: '出差' } }));
  }
  ok(await server.call('POST', `/api/sessions/${county.sessionId}/screen-token`, presider));
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('the trail in words', () => {
  it('操作记录: the county\'s changes, newest first, by stage and by subject, in both languages', async () => {
    const page = await tab('desktop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.getByTestId('lang-zh-CN').click();
    await page.goto(`/admin/${county.bodyId}/audit`);
    const rows = page.getByTestId('trail-row');
    await rows.first().waitFor();
    await expectAttr(page.getByTestId('admin-tab-audit'), 'aria-current', 'page');
    expect(await rows.count()).toBe(50);
    // the county's whole trail, as the API counts it (the demo writes more as features are added)
    const total = ok(await server.call('GET', `/api/bodies/${county.bodyId}/audit?limit=1`, { token: server.adminToken })).total as number;
    expect(total).toBeGreaterThan(50);
    await expect.poll(() => page.getByTestId('trail-table-count').textContent()).toMatch(new RegExp(`1–50\\D+${total}`));
    // newest first: the screen token, then the presider's leave entries
    await expect.poll(() => rows.first().getByTestId('trail-sentence').textContent()).toBe('打开会议「清河县第十八届人民代表大会第五次会议」的大屏幕');
    await expect.poll(() => rows.nth(1).getByTestId('trail-sentence').textContent()).toMatch(/^将代表.+标记为请假$/);
    await noKeysNorIds(page, 'trail zh');
    await check(page, 'trail-zh');

    await page.getByTestId('lang-en').click();
    await expect.poll(() => rows.first().getByTestId('trail-sentence').textContent()).toBe('Opened the big screen of session “清河县第十八届人民代表大会第五次会议”');
    await expect.poll(() => rows.nth(1).getByTestId('trail-sentence').textContent()).toMatch(/^Marked member .+ on leave$/);
    await expect.poll(() => page.getByRole('columnheader').allTextContents()).toEqual(['Time', 'By', 'What happened', 'Stage']);
    await noKeysNorIds(page, 'trail en');
    await check(page, 'trail-en');

    // the second page
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByTestId('trail-table-count').textContent()).toMatch(new RegExp(`51–${total}\\D+${total}`));
    await expect.poll(() => page.url()).toMatch(/offset=50/);

    // by stage: screening only, with its facts
    await page.getByTestId('trail-stage').selectOption('screening');
    await expect.poll(() => page.url()).not.toMatch(/offset=/);
    await expect.poll(async () => new Set(await page.locator('.audit__stage').allTextContents())).toEqual(new Set(['Screening']));
    await expect.poll(() => rows.first().getByTestId('trail-sentence').textContent()).toBe('Assessed project “城区老旧小区加装电梯 30 部”');
    await expect.poll(() => rows.first().locator('.audit__facts').textContent()).toMatch(/Feasible.*Investment CN¥9,600,000/);
    await check(page, 'trail-screening-en');

    // one subject: its own entries (created, edited, assessed), then all again
    await rows.first().getByTestId('audit-subject').click();
    await expect.poll(() => page.url()).toContain(`subject=${county.projectId}`);
    await expect.poll(async () => (await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-action')))).join(' ')).toBe('project.assessed project.updated project.created');
    await expect.poll(() => page.getByTestId('trail-subject').textContent()).toContain('Only the entries about project “城区老旧小区加装电梯 30 部”');
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(() => rows.nth(1).getByTestId('trail-sentence').textContent()).toBe('修改项目「城区老旧小区加装电梯 30 部」');
    await expect.poll(() => rows.nth(1).locator('.audit__facts').textContent()).toBe('修改了 投资');
    await noKeysNorIds(page, 'trail subject zh');
    await check(page, 'trail-subject-zh');
    // all of the stage again, then every stage
    await page.getByTestId('trail-subject-clear').click();
    await expect.poll(() => page.url()).not.toContain('subject=');
    await expect.poll(() => page.url()).toContain('stage=screening');
    await page.getByTestId('trail-stage').selectOption('');
    await expect.poll(() => rows.count()).toBe(50);
  });

  it('the console\'s log: a minute\'s check-ins in one line, newest first, by kind, in both languages', async () => {
    const page = await tab('desktop');
    await staffSignIn(page, demoLogins.presider.username, demoLogins.presider.password, `/console/${county.sessionId}`);
    await page.getByTestId('lang-zh-CN').click();
    await page.getByTestId('tab-audit').click();
    const rows = page.getByTestId('audit-table').getByTestId('audit-row');
    await rows.first().waitFor();
    await expect.poll(() => rows.first().getByTestId('audit-sentence').textContent()).toBe('打开会议「清河县第十八届人民代表大会第五次会议」的大屏幕');
    const fold = page.getByTestId('audit-fold');
    await expect.poll(() => fold.locator('summary').textContent()).toBe(`${CHECK_INS} 位代表签到`);
    expect(await page.locator('[data-action="member.checked_in"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-action="member.checked_in"]').getAttribute('data-count')).toBe(String(CHECK_INS));
    expect(await fold.locator('.audit__names').isVisible()).toBe(false);
    await noKeysNorIds(page, 'console zh');
    await check(page, 'console-log-zh');
    await fold.locator('summary').click();
    await expect.poll(() => fold.locator('.audit__names').isVisible()).toBe(true);
    expect(((await fold.locator('.audit__names').textContent()) ?? '').split('、')).toHaveLength(CHECK_INS);
    await check(page, 'console-log-names-zh');

    await page.getByTestId('lang-en').click();
    await expect.poll(() => fold.locator('summary').textContent()).toBe(`${CHECK_INS} members checked in`);
    await page.getByTestId('audit-kind-attendance').click();
    await expectAttr(page.getByTestId('audit-kind-attendance'), 'aria-pressed', 'true');
    await expect.poll(async () => new Set(await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-action'))))).toEqual(new Set(['attendance.set', 'member.checked_in']));
    await expect.poll(() => rows.first().getByTestId('audit-sentence').textContent()).toMatch(/^Marked member .+ on leave$/);
    await noKeysNorIds(page, 'console en');
    await check(page, 'console-log-attendance-en');
    await page.getByTestId('audit-kind-vote').click();
    await expect.poll(async () => (await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-action')))).every((a) => a?.startsWith('ballot.'))).toBe(true);
    await page.getByTestId('audit-kind-other').click();
    await expect.poll(() => rows.first().getAttribute('data-action')).toBe('screen.token_issued');
    await check(page, 'console-log-other-en');
  });
});
