// Public pages served from memory, with an ETag (a client that has the page gets 304 and no body).
//
// - Pages that never change again (a published result, a published ballot box: API.md says publishing is
//   final) are kept for good once made (`immutablePage`): no database, no JSON encoding, no visibility check.
// - Pages that can change (project lists, project pages, stats, export digests) are kept until something
//   they show changes: a command whose effects say so drops them at once (core/command.ts calls
//   publicPagesChanged after its commit), and a change counter in the database tells every other process
//   (public-changes.ts).
// Nothing here is state: a process that has not cached a page simply reads it from the database.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { Db } from '../db/connect.js';
import { publicVersion, recordPublicChange, type ChangeVersion } from './public-changes.js';

/** A page made from a value of type T (the type is only for the route's answer: the page holds its JSON). */
export interface CachedPage<T = unknown> {
  /** never set: names the type of the value the page's JSON was made from */
  __value?(value: T): void;
  body: string;
  /** the body encoded once, so a large page (a city's list, ~250 KB) is not re-encoded for every answer */
  bytes: Uint8Array<ArrayBuffer>;
  /** the same, gzipped, made on the first request that accepts it (a city's list: ~250 KB → ~30 KB) */
  gzip?: Uint8Array<ArrayBuffer>;
  etag: string;
  /** when it was made (ms); published pages never expire */
  at: number;
}

export function makePage<T>(value: T): CachedPage<T> {
  const body = JSON.stringify(value);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, bytes: new TextEncoder().encode(body), etag, at: Date.now() };
}

/** `If-None-Match` names this page (weak comparison, as RFC 9110 asks for GET; `*` matches anything). */
export function notModified(c: Context, page: CachedPage): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  const gz = gzipTag(page.etag);
  return header.split(',').some((tag) => { const t = tag.trim().replace(/^W\//, ''); return t === page.etag || t === gz; });
}

/** The gzipped representation has its own validator (RFC 9110: a strong ETag names one representation). */
const gzipTag = (etag: string) => etag.replace(/"$/, '-gz"');
/** Small answers are not worth compressing. */
const gzipFrom = 2048;

function wantsGzip(c: Context, page: CachedPage): boolean {
  return page.bytes.length >= gzipFrom && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
}

/** The answer typed as the JSON of the page's value (a route's answer type: server/api-types.ts). */
const typed = <T>(r: Response) => r as Response & TypedResponse<JSONParsed<T>>;

/**
 * 304 when the client has it, else 200 with the stored JSON. A Response with plain-object headers
 * (not c.header, which builds WHATWG Headers) lets @hono/node-server write it on its fast path.
 */
export function servePage<T>(c: Context, page: CachedPage<T>, cacheControl: string): Response & TypedResponse<JSONParsed<T>> {
  const gzip = wantsGzip(c, page);
  const etag = gzip ? gzipTag(page.etag) : page.etag;
  const vary: Record<string, string> = page.bytes.length >= gzipFrom ? { Vary: 'Accept-Encoding' } : {};
  if (notModified(c, page)) return typed<T>(new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cacheControl, ...vary } }));
  if (gzip) {
    page.gzip ??= new Uint8Array(gzipSync(page.bytes, { level: 6 }));
    return typed<T>(new Response(page.gzip, {
      status: 200,
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', ETag: etag, 'Cache-Control': cacheControl, ...vary },
    }));
  }
  return typed<T>(new Response(page.bytes, {
    status: 200,
    headers: { 'Content-Type': 'application/json', ETag: etag, 'Cache-Control': cacheControl, ...vary },
  }));
}

// ---------------------------------------------------------------- published ballots (immutable)

/** Published pages may be kept by browsers and proxies for an hour without asking again. */
export const publishedCacheControl = 'public, max-age=3600';

/** Boxes can be large (3,000 entries ≈ 1 MB): keep at most this many bytes of pages, least recently used out first. */
const maxBytes = 64 * 1024 * 1024;
const published = new Map<string, CachedPage>();
let publishedBytes = 0;

function remember(key: string, page: CachedPage) {
  published.set(key, page);
  publishedBytes += page.body.length;
  for (const [k, p] of published) {
    if (publishedBytes <= maxBytes) break;
    published.delete(k);
    publishedBytes -= p.body.length;
  }
}

function recall(key: string): CachedPage | undefined {
  const page = published.get(key);
  if (page) {
    // most recently used last
    published.delete(key);
    published.set(key, page);
  }
  return page;
}

/**
 * A page that never changes once it exists (a published result or box), from memory; `load` answers null
 * while it does not exist yet (the caller then takes the normal path, with its visibility rules).
 */
export async function immutablePage<T>(key: string, load: () => Promise<T | null>): Promise<CachedPage<T> | null> {
  const hit = recall(key);
  if (hit) return hit;
  const value = await load();
  if (value === null) return null;
  const page = makePage(value);
  remember(key, page);
  return page;
}

// ---------------------------------------------------------------- public pages that can change

/** Residents' suggestions and ratings move counts on pages; a flood of them refreshes a page at most this often. */
export const residentLagMs = 1000;
/**
 * Pages also say what moves with the calendar (a project past its date is 逾期): a page made on one day in
 * Asia/Shanghai is made again on the next. And, as a backstop for changes made around the server (psql, a
 * seed script), after this long at the latest.
 */
export const pageMaxAgeMs = 10 * 60_000;
const dayMs = 86_400_000;
const shanghaiOffsetMs = 8 * 3_600_000; // no daylight saving time in China
/** When a page made at `at` stops being current: the next midnight in Asia/Shanghai, or pageMaxAgeMs. */
export const pageExpiry = (at: number) => Math.min(at + pageMaxAgeMs, Math.floor((at + shanghaiOffsetMs) / dayMs + 1) * dayMs - shanghaiOffsetMs);
/** Browsers revalidate every time (cheap: 304 from memory). */
export const pageCacheControl = 'public, no-cache';

interface ChangeablePage extends CachedPage { version: ChangeVersion; expires: number }
const pages = new Map<string, ChangeablePage>();
/** Pages being rebuilt: concurrent readers wait for the one load instead of each running their own. */
const loading = new Map<string, Promise<ChangeablePage>>();
let generation = 0;

function current(page: ChangeablePage, v: ChangeVersion, now: number): boolean {
  return page.version.staff === v.staff && (page.version.residents === v.residents || now - page.at < residentLagMs) && now < page.expires;
}

/**
 * A public page from memory while nothing it shows has changed (core/public-changes.ts: counters every
 * process reads), else made by `load` (once, however many ask) and kept. A page that is no longer current
 * is still answered while one reader rebuilds it behind the scenes (stale-while-revalidate): a change made
 * through another process shows once this process has seen the counter move and the page is rebuilt,
 * well within a second, and readers do not queue behind a city-wide rebuild. A write through this process
 * drops the pages (invalidatePublicPages), and then readers do wait for the fresh one.
 */
export async function publicPage<T>(db: Db, key: string, load: () => Promise<T>): Promise<CachedPage<T>> {
  const version = await publicVersion(db);
  const hit = pages.get(key);
  if (hit && current(hit, version, Date.now())) return hit;
  const pending = loading.get(key);
  if (pending) return hit ?? pending;
  const started = generation;
  const at = Date.now();
  const promise = load().then((value) => {
    const page = { ...makePage(value), at, version, expires: pageExpiry(at) };
    // Not kept if a write dropped the pages while it was being read: it may predate that write.
    if (started === generation) {
      if (pages.size > 10_000) pages.clear();
      pages.set(key, page);
    }
    return page;
  }).finally(() => { if (loading.get(key) === promise) loading.delete(key); });
  loading.set(key, promise);
  if (hit) {
    promise.catch(() => { /* the stale page was answered; the next reader tries again */ });
    return hit;
  }
  return promise;
}

/** Something that public pages show changed through this process: forget them all (they are rebuilt on demand). */
export function invalidatePublicPages() {
  generation++;
  pages.clear();
  loading.clear();
}

/** Something public pages show was committed (by a command, or by the demo and the city seed written beside the server). */
export async function publicPagesChanged(db: Db, who: 'staff' | 'residents'): Promise<void> {
  if (who === 'staff') invalidatePublicPages();
  try {
    await recordPublicChange(db, who);
  } catch (err) {
    // The write itself committed; other processes then catch up within pageMaxAgeMs.
    console.error('could not record a public change', err);
  }
}
