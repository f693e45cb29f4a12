// `npm run bench -- --startup`: the two "Performance" bars that are not about load.
// - Embedded start: `npm start` exactly as the README says (no DATABASE_URL, PORT=0), timed from the
//   launch to its `listening on` line and to the first answer of GET /tablet; on a fresh data
//   directory (initdb, migrations, secrets, demo county) and again on the same one (a restart).
// - Tablet JavaScript: what /tablet loads before it can show a ballot — the entry script and the
//   chunks it preloads, from the built client (dist/client) — gzipped.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fmt, median } from './lib.js';

interface StartTiming { listeningMs: number; firstAnswerMs: number }

async function timeNpmStart(root: string, dataDir: string): Promise<StartTiming> {
  const t0 = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.DEMO;
  // detached: its own process group, so npm, tsx and node stop together
  const proc = spawn('npm', ['start', '--silent'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (c: Buffer) => { err += c.toString('utf8'); });
  try {
    const { url, listeningMs } = await new Promise<{ url: string; listeningMs: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no "listening on" within 60 s:\n${out}\n${err}`)), 60_000);
      proc.stdout!.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve({ url: m[1], listeningMs: performance.now() - t0 });
        }
      });
      proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`npm start exited with ${code}:\n${out}\n${err}`)); });
    });
    const res = await fetch(`${url}/tablet`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET /tablet answered ${res.status}`);
    return { listeningMs, firstAnswerMs: performance.now() - t0 };
  } finally {
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    try { process.kill(-proc.pid!, 'SIGTERM'); } catch { /* already gone */ }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    try { process.kill(-proc.pid!, 'SIGKILL'); } catch { /* already gone */ }
  }
}

/** The scripts /tablet loads up front: the entry module and its modulepreload links in index.html. */
export function tabletScripts(clientDir: string): string[] {
  const html = fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => m[1]);
  return [...new Set(srcs)].map((s) => path.join(clientDir, s.replace(/^\//, '')));
}

export async function startupBench(root: string, rounds: number, say: (...a: unknown[]) => void): Promise<void> {
  say(`embedded start: npm start (PGlite), ${rounds} × fresh data directory then a restart on it`);
  const fresh: StartTiming[] = [];
  const restart: StartTiming[] = [];
  for (let i = 0; i < rounds; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-start-'));
    try {
      const f = await timeNpmStart(root, path.join(dir, 'data'));
      const r = await timeNpmStart(root, path.join(dir, 'data'));
      fresh.push(f);
      restart.push(r);
      say(`  round ${i + 1}: fresh ${fmt(f.listeningMs)} ms to "listening" (${fmt(f.firstAnswerMs)} ms to the first answer), restart ${fmt(r.listeningMs)} ms (${fmt(r.firstAnswerMs)} ms)`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const med = (xs: StartTiming[]) => fmt(median(xs.map((x) => x.firstAnswerMs)));
  const worst = (xs: StartTiming[]) => fmt(Math.max(...xs.map((x) => x.firstAnswerMs)));
  say(`embedded start to the first answer: fresh median ${med(fresh)} ms (worst ${worst(fresh)}), restart median ${med(restart)} ms (worst ${worst(restart)})  (bar ≤ 5000 ms)`);

  const clientDir = path.join(root, 'dist', 'client');
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    say('tablet JavaScript: dist/client is missing — run `npm run build` first');
    return;
  }
  let raw = 0;
  let gz = 0;
  for (const file of tabletScripts(clientDir)) {
    const bytes = fs.readFileSync(file);
    raw += bytes.length;
    gz += zlib.gzipSync(bytes, { level: 9 }).length;
    say(`  ${path.relative(root, file)}: ${fmt(bytes.length / 1024, 1)} KB, gzipped ${fmt(zlib.gzipSync(bytes, { level: 9 }).length / 1024, 1)} KB`);
  }
  say(`tablet JavaScript loaded up front: ${fmt(raw / 1024, 1)} KB, gzipped ${fmt(gz / 1024, 1)} KB  (bar < 300 KB gzipped)`);
}
