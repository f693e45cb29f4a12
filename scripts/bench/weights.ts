// `npm run bench -- --weights`: what two pages cost to load, as a browser fetches them. Starts the server with
// the demo county (a fresh embedded database; the built client in dist/client, so run `npm run build` first),
// opens each page in Chromium (390×844 phone for the public body page; 1024×768 for the tablet's voting page,
// with a member signed in and the demo's selection ballot open) and adds up every script and stylesheet the
// page loaded, gzipped (level 9, as a server would send them). Bars: QUALITY.md "tablet" (voting page
// < 300 KB) and issue 25 (public body page < 350 KB). `--url` measures a server already running instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import { fmt, startChild } from './lib.js';

interface Weight { files: { name: string; raw: number; gz: number }[]; rawKb: number; gzKb: number }

async function pageWeight(browser: Browser, url: string, viewport: { width: number; height: number }, ready: string, init?: string): Promise<Weight> {
  const context = await browser.newContext({ viewport });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const bodies: Promise<{ name: string; raw: number; gz: number } | null>[] = [];
  page.on('response', (r) => {
    const type = r.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    bodies.push(r.body().then((b) => ({ name: new URL(r.url()).pathname, raw: b.length, gz: zlib.gzipSync(b, { level: 9 }).length })).catch(() => null));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForSelector(ready, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const files = (await Promise.all(bodies)).filter((x): x is NonNullable<typeof x> => !!x);
  await context.close();
  const sum = (k: 'raw' | 'gz') => files.reduce((a, f) => a + f[k], 0) / 1024;
  return { files: files.sort((a, b) => b.gz - a.gz), rawKb: sum('raw'), gzKb: sum('gz') };
}

async function json(base: string, method: string, p: string, body?: unknown, token?: string) {
  const res = await fetch(base + p, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
}

export async function weightsBench(root: string, say: (s: string) => void, opts: { url?: string } = {}) {
  if (!fs.existsSync(path.join(root, 'dist/client/index.html'))) throw new Error('dist/client is missing: run `npm run build` first');
  const password = `bench-${randomBytes(6).toString('hex')}`;
  const dataDir = opts.url ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-weights-'));
  const child = opts.url ? null : await startChild(path.join(root, 'server/main.ts'), { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir!, DEMO: '1', ADMIN_PASSWORD: password, DATABASE_URL: undefined, REDIS_URL: undefined }, [], 180_000);
  const base = opts.url ?? child!.url;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const bodies = await json(base, 'GET', '/api/bodies') as { id: string; parentId: string | null }[];
    const county = bodies.find((b) => b.parentId) ?? bodies[0];
    const body = await pageWeight(browser, `${base}/bodies/${county.id}`, { width: 390, height: 844 }, '[data-testid="chart-category"] canvas');

    // The tablet as a member meets it: signed in, the selection ballot open (the demo leaves it a draft).
    let tablet: Weight | null = null;
    if (!opts.url) {
      const admin = await json(base, 'POST', '/api/auth/login', { username: 'admin', password });
      const sessions = await json(base, 'GET', `/api/bodies/${county.id}/sessions`, undefined, admin.token) as { id: string; name: string; kind: string; state: string }[];
      const congress = sessions.find((s) => s.kind === 'congress' && s.state === 'open')!;
      const { ballots } = await json(base, 'GET', `/api/sessions/${congress.id}`, undefined, admin.token) as { ballots: { id: string; kind: string; state: string }[] };
      const selection = ballots.find((b) => b.kind === 'selection' && b.state === 'draft')!;
      await json(base, 'POST', `/api/ballots/${selection.id}/open`, {}, admin.token);
      const member = await json(base, 'POST', '/api/auth/member-login', { code: 'DM000011' });
      tablet = await pageWeight(browser, `${base}/tablet/${congress.id}`, { width: 1024, height: 768 }, '[data-testid="ballot-form"]',
        `localStorage.setItem('minsheng.token.member', ${JSON.stringify(member.token)})`);
    }
    const show = (label: string, w: Weight, bar: number) => {
      say(`${label}: ${fmt(w.gzKb, 1)} KB gzipped JS+CSS (${fmt(w.rawKb, 1)} KB raw, ${w.files.length} files) — bar ${bar} KB: ${w.gzKb < bar ? 'met' : 'NOT MET'}`);
      for (const f of w.files) say(`    ${fmt(f.gz / 1024, 1).padStart(7)} KB  ${f.name}`);
    };
    show('public body page (390×844)', body, 350);
    if (tablet) show('tablet voting page (1024×768)', tablet, 300);
  } finally {
    await browser.close();
    if (child) await child.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
