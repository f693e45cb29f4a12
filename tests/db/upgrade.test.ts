// A database made by an earlier release opens on this code with everything intact: sign-ins, published
// results and their signatures, ballot boxes and their receipts, the audit log, and every row of every
// table. Each fixture is that release's own data (tests/db/fixtures/release-<commit>.*: its demo county
// after a whole session), loaded into a database migrated only as far as that release went; then this
// code opens it and migrates on. Two releases: the first one (71e28e0, before the collection stage) and
// the previous one (9c82c8f, the whole year: suggestions to residents' ratings).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type Database } from '../../server/db/connect.js';
import { startServer, type RunningServer } from '../../server/server.js';
import { createThrottle } from '../../server/auth/throttle.js';
import { Api } from '../helpers/api.js';
import { sql } from 'drizzle-orm';
import { dumpedRows, migrationsFolder, releaseDataDir, releaseFixture, releaseMigrations } from '../helpers/release-fixture.js';

for (const release of ['71e28e0', '9c82c8f']) {
  const { fixture, dump } = releaseFixture(release);

  async function releaseDatabase(tmp: string): Promise<{ open: () => Promise<Database>; drop: () => Promise<void> }> {
    const url = process.env.DATABASE_URL;
    if (!url) {
      const { dataDir } = await releaseDataDir(release, tmp);
      return { open: () => openDatabase({ dataDir }), drop: async () => {} };
    }
    const oldMigrations = path.join(tmp, 'drizzle');
    releaseMigrations(fixture, oldMigrations);
    const name = `minsheng_upgrade_${randomBytes(5).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template template0`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const client = postgres(dbUrl.toString(), { max: 1, onnotice: () => {} });
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(drizzle({ client }), { migrationsFolder: oldMigrations });
    await client.unsafe(dump);
    await client.end();
    return {
      open: () => openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 5 }),
      drop: async () => { await admin.unsafe(`drop database if exists ${name} with (force)`); await admin.end(); },
    };
  }

  describe(`upgrade from release ${fixture.release}`, () => {
    let tmp = '';
    let release: Awaited<ReturnType<typeof releaseDatabase>>;
    let database: Database;
    let server: RunningServer;
    let api: Api;
    const call = async (method: string, p: string, o: { json?: unknown; token?: string } = {}) => api.call(method, p, { ...o, timeoutMs: 0 });

    beforeAll(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-upgrade-'));
      release = await releaseDatabase(tmp);
      database = await release.open();
      server = await startServer({ port: 0, database, clientDir: null, throttle: createThrottle({ points: 1000, duration: 60 }) });
      api = new Api(server.url);
    }, 120_000);

    afterAll(async () => {
      await server?.close();
      await database?.close();
      await release?.drop();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('applies every later migration', async () => {
      const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
      expect(journal.entries.length).toBeGreaterThan(fixture.migrations.length);
      const applied = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
      expect(applied[0].n).toBe(journal.entries.length);
    });

    it('keeps every row of every table of the release', async () => {
      const expected = dumpedRows(dump);
      expect(expected.get('audit_log')).toBeGreaterThan(10);
      expect(expected.get('ballot_box')).toBeGreaterThan(100);
      // the new release's start opens 督办单 for what time alone made red, each with its own trail entry (actor system):
      // those are new rows, not the release's
      const own: Record<string, string> = { audit_log: ` where not (actor_kind = 'system' and action = 'task.opened')`, outbox: ` where kind not in ('task', 'red')` };
      for (const [table, n] of expected) {
        const [row] = rowsOf<{ n: number }>(await database.db.execute(sql.raw(`select count(*)::int as n from public.${table}${own[table] ?? ''}`)));
        expect(`${table}: ${row.n}`).toBe(`${table}: ${n}`);
      }
    });

    it("reads the release's trail in the new shape, and keeps it append-only", async () => {
      const rows = rowsOf<{ stage: string | null; kind: string | null; body: string | null; actor: string | null }>(await database.db.execute(
        sql`select stage, subject_kind as kind, body_id as body, actor_kind as actor from audit_log`));
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.filter((r) => !r.stage || !r.kind || !r.actor)).toEqual([]);
      // Every entry of the release's demo belongs to its county: the trail of that body shows them.
      expect(rows.filter((r) => !r.body).length).toBeLessThan(rows.length / 10);
      await expect(database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
      await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    });

    it('lists every department name the release used, and dates each selected project from its selection', async () => {
      const missing = rowsOf<{ body_id: string; department: string }>(await database.db.execute(sql`
        select p.body_id, p.department from projects p
        where not exists (select 1 from departments d where d.body_id = p.body_id and d.name = p.department)`));
      expect(missing).toEqual([]);
      const [counts] = rowsOf<{ selected: number; dated: number }>(await database.db.execute(sql`
        select count(*) filter (where status in ('selected')) ::int as selected,
               count(*) filter (where status in ('selected') and selected_on is not null)::int as dated from projects`));
      if (fixture.release !== '71e28e0') expect(counts.selected).toBeGreaterThan(0);
      expect(counts.dated).toBe(counts.selected);
    });

    it('signs in staff by password and members by the code on their card', async () => {
      for (const who of [fixture.logins.admin, fixture.logins.presider]) {
        const r = await call('POST', '/api/auth/login', { json: who });
        expect(r.status).toBe(200);
      }
      const m = await call('POST', '/api/auth/member-login', { json: { code: fixture.logins.memberCode } });
      expect(m.status).toBe(200);
      expect(m.body.member.id).toBe(fixture.memberId);
      const wrong = await call('POST', '/api/auth/login', { json: { ...fixture.logins.admin, password: 'not-it' } });
      expect(wrong.status).toBe(401);
    });

    it("serves every body's public project list, and every public project's page, from the release's rows", async () => {
      const bodies = rowsOf<{ id: string }>(await database.db.execute(sql`select id from bodies`));
      let pages = 0;
      for (const b of bodies) {
        const list = await call('GET', `/api/public/bodies/${b.id}/projects`);
        expect(list.status).toBe(200);
        for (const p of list.body as { id: string; title: string }[]) {
          const page = await call('GET', `/api/public/projects/${p.id}`);
          expect(`${page.status} ${page.body.title}`).toBe(`200 ${p.title}`);
          pages++;
        }
      }
      expect(pages).toBeGreaterThan(0);
    });

    it('serves the same public key, signed results and ballot boxes', async () => {
      expect((await call('GET', '/api/public/keys')).body).toEqual(fixture.keys);
      expect(fixture.ballots.length).toBeGreaterThanOrEqual(4);
      for (const b of fixture.ballots) {
        const box = await call('GET', `/api/ballots/${b.id}/box`);
        expect(box.status).toBe(200);
        expect(box.body.digest).toBe(b.digest);
        expect(box.body.entries.length).toBe(b.entries);
        if (b.firstReceipt) expect(box.body.entries[0].receipt).toBe(b.firstReceipt);
        const jws = await call('GET', `/api/ballots/${b.id}/result.jws`);
        expect(jws.status).toBe(200);
        expect(jws.text).toBe(b.jws);
      }
    });
  });
}
