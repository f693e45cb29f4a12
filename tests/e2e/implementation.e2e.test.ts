// 政府办单 → 代表督单 → 人大验单 in a browser: a supervisor records an inspection with a photo on a 768×1024
// tablet; the presider creates the satisfaction round in one step; a member rates the projects with the
// 查看进展 panel open; the clerk's dashboard shows the overdue and the behind project. Both languages;
// axe (no serious or critical) and no sideways scroll on every screen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ok, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, screenshots, type Tab } from './support/browser.js';
import { adminPassword, presiderLogin, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { apiVote, expectAttr, expectText, memberSignIn, staffSignIn } from './support/ui.js';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let hall: Hall;
const tabs: Tab[] = [];
let a = '';
let b = '';

const check = screenChecker(() => shot);

const tab = tabOpener(() => ({ browser, url: server.url }), tabs);

beforeAll(async () => {
  shot = screenshots('implementation');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await server.hall({ members: 6, projects: 3, checkIn: 'all' });
  [a, b] = hall.projectIds;
  const presider = { token: hall.presiderToken };
  const vote = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { ...presider, json: { kind: 'selection', title: '票决', projectIds: hall.projectIds, seats: 2 } }));
  ok(await server.call('POST', `/api/ballots/${vote.id}/open`, presider));
  for (const m of hall.members) await apiVote(server, m.token, vote.id, { [a]: 'yes', [b]: 'yes', [hall.projectIds[2]]: 'no' });
  ok(await server.call('POST', `/api/ballots/${vote.id}/close`, presider));
  ok(await server.call('POST', `/api/ballots/${vote.id}/publish`, presider));
  const admin = { token: server.adminToken };
  ok(await server.call('POST', '/api/users', { ...admin, json: { username: 'dept-edu', password: 'dept-password', role: 'department', bodyId: hall.bodyId, department: '教育局' } }));
  // a: its first milestone long past and never reached (behind); b: the same, and its last report long ago (overdue).
  ok(await server.call('PUT', `/api/projects/${a}/plan`, { ...admin, json: { targets: ['新建幼儿园 2 所'], milestones: [{ title: '开工', due: '2026-01-31' }, { title: '竣工', due: '2099-09-30' }], funding: '县级财政 4200 万元', completionDate: '2099-12-31' } }));
  ok(await server.call('POST', `/api/projects/${a}/progress`, { ...admin, json: { percent: 35, note: '场地平整完成，主体待开工', date: '2026-11-20' } }));
  ok(await server.call('PUT', `/api/projects/${b}/plan`, { ...admin, json: { targets: ['改造小区 6 个'], milestones: [{ title: '开工', due: '2026-02-28' }, { title: '完工', due: '2099-10-31' }], funding: '县级财政', completionDate: '2099-12-31' } }));
  ok(await server.call('POST', `/api/projects/${b}/progress`, { ...admin, json: { percent: 20, note: '完成设计招标', date: '2026-05-10' } }));
  const [m0, m1] = hall.members;
  ok(await server.call('PUT', `/api/projects/${a}/supervisors`, { ...admin, json: { memberIds: [m0.id, m1.id], leadMemberId: m0.id } }));
  ok(await server.call('PUT', `/api/projects/${b}/supervisors`, { ...admin, json: { memberIds: [m0.id], leadMemberId: m0.id } }));
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('after the vote', () => {
  it('a supervisor records an inspection with a photo on a 768×1024 tablet', async () => {
    const page = await tab('portrait');
    const photo = path.join(os.tmpdir(), `minsheng-inspect-${Date.now()}.jpg`);
    fs.writeFileSync(photo, await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#8a6' } }).jpeg().toBuffer());
    await memberSignIn(page, hall.members[0].code);
    await page.getByTestId('tablet-my-projects').click();
    await page.getByTestId(`my-project-${b}`).waitFor();
    await expectText(page.getByTestId(`my-project-${b}`), /进度报告已逾期/);
    await expectText(page.getByTestId(`my-project-${a}`).getByTestId('execution'), '滞后');
    await check(page, 'tablet-my-projects');
    await page.getByTestId(`my-project-${a}`).click();
    await expectText(page.getByTestId('report-item').first(), /35% · 场地平整完成/);
    await page.getByTestId('inspection-submit').click();
    await page.locator('.field__error').first().waitFor();
    await page.getByTestId('inspection-findings').fill('现场查看：场地已平整，主体未开工，开工节点已逾期；要求承办单位倒排工期。');
    await page.getByTestId('inspection-photo').setInputFiles(photo);
    await page.getByTestId('inspection-photo-thumb').waitFor();
    await check(page, 'tablet-inspection-form');
    await page.getByTestId('inspection-submit').click();
    await page.getByTestId('inspection-saved').waitFor();
    await expectText(page.getByTestId('inspection-item').first(), /主体未开工/);
    await check(page, 'tablet-inspection-saved');
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(page.getByTestId('inspection-submit'), 'Submit the inspection');
    await check(page, 'tablet-inspection-en');
    await page.getByRole('button', { name: '中文' }).click();
    const detail = ok(await server.call('GET', `/api/projects/${a}/implementation`, { token: server.adminToken }));
    expect(detail.inspections[0]).toMatchObject({ by: hall.members[0].name, photos: [expect.objectContaining({ url: expect.any(String) })] });
    const meta = await sharp(Buffer.from(await (await fetch(server.url + detail.inspections[0].photos[0].url)).arrayBuffer())).metadata();
    expect([meta.width, meta.exif]).toEqual([1200, undefined]);
    fs.rmSync(photo, { force: true });
  });

  it('the presider creates the mid-year round in one step; a member rates with the progress panel open', async () => {
    const console = await tab('laptop');
    const p = await presiderLogin(server, hall);
    await staffSignIn(console, p.username, p.password, `/console/${hall.sessionId}`);
    await console.getByTestId('round-year').fill('2027');
    await console.getByTestId('round-kind').selectOption('midyear');
    await expectText(console.getByTestId('round-create'), '创建满意度测评（2 个项目）');
    await console.getByTestId('round-create').click();
    await expect.poll(async () => (ok(await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken })).ballots as unknown[]).length).toBe(2);
    const round = ok(await server.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken })).ballots.find((x: { kind: string }) => x.kind === 'satisfaction');
    ok(await server.call('POST', `/api/ballots/${round.id}/open`, { token: hall.presiderToken }));

    const page = await tab('portrait');
    await memberSignIn(page, hall.members[1].code);
    await page.goto(`/tablet/${hall.sessionId}`);
    await page.getByTestId('ballot-form').waitFor();
    await page.getByTestId(`progress-toggle-${a}`).click();
    const panel = page.getByTestId(`progress-panel-${a}`);
    await expectText(panel.getByTestId('report-item').first(), /35%/);
    await expectText(panel.getByTestId('inspection-item').first(), /主体未开工/);
    await page.getByTestId(`choice-${a}-unsatisfied`).click();
    await page.getByTestId(`choice-${b}-basic`).click();
    await expectAttr(page.getByTestId(`choice-${a}-unsatisfied`), 'aria-checked', 'true');
    await check(page, 'tablet-rate-with-progress', false);
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(page.getByTestId(`progress-toggle-${a}`), 'Hide progress');
    await check(page, 'tablet-rate-with-progress-en', false);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByTestId('review-button').click();
    await page.getByTestId('confirm-button').click();
    await page.getByTestId('receipt-code').waitFor();
    for (const m of hall.members.filter((_, i) => i !== 1)) await apiVote(server, m.token, round.id, { [a]: 'unsatisfied', [b]: 'satisfied' });
    ok(await server.call('POST', `/api/ballots/${round.id}/close`, { token: hall.presiderToken }));
    ok(await server.call('POST', `/api/ballots/${round.id}/publish`, { token: hall.presiderToken }));
  });

  it('the department answers 不满意 with a rectification report', async () => {
    const page = await tab('portrait');
    await staffSignIn(page, 'dept-edu', 'dept-password', '/dept');
    await page.getByTestId(`work-${a}`).getByTestId('impl-open').click();
    await expectText(page.getByTestId('impl-execution'), '整改中');
    await page.getByTestId('rectify-note').fill('已与施工单位签订倒排工期责任书，主体工程于 12 月 10 日开工。');
    await page.getByTestId('rectify-submit').click();
    await expectText(page.getByTestId('rectify-item').first(), /倒排工期责任书/);
    await check(page, 'department-rectification');
    // The plan's milestones are lines of text: one that cannot be read is named by its line, in both languages.
    expect(await page.getByTestId('plan-milestones').inputValue()).toBe('开工 2026-01-31\n竣工 2099-09-30');
    await page.getByTestId('plan-milestones').fill('开工 2026-01-31\n\n竣工 9月底');
    await page.getByTestId('plan-save').click();
    await expectText(page.getByTestId('plan-milestones-error'), /^第 3 行读不出来/);
    await check(page, 'department-plan-line-error');
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(page.getByTestId('plan-milestones-error'), /^Line 3 cannot be read/);
    await check(page, 'department-plan-line-error-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByTestId('plan-milestones').fill('开工 2026-01-31\n竣工 2099-09-30');
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-saved').waitFor();
    await page.getByTestId('report-submit').click();
    await expectText(page.getByTestId('report-percent-error'), '必填');
    await expectText(page.getByTestId('report-note-error'), '必填');
    await page.getByTestId('report-percent').fill('35.5');
    await expectText(page.getByTestId('report-percent-error'), '请填写整数');
    expect(ok(await server.call('GET', `/api/projects/${a}/implementation`, { token: server.adminToken })).plan.milestones).toEqual([{ title: '开工', due: '2026-01-31' }, { title: '竣工', due: '2099-09-30' }]);
  });

  it('the clerk\'s dashboard shows the overdue, the behind, the rectifying and the grades; groups show each member\'s load', async () => {
    const page = await tab('laptop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.goto(`/admin/${hall.bodyId}/implementation?year=2027`);
    await expectText(page.getByTestId('dash-exec-rectifying').locator('.impl-count__n'), '1');
    await expectText(page.getByTestId('dash-exec-behind').locator('.impl-count__n'), '1');
    await expectText(page.getByTestId(`impl-row-${b}`).getByTestId('execution'), '滞后');
    await expectText(page.getByTestId('dash-overdue'), /教育局：1 项逾期/);
    await expectText(page.getByTestId(`impl-row-${b}`).getByTestId('impl-overdue'), '进度报告已逾期');
    await expectText(page.getByTestId(`impl-row-${a}`).getByTestId('execution'), '整改中');
    await check(page, 'admin-dashboard');
    await page.getByTestId('dash-exec-rectifying').click();
    await expect.poll(() => page.locator('[data-testid^="impl-row-"]').count()).toBe(1);
    await page.getByTestId(`impl-row-${a}`).getByTestId('impl-group').click();
    await page.getByTestId('group-editor').waitFor();
    await expectText(page.getByTestId('group-editor').locator('.group-list__item').first(), /督办 2 项/);
    await check(page, 'admin-group-editor');
    await page.getByTestId(`impl-row-${a}`).getByTestId('impl-view').click();
    await expectText(page.getByTestId('impl-detail').getByTestId('inspection-item').first(), /主体未开工/);
    await page.getByRole('button', { name: 'English' }).click();
    await expectText(page.getByTestId('dash-overdue'), /教育局: 1 overdue/);
    await check(page, 'admin-dashboard-en');
  });
});
