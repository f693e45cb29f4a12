// `npm run bench -- --notices`: QUALITY.md "notices delivered". A server child sends its notices to people
// through a webhook that first refuses every request (503), then is down altogether (connection refused)
// for 30 s, then comes back. Residents keep sending suggestions through a representative's 代表码 all along
// (each writes a `rep_suggestion` notice in its transaction). Printed: how many were written, how many arrived,
// how many arrived more than once per Idempotency-Key, the delay from the webhook's return to the last arrival,
// and the delay of a notice written while everything works.
//   options: --count N (200 suggestions while the webhook is out)  --down S (30)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { fmt, sleep, startChild } from './lib.js';
import { Api } from '../../tests/helpers/api.js';

interface Arrival { key: string; at: number }

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** The gateway: answers `status()` while listening; `stop()` makes its port refuse connections. */
function gateway(port: number, arrivals: Arrival[], status: () => number) {
  let server: http.Server | null = null;
  return {
    async start() {
      server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => { body += c; });
        req.on('end', () => {
          const code = status();
          if (code < 300) arrivals.push({ key: String(req.headers['idempotency-key']), at: performance.now() });
          res.writeHead(code).end();
          void body;
        });
      });
      await new Promise<void>((r) => server!.listen(port, '127.0.0.1', () => r()));
    },
    async stop() {
      if (!server) return;
      server.closeAllConnections();
      await new Promise<void>((r) => server!.close(() => r()));
      server = null;
    },
  };
}

export async function noticesBench(root: string, say: (s: string) => void, opts: { count: number; down: number }) {
  const port = await freePort();
  const arrivals: Arrival[] = [];
  let refusing = true;
  const hook = gateway(port, arrivals, () => (refusing ? 503 : 200));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-notices-'));
  const password = randomBytes(9).toString('base64url');
  const admin = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: 1, onnotice: () => {}, connect_timeout: 3 });
  const dbName = `minsheng_bench_notices_${randomBytes(4).toString('hex')}`;
  let databaseUrl: string | undefined;
  try {
    await admin.unsafe(`create database ${dbName}`);
    databaseUrl = `postgres://postgres@127.0.0.1:5432/${dbName}`;
    say(`on PostgreSQL (${dbName}); webhook refusing (503), then down ${opts.down} s, then back`);
  } catch {
    say('!!! PostgreSQL not reachable at 127.0.0.1:5432: on embedded PGlite');
  }
  await hook.start();
  const server = await startChild(path.join(root, 'server/main.ts'), {
    PORT: '0', DATA_DIR: dataDir, DEMO: '0', ADMIN_PASSWORD: password, DATABASE_URL: databaseUrl,
    NOTIFY_SENDER: 'webhook', NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${port}/sms`, SUGGESTIONS_PER_HOUR: '100000',
  }, [], 60_000);
  const api = new Api(server.url);
  try {
    const token = (await api.ok('POST', '/api/auth/login', { json: { username: 'admin', password } })).token as string;
    const body = await api.ok('POST', '/api/bodies', { token, json: { name: '通知测试县人大', level: 'county' } });
    const made = await api.ok('POST', `/api/bodies/${body.id}/members`, { token, json: { members: [{ name: '王建国', delegation: '城关代表团', kind: 'rep' }] } });
    const rep = (await api.ok('GET', `/api/bodies/${body.id}/members`, { token })) as { id: string }[];
    void made;
    await api.ok('PUT', `/api/members/${rep[0].id}/phone`, { token, json: { phone: '13912345678' } });
    const year = new Date().getFullYear() + 1;
    const day = 86_400_000;
    await api.ok('POST', `/api/bodies/${body.id}/collection`, { token, json: { year, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString() } });
    const send = (i: number) => api.ok('POST', `/api/bodies/${body.id}/suggestions`, { json: { title: `建议第${i}号：路灯维修`, description: '晚上太黑', category: '城乡建设', channel: 'rep_code', repId: rep[0].id } });

    // While everything works: one notice's delay from the write's answer to its arrival.
    refusing = false;
    const t0 = performance.now();
    await send(0);
    while (arrivals.length < 1) await sleep(5);
    say(`a notice while the gateway works: arrived ${fmt(arrivals[0].at - t0, 0)} ms after the write was answered`);

    // The outage: refused for the first half of the writes, then the port closed for `down` seconds.
    refusing = true;
    const outageStart = performance.now();
    for (let i = 1; i <= opts.count; i++) {
      if (i === Math.ceil(opts.count / 2)) await hook.stop();
      await send(i);
    }
    say(`${opts.count} suggestions written during the outage in ${fmt((performance.now() - outageStart) / 1000, 1)} s; arrived meanwhile: ${arrivals.length - 1}`);
    const remaining = opts.down * 1000 - (performance.now() - outageStart);
    if (remaining > 0) await sleep(remaining);
    refusing = false;
    const back = performance.now();
    await hook.start();
    say(`gateway back after ${fmt((back - outageStart) / 1000, 1)} s`);
    const deadline = back + 400_000;
    while (new Set(arrivals.map((a) => a.key)).size < opts.count + 1 && performance.now() < deadline) await sleep(200);
    const keys = new Map<string, number>();
    for (const a of arrivals) keys.set(a.key, (keys.get(a.key) ?? 0) + 1);
    const last = Math.max(...arrivals.map((a) => a.at));
    say(`written ${opts.count + 1}, arrived ${keys.size}, arrived more than once: ${[...keys.values()].filter((n) => n > 1).length}`);
    say(`last arrival ${fmt((last - back) / 1000, 1)} s after the gateway came back (the retry waits are 2, 6, 15, 30, 60, 120 s)`);
    const failed = await api.ok('GET', `/api/bodies/${body.id}/notifications?status=failed`, { token });
    say(`failed after every attempt: ${failed.total}`);
  } finally {
    await server.stop();
    await hook.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin.end({ timeout: 1 });
  }
}
