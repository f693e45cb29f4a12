// Before any browser test: make sure dist/client holds a build of the current client sources
// (the server serves whatever is there), and that a Chromium is available.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './support/browser.js';
import { spawnServer } from '../helpers/process.js';
import { adminPassword } from './support/constants.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) {
    if (e === 'node_modules') continue;
    max = Math.max(max, newestMtime(path.join(p, e)));
  }
  return max;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** an embedded database, created and migrated once, that each e2e file copies into its own temp dir */
    e2eTemplateDir: string;
  }
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(chromiumPath())) {
    throw new Error(`Chromium not found at ${chromiumPath()}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  }
  const built = path.join(root, 'dist/client/index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(root, 'client')),
    newestMtime(path.join(root, 'shared')),
    newestMtime(path.join(root, 'vite.config.ts')),
  );
  // E2E_BUILD=1 always rebuilds; E2E_BUILD=0 uses dist/client as it is (e.g. while someone else's
  // half-written client change does not build)
  const want = process.env.E2E_BUILD;
  if (want !== '0' && (builtAt === 0 || sources > builtAt || want === '1')) {
    const started = Date.now();
    console.log(builtAt === 0 ? 'e2e: dist/client missing, building the client…' : 'e2e: client sources changed, rebuilding…');
    // NODE_ENV=production: vitest sets `test`, which would make vite build React's development bundle
    // (slower pages, and weights that are not what a browser gets from `npm run build`)
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    console.log(`e2e: client built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  fs.mkdirSync(path.join(root, 'tests/e2e/screenshots'), { recursive: true });

  // Creating and migrating an embedded database is most of a server's start-up (seconds on a busy
  // 2-core machine): do it once; each file starts its own server on a fresh copy (admin user only).
  const template = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-e2e-template-'));
  const started = Date.now();
  const server = await spawnServer({ DATA_DIR: template, DEMO: '0', ADMIN_PASSWORD: adminPassword }, 120_000);
  await server.stop('SIGTERM');
  console.log(`e2e: template database ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('e2eTemplateDir', template);
  return () => fs.rmSync(template, { recursive: true, force: true });
}
