// The public page cache: fresh pages from memory; a page past its second answered while one reader
// rebuilds it; after a write through this process, readers wait for the fresh page; residents' writes
// do not drop the pages.
import { describe, expect, it, vi } from 'vitest';
import { invalidatePublicPages, pageTtlMs, publicPage, writeMayChangePublicPages } from '../../server/publication/cache.js';

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('publicPage', () => {
  it('answers a stale page while one rebuild runs, and the fresh one after it', async () => {
    let n = 0;
    const load = vi.fn(async () => { await later(50); return { n: ++n }; });
    const key = `t:${Math.random()}`;
    expect(JSON.parse((await publicPage(key, load)).body)).toEqual({ n: 1 });
    await later(pageTtlMs + 20);
    const [a, b] = await Promise.all([publicPage(key, load), publicPage(key, load)]);
    expect([JSON.parse(a.body), JSON.parse(b.body)]).toEqual([{ n: 1 }, { n: 1 }]);
    expect(load).toHaveBeenCalledTimes(2);
    await later(80);
    expect(JSON.parse((await publicPage(key, load)).body)).toEqual({ n: 2 });
    expect(new TextDecoder().decode(a.bytes)).toBe(a.body);
  });

  it('after a write through this process, waits for the fresh page', async () => {
    let n = 0;
    const key = `t:${Math.random()}`;
    const load = async () => { await later(30); return { n: ++n }; };
    await publicPage(key, load);
    invalidatePublicPages();
    expect(JSON.parse((await publicPage(key, load)).body)).toEqual({ n: 2 });
  });

  it('is not dropped by votes, check-ins, suggestions or ratings; any other write drops it', () => {
    expect(writeMayChangePublicPages('POST', '/api/ballots/b1/votes')).toBe(false);
    expect(writeMayChangePublicPages('POST', '/api/bodies/x1/suggestions')).toBe(false);
    expect(writeMayChangePublicPages('POST', '/api/public/projects/p1/ratings')).toBe(false);
    expect(writeMayChangePublicPages('PUT', '/api/ratings/r1')).toBe(true);
    expect(writeMayChangePublicPages('POST', '/api/projects/p1/progress')).toBe(true);
    expect(writeMayChangePublicPages('GET', '/api/projects/p1')).toBe(false);
  });
});

describe('servePage', () => {
  it('gzips a large page for a client that accepts it, with its own ETag, and answers 304 to either tag', async () => {
    const { Hono } = await import('hono');
    const { gunzipSync } = await import('node:zlib');
    const { servePage, makePage } = await import('../../server/publication/cache.js');
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
