// 代表码 in a browser: a clerk puts a representative on duty at a liaison station in the week grid (1440 px);
// a resident finds him on the body's public page on a 390 px phone, opens his card, and opens the address his
// 代表码 encodes; the form says to whom it goes, refuses 通知我 without a mobile number beside the contact
// field, and sends it; the representative signs in on a 1024 px tablet, finds it under 群众找我 and replies; the
// resident's tracking page shows the reply (代表回复); the clerk's inbox names him as its sender. His card
// prints alone; the station's poster names who is on duty. Both languages; axe (no serious or critical) and
// no sideways scroll on every screen.
//
// No QR decoder is installed (node_modules holds only `qrcode`, the encoder): the test reads the address from
// the card's `data-url` and checks that the picture is exactly the QR code of that address (the same encoder
// with the same options draws the same SVG), then opens that address.
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ok } from '../helpers/fixtures.js';
import { launchBrowser, pageText, screenshots, type Tab } from './support/browser.js';
import { adminPassword, startE2EServer, type E2EServer } from './support/server.js';
import { screenChecker, tabOpener } from './support/screens.js';
import { expectText, memberSignIn, staffSignIn } from './support/ui.js';
import { qrOptions } from '../../client/src/pages/reps/qr.js';

const TITLE = '幸福路菜市场门口路灯不亮';
const REPLY = '已联系县城管局，本周内修复，修好后我去现场看。';

let server: E2EServer;
let browser: Browser;
let shot: ReturnType<typeof screenshots>;
const tabs: Tab[] = [];
let bodyId = '';
let stationId = '';
let rep = { id: '', code: '' };
let repUrl = '';
let code = '';

const check = screenChecker(() => shot);
const tab = tabOpener(() => ({ browser, url: server.url }), tabs);
const english = async (page: Tab['page']) => page.getByRole('button', { name: 'English' }).click();
const chinese = async (page: Tab['page']) => page.getByRole('button', { name: '中文' }).click();

beforeAll(async () => {
  shot = screenshots('rep-code');
  browser = await launchBrowser();
  server = await startE2EServer();
  const admin = { token: server.adminToken };
  bodyId = ok(await server.call('POST', '/api/bodies', { ...admin, json: { name: '清河县人民代表大会常务委员会', level: 'county' } })).id;
  const day = 86_400_000;
  ok(await server.call('POST', `/api/bodies/${bodyId}/collection`, { ...admin, json: { year: 2028, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 20 * day).toISOString() } }));
  stationId = ok(await server.call('POST', `/api/bodies/${bodyId}/stations`, { ...admin, json: { name: '城关镇代表联络站', address: '人民路 1 号' } })).id;
  const members = ok(await server.call('POST', `/api/bodies/${bodyId}/members`, { ...admin, json: { members: [
    { name: '王建国', delegation: '城关镇代表团' }, { name: '李秀英', delegation: '城关镇代表团' }, { name: '张志强', delegation: '河西镇代表团', kind: 'committee' },
  ] } })).members as { id: string; code: string; name: string }[];
  rep = members[0];
  repUrl = `${server.url}/suggest/${bodyId}?rep=${rep.id}`;
}, 180_000);

afterAll(async () => {
  for (const t of tabs) expect(t.problems).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe('a representative\'s 代表码', () => {
  it('a clerk puts him on duty today in the week grid', async () => {
    const page = await tab('desktop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.goto(`/admin/${bodyId}/duty`);
    const today = page.getByTestId('duty-grid').locator('td.is-today');
    await today.getByTestId('duty-add').fill('王建国');
    await today.getByTestId('duty-add').press('Enter');
    await expectText(today.locator('.duty-chip'), /王建国/);
    await today.getByTestId('duty-add').fill('不存在的人');
    await today.getByTestId('duty-add').press('Enter');
    await expectText(today.getByRole('alert'), /名单中没有“不存在的人”/);
    await today.getByTestId('duty-add').fill('李秀英（城关镇代表团）');
    await expectText(page.getByTestId('duty-unsaved'), '有未保存的修改');
    await check(page, 'staff-duty-grid');
    await page.getByTestId('duty-save').click();
    await page.getByTestId('duty-saved').waitFor();
    await english(page);
    await expectText(page.getByTestId('duty-saved'), "This week's rosters are saved");
    await check(page, 'staff-duty-grid-en');
    await chinese(page);
    const [s] = ok(await server.call('GET', `/api/public/bodies/${bodyId}/stations`));
    expect(s.onDuty[0].members.map((m: { name: string }) => m.name).sort()).toEqual(['李秀英', '王建国'].sort());
  });

  it('a resident finds him on the body\'s page and opens his card, whose QR code is the form addressed to him', async () => {
    const page = await tab('phone');
    await page.goto(`/bodies/${bodyId}`);
    await expectText(page.getByTestId(`duty-station-${stationId}`).getByTestId('duty-today'), /今天值班：.*王建国/);
    await page.getByTestId('rep-roster').locator('summary', { hasText: '城关镇代表团' }).click();
    await check(page, 'phone-body-reps');
    await page.getByTestId(`rep-link-${rep.id}`).click();
    await expectText(page.getByTestId('rep-name'), '王建国');
    await expectText(page.getByTestId('rep-station'), /城关镇代表联络站/);
    const qr = page.getByTestId('rep-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('data-url')).toBe(repUrl);
    const svg = decodeURIComponent((await qr.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(svg).toBe(await QRCode.toString(repUrl, qrOptions));
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth > 0 && img.complete)).toBe(true);
    expect(await pageText(page)).not.toMatch(/1[3-9]\d{9}|代表证|sign-in code/);
    await check(page, 'phone-rep-card');
    await english(page);
    await expectText(page.getByTestId('rep-counts'), '0 suggestions received from residents, 0 answered');
    await check(page, 'phone-rep-card-en');
    await chinese(page);
  });

  it('his card prints alone, and the station\'s poster names who is on duty', async () => {
    const page = await tab('portrait');
    await page.goto(`/reps/${rep.id}`);
    await page.getByTestId('rep-qr').waitFor();
    await page.emulateMedia({ media: 'print' });
    await check(page, 'rep-card-print', false);
    expect(await page.getByTestId('rep-print').isVisible()).toBe(false);
    expect(await page.getByTestId('rep-station').isVisible()).toBe(false);
    expect(await page.getByTestId('rep-qr').isVisible()).toBe(true);
    await page.goto(`/suggest/${bodyId}/poster?station=${stationId}`);
    await expectText(page.getByTestId('poster-duty'), /值班代表[\s\S]*今天：(李秀英、王建国|王建国、李秀英)/);
    await check(page, 'station-poster-duty-print', false);
  });

  it('scanning it opens the form addressed to him; 通知我 needs a mobile number; the request is sent', async () => {
    const page = await tab('phone');
    await page.goto(repUrl);
    await expectText(page.getByTestId('suggest-rep'), '发送给 王建国 代表');
    await page.getByTestId('suggest-title').fill(TITLE);
    await page.getByTestId('suggest-description').fill('菜市场门口三盏路灯坏了一个多月，晚上买菜的老人容易摔倒。');
    await page.getByTestId('suggest-category').selectOption('城乡建设');
    await page.getByTestId('suggest-area').fill('城关镇幸福路');
    await page.getByTestId('suggest-contact').fill('王女士');
    await page.getByTestId('suggest-notify').check();
    await page.getByTestId('suggest-submit').click();
    await expectText(page.getByTestId('suggest-contact-error'), /11 位手机号/);
    await check(page, 'phone-form-notify-needs-mobile');
    await english(page);
    await expectText(page.getByTestId('suggest-contact-error'), /11-digit mobile number/);
    await expectText(page.getByTestId('suggest-rep'), 'To representative 王建国');
    await check(page, 'phone-form-rep-en');
    await chinese(page);
    await page.getByTestId('suggest-contact').fill('王女士 139 0000 1111');
    await page.getByTestId('suggest-submit').click();
    const box = page.getByTestId('tracking-code');
    await box.waitFor();
    code = (await box.textContent())!.trim();
    await check(page, 'phone-sent');
    const inbox = ok(await server.call('GET', `/api/bodies/${bodyId}/suggestions?channel=rep_code`, { token: server.adminToken }));
    expect(inbox.items).toEqual([expect.objectContaining({ title: TITLE, channel: 'rep_code', repId: rep.id, sender: '王建国', contact: '王女士 139 0000 1111' })]);
  });

  it('the representative signs in on a 1024 px tablet and replies under 群众找我', async () => {
    const page = await tab('landscape');
    await memberSignIn(page, rep.code);
    await check(page, 'tablet-home', false);
    await page.getByTestId('tablet-rep-inbox').click();
    const item = page.getByTestId('rep-inbox').locator('article', { hasText: TITLE });
    await expectText(item.locator('.tag--warn'), '待回复');
    expect(await pageText(page)).not.toContain('139');
    await check(page, 'tablet-inbox', false);
    await item.getByTestId('rep-reply-send').click();
    await expectText(item.locator('.field__error'), '必填');
    await item.getByTestId('rep-reply-text').fill(REPLY);
    await item.getByTestId('rep-reply-send').click();
    await item.getByTestId('rep-reply-sent').waitFor();
    await expectText(item.getByTestId('rep-inbox-reply'), new RegExp(REPLY));
    await expectText(item.locator('.tag--ok').last(), '已回复');
    await check(page, 'tablet-inbox-replied', false);
    await english(page);
    await expectText(page.locator('#rep-inbox-heading'), "Residents' requests");
    await check(page, 'tablet-inbox-en', false);
    await chinese(page);
  });

  it('the resident\'s tracking page shows the reply, in Chinese and in English', async () => {
    const page = await tab('phone');
    await page.goto(`/track/${code}`);
    await expectText(page.getByTestId('track-reply'), new RegExp(REPLY));
    await expectText(page.locator('#track-replies-heading'), '代表回复');
    expect(await pageText(page)).not.toMatch(/王女士|139 0000/);
    await check(page, 'phone-track-reply');
    await english(page);
    await expectText(page.locator('#track-replies-heading'), "The representative's answer");
    await check(page, 'phone-track-reply-en');
    const card = ok(await server.call('GET', `/api/public/members/${rep.id}`));
    expect(card).toMatchObject({ received: 1, replied: 1 });
  });

  it('the clerk\'s inbox names the representative as the channel\'s sender', async () => {
    const page = await tab('desktop');
    await staffSignIn(page, 'admin', adminPassword, '/admin');
    await page.goto(`/admin/${bodyId}/suggestions?year=2028&channel=rep_code`);
    const row = page.getByTestId('inbox-table').locator('tr', { hasText: TITLE });
    await expectText(row, /代表码[\s\S]*王建国/);
    await check(page, 'staff-inbox-rep-code');
  });
});
