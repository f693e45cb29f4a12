// `npm run bench -- --backup`: docs/QUALITY.md "backup and restore". On a database holding the generated city
// (scripts/city: 111 bodies, 5 years, 50,000 suggestions) plus a 300-member hall, a vote burst is timed alone
// and while `npm run backup` runs (a child process, as an operator would run it), alternating; then the city's
// backup size and time, and how long a restore takes into an empty PostgreSQL database and into an empty
// embedded data directory (how long a county waits after losing its server).
//   options: --members N (300)  --runs N (3 each way)  --warm N (2)  --concurrency C (64)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { RemoteHall } from './remote-hall.js';
import { buildHall } from './hall-setup.js';
import { HttpClient, fmt, median, now, sleep, startChild, type Child } from './lib.js';
import { benchDatabase, redact } from './fresh-db.js';
import { voteRun, type FloodOptions } from './flood.js';
import { openDatabase } from '../../server/db/connect.js';
import { loadSecrets } from '../../server/secrets.js';
import { seedCity } from '../city/seed.js';

export interface BackupBenchOptions { members: number; runs: number; warm: number; concurrency: number }

/** `npm run backup` (or restore) as a child process, as an operator runs it: its time and its manifest. */
function npmRun(root: string, script: string, args: string[], env: Record<string, string>): Promise<{ ms: number; manifest: { bytes: number; tables: Record<string, number> } }> {
  const t = now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(root, `scripts/${script}.ts`), ...args], { cwd: root, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${script}: ${stderr || err.message}`));
      resolve({ ms: now() - t, manifest: JSON.parse(stdout.trim().split('\n').at(-1)!) });
    });
  });
}

async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `minsheng_restore_${randomBytes(5).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => { const a = postgres(base, { max: 1, onnotice: () => {} }); await a.unsafe(`drop database if exists ${name} with (force)`); await a.end(); } };
}

export async function backupBench(root: string, say: (s: string) => void, o: BackupBenchOptions) {
  const db = await benchDatabase();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-backup-bench-'));
  const adminPassword = `bench-${randomBytes(8).toString('hex')}`;
  say(`backup bench on ${redact(db.url)}${db.fresh ? ' (fresh, dropped at the end)' : ''}`);
  let server: Child | null = null;
  let audience: RemoteHall | null = null;
  try {
    let t = now();
    const database = await openDatabase({ databaseUrl: db.url, poolSize: 2 });
    const city = await seedCity(database.db, (await loadSecrets(database.db)).codeKey, {});
    await database.close();
    say(`city generated in ${fmt((now() - t) / 1000, 1)} s: ${Object.entries(city.counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    server = await startChild(path.join(root, 'server/main.ts'), {
      PORT: '0', HOST: '127.0.0.1', DEMO: '0', ADMIN_PASSWORD: adminPassword, DB_POOL: process.env.DB_POOL ?? '20', DATABASE_URL: db.url, NODE_ENV: 'production',
    }, [], 60_000);
    const setup = new HttpClient(server.url, 16);
    const votes = new HttpClient(server.url, o.concurrency);
    const runs: { alone: number[]; during: number[]; backups: { ms: number; bytes: number }[] } = { alone: [], during: [], backups: [] };
    try {
      t = now();
      const hall = await buildHall(setup, adminPassword, o.members, 12);
      audience = new RemoteHall();
      await audience.join(server.url, hall.sessionId, hall.presiderToken, hall.screenToken, hall.memberTokens);
      say(`hall: ${o.members} members checked in with their sockets joined, in ${fmt((now() - t) / 1000, 1)} s`);
      const fo: FloodOptions = { members: o.members, requests: 0, addresses: 0, runs: o.runs, warm: o.warm, concurrency: o.concurrency };
      for (let k = 0; k < o.warm; k++) await voteRun(setup, votes, hall, audience, fo, `warm ${k + 1}`, say);
      for (let k = 0; k < o.runs; k++) {
        runs.alone.push((await voteRun(setup, votes, hall, audience, fo, `alone ${k + 1}`, say)).perSecond);
        const file = path.join(tmp, `during-${k}.msbk`);
        const backup = npmRun(root, 'backup', [file], { DATABASE_URL: db.url });
        await sleep(300); // the backup is reading the city when the burst starts
        const r = await voteRun(setup, votes, hall, audience, fo, `backup ${k + 1}`, say);
        const b = await backup;
        runs.during.push(r.perSecond);
        runs.backups.push({ ms: b.ms, bytes: b.manifest.bytes });
        if (r.notAcked) say(`  !! ${r.notAcked} votes not acknowledged during the backup`);
        fs.rmSync(file, { force: true });
      }
    } finally {
      setup.close(); votes.close();
    }
    await audience?.close();
    audience = null;
    await server.stop();
    server = null;

    const file = path.join(tmp, 'city.msbk');
    const taken = await npmRun(root, 'backup', [file], { DATABASE_URL: db.url });
    const rows = Object.values(taken.manifest.tables).reduce((a, b) => a + b, 0);
    const target = await freshPostgres();
    let toPg: number;
    try {
      toPg = (await npmRun(root, 'restore', [file], { DATABASE_URL: target.url })).ms;
    } finally {
      await target.drop();
    }
    const toEmbedded = (await npmRun(root, 'restore', [file], { DATABASE_URL: '', DATA_DIR: path.join(tmp, 'restored') })).ms;
    const encrypted = await npmRun(root, 'backup', [path.join(tmp, 'city-encrypted.msbk')], { DATABASE_URL: db.url, BACKUP_PASSPHRASE: 'bench passphrase' });

    const a = median(runs.alone);
    const d = median(runs.during);
    say('\n---------------- backup and restore ----------------');
    say(`vote burst alone: ${runs.alone.map((x) => fmt(x)).join(', ')} votes/s (median ${fmt(a)}); during a backup: ${runs.during.map((x) => fmt(x)).join(', ')} (median ${fmt(d)})`);
    say(`ratio during / alone: ${fmt(d / a, 2)} (bar ≥ 0.70); backups taken meanwhile: ${runs.backups.map((b) => `${fmt(b.ms / 1000, 1)} s`).join(', ')}`);
    say(`the city: ${rows} rows in ${Object.keys(taken.manifest.tables).length} tables; backup ${fmt(taken.manifest.bytes / 1e6, 1)} MB in ${fmt(taken.ms / 1000, 1)} s (encrypted: ${fmt(encrypted.manifest.bytes / 1e6, 1)} MB in ${fmt(encrypted.ms / 1000, 1)} s)`);
    say(`restore into an empty PostgreSQL database: ${fmt(toPg / 1000, 1)} s; into an empty embedded data directory: ${fmt(toEmbedded / 1000, 1)} s (each as \`npm run restore\`, start to exit)`);
  } finally {
    await audience?.close();
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    await db.drop().catch((e) => say(`could not drop the bench database: ${(e as Error).message}`));
  }
}
