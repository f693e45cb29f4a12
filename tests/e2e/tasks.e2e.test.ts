// 督办单 in a browser: a plan with a long-missed milestone turns a project red and its task opens by itself;
// the clerk finds it (with a hand-opened one) under 督办单 at 1366×768 and sees the printable sheets; the
// department answers with a photo in its workspace; the clerk closes it; the supervisor sees it on the
// tablet and residents on the project's page. Both languages; axe (no serious or critical) and no sideways
// scroll on every screen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ok, publishedBallot, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, screenshots, type Tab } from './support/browser.js';
import { adminPassword, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { expectText, memberSignIn, rawKeys, staffSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let hall: Hall;
const tabs: Tab[] = [];
let a = '';
let b = '';
const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  shot = screenshots('tasks');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await server.hall({ members: 4, projects: 3, checkIn: 'all' });
  [a, b] = hall.projectIds;
  await publishedBallot(server, hall, { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 2 }, () => ({ [a]: 'yes', [b]: 'yes', [hall.projectIds[2]]: 'no' }));
  const admin = { token: server.adminToken };
  ok(await server.call('POST', '/api/users', { ...admin, json: { username: 'dept-edu', password: 'dept-password', role: 'department', bodyId: hall.bodyId, department: '教育局' } }));
  ok(await server.call('PUT', `/api/projects/${a}/supervisors`, { ...admin, json: { memberIds: [hall.members[0].id], leadMemberId: hall.members[0].id } }));
  // a: its opening milestone long missed → red; the write itself opens the task
  ok(await server.call('PUT', `/api/projects/${a}/plan`, { ...admin, json: { targets: ['新建幼儿园 2 所'], milestones: [{ title: '开工', due: '2026-01-31' }], funding: '县级财政', completionDate: '2099-12-31' } }));
  // b: one opened by hand from an inspection's findings
  ok(await server.call('POST', `/api/projects/${b}/tasks`, { ...admin, json: { note: '视察发现施工围挡破损，存在安全隐患', due: inDays(10) } }));
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('督办单', () => {
  it('the clerk sees both tasks at 1366×768, filters them, and has one printable sheet per task', async () => {
    const page = await tab('laptop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.goto(`/admin/${hall.bodyId}/tasks?year=2027`);
    await page.getByTestId(`task-row-${a}`).waitFor();
    await expectText(page.getByTestId(`task-row-${a}`), /项目1[\s\S]*待答复[\s\S]*进度滞后/);
    await expectText(page.getByTestId(`task-row-${b}`), /视察发现问题[\s\S]*围挡破损/);
    expect(await page.getByTestId('task-sheet').count()).toBe(2);
    await check(page, 'staff-tasks');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.body.classList.add('tasks-printing'));
    await shot(page, 'staff-tasks-print');
    // printed, the sheets are exactly one A4 page each
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(2);
    await page.evaluate(() => document.body.classList.remove('tasks-printing'));
    await page.emulateMedia({ media: 'screen' });
    // opening one by hand for a project that already has one is refused, and says so
    await page.getByTestId('task-open-toggle').click();
    await page.getByTestId('task-open-project').selectOption(a);
    await page.getByTestId('task-open-note').fill('视察发现问题');
    await page.getByTestId('task-open-submit').click();
    await expectText(page.getByTestId('task-open-form'), /未办结的督办单/);
    await check(page, 'staff-task-open-refused');
    await page.getByTestId('task-open-toggle').click();
    await page.getByTestId('tasks-state').selectOption('answered');
    await expectText(page.getByTestId('tasks-table'), /没有符合条件的督办单/);
    await page.getByTestId('tasks-state').selectOption('');
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(page.getByTestId(`task-row-${a}`), /Awaiting answer[\s\S]*behind schedule/);
    expect(await rawKeys(page, ['tasks', 'admin'])).toEqual([]);
    await check(page, 'staff-tasks-en');
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('the department answers with text, date and a photo in its workspace', async () => {
    const page = await tab('laptop');
    const photo = path.join(os.tmpdir(), `minsheng-task-${Date.now()}.jpg`);
    fs.writeFileSync(photo, await sharp({ create: { width: 1000, height: 750, channels: 3, background: '#7a9' } }).jpeg().toBuffer());
    await staffSignIn(page, 'dept-edu', 'dept-password', '/dept');
    await page.getByTestId(`dept-task-${a}`).waitFor();
    await expectText(page.getByTestId('dept-tasks'), /待答复 2 件/);
    await check(page, 'dept-tasks');
    const card = page.getByTestId(`dept-task-${a}`);
    await card.getByTestId('task-answer-open').click();
    await card.getByTestId('task-answer-submit').click();
    await card.locator('.field__error').first().waitFor();
    await card.getByTestId('task-answer-text').fill('已调整施工组织，增加作业班组，主体工程 3 月底前开工。');
    await card.getByTestId('task-answer-photo').setInputFiles(photo);
    await card.getByTestId('task-answer-photo-thumb').waitFor();
    await check(page, 'dept-task-answer-form');
    await card.getByTestId('task-answer-submit').click();
    await page.getByTestId('task-answer-saved').waitFor();
    await expectText(page.getByTestId(`dept-task-${a}`).getByTestId('task-state'), '已答复，待办结');
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(page.getByTestId('dept-tasks'), /Your department's supervision tasks/);
    expect(await rawKeys(page, ['tasks', 'dept'])).toEqual([]);
    await check(page, 'dept-tasks-en');
    await page.getByRole('button', { name: '中文' }).click();
    fs.rmSync(photo, { force: true });
  });

  it('the clerk closes the answered task', async () => {
    const page = await tab('laptop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.goto(`/admin/${hall.bodyId}/tasks`);
    const row = page.getByTestId(`task-row-${a}`);
    await expectText(row, /已答复，待办结[\s\S]*增加作业班组/);
    await row.getByTestId('task-close').click();
    await row.getByTestId('task-close-note').fill('经现场核实，同意办结。');
    await check(page, 'staff-task-close');
    await row.getByTestId('task-close-submit').click();
    await expectText(page.getByTestId(`task-row-${a}`).getByTestId('task-state'), '已办结');
  });

  it('the supervisor sees the red project and its task on the tablet; residents see it on the project page', async () => {
    const tablet = await tab('landscape');
    await memberSignIn(tablet, hall.members[0].code);
    await tablet.getByTestId('tablet-my-projects').click();
    await expectText(tablet.getByTestId(`my-project-${a}`).getByTestId('my-project-color'), /红色/);
    await tablet.getByTestId(`my-project-${a}`).click();
    await expectText(tablet.getByTestId('project-color'), /红色：进度滞后/);
    await expectText(tablet.getByTestId('project-task').first(), /已办结[\s\S]*增加作业班组/);
    await check(tablet, 'tablet-project-tasks');
    const phone = await tab('phone');
    await phone.goto(`/projects/${a}`);
    await phone.getByTestId('public-tasks').waitFor();
    await expectText(phone.getByTestId('project-color'), /红色：进度滞后/);
    await expectText(phone.getByTestId('public-tasks'), /已办结[\s\S]*增加作业班组/);
    await check(phone, 'public-project-tasks');
    await phone.getByRole('button', { name: 'English' }).click();
    await expectText(phone.getByTestId('public-tasks'), /Closed/);
    await check(phone, 'public-project-tasks-en');
  });
});

describe('督办单 in the demo county', () => {
  let demo: E2EServer;
  let county = '';
  beforeAll(async () => {
    demo = await startE2EServer({ demo: true });
    const bodies = ok(await demo.call('GET', '/api/bodies', { token: demo.adminToken })) as { id: string; name: string }[];
    county = bodies.find((x) => x.name.startsWith('清河县'))!.id;
  }, 240_000);
  afterAll(async () => { await demo?.close(); });
  const demoTab = tabOpener(() => ({ browser, url: demo.url }), tabs);

  it('the clerk finds the escalated task first, said in words, for the directors\' meeting', async () => {
    const page = await demoTab('laptop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.goto(`/admin/${county}/tasks`);
    await page.getByTestId('tasks-overdue').waitFor();
    const first = page.getByTestId('tasks-table').locator('tbody tr').first();
    await expectText(first, /城乡公交一体化[\s\S]*逾期未答复 · 升级督办[\s\S]*进度滞后/);
    await check(page, 'demo-staff-tasks');
    // the box follows the address (?escalated=true), so it is checked once the list has been asked again
    await page.getByTestId('tasks-escalated').click();
    await expect.poll(() => page.getByTestId('tasks-escalated').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('tasks-table').locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(first, /Overdue · escalated/);
    await check(page, 'demo-staff-tasks-escalated-en');
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('the transport bureau sees its escalated task; a supervisor sees the answered one on the tablet', async () => {
    const page = await demoTab('laptop');
    await staffSignIn(page, 'dept-jiaotong', 'minsheng-dept', '/dept');
    await expectText(page.getByTestId('dept-tasks').getByTestId('task-state').first(), '逾期未答复 · 升级督办');
    await check(page, 'demo-dept-tasks');
    const tablet = await demoTab('landscape');
    await memberSignIn(tablet, 'DM000001');
    await tablet.getByTestId('tablet-my-projects').click();
    await expectText(tablet.getByTestId('my-tasks'), /农村饮水安全[\s\S]*已答复，待办结/);
    await check(tablet, 'demo-tablet-my-tasks');
  });
});

