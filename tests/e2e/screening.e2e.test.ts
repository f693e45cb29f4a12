// 人大派单 in a browser: a department assesses a project in its workspace; the clerk builds the candidate
// list, sees the 差额 warning below 1.2×, saves and records the 主任会议's approval; the presider creates the
// selection ballot from the list in one step and, once it is published, issues the numbered notice, which
// the public reads and prints. Every screen: axe (no serious or critical), no sideways scroll, CSP kept on.
import fs from 'node:fs';
import os from 'node:os';
import sharp from 'sharp';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ok, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, screenshots, type Tab } from './support/browser.js';
import { adminPassword, presiderLogin, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { apiVote, clickConfirmed, expectText, staffSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let hall: Hall;
const tabs: Tab[] = [];
let ballotId = '';

const check = screenChecker(() => shot);

const tab = tabOpener(() => ({ browser, url: server.url }), tabs);

beforeAll(async () => {
  shot = screenshots('screening');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await server.hall({ members: 6, projects: 3, checkIn: 'all' });
  ok(await server.call('POST', '/api/users', { token: server.adminToken, json: { username: 'dept-edu', password: 'dept-password', role: 'department', bodyId: hall.bodyId, department: '教育局' } }));
  // Two of the three projects are assessed through the API; the department assesses the first in its workspace.
  for (const id of hall.projectIds.slice(1)) {
    ok(await server.call('PUT', `/api/projects/${id}/assessment`, { token: server.adminToken, json: { feasible: true, reason: '条件具备', investment: 300, completionDate: '2027-11-30' } }));
  }
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('from assessment to the notice', () => {
  it('a department assesses its project in its workspace', async () => {
    const page = await tab('portrait');
    await staffSignIn(page, 'dept-edu', 'dept-password', '/dept');
    await expectText(page.getByTestId('dept-waiting'), /1 个项目/);
    await page.getByTestId(`work-${hall.projectIds[0]}`).getByTestId('assess-open').click();
    await page.getByTestId('assess-submit').click();
    // nothing is chosen for the department: it must say 可行 or 不可行 itself (issue 25)
    await expectText(page.getByTestId('assess-feasible-error'), '请选择“可行”或“不可行”。');
    await expectText(page.getByTestId('assess-reason-error'), '必填');
    // Targets are optional: a blank (or cleared) box is no error.
    await page.getByTestId('assess-targets').fill('x');
    await page.getByTestId('assess-targets').fill('');
    await page.getByTestId('assess-submit').click();
    await expectText(page.getByTestId('assess-reason-error'), '必填');
    expect(await page.getByTestId('assess-targets-error').count()).toBe(0);
    await page.getByTestId('assess-feasible-yes').check();
    await page.getByTestId('assess-reason').fill('用地已落实，资金由县级财政安排，年内可以完成。');
    await page.getByTestId('assess-investment').fill('4200');
    await page.getByTestId('assess-targets').fill('新建幼儿园 2 所\n新增学位 600 个');
    await check(page, 'department-assessment');
    await page.getByTestId('assess-submit').click();
    await expectText(page.getByTestId('dept-saved'), /已提交/);
    await expectText(page.getByTestId('dept-waiting'), /0 个项目/);
    await check(page, 'department-worklist');
  });

  it('the clerk builds the list, is warned below 1.2×, saves it and records the approval', async () => {
    const page = await tab('laptop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.goto(`/admin/${hall.bodyId}/screening?year=2027`);
    // a draft is edited before it goes on the list
    await page.getByTestId(`screening-row-${hall.projectIds[2]}`).getByTestId('project-edit').click();
    await page.getByTestId('project-edit-title').fill('项目3（调整后）');
    await page.getByTestId('project-edit-save').click();
    await expectText(page.getByTestId(`screening-row-${hall.projectIds[2]}`), /项目3（调整后）/);
    await page.getByTestId('list-seats').fill('2');
    for (const id of hall.projectIds.slice(0, 2)) await page.getByTestId(`screening-row-${id}`).getByTestId('row-select').check();
    await expectText(page.getByTestId('list-warning'), /1\.2/);
    await check(page, 'screening-ratio-warning');
    await page.getByTestId(`screening-row-${hall.projectIds[2]}`).getByTestId('row-select').check();
    await expect.poll(() => page.getByTestId('list-warning').count()).toBe(0);
    await page.getByTestId('list-save').click();
    await page.getByTestId('list-meeting').fill('第5次主任会议');
    await page.getByTestId('list-approve').click();
    await expectText(page.getByTestId('list-state'), '已通过');
    await expectText(page.getByTestId(`screening-row-${hall.projectIds[0]}`).getByTestId('screening-status'), '候选');
    await check(page, 'screening-approved');
  });

  it('the presider creates the ballot from the list; after publication, the numbered notice', async () => {
    const page = await tab('laptop');
    const p = await presiderLogin(server, hall);
    await staffSignIn(page, p.username, p.password, `/console/${hall.sessionId}`);
    await page.getByTestId('ballot-from-list').click();
    await expect.poll(async () => (ok(await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken })).ballots as unknown[]).length).toBe(1);
    ballotId = ok(await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken })).ballots[0].id;
    const ballot = ok(await server.call('GET', `/api/ballots/${ballotId}`, { token: hall.presiderToken }));
    expect(ballot.options.map((o: { id: string }) => o.id).sort()).toEqual([...hall.projectIds].sort());
    const presider = { token: hall.presiderToken };
    ok(await server.call('POST', `/api/ballots/${ballotId}/open`, presider));
    const [a, b, c] = hall.projectIds;
    for (const m of hall.members) await apiVote(server, m.token, ballotId, { [a]: 'yes', [b]: 'yes', [c]: 'no' });
    ok(await server.call('POST', `/api/ballots/${ballotId}/close`, presider));
    ok(await server.call('POST', `/api/ballots/${ballotId}/publish`, presider));
    await page.reload();
    await page.getByTestId(`ballot-item-${ballotId}`).click();
    await clickConfirmed(page, 'notice-issue', 'confirm-notice');
    await expectText(page.getByTestId('notice-link'), '第1号公告');
    await check(page, 'console-notice');
    const projects = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/projects?year=2027`));
    expect(Object.fromEntries(projects.map((x: { id: string; status: string }) => [x.id, x.status]))).toEqual({ [a]: 'selected', [b]: 'selected', [c]: 'not_selected' });
  });

  it('the department plans a selected project and reports progress with a photo from a file', async () => {
    const page = tabs[0].page;
    const [a] = hall.projectIds;
    const photo = path.join(os.tmpdir(), `minsheng-e2e-${Date.now()}.jpg`);
    fs.writeFileSync(photo, await sharp({ create: { width: 800, height: 600, channels: 3, background: '#6a8' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer());
    await page.goto('/dept');
    await page.getByTestId(`work-${a}`).getByTestId('impl-open').click();
    await expectText(page.getByTestId('impl-execution'), '未启动');
    await page.getByTestId('plan-targets').fill('新建幼儿园 2 所');
    await page.getByTestId('plan-milestones').fill('开工 2027-03-31\n主体完工 2027-09-30');
    await page.getByTestId('plan-funding').fill('县级财政 4200 万元');
    await page.getByTestId('plan-save').click();
    await expect.poll(async () => (await page.getByTestId('report-milestone').locator('option').count())).toBe(3);
    await page.getByTestId('report-percent').fill('30');
    await page.getByTestId('report-milestone').selectOption('开工');
    await page.getByTestId('report-note').fill('幼儿园主体已开工建设');
    await page.getByTestId('report-photo').setInputFiles(photo);
    await page.getByTestId('report-photo-thumb').waitFor();
    await page.getByTestId('report-submit').click();
    await expectText(page.getByTestId('report-item').first(), /30% · 开工 · 幼儿园主体已开工建设/);
    await expectText(page.getByTestId('impl-execution'), '推进中');
    await check(page, 'department-progress-photo');
    const impl = ok(await server.call('GET', `/api/projects/${a}/implementation`, { token: server.adminToken }));
    const stored = await (await fetch(server.url + impl.progress[0].photos[0].url)).arrayBuffer();
    const meta = await sharp(Buffer.from(stored)).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([600, 800, undefined]);
    fs.rmSync(photo, { force: true });
  });

  it('the public reads and prints the notice', async () => {
    const page = await tab('phone');
    await page.goto(`/bodies/${hall.bodyId}?year=2027`);
    const [a, , c] = hall.projectIds;
    await expectText(page.getByTestId(`public-project-${a}`).getByTestId('public-project-status'), '已选定');
    await expectText(page.getByTestId(`public-project-${c}`).getByTestId('public-project-status'), '未当选');
    await check(page, 'public-body-projects-notices');
    await page.getByTestId('notice-list').getByRole('link').first().click();
    await expectText(page.getByTestId('notice-number'), '（第1号）');
    expect(await page.getByTestId('notice').innerText()).toContain('项目1');
    await check(page, 'public-notice');
    await page.emulateMedia({ media: 'print' });
    await check(page, 'public-notice-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(page.getByTestId('notice-number'), '（No. 1）');
    await expectText(page.getByTestId('notice-print'), 'Print the notice');
    await check(page, 'public-notice-en');
  });
});
