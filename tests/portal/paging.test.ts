// GET /api/public/bodies/:bodyId/projects?limit=&offset= (docs/PAGING.md): pages of the same list, in the
// same order, with X-Total-Count and a Link to the next page; without them the answer is the whole list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ok } from '../helpers/fixtures.js';
import { buildCity, type City } from './support.js';

let server: TestServer;
let city: City;
const list = (q: string, headers: Record<string, string> = {}) => server.call('GET', `/api/public/bodies/${city.cityId}/projects${q}`, { headers });
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

beforeAll(async () => {
  server = await startTestServer({ today: '2027-08-15' });
  city = await buildCity(server);
}, 120_000);
afterAll(async () => server?.close());

describe('paging the public list', () => {
  it('without limit or offset: the whole list, no paging headers', async () => {
    const r = await list('?year=2027');
    expect(ok(r)).toHaveLength(6); // A: a0, a1, a2, aSug; B: b0, b1 (the draft is not public)
    expect(r.headers.get('x-total-count')).toBeNull();
    expect(r.headers.get('link')).toBeNull();
  });

  it('pages walk the same list in the same order, each with the total and the next', async () => {
    const whole = ids(ok(await list('?year=2027')));
    const seen: string[] = [];
    let next: string | null = '?year=2027&limit=4';
    let pages = 0;
    while (next) {
      const r = await list(next);
      const page = ok(r);
      expect(r.headers.get('x-total-count')).toBe('6');
      seen.push(...ids(page));
      pages++;
      const link = r.headers.get('link');
      next = link ? new URL(/^<([^>]+)>; rel="next"$/.exec(link)![1], 'http://x').search : null;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(whole);
    // the page items are the same objects as in the whole list
    expect(ok(await list('?year=2027&limit=2&offset=1'))).toEqual(ok(await list('?year=2027')).slice(1, 3));
    // offset alone: the rest of the list; past the end: an empty page, the total still said
    expect(ids(ok(await list('?year=2027&offset=5')))).toEqual(whole.slice(5));
    const past = await list('?year=2027&limit=10&offset=50');
    expect(ok(past)).toEqual([]);
    expect(past.headers.get('x-total-count')).toBe('6');
    expect(past.headers.get('link')).toBeNull();
  });

  it('keeps the other filters in the next link, and counts under them', async () => {
    const r = await list('?year=2027&status=selected&limit=1');
    expect(ok(r)).toHaveLength(1);
    expect(r.headers.get('x-total-count')).toBe('4');
    const link = r.headers.get('link')!;
    expect(link).toContain('status=selected');
    expect(link).toContain('offset=1');
    expect(link).toContain('limit=1');
  });

  it('a page is cached with its own ETag (304), and refuses bad paging with 422', async () => {
    const first = await list('?year=2027&limit=2');
    const again = await list('?year=2027&limit=2', { 'if-none-match': first.headers.get('etag')! });
    expect(again.status).toBe(304);
    expect(again.headers.get('x-total-count')).toBe('6');
    expect(first.headers.get('etag')).not.toBe((await list('?year=2027&limit=2&offset=2')).headers.get('etag'));
    for (const q of ['?limit=0', '?limit=501', '?limit=abc', '?offset=-1', '?limit=2.5']) expect((await list(q)).status, q).toBe(422);
  });
});
