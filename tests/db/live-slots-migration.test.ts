// Migration 0015 (votes of open ballots in per-slot partitions) on a database of the release before it that
// has a ballot OPEN at the upgrade: its roll and box move into slot 1 with every receipt, the closed
// ballots' rows stay in ballot_roll / ballot_box untouched, and nothing of the open ballot is left behind
// in the closed tables (they are rewritten, not deleted from). The release fixtures of upgrade.test.ts
// hold no open ballot, so this one is made here.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journal, migrationsFolder, migrationsUpTo } from '../../server/db/backup/source.js';
import { onPostgres } from '../helpers/database.js';

interface Runner { query<T>(text: string): Promise<T[]>; migrate(folder: string): Promise<void>; close(): Promise<void> }

async function openRunner(): Promise<Runner> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const pg = new PGlite();
    return {
      query: async <T>(text: string) => (await pg.query<T>(text)).rows,
      migrate: (folder) => migrate(drizzle({ client: pg }), { migrationsFolder: folder }),
      close: () => pg.close(),
    };
  }
  const name = `minsheng_slots_${randomBytes(5).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template template0`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const client = postgres(u.toString(), { max: 1, onnotice: () => {} });
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  return {
    query: async <T>(text: string) => (await client.unsafe(text)) as unknown as T[],
    migrate: (folder) => migrate(drizzle({ client }), { migrationsFolder: folder }),
    close: async () => {
      await client.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const ballot = (id: string, session: string, state: string) => `insert into ballots (id, session_id, kind, title, secret, base_rule, options, state)
  values ('${id}', '${session}', 'motion', '${id}', true, 'eligible', '[]', '${state}')`;

describe(`migration 0015 on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  let db: Runner;
  beforeAll(async () => {
    db = await openRunner();
    const before = journal().findIndex((e) => e.tag.startsWith('0015_'));
    expect(before).toBeGreaterThan(0);
    const folder = migrationsUpTo(before);
    try {
      await db.migrate(folder);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    await db.query(ballot('open1', 's1', 'open'));
    await db.query(ballot('done1', 's2', 'published'));
    // Written in an order that is neither member nor receipt order, as votes arrive.
    for (const [b, m, r] of [['open1', 'm3', 'R9'], ['done1', 'm2', 'Q5'], ['open1', 'm1', 'R2'], ['done1', 'm1', 'Q1'], ['open1', 'm2', 'R5']]) {
      await db.query(`insert into ballot_roll (ballot_id, member_id, key_hash) values ('${b}', '${m}', 'h-${b}-${m}')`);
      await db.query(`insert into ballot_box (ballot_id, receipt, choices) values ('${b}', '${r}', '{"vote": "yes"}')`);
    }
    await db.migrate(migrationsFolder);
  }, 120_000);
  afterAll(async () => db?.close());

  it('moves an open ballot into slot 1 with every roll mark and receipt', async () => {
    expect(await db.query(`select id, live_slot from ballots order by id`)).toEqual([{ id: 'done1', live_slot: null }, { id: 'open1', live_slot: 1 }]);
    expect(await db.query(`select slot, ballot_id, member_id, key_hash from ballot_roll_live_1 order by member_id`)).toEqual(
      ['m1', 'm2', 'm3'].map((m) => ({ slot: 1, ballot_id: 'open1', member_id: m, key_hash: `h-open1-${m}` })));
    expect((await db.query<{ receipt: string }>(`select receipt from ballot_box_live order by receipt`)).map((r) => r.receipt)).toEqual(['R2', 'R5', 'R9']);
  });

  it('keeps the closed ballots in the closed tables, sorted, and nothing of the open one', async () => {
    expect(await db.query(`select ballot_id, member_id from ballot_roll order by ctid`)).toEqual([{ ballot_id: 'done1', member_id: 'm1' }, { ballot_id: 'done1', member_id: 'm2' }]);
    expect(await db.query(`select ballot_id, receipt from ballot_box order by ctid`)).toEqual([{ ballot_id: 'done1', receipt: 'Q1' }, { ballot_id: 'done1', receipt: 'Q5' }]);
    // Rewritten by the migration (one transaction), not deleted from: no old row versions of the open ballot.
    const xmins = await db.query<{ n: number }>(`select count(distinct xmin::text)::int as n from (select xmin from ballot_roll union all select xmin from ballot_box) x`);
    expect(xmins).toEqual([{ n: 1 }]);
  });

  it('makes further slots with the migration\'s function, attached to the partitioned tables', async () => {
    await db.query(`select ballot_live_slot(2)`);
    await db.query(`select ballot_live_slot(2)`);
    const parts = await db.query<{ child: string }>(`select c.relname::text as child from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'ballot_box_live'::regclass order by 1`);
    expect(parts.map((p) => p.child)).toEqual(['ballot_box_live_1', 'ballot_box_live_2']);
    await expect(db.query(`insert into ballot_box_live_2 (slot, ballot_id, receipt, choices) values (1, 'x', 'y', '{}')`)).rejects.toThrow();
  });
});
