// `npm run bench -- --photos`: QUALITY.md "photos". A ~10 MB phone-like photo (4000 × 3000, noisy, with
// EXIF) is sent to a server child one at a time: the server's CPU per photo (stored, stripped, thumbnailed);
// then 10 at once: the server's peak RSS. On a fresh PostgreSQL database at 127.0.0.1:5432 (else embedded
// PGlite, said loudly: PGlite runs inside the server process, so its work counts as the server's CPU).
//   options: --rounds N (5)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import postgres from 'postgres';
import { cpuSeconds, fmt, peakRssMb, rssMb, startChild } from './lib.js';
import { Api } from '../../tests/helpers/api.js';

async function phonePhoto(): Promise<Buffer> {
  const w = 4000;
  const h = 3000;
  const noise = randomBytes(w * h * 3);
  return sharp(noise, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 92, chromaSubsampling: '4:4:4' })
    .withExif({ IFD0: { Make: 'Phone', Model: 'X1' } }).withMetadata({ orientation: 6 }).toBuffer();
}

export async function photosBench(root: string, say: (s: string) => void, rounds: number) {
  let photo = await phonePhoto();
  // Keep it under the 10 MB limit, as a phone's "10 MB" photo is.
  while (photo.length > 10 * 1024 * 1024) photo = await sharp(photo).jpeg({ quality: 85 }).toBuffer();
  say(`photo: 4000 × 3000 JPEG, ${fmt(photo.length / 1024 / 1024, 2)} MB, EXIF orientation 6`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-photos-'));
  const password = randomBytes(9).toString('base64url');
  const admin = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: 1, onnotice: () => {}, connect_timeout: 3 });
  const dbName = `minsheng_bench_photos_${randomBytes(4).toString('hex')}`;
  let databaseUrl: string | undefined;
  try {
    await admin.unsafe(`create database ${dbName}`);
    databaseUrl = `postgres://postgres@127.0.0.1:5432/${dbName}`;
    say(`on PostgreSQL (${dbName})`);
  } catch {
    say('!!! PostgreSQL not reachable at 127.0.0.1:5432: on embedded PGlite (its work counts as the server\'s CPU)');
  }
  const server = await startChild(path.join(root, 'server/main.ts'), { PORT: '0', DATA_DIR: dataDir, DEMO: '0', ADMIN_PASSWORD: password, DATABASE_URL: databaseUrl }, [], 60_000);
  const api = new Api(server.url);
  try {
    const token = (await api.ok('POST', '/api/auth/login', { json: { username: 'admin', password } })).token as string;
    const send = () => api.ok('POST', '/api/files', { token, body: new Uint8Array(photo) as unknown as BodyInit, headers: { 'content-type': 'image/jpeg' }, timeoutMs: 0 });
    await send(); // warm up (sharp's first use loads its libraries)
    const perPhoto: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const before = cpuSeconds(server.pid);
      await send();
      perPhoto.push(cpuSeconds(server.pid) - before);
    }
    perPhoto.sort((a, b) => a - b);
    say(`server CPU per photo (${rounds} one at a time): median ${fmt(perPhoto[Math.floor(rounds / 2)], 2)} s, max ${fmt(perPhoto[rounds - 1], 2)} s (bar < 1 s)`);
    const idle = rssMb(server.pid);
    let peak = idle;
    const sampler = setInterval(() => { peak = Math.max(peak, rssMb(server.pid)); }, 20);
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 10 }, send));
    clearInterval(sampler);
    say(`10 at once: all stored in ${fmt((performance.now() - t0) / 1000, 1)} s; server RSS ${fmt(idle)} MB before, peak ${fmt(Math.max(peak, peakRssMb(server.pid)))} MB`);
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin.end();
  }
}
