// 承办单位 as a list and the reserve (储备库) in a browser, on a laptop (1366×768), in both languages: the clerk
// chooses a project's department in the combobox (keyboard), adds a new one on purpose, a department returns a
// project that is not theirs and the clerk reassigns it, a not-selected project goes into the reserve and is
// brought into next year's screening in one step, and its public page says where it came from. axe on every screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ok, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, screenshots, type Tab } from './support/browser.js';
import { adminPassword, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { apiVote, expectText, staffSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let hall: Hall;
const tabs: Tab[] = [];
let draft = '';
let notSelected = '';
let idea = '';

const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);
const departments = async () => (ok(await server.call('GET', `/api/bodies/${hall.bodyId}/departments`, { token: server.adminToken })) as { name: string }[]).map((d) => d.name);

beforeAll(async () => {
  shot = screenshots('departments-reserve');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await server.hall({ members: 3, projects: 2, checkIn: 'all' });
  const admin = { token: server.adminToken };
  for (const [username, department] of [['dept-edu', '县教育局'], ['dept-health', '县卫生健康委员会']]) {
    ok(await server.call('POST', '/api/users', { ...admin, json: { username, password: 'dept-password', role: 'department', bodyId: hall.bodyId, department } }));
  }
  // 2027's vote: the first project selected, the second not
  const [a, b] = hall.projectIds;
  const presider = { token: hall.presiderToken };
  const ballot = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { ...presider, json: { kind: 'selection', title: '2027年民生实事票决', projectIds: [a, b], seats: 1 } }));
  ok(await server.call('POST', `/api/ballots/${ballot.id}/open`, presider));
  for (const m of hall.members) await apiVote(server, m.token, ballot.id, { [a]: 'yes', [b]: 'no' });
  ok(await server.call('POST', `/api/ballots/${ballot.id}/close`, presider));
  ok(await server.call('POST', `/api/ballots/${ballot.id}/publish`, presider));
  notSelected = b;
  // a not-adopted suggestion of 2027 kept in the reserve
  ok(await server.call('POST', `/api/bodies/${hall.bodyId}/collection`, { ...admin, json: { year: 2027, opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() } }));
  idea = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/suggestions`, { ...admin, json: { title: '县图书馆延长开放时间', description: '希望周末和晚上延长开放', category: '文化体育' } })).id;
  ok(await server.call('PUT', `/api/suggestions/${idea}/status`, { ...admin, json: { status: 'not_adopted', reason: '今年经费不足' } }));
  ok(await server.call('PUT', `/api/suggestions/${idea}/reserve`, { ...admin, json: { reserve: true, note: '群众呼声高' } }));
  draft = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/projects`, { ...admin, json: { year: 2028, title: '乡镇卫生院改造', description: '改造 3 所乡镇卫生院', category: '医疗卫生', department: '县教育局' } })).id;
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

async function openEdit(page: Page) {
  await page.goto(`/admin/${hall.bodyId}/screening?year=2028`);
  await page.getByTestId(`screening-row-${draft}`).getByTestId('project-edit').click();
  return page.getByTestId('project-edit-department');
}

describe('the 承办单位 list', () => {
  it('a department returns a project that is not theirs', async () => {
    const page = await tab('laptop');
    await staffSignIn(page, 'dept-edu', 'dept-password', '/dept');
    const item = page.getByTestId(`work-${draft}`);
    await item.getByTestId('return-open').click();
    await item.getByTestId('return-reason').fill('卫生院改造属于卫生健康系统，建议交县卫生健康委员会承办。');
    await check(page, 'department-return');
    await item.getByTestId('return-confirm').click();
    await expectText(item.getByTestId('returned-note'), /已退回/);
    await check(page, 'department-returned');
  });

  it('the clerk sees it flagged, chooses the department in the combobox by keyboard, and adds a new one on purpose', async () => {
    const page = await tab('laptop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.goto(`/admin/${hall.bodyId}/screening?year=2028`);
    const row = page.getByTestId(`screening-row-${draft}`);
    await expectText(row.getByTestId('project-returned'), '已退回');
    await expectText(row, /卫生健康系统/);
    await check(page, 'screening-returned');
    const input = await openEdit(page);
    expect(await input.getAttribute('role')).toBe('combobox');
    await input.fill('卫生');
    const list = page.getByTestId('project-edit-department-listbox');
    await expectText(list.getByTestId('dept-option').first(), '县卫生健康委员会');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await check(page, 'combobox-open');
    await input.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBeTruthy();
    await input.press('Enter');
    expect(await input.inputValue()).toBe('县卫生健康委员会');
    await page.getByTestId('project-edit-save').click();
    await expectText(row, /县卫生健康委员会/);
    await expect.poll(() => row.getByTestId('project-returned').count()).toBe(0);

    // a department not listed yet: only on purpose, through 新增承办单位「…」
    const again = await openEdit(page);
    await again.fill('县文化和旅游局');
    await expectText(page.getByTestId('dept-option-add'), '新增承办单位「县文化和旅游局」');
    expect(await departments()).not.toContain('县文化和旅游局');
    await check(page, 'combobox-add');
    await page.getByTestId('dept-option-add').click();
    await expect.poll(departments).toContain('县文化和旅游局');
    expect(await again.inputValue()).toBe('县文化和旅游局');
    await page.getByTestId('project-edit-save').click();
    await expectText(row, /县文化和旅游局/);
  });
  it('a department user belongs to one department of the list, chosen in the user form', async () => {
    const page = tabs[1].page;
    await page.goto(`/admin/${hall.bodyId}/users`);
    await page.getByTestId('admin-user-role').selectOption('department');
    const dept = page.getByTestId('admin-user-department');
    await dept.fill('文化');
    await page.getByTestId('admin-user-department-listbox').getByTestId('dept-option').first().click();
    expect(await dept.inputValue()).toBe('县文化和旅游局');
    await page.getByTestId('admin-user-username').fill('dept-wenlv');
    await page.getByTestId('admin-user-password-generate').click();
    await check(page, 'user-form-department');
    await page.getByTestId('admin-user-submit').click();
    await expectText(page.locator('[data-testid^="admin-user-row-"]'), /dept-wenlv[\s\S]*县文化和旅游局/);
  });
});

describe('the reserve', () => {
  it('keeps a not-selected project and brings it into next year\'s screening', async () => {
    const page = tabs[1].page;
    await page.goto(`/admin/${hall.bodyId}/screening?year=2027`);
    const row = page.getByTestId(`screening-row-${notSelected}`);
    await row.getByTestId('reserve-add').click();
    await page.getByTestId('reserve-note').fill('群众呼声较高，待明年财力允许时优先考虑。');
    await check(page, 'reserve-dialog');
    await page.getByTestId(`reserve-dialog-${notSelected}-confirm`).click();
    await expectText(row.getByTestId('in-reserve'), '在储备库中');

    // the year being screened travels with the tabs (?year=): a 2027 project goes into 2028's screening
    await page.goto(`/admin/${hall.bodyId}/screening?year=2028`);
    await page.getByTestId('admin-tab-reserve').click();
    await page.waitForURL((u) => u.pathname.endsWith('/reserve'));
    const kept = page.getByTestId(`reserve-project-${notSelected}`);
    await expectText(kept, /群众呼声较高/);
    await expectText(kept.getByTestId('reserve-bring'), '转入 2028 年筛选');
    await check(page, 'reserve-tab');
    await kept.getByTestId('reserve-bring').click();
    await expectText(page.getByTestId('reserve-done'), /2028/);
    await expect.poll(() => page.getByTestId(`reserve-project-${notSelected}`).count()).toBe(0);
    const made = (ok(await server.call('GET', `/api/bodies/${hall.bodyId}/projects?year=2028`, { token: server.adminToken })) as { title: string; reservedFrom: { id: string; year: number } | null }[])
      .find((p) => p.reservedFrom?.id === notSelected);
    expect(made).toMatchObject({ title: '项目2', reservedFrom: { id: notSelected, year: 2027 } });
    // a reserved suggestion becomes a 2028 draft, its 承办单位 chosen from the list
    const kept2 = page.getByTestId(`reserve-suggestion-${idea}`);
    await kept2.getByTestId('reserve-suggestion-bring').click();
    const dept = kept2.getByTestId('reserve-suggestion-department');
    await dept.fill('文化');
    await page.getByTestId('reserve-suggestion-department-listbox').getByTestId('dept-option').first().click();
    expect(await dept.inputValue()).toBe('县文化和旅游局');
    await check(page, 'reserve-suggestion-form');
    await kept2.getByTestId('reserve-suggestion-confirm').click();
    await expect.poll(() => page.getByTestId(`reserve-suggestion-${idea}`).count()).toBe(0);
    const adopted = (ok(await server.call('GET', `/api/bodies/${hall.bodyId}/projects?year=2028`, { token: server.adminToken })) as { title: string; department: string; suggestionIds: string[] }[])
      .find((p) => p.suggestionIds.includes(idea));
    expect(adopted).toMatchObject({ title: '县图书馆延长开放时间', department: '县文化和旅游局' });
    await page.goto(`/admin/${hall.bodyId}/screening?year=2028`);
    await expectText(page.getByTestId('reserved-from'), '来自 2027 年储备库');
    await check(page, 'screening-from-reserve');
  });

  it('the public page of the project says which year\'s reserve it came from (phone)', async () => {
    const admin = { token: server.adminToken };
    const made = (ok(await server.call('GET', `/api/bodies/${hall.bodyId}/projects?year=2028`, admin)) as { id: string; reservedFrom: { id: string } | null }[])
      .find((p) => p.reservedFrom?.id === notSelected)!;
    ok(await server.call('PUT', `/api/projects/${made.id}/assessment`, { ...admin, json: { feasible: true, reason: '资金已落实，年内可以完成。', investment: 300, completionDate: '2028-11-30' } }));
    const list = ok(await server.call('POST', `/api/bodies/${hall.bodyId}/candidate-lists`, { ...admin, json: { year: 2028, projectIds: [made.id], seats: 1 } }));
    ok(await server.call('POST', `/api/candidate-lists/${list.id}/approve`, { ...admin, json: { meeting: '主任会议' } }));
    const page = await tab('phone');
    await page.goto(`/projects/${made.id}`);
    await expectText(page.getByTestId('project-reserved-from'), '来自 2027 年储备库');
    await expectText(page.getByTestId('project-reserved-text'), /2027 年/);
    await check(page, 'public-from-reserve');
  });

  it('reads the same in English', async () => {
    const page = tabs[1].page;
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectText(page.getByTestId('reserved-from'), 'From the 2027 reserve');
    await check(page, 'screening-en');
    const input = await openEdit(page);
    await input.fill('县新部门');
    await expectText(page.getByTestId('dept-option-add'), 'Add the department “县新部门”');
    await check(page, 'combobox-en');
    await input.press('Escape');
    await page.goto(`/admin/${hall.bodyId}/reserve?year=2028`);
    await expectText(page.locator('#reserve-heading'), 'Reserve');
    await check(page, 'reserve-tab-en');
    await page.getByTestId('lang-zh-CN').click();
  });
});
