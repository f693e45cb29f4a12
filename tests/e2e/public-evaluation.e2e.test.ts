// Issue 24 on the public site: a county's published evaluations of the year — a scored 部门评议 with ranks and
// 红/黄/黑旗 said in words, a 述职评议 of representatives with grades — linked to the notice and the signed
// result; and a project's combined satisfaction shown beside each of its parts with the weights, linked to
// the body's rule. Phone 390 and desktop 1366, Chinese and English, axe clean, no sideways scroll.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { departmentToken, ok, publishedBallot, type Hall } from '../helpers/fixtures.js';
import { launchBrowser, screenshots, type Tab, type ViewportName } from './support/browser.js';
import { startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { apiVote, expectText } from './support/ui.js';

type Lang = 'zh-CN' | 'en';
let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
let hall: Hall;
let scoredId = '';
let gradedId = '';
let noticeId = '';
let year = 0;
let composite: { rate: number; parts: Record<string, number>; weights: Record<string, number> };
const tabs: Tab[] = [];
const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);
const weights = { members: 0.3, public: 0.6, survey: 0.1 };
const departments = ['县教育局', '县卫生健康委员会', '县交通运输局', '县住房和城乡建设局'];

/** The element's text holds `part` (expectText alone wants the whole text). */
const has = (loc: Parameters<typeof expectText>[0], part: string) => expectText(loc, new RegExp(part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

async function langTab(viewport: ViewportName, lang: Lang): Promise<Page> {
  const page = await tab(viewport);
  await page.context().addInitScript((l) => localStorage.setItem('minsheng.lang', l), lang);
  return page;
}

/** An evaluation of the hall's session, every member voting `choices(ids, i)`, closed and published. */
async function evaluation(json: object, choices: (ids: string[], i: number) => object): Promise<string> {
  const p = { token: hall.presiderToken };
  const b = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { ...p, json: { kind: 'evaluation', ...json } }));
  const ids = b.options.map((o: { id: string }) => o.id);
  ok(await server.call('POST', `/api/ballots/${b.id}/open`, p));
  for (const [i, m] of hall.members.entries()) await apiVote(server, m.token, b.id, choices(ids, i));
  ok(await server.call('POST', `/api/ballots/${b.id}/close`, p));
  ok(await server.call('POST', `/api/ballots/${b.id}/publish`, p));
  return b.id;
}

beforeAll(async () => {
  shot = screenshots('public-evaluation');
  browser = await launchBrowser();
  server = await startE2EServer();
  hall = await server.hall({ members: 4, projects: 2, checkIn: 'all' });
  const admin = { token: server.adminToken };
  const [p0, p1] = hall.projectIds;
  await publishedBallot(server, hall, { kind: 'selection', title: '民生实事票决', projectIds: [p0, p1], seats: 2 }, () => ({ [p0]: 'yes', [p1]: 'yes' }));
  const dept = { token: await departmentToken(server, hall.bodyId, '教育局') };
  ok(await server.call('POST', `/api/projects/${p0}/progress`, { ...dept, json: { percent: 100, note: '全面完工', date: '2026-11-01' } }));
  await publishedBallot(server, hall, { kind: 'satisfaction', title: '年中测评', projectIds: [p0, p1], round: 'midyear' }, (i) => ({ [p0]: i < 3 ? 'satisfied' : 'unsatisfied', [p1]: 'basic' }));
  ok(await server.call('PUT', `/api/bodies/${hall.bodyId}/satisfaction-rule`, { ...admin, json: { weights } }));
  for (const grade of ['satisfied', 'satisfied', 'basic', 'unsatisfied', 'unsatisfied']) {
    ok(await server.call('POST', `/api/public/projects/${p0}/ratings`, { json: { grade, deviceKey: randomBytes(24).toString('base64url') } }));
  }
  ok(await server.call('POST', `/api/projects/${p0}/surveys`, { ...admin, json: { satisfied: 70, basic: 20, unsatisfied: 10, households: 120, method: '入户调查', date: '2026-11-20' } }));
  composite = ok(await server.call('GET', `/api/public/projects/${p0}`)).composite;
  // four departments scored: means 90, 80, 80, 60 → ranks 1, 2, 2, 4, one red and one black flag
  const scores = [90, 80, 80, 60];
  scoredId = await evaluation({ title: '2027年度部门工作评议', form: 'score', subjects: departments.map((name) => ({ kind: 'department', name })), flags: { red: 1, black: 1 } },
    (ids) => Object.fromEntries(ids.map((id, j) => [id, scores[j]])));
  gradedId = await evaluation({ title: '代表述职评议', form: 'grade', subjects: hall.members.slice(0, 2).map((m) => ({ kind: 'member', memberId: m.id })) },
    (ids, i) => ({ [ids[0]]: 'satisfied', [ids[1]]: i < 2 ? 'basic' : 'unsatisfied' }));
  noticeId = ok(await server.call('POST', `/api/sessions/${hall.sessionId}/notices`, { token: hall.presiderToken, json: { ballotId: scoredId } })).id;
  const listed = ok(await server.call('GET', `/api/public/bodies/${hall.bodyId}/evaluations`)) as { ballotId: string; publishedAt: string }[];
  const published = listed.find((e) => e.ballotId === scoredId)!.publishedAt;
  year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date(published)));
}, 240_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

const words = {
  'zh-CN': { red: '红旗', yellow: '黄旗', black: '黑旗', rank1: '第 1 名', rank2: '第 2 名', rank4: '第 4 名', satisfied: '满意', notice: '公告', rule: '综合满意度规则', composite: '综合满意度', members: '人大常委会组成人员测评' },
  en: { red: 'Red flag', yellow: 'Yellow flag', black: 'Black flag', rank1: 'No. 1', rank2: 'No. 2', rank4: 'No. 4', satisfied: 'Satisfied', notice: 'Notice', rule: 'Combined satisfaction rule', composite: 'Combined satisfaction', members: 'Rating by the standing committee' },
} as const;

describe.each([['phone', 'zh-CN'], ['laptop', 'en'], ['phone', 'en'], ['laptop', 'zh-CN']] as const)('on a %s in %s', (viewport, lang) => {
  const w = words[lang];

  it('the body page leads to the evaluations; ranks, flags in words, 述职 grades, the notice and the signed result', async () => {
    const page = await langTab(viewport, lang);
    await page.goto(`/bodies/${hall.bodyId}?year=${year}`);
    const link = page.getByTestId('evaluations-link');
    await link.waitFor();
    await link.click();
    await page.waitForURL(new RegExp(`/bodies/${hall.bodyId}/evaluations\\?year=${year}`));
    const scored = page.getByTestId(`evaluation-${scoredId}`);
    await scored.waitFor();
    const rows = scored.getByTestId('eval-row');
    expect(await rows.count()).toBe(4);
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
    expect(cells).toEqual([
      [w.rank1, departments[0], '90.00', w.red], [w.rank2, departments[1], '80.00', w.yellow],
      [w.rank2, departments[2], '80.00', w.yellow], [w.rank4, departments[3], '60.00', w.black],
    ]);
    const graded = page.getByTestId(`evaluation-${gradedId}`);
    const members = await graded.getByTestId('eval-members').getByTestId('eval-row').evaluateAll((trs) => trs.map((tr) => (tr.children[0] as HTMLElement).innerText + '|' + (tr.children[1] as HTMLElement).innerText));
    expect(members[0]).toBe(`${hall.members[0].name}|${w.satisfied}`);
    expect(await graded.getByTestId('eval-notice').count()).toBe(0); // no notice issued for it yet: said in words
    expect(await scored.getByTestId('eval-jws').getAttribute('href')).toBe(`/api/ballots/${scoredId}/result.jws`);
    await has(page.getByTestId('rule-members'), w.members);
    await has(page.getByTestId('rule-members'), '30%');
    await check(page, `evaluations-${lang}`);
    await scored.getByTestId('eval-notice').click();
    await page.waitForURL(new RegExp(`/notices/${noticeId}$`));
    await has(page.locator('main'), departments[0]);
  });

  it('the project page shows the combined figure beside each part, with the weights and the rule one tap away', async () => {
    const page = await langTab(viewport, lang);
    await page.goto(`/projects/${hall.projectIds[0]}`);
    const panel = page.getByTestId('composite');
    await panel.waitFor();
    const pct = (r: number, digits = 2) => new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { style: 'percent', maximumFractionDigits: digits }).format(r);
    await has(panel.getByTestId('composite-members'), w.members);
    for (const k of ['members', 'public', 'survey'] as const) {
      await has(panel.getByTestId(`composite-${k}`), pct(composite.parts[k]));
      await has(panel.getByTestId(`composite-${k}`), pct(weights[k], 1));
    }
    await has(panel.getByTestId('composite-rate'), pct(composite.rate));
    // the parts stay: the members' grades and the residents' ratings are still shown on their own
    await page.getByTestId('members-grades').waitFor();
    await page.getByTestId('public-ratings').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await check(page, `project-composite-${lang}`);
    await panel.getByTestId('composite-rule').click();
    await page.waitForURL(/\/evaluations\?year=\d+#rule$/);
    await has(page.getByTestId('satisfaction-rule'), w.rule);
  });
});
