// `npm run bench -- --portal`: QUALITY.md "city scale" on a generated city (scripts/city/). Seeds the city
// into the bench database if it is not there, starts the server and the bare Hono floor as children, and
// measures req/s of the city-wide project list, a project page and the stats against "hello" (alternating,
// like --reads), then how long a progress report takes to show on the project's public page.
// Last, QUALITY.md "exports": the city-wide CSV and JSON export of 1 year and of all 5, each from a fresh
// server child, with the server's peak RSS (VmHWM) after a warm-up and after the export.
//   options: --duration ms (3000 per measurement)  --rounds N (3)  --concurrency C (64)  --delays N (5)
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { openDatabase } from '../../server/db/connect.js';
import { loadSecrets } from '../../server/secrets.js';
import { progressReports, projects } from '../../server/db/schema.js';
import { executionOf } from '../../server/projects/execution.js';
import { shanghaiDate } from '../../shared/execution.js';
import { findCity, seedCity } from '../city/seed.js';
import http from 'node:http';
import { HttpClient, fmt, median, now, peakRssMb, rssMb, sleep, startChild, type PreparedRequest } from './lib.js';
import { readsAgainstHello } from './reads-vs-hello.js';
import { benchDatabase, redact } from './fresh-db.js';

export interface PortalOptions { duration: number; rounds: number; concurrency: number; delays: number }

const missingRoute = (status: number, text: string) => status === 404 && text.includes('no such endpoint');

/** The city's id, the year, and projects to read and to report on (seeding first if needed). */
async function prepareCity(url: string, say: (s: string) => void) {
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  try {
    let cityId = await findCity(database.db);
    if (!cityId) {
      say('seeding the city (npm run seed:city) into the bench database…');
      const r = await seedCity(database.db, (await loadSecrets(database.db)).codeKey);
      say(`  ${Object.entries(r.counts).map(([k, v]) => `${k} ${v}`).join(', ')} in ${fmt(r.ms / 1000, 1)} s`);
      cityId = r.cityId;
    } else say('the city is already in this database');
    const year = Number(shanghaiDate(new Date()).slice(0, 4));
    const selected = await database.db.select({ id: projects.id, year: projects.year }).from(projects)
      .where(and(eq(projects.status, 'selected'), eq(projects.year, year))).limit(400);
    const exec = await executionOf(database.db, selected, new Date());
    const pages = selected.slice(0, 100).map((p) => p.id);
    const running = selected.filter((p) => exec.get(p.id)!.execution === 'in_progress').map((p) => p.id);
    const [last] = running.length ? await database.db.select({ percent: progressReports.percent }).from(progressReports)
      .where(inArray(progressReports.projectId, running.slice(0, 1))).orderBy(desc(progressReports.date)).limit(1) : [];
    return { cityId, year, pages, running, lastPercent: last?.percent ?? 50 };
  } finally {
    await database.close();
  }
}

export async function portalBench(root: string, say: (s: string) => void, o: PortalOptions) {
  const db = await benchDatabase();
  const adminPassword = process.env.ADMIN_PASSWORD || `bench-${randomBytes(8).toString('hex')}`;
  say(`portal bench on ${redact(db.url)}${db.fresh ? ' (fresh, dropped at the end)' : ''}`);
  try {
    let t = now();
    const city = await prepareCity(db.url, say);
    say(`city ${city.cityId}, year ${city.year}: ${city.pages.length} project pages read in turn, ${city.running.length} projects in progress; ready in ${fmt((now() - t) / 1000, 1)} s`);
    const env = { PORT: '0', HOST: '127.0.0.1', DEMO: '0', ADMIN_PASSWORD: adminPassword, DB_POOL: process.env.DB_POOL ?? '20', DATABASE_URL: db.url, NODE_ENV: 'production' };
    const server = await startChild(path.join(root, 'server/main.ts'), env, [], 60_000);
    const floor = await startChild(path.join(root, 'scripts/bench/floor-server.ts'), { PORT: '0', DB_POOL: env.DB_POOL, DATABASE_URL: db.url, NODE_ENV: 'production' });
    const api = new HttpClient(server.url, 8);
    const client = new HttpClient(server.url, o.concurrency);
    const hello = new HttpClient(floor.url, o.concurrency);
    try {
      await readsPart(say, o, city, api, client, hello, server.pid);
      await delayPart(say, o, city, api, adminPassword);
    } finally {
      api.close(); client.close(); hello.close();
      await Promise.all([server.stop(), floor.stop()]);
    }
    await exportsPart(say, root, env, city);
  } finally {
    await db.drop().catch((e) => say(`could not drop the bench database: ${(e as Error).message}`));
  }
}

type City = Awaited<ReturnType<typeof prepareCity>>;

async function readsPart(say: (s: string) => void, o: PortalOptions, city: City, api: HttpClient, client: HttpClient, hello: HttpClient, serverPid: number) {
  const get = (p: (i: number) => string, headers: Record<string, string> = {}) => (i: number): PreparedRequest => ({ method: 'GET', path: p(i), headers });
  const candidates: [string, (i: number) => string][] = [
    ['list', () => `/api/public/bodies/${city.cityId}/projects?year=${city.year}`],
    // 100 project pages in turn (each cached for a second: mostly rebuilt), and one page over and over
    ['project', (i) => `/api/public/projects/${city.pages[i % city.pages.length]}`],
    ['project1', () => `/api/public/projects/${city.pages[0]}`],
    ['stats', () => `/api/public/bodies/${city.cityId}/stats?year=${city.year}`],
  ];
  const targets: [string, (i: number) => PreparedRequest][] = [];
  for (const [k, p] of candidates) {
    const r = await api.request('GET', p(0));
    if (missingRoute(r.status, r.text)) {
      say(`  ${k.padEnd(8)} ${p(0)} → not available (404: the route is not in this build)`);
      continue;
    }
    say(`  ${k.padEnd(8)} ${p(0)} → ${r.status}, ${r.text.length} bytes, ETag ${r.headers?.etag ?? '(none)'}`);
    targets.push([k, get(p)]);
    const etag = r.headers?.etag as string | undefined;
    // revalidation of the same page (the 100 project pages rotate, so theirs would not match)
    if (k !== 'project' && etag) targets.push([`${k} 304`, get(p, { 'if-none-match': etag })]);
    // as a browser asks for it: gzip accepted (the server compresses a large page once and keeps it)
    if (k === 'list') targets.push([`${k} gzip`, get(p, { 'accept-encoding': 'gzip' })]);
  }
  const figures = await readsAgainstHello(client, hello, targets, { ...o, title: 'portal reads', width: 12 }, say);
  for (const [k] of candidates) if (!figures.has(k)) say(`${k.padEnd(8)} not available`);
  say(`server peak RSS: ${fmt(peakRssMb(serverPid))} MB`);
}

/** A progress report posted by the admin, then the public project page polled every 10 ms until it shows the report. */
async function delayPart(say: (s: string) => void, o: PortalOptions, city: City, api: HttpClient, adminPassword: string) {
  const projectId = city.running[0];
  if (!projectId) return say('change → public page: no project in progress to report on');
  const token = (await api.json('POST', '/api/auth/login', { json: { username: 'admin', password: adminPassword } })).token as string;
  const publicPath = `/api/public/projects/${projectId}`;
  const probe = await api.request('GET', publicPath);
  const available = !missingRoute(probe.status, probe.text);
  // Without the public page (another branch), the staff implementation read stands in, said so.
  const readPath = available ? publicPath : `/api/projects/${projectId}/implementation`;
  const headers: Record<string, string> = available ? {} : { authorization: `Bearer ${token}` };
  if (!available) say(`\nchange → public page: ${publicPath} not available; measuring the staff read ${readPath} instead (not the bar's figure)`);
  const delays: number[] = [];
  for (let k = 0; k < o.delays; k++) {
    const note = `门户基准 ${randomBytes(6).toString('hex')}：完成本月计划工程量。`;
    await api.request('GET', readPath, headers); // the page is in the cache before the change
    const t0 = now();
    await api.json('POST', `/api/projects/${projectId}/progress`, { token, json: { percent: Math.min(99, city.lastPercent + k + 1), note, date: shanghaiDate(new Date()) } });
    let seen = NaN;
    while (now() - t0 < 10_000) {
      const r = await api.request('GET', readPath, headers);
      if (r.text.includes(note)) {
        seen = now() - t0;
        break;
      }
      await sleep(10);
    }
    delays.push(seen);
    say(`  change ${k + 1}: shown after ${fmt(seen)} ms`);
    await sleep(300);
  }
  say(`change → ${available ? 'public page' : 'staff read (public page not available)'}: median ${fmt(median(delays))} ms, max ${fmt(Math.max(...delays))} ms${available ? ' (bar < 1000 ms)' : ''}`);
}

/** Downloads a URL, counting its bytes without keeping them (the body only when 404, to tell a missing route). */
function download(url: string): Promise<{ status: number; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let bytes = 0;
      const keep: Buffer[] = [];
      res.on('data', (c: Buffer) => { bytes += c.length; if (res.statusCode === 404) keep.push(c); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, text: Buffer.concat(keep).toString('utf8') }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/**
 * Each export from a fresh server child, after a warm-up export of a year with no projects (modules
 * compiled, database connections opened, queries prepared: memory every first request costs, whatever
 * its size), so the peak's growth is what the export itself holds. Then the same with V8's old space
 * capped at 48 MB: by default V8 lets the heap grow while a process allocates fast and collects later, so
 * the default peak grows with the export's length even when nothing is kept; under the cap an export that
 * kept its rows would run out of memory, and one that streams shows the same small growth for 1 year and 5.
 */
export async function exportsPart(say: (s: string) => void, root: string, env: Record<string, string>, city: Pick<City, 'cityId' | 'year'>) {
  say('\n---------------- exports (a fresh server child for each, after a warm-up export of an empty year) ----------------');
  for (const [variant, nodeArgs] of [['default heap', []], ['old space capped at 48 MB (--max-old-space-size=48)', ['--max-old-space-size=48']]] as const) {
    say(`${variant}:`);
    for (const format of ['csv', 'json']) {
      for (const [label, query] of [['1 year', `?year=${city.year}`], ['all 5 years', '']]) {
        const server = await startChild(path.join(root, 'server/main.ts'), env, [...nodeArgs], 60_000);
        try {
          const warm = await download(`${server.url}/api/public/bodies/${city.cityId}/export.${format}?year=2000`);
          if (missingRoute(warm.status, warm.text)) {
            say(`export.${format}: not available (404: the route is not in this build)`);
            break;
          }
          await sleep(300);
          const before = peakRssMb(server.pid);
          const t0 = now();
          const r = await download(`${server.url}/api/public/bodies/${city.cityId}/export.${format}${query}`);
          const after = peakRssMb(server.pid);
          say(`  export.${format} ${label.padEnd(11)} ${r.status}, ${fmt(r.bytes / 2 ** 20, 1)} MB in ${fmt((now() - t0) / 1000, 1)} s; server peak RSS ${fmt(before)} MB after warm-up → ${fmt(after)} MB (+${fmt(after - before)}), RSS now ${fmt(rssMb(server.pid))} MB`);
        } finally {
          await server.stop();
        }
      }
    }
  }
}
