// Printed QR codes (民生码, API.md "Representatives and residents") encode PUBLIC_URL when it is set, else the
// origin the page was asked for: the server writes PUBLIC_URL, escaped, into the page it serves; without it,
// no such tag (the listening address it falls back on for notices must not end up on paper).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let dir = '';
beforeAll(async () => {
  server = await startTestServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-client-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><title>民生</title></head><body><div id="root"></div></body></html>');
}, 60_000);
afterAll(async () => { await server?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

it('writes PUBLIC_URL into the page when it is set, escaped', async () => {
  const app = createApp({ ...server.ctx, publicUrl: 'https://minsheng.example.gov.cn"><x' }, { clientDir: dir });
  const html = await (await app.request('/projects/abcdefghijklmnop/poster')).text();
  expect(html).toContain('<meta name="minsheng-public-url" content="https://minsheng.example.gov.cn&#34;&#62;&#60;x" /></head>');
});

it('writes nothing when it is not set', async () => {
  const app = createApp({ ...server.ctx, publicUrl: '' }, { clientDir: dir });
  const html = await (await app.request('/bodies/abcdefghijklmnop/posters?year=2026')).text();
  expect(html).toContain('<div id="root">');
  expect(html).not.toContain('minsheng-public-url');
});
