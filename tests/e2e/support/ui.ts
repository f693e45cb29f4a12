// Steps a person takes, written once for every e2e file.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { ok } from '../../helpers/fixtures.js';
import type { E2EServer } from './server.js';

/** Waits until the locator's text (trimmed) equals `want`. */
export async function expectText(loc: Locator, want: string | RegExp, timeout = 15_000) {
  await expect
    .poll(async () => ((await loc.count()) ? ((await loc.first().textContent()) ?? '').trim() : '<absent>'), { timeout, interval: 100 })
    .toMatch(typeof want === 'string' ? new RegExp(`^${want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : want);
}

export async function expectAttr(loc: Locator, name: string, want: string, timeout = 15_000) {
  await expect.poll(async () => ((await loc.count()) ? await loc.first().getAttribute(name) : '<absent>'), { timeout, interval: 100 }).toBe(want);
}

/** Signs a member in on /tablet by typing the code on the card. */
export async function memberSignIn(page: Page, code: string) {
  await page.goto('/tablet');
  await page.getByTestId('signin-code').fill(code);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('member-name').waitFor();
}

/** Staff sign-in on /staff, then on to `next`. */
export async function staffSignIn(page: Page, username: string, password: string, next: string) {
  await page.goto(`/staff?next=${encodeURIComponent(next)}`);
  await page.getByTestId('staff-username').fill(username);
  await page.getByTestId('staff-password').fill(password);
  await page.getByTestId('staff-submit').click();
  await page.waitForURL((u) => u.pathname === next);
}

/** Marks every candidate of the open ballot, reviews and confirms; returns the receipt. */
export async function voteOnTablet(page: Page, marks: Record<string, 'yes' | 'no' | 'abstain'>, shot?: (step: string) => Promise<unknown>) {
  const form = page.getByTestId('ballot-form');
  await form.waitFor();
  for (const [projectId, mark] of Object.entries(marks)) {
    const b = page.getByTestId(`choice-${projectId}-${mark}`);
    await b.click();
    await expectAttr(b, 'aria-checked', 'true');
  }
  if (shot) await shot('tablet-marked');
  await page.getByTestId('review-button').click();
  await page.getByTestId('review-step').waitFor();
  for (const [projectId] of Object.entries(marks)) await page.getByTestId(`review-row-${projectId}`).waitFor();
  if (shot) await shot('tablet-review');
  await page.getByTestId('confirm-button').click();
  const receipt = page.getByTestId('receipt-code');
  await receipt.waitFor();
  const code = ((await receipt.textContent()) ?? '').trim();
  expect(code).toMatch(/^[0-9A-Z]{10,16}$/);
  return code;
}

export const submissionKey = () => randomBytes(24).toString('base64url');

/** Casts a ballot through the API, as another tablet would. */
export async function apiVote(server: E2EServer, token: string, ballotId: string, choices: unknown) {
  return ok(await server.call('POST', `/api/ballots/${ballotId}/votes`, { token, json: { submissionKey: submissionKey(), choices } })) as { receipt: string };
}

export async function inBatches<T>(items: T[], size: number, fn: (item: T, i: number) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((x, j) => fn(x, i + j)));
}

/** Every element whose visible text looks like an untranslated i18n key (e.g. `tablet.signIn.heading`). */
export async function rawKeys(page: Page, namespaces: string[]): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const re = new RegExp(`\\b(?:${namespaces.join('|')})\\.[A-Za-z_][A-Za-z0-9_.]*`, 'g');
  return [...new Set(text.match(re) ?? [])];
}

/** Clicks a step that asks first (components/ConfirmDialog.tsx, `dialog` its test id) and confirms it. */
export async function clickConfirmed(page: Page, button: string, dialog: string) {
  await page.getByTestId(button).click();
  await page.getByTestId(`${dialog}-confirm`).click();
  await page.getByTestId(`${dialog}-confirm`).waitFor({ state: 'detached' });
}
