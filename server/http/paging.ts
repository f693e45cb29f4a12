// Paging of a public list (an extension, docs/PAGING.md): the body stays the array API.md gives, one page of
// it; the total and the next page travel as headers (`X-Total-Count`, RFC 8288 `Link: <…>; rel="next"`),
// so a client that never asks for a page sees exactly the answer it always had.
import type { Context } from 'hono';

export interface Slice { limit: number | null; offset: number }

/** The address of the page after `slice`, or null when this page is the last. */
export function nextPage(url: string, total: number, slice: Slice): string | null {
  if (slice.limit === null || slice.offset + slice.limit >= total) return null;
  const u = new URL(url);
  u.searchParams.set('offset', String(slice.offset + slice.limit));
  return `${u.pathname}${u.search}`;
}

/** Adds the paging headers to an answer (a 304 too: it carries the page's validators, and these describe it). */
export function withPaging<R extends Response>(c: Context, res: R, total: number, slice: Slice): R {
  res.headers.set('X-Total-Count', String(total));
  const next = nextPage(c.req.url, total, slice);
  if (next) res.headers.set('Link', `<${next}>; rel="next"`);
  return res;
}
