// Backup and restore (docs/QUALITY.md "backup and restore"): a backup taken while the server runs, restored into
// an empty embedded data directory and into an empty PostgreSQL database, gives a server that answers exactly as
// the original did — sign-ins, tracking codes, results and notices with their signatures, boxes and receipts, the
// trail, photos. Both directions: embedded → embedded and → PostgreSQL; PostgreSQL → embedded (the PostgreSQL
// parts run when DATABASE_URL is set, as .ci/run does). A non-empty target is refused and left as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/server.js';
import { seedDemo } from '../../server/demo/seed.js';
import { createThrottle } from '../../server/auth/throttle.js';
import { takeBackup } from '../../server/db/backup/take.js';
import { checkBackup, restoreBackup, type Target } from '../../server/db/backup/restore.js';
import { Api } from '../helpers/api.js';
import { rowsOf } from '../../server/db/connect.js';
import { sql } from 'drizzle-orm';
import { dumpedRows, releaseDataDir } from '../helpers/release-fixture.js';

const pgUrl = process.env.DATABASE_URL;
const adminPassword = 'backup-test-password';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-backup-'));
const created: string[] = [];

async function freshPostgres(): Promise<string> {
  const name = `minsheng_bk_${randomBytes(5).toString('hex')}`;
  const admin = postgres(pgUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template template0`);
  await admin.end();
  created.push(name);
  const u = new URL(pgUrl!);
  u.pathname = `/${name}`;
  return u.toString();
}

const start = (where: Target) => startServer({
  port: 0, clientDir: null, throttle: createThrottle({ points: 1000, duration: 60 }),
  ...('databaseUrl' in where ? { databaseUrl: where.databaseUrl, poolSize: 5 } : { dataDir: where.dataDir }),
});

/** What the server answers, from the outside: everything a restore must give back unchanged. */
async function answers(server: RunningServer) {
  const api = new Api(server.url);
  const call = (p: string, token?: string) => api.call('GET', p, { token, timeoutMs: 0 });
  const admin = (await api.call('POST', '/api/auth/login', { json: { username: 'admin', password: adminPassword }, timeoutMs: 0 })).body.token as string;
  const member = await api.call('POST', '/api/auth/member-login', { json: { code: 'DM000011' }, timeoutMs: 0 });
  const out: Record<string, unknown> = { admin: !!admin, member: [member.status, member.body.member?.id], keys: (await call('/api/public/keys')).body };
  const db = server.ctx.db;
  for (const { id } of rowsOf<{ id: string }>(await db.execute(sql`select id from bodies order by id`))) {
    out[`results ${id}`] = (await call(`/api/public/bodies/${id}/results`)).body;
    out[`notices ${id}`] = (await call(`/api/public/bodies/${id}/notices`)).body;
    out[`trail ${id}`] = (await call(`/api/bodies/${id}/audit?limit=200`, admin)).body;
    out[`projects ${id}`] = (await call(`/api/public/bodies/${id}/projects`)).body;
  }
  for (const { id } of rowsOf<{ id: string }>(await db.execute(sql`select id from ballots where state = 'published' order by id`))) {
    out[`jws ${id}`] = (await call(`/api/ballots/${id}/result.jws`)).text;
    out[`box ${id}`] = (await call(`/api/ballots/${id}/box`)).body;
  }
  for (const { id } of rowsOf<{ id: string }>(await db.execute(sql`select id from notices order by id`))) out[`notice ${id}`] = (await call(`/api/public/notices/${id}.jws`)).text;
  for (const { code } of rowsOf<{ code: string }>(await db.execute(sql`select tracking_code as code from suggestions order by id limit 20`))) out[`track ${code}`] = (await call(`/api/suggestions/${code}`)).body;
  for (const { id } of rowsOf<{ id: string }>(await db.execute(sql`select id from files order by id`))) {
    const r = await fetch(`${server.url}/api/files/${id}`);
    out[`photo ${id}`] = [r.status, r.headers.get('etag'), createHash('sha256').update(new Uint8Array(await r.arrayBuffer())).digest('hex')];
  }
  return out;
}

/** A served database with the demo county in it, its answers, and a backup taken while it still serves. */
async function source(where: Target, file: string, passphrase?: string) {
  const server = await start(where);
  try {
    await seedDemo(server.ctx, { adminPassword });
    const before = await answers(server);
    const manifest = await takeBackup({ file, passphrase, release: 'test', ...where });
    return { before, manifest, server };
  } catch (err) {
    await server.close();
    throw err;
  }
}

async function restoredAnswers(file: string, where: Target, passphrase?: string) {
  const manifest = await restoreBackup(file, where, passphrase);
  const server = await start(where);
  try {
    return { manifest, after: await answers(server) };
  } finally {
    await server.close();
  }
}

afterAll(async () => {
  if (pgUrl && created.length) {
    const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
    for (const name of created) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a backup of the embedded database, taken while the server runs', () => {
  const file = path.join(tmp, 'embedded.msbk');
  let before: Record<string, unknown>;
  let tables: Record<string, number>;

  beforeAll(async () => {
    const src = await source({ dataDir: path.join(tmp, 'src') }, file, 'a county passphrase');
    before = src.before;
    tables = src.manifest.tables;
    // The server goes on: a backup leaves it serving, and says when it was taken.
    const again = await new Api(src.server.url).call('POST', '/api/auth/login', { json: { username: 'admin', password: adminPassword }, timeoutMs: 0 });
    expect(again.status).toBe(200);
    await src.server.close();
  }, 180_000);

  it('holds every table, and verifies', async () => {
    expect(tables.ballot_box).toBeGreaterThan(50);
    expect(tables.files).toBeGreaterThan(0);
    expect(tables.server_secrets).toBeGreaterThanOrEqual(3);
    expect((await checkBackup(file, 'a county passphrase')).tables).toEqual(tables);
    await expect(checkBackup(file, 'another passphrase')).rejects.toThrow(/does not decrypt/);
    await expect(checkBackup(file)).rejects.toThrow(/BACKUP_PASSPHRASE/);
  });

  it('refuses a flipped byte anywhere in the payload', async () => {
    const flipped = path.join(tmp, 'flipped.msbk');
    const bytes = fs.readFileSync(file);
    for (const at of [Math.floor(bytes.length / 3), bytes.length - 5]) {
      const copy = Buffer.from(bytes);
      copy[at] ^= 0x10;
      fs.writeFileSync(flipped, copy);
      await expect(checkBackup(flipped, 'a county passphrase')).rejects.toThrow(/does not decrypt|damaged/);
    }
  });

  it('restores into an empty data directory: the server answers exactly as before', async () => {
    const { manifest, after } = await restoredAnswers(file, { dataDir: path.join(tmp, 'restored') }, 'a county passphrase');
    expect(manifest.tables).toEqual(tables);
    expect(after).toEqual(before);
  }, 120_000);

  it('refuses a target that is not empty, and changes nothing there', async () => {
    const target = path.join(tmp, 'restored');
    const listing = fs.readdirSync(target).sort();
    await expect(restoreBackup(file, { dataDir: target }, 'a county passphrase')).rejects.toThrow(/not empty/);
    expect(fs.readdirSync(target).sort()).toEqual(listing);
  });

  it.runIf(!!pgUrl)('restores into an empty PostgreSQL database: the server answers exactly as before', async () => {
    const { manifest, after } = await restoredAnswers(file, { databaseUrl: await freshPostgres() }, 'a county passphrase');
    expect(manifest.tables).toEqual(tables);
    expect(after).toEqual(before);
  }, 120_000);
});

describe.runIf(!!pgUrl)('a backup of PostgreSQL, taken while the server runs', () => {
  it('restores into an empty data directory: the server answers exactly as before', async () => {
    const file = path.join(tmp, 'postgres.msbk');
    const src = await source({ databaseUrl: await freshPostgres() }, file);
    await src.server.close();
    const { manifest, after } = await restoredAnswers(file, { dataDir: path.join(tmp, 'from-postgres') });
    expect(manifest.tables).toEqual(src.manifest.tables);
    expect(after).toEqual(src.before);
  }, 240_000);
});

describe('a backup of an earlier release (9c82c8f), taken with no server running', () => {
  it('restores, and the next start migrates it: every row, key, box and signature as that release left them', async () => {
    const { dataDir, fixture, dump } = await releaseDataDir('9c82c8f', tmp);
    const file = path.join(tmp, 'release.msbk');
    const taken = await takeBackup({ file, dataDir, release: fixture.release });
    expect(taken.migration).toBe(fixture.migrations.at(-1));
    const target = path.join(tmp, 'release-restored');
    const restored = await restoreBackup(file, { dataDir: target });
    expect(restored.tables).toEqual(taken.tables);
    const server = await start({ dataDir: target });
    try {
      for (const [table, n] of dumpedRows(dump)) {
        const [row] = rowsOf<{ n: number }>(await server.ctx.db.execute(sql.raw(`select count(*)::int as n from public.${table}`)));
        expect(`${table}: ${row.n}`).toBe(`${table}: ${n}`);
      }
      const api = new Api(server.url);
      expect((await api.call('GET', '/api/public/keys', { timeoutMs: 0 })).body).toEqual(fixture.keys);
      for (const b of fixture.ballots) {
        expect((await api.call('GET', `/api/ballots/${b.id}/box`, { timeoutMs: 0 })).body.digest).toBe(b.digest);
        expect((await api.call('GET', `/api/ballots/${b.id}/result.jws`, { timeoutMs: 0 })).text).toBe(b.jws);
      }
      expect((await api.call('POST', '/api/auth/login', { json: fixture.logins.admin, timeoutMs: 0 })).status).toBe(200);
      expect((await api.call('POST', '/api/auth/member-login', { json: { code: fixture.logins.memberCode }, timeoutMs: 0 })).body.member.id).toBe(fixture.memberId);
    } finally {
      await server.close();
    }
  }, 180_000);
});
