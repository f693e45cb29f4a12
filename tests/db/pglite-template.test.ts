// The copy of an empty, migrated embedded database (server/db/pglite-template.ts): made by the first
// new database, restored by the next ones, named by the migrations, and never trusted blindly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect.js';
import { onPostgres } from '../helpers/database.js';

const journal = JSON.parse(fs.readFileSync(path.resolve('drizzle/meta/_journal.json'), 'utf8')) as { entries: unknown[] };

describe.skipIf(onPostgres)('the empty embedded database copy', () => {
  let cache: string;
  const saved = process.env.MINSHENG_PGLITE_CACHE;
  beforeAll(() => {
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-template-'));
    process.env.MINSHENG_PGLITE_CACHE = cache;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.MINSHENG_PGLITE_CACHE;
    else process.env.MINSHENG_PGLITE_CACHE = saved;
    fs.rmSync(cache, { recursive: true, force: true });
  });
  const copies = () => fs.readdirSync(cache).filter((f) => f.endsWith('.tar'));
  const migrated = async (d: Awaited<ReturnType<typeof openDatabase>>) =>
    (await d.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations', []))[0].n;

  it('is written by the first new database and restored, migrated, by the next; a data directory made from it keeps its rows', async () => {
    const first = await openDatabase({ dataDir: 'memory://' });
    expect(await migrated(first)).toBe(journal.entries.length);
    await first.close();
    expect(copies()).toHaveLength(1);
    const before = fs.statSync(path.join(cache, copies()[0])).mtimeMs;

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-data-'));
    const second = await openDatabase({ dataDir: dir });
    expect(await migrated(second)).toBe(journal.entries.length);
    await second.query("insert into bodies (id, name, level) values ('tpl-body', '模板测试', 'county')", []);
    await second.close();
    expect(fs.statSync(path.join(cache, copies()[0])).mtimeMs).toBe(before); // restored, not made again

    const again = await openDatabase({ dataDir: dir });
    expect((await again.query<{ name: string }>("select name from bodies where id = 'tpl-body'", []))[0].name).toBe('模板测试');
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('a damaged copy is dropped and the database made the long way, then the copy made again', async () => {
    const [name] = copies();
    fs.writeFileSync(path.join(cache, name), 'not a tar archive');
    const d = await openDatabase({ dataDir: 'memory://' });
    expect(await migrated(d)).toBe(journal.entries.length);
    await d.close();
    expect(copies()).toEqual([name]);
    expect(fs.statSync(path.join(cache, name)).size).toBeGreaterThan(1_000_000);
  }, 60_000);
});
