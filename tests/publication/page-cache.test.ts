// The public page cache: pages from memory until the change counters in the database move; then the
// stale page answered while one reader rebuilds it; after a write through this process, readers wait for
// the fresh page; residents' writes refresh pages at most once a second.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { invalidatePublicPages, pageExpiry, pageMaxAgeMs, publicPage, publicPagesChanged, residentLagMs } from '../../server/core/page-cache.js';
import { shanghaiDate } from '../../shared/execution.js';
import { changeCheckMs, publicVersion } from '../../server/core/public-changes.js';
import type { Database } from '../../server/db/connect.js';
import { openTestDatabase } from '../helpers/database.js';

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('publicPage', () => {
  let database: Database;
  let db: Database['db'];
  beforeAll(async () => { database = await openTestDatabase(); db = database.db; });
  afterAll(async () => { await database.close(); });
  // What another server process does after its write commits: bump the counter in the database, not here.
  const bumpElsewhere = (seq: 'public_changes' | 'resident_changes') => db.execute(sql.raw(`select nextval('${seq}')`));
  const value = (page: { body: string }) => JSON.parse(page.body);

  it('keeps a page while nothing changes, however old', async () => {
    let n = 0;
    const load = vi.fn(async () => ({ n: ++n }));
    const key = `t:${Math.random()}`;
    expect(value(await publicPage(db, key, load))).toEqual({ n: 1 });
    await later(changeCheckMs + residentLagMs + 50);
    for (let i = 0; i < 5; i++) expect(value(await publicPage(db, key, load))).toEqual({ n: 1 });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('after a staff change through another process: the stale page while one rebuild runs, then the fresh one', async () => {
    let n = 0;
    const load = vi.fn(async () => { await later(50); return { n: ++n }; });
    const key = `t:${Math.random()}`;
    await publicPage(db, key, load);
    await bumpElsewhere('public_changes');
    await later(changeCheckMs + 20);
    await publicPage(db, key, load); // this reader starts the check and is answered what is known
    await later(30);
    const [a, b] = await Promise.all([publicPage(db, key, load), publicPage(db, key, load)]);
    expect([value(a), value(b)]).toEqual([{ n: 1 }, { n: 1 }]);
    expect(load).toHaveBeenCalledTimes(2);
    await later(80);
    expect(value(await publicPage(db, key, load))).toEqual({ n: 2 });
    expect(new TextDecoder().decode(a.bytes)).toBe(a.body);
  });

  it("after residents' writes: made again once the page is a second old, not at once", async () => {
    let n = 0;
    const load = vi.fn(async () => ({ n: ++n }));
    const key = `t:${Math.random()}`;
    await publicPage(db, key, load);
    await bumpElsewhere('resident_changes');
    await later(changeCheckMs + 20);
    await publicPage(db, key, load);
    await later(30);
    expect(value(await publicPage(db, key, load))).toEqual({ n: 1 }); // younger than residentLagMs
    await later(residentLagMs);
    await publicPage(db, key, load); // stale answered, rebuild started
    await later(30);
    expect(value(await publicPage(db, key, load))).toEqual({ n: 2 });
  });

  it('after a write through this process, waits for the fresh page; the counter moves for the others', async () => {
    let n = 0;
    const key = `t:${Math.random()}`;
    const load = async () => { await later(30); return { n: ++n }; };
    await publicPage(db, key, load);
    const before = await publicVersion(db);
    await publicPagesChanged(db, 'staff');
    expect(value(await publicPage(db, key, load))).toEqual({ n: 2 });
    expect((await publicVersion(db)).staff).toBeGreaterThan(before.staff);
    invalidatePublicPages();
    expect(value(await publicPage(db, key, load))).toEqual({ n: 3 });
  });

  it('a page expires at the next midnight in Asia/Shanghai, or pageMaxAgeMs after it was made, whichever comes first', () => {
    const at = Date.parse('2026-12-04T15:55:00Z'); // 23:55 in Shanghai
    expect(pageExpiry(at)).toBe(Date.parse('2026-12-04T16:00:00Z'));
    expect(shanghaiDate(new Date(pageExpiry(at)))).toBe('2026-12-05');
    expect(shanghaiDate(new Date(pageExpiry(at) - 1))).toBe('2026-12-04');
    const morning = Date.parse('2026-12-04T01:00:00Z');
    expect(pageExpiry(morning)).toBe(morning + pageMaxAgeMs);
  });
});

describe('servePage', () => {
  it('gzips a large page for a client that accepts it, with its own ETag, and answers 304 to either tag', async () => {
    const { Hono } = await import('hono');
    const { gunzipSync } = await import('node:zlib');
    const { servePage, makePage } = await import('../../server/core/page-cache.js');
    const page = makePage({ list: Array.from({ length: 300 }, (_, i) => ({ i, title: `项目${i}` })) });
    const app = new Hono().get('/p', (c) => servePage(c, page, 'no-cache'));
    const plain = await app.request('/p');
    const zipped = await app.request('/p', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    const raw = new Uint8Array(await zipped.arrayBuffer());
    expect(raw.length).toBeLessThan(page.bytes.length / 3);
    expect(gunzipSync(raw).toString('utf8')).toBe(page.body);
    expect(zipped.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    for (const tag of [plain.headers.get('etag')!, zipped.headers.get('etag')!]) {
      expect((await app.request('/p', { headers: { 'if-none-match': tag, 'accept-encoding': 'gzip' } })).status).toBe(304);
    }
    expect((await app.request('/p', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });
});
