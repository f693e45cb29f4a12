// `npm run bench -- --province`: QUALITY.md "province scale" (issue 26, public reads and staff). On a
// province-sized generated city in DATABASE_URL (or seeded first into a fresh database: many minutes), a
// server child and the bare Hono floor ("hello") in the same run, hello alternating with each round:
//   public: a township's, a county's and the city's year (the city's paged, docs/PAGING.md), 100 project
//   pages in turn, the city's stats — each 200 and revalidated (304) — as ratios to hello (bar ≥ 0.50);
//   staff: the inbox search and the similar list of the largest suggestion body-year, p50/p95 one request
//   at a time (bar p95 < 50 ms); the city's implementation dashboard, 5 times (bar < 1 s);
//   exports: the city's CSV and JSON of 1 year and of all years, each from a fresh server child, peak RSS.
//   options: --duration ms (3000)  --rounds N (3)  --concurrency C (64)  --samples N (300)
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { openDatabase } from '../../server/db/connect.js';
import { bodies, projects, suggestions, users } from '../../server/db/schema.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { shanghaiDate } from '../../shared/execution.js';
import { findCity } from '../city/seed.js';
import { findProvince, seedProvince } from '../province/seed.js';
import { HttpClient, fmt, now, peakRssMb, percentile, startChild, type PreparedRequest } from './lib.js';
import { readsAgainstHello } from './reads-vs-hello.js';
import { benchDatabase, redact } from './fresh-db.js';
import { exportsPart } from './portal.js';

export interface ProvinceOptions { duration: number; rounds: number; concurrency: number; samples: number }

async function prepare(url: string, password: string, say: (s: string) => void) {
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  const db = database.db;
  try {
    // the province (渝江市, scripts/province/) if it is there, else the city generator's city; seeded when neither is
    let cityId = (await findProvince(db)) ?? (await findCity(db));
    if (!cityId) {
      say('seeding the province (npm run seed:province) into the bench database… (minutes)');
      const r = await seedProvince({ db, scale: 1, years: 5, log: (l) => say(`  ${l}`) });
      cityId = r.cityId;
    } else say('the province (or a city) is already in this database');
    const year = Number(shanghaiDate(new Date()).slice(0, 4));
    const [county] = await db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(eq(bodies.parentId, cityId)).orderBy(bodies.id).limit(1);
    const [township] = await db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(eq(bodies.parentId, county.id)).orderBy(bodies.id).limit(1);
    const pages = (await db.select({ id: projects.id }).from(projects).where(and(eq(projects.status, 'selected'), eq(projects.year, year))).orderBy(projects.id).limit(100)).map((r) => r.id);
    const [inbox] = await db.select({ bodyId: suggestions.bodyId, year: suggestions.year, n: count() }).from(suggestions)
      .groupBy(suggestions.bodyId, suggestions.year).orderBy(desc(count())).limit(1);
    const sample = (await db.select({ id: suggestions.id }).from(suggestions)
      .where(and(eq(suggestions.bodyId, inbox.bodyId), eq(suggestions.year, inbox.year))).orderBy(sql`md5(${suggestions.id})`).limit(500)).map((r) => r.id);
    // The bench signs in as admin: set the password it knows (the server creates admin only in an empty database).
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
    if (admin) await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, admin.id));
    return { cityId, year, county, township, pages, inbox: { ...inbox, n: Number(inbox.n), sample } };
  } finally {
    await database.close();
  }
}
type Province = Awaited<ReturnType<typeof prepare>>;

export async function provinceBench(root: string, say: (s: string) => void, o: ProvinceOptions) {
  const db = await benchDatabase();
  const password = `bench-${randomBytes(8).toString('hex')}`;
  say(`province bench on ${redact(db.url)}${db.fresh ? ' (fresh, dropped at the end)' : ''}`);
  try {
    const t = now();
    const p = await prepare(db.url, password, say);
    say(`city ${p.cityId}, county ${p.county.name}, township ${p.township.name}, year ${p.year}; inbox body-year ${p.inbox.bodyId}/${p.inbox.year} with ${p.inbox.n} suggestions; ready in ${fmt((now() - t) / 1000, 1)} s`);
    const env = { PORT: '0', HOST: '127.0.0.1', DEMO: '0', ADMIN_PASSWORD: password, DB_POOL: process.env.DB_POOL ?? '20', DATABASE_URL: db.url, NODE_ENV: 'production' };
    const server = await startChild(path.join(root, 'server/main.ts'), env, [], 120_000);
    const floor = await startChild(path.join(root, 'scripts/bench/floor-server.ts'), { PORT: '0', DB_POOL: env.DB_POOL, DATABASE_URL: db.url, NODE_ENV: 'production' });
    const api = new HttpClient(server.url, 8);
    const client = new HttpClient(server.url, o.concurrency);
    const hello = new HttpClient(floor.url, o.concurrency);
    try {
      const token = (await api.json('POST', '/api/auth/login', { json: { username: 'admin', password } })).token as string;
      await staffPart(say, o, p, api, token);
      await readsPart(say, o, p, api, client, hello, server.pid);
    } finally {
      api.close(); client.close(); hello.close();
      await Promise.all([server.stop(), floor.stop()]);
    }
    await exportsPart(say, root, env, { cityId: p.cityId, year: p.year });
  } finally {
    await db.drop().catch((e) => say(`could not drop the bench database: ${(e as Error).message}`));
  }
}

async function readsPart(say: (s: string) => void, o: ProvinceOptions, p: Province, api: HttpClient, client: HttpClient, hello: HttpClient, serverPid: number) {
  const get = (f: (i: number) => string, headers: Record<string, string> = {}) => (i: number): PreparedRequest => ({ method: 'GET', path: f(i), headers });
  const gzip = { 'accept-encoding': 'gzip' }; // as a browser asks
  const list = (bodyId: string) => `/api/public/bodies/${bodyId}/projects?year=${p.year}`;
  const candidates: [string, (i: number) => string][] = [
    ['township list', () => list(p.township.id)],
    ['county list', () => list(p.county.id)],
    ['city page 1 (50)', () => `${list(p.cityId)}&limit=50`],
    ['city pages 1–40 in turn', (i) => `${list(p.cityId)}&limit=50&offset=${(i % 40) * 50}`],
    ['100 project pages in turn', (i) => `/api/public/projects/${p.pages[i % p.pages.length]}`],
    ['city stats', () => `/api/public/bodies/${p.cityId}/stats?year=${p.year}`],
  ];
  const targets: [string, (i: number) => PreparedRequest][] = [];
  for (const [k, f] of candidates) {
    const t0 = now();
    const r = await api.request('GET', f(0), gzip);
    say(`  ${k.padEnd(26)} ${f(0)} → ${r.status}, first answer in ${fmt(now() - t0)} ms, ${r.headers?.['x-total-count'] ? `X-Total-Count ${r.headers['x-total-count']}, ` : ''}${r.headers?.['content-length'] ?? '?'} bytes gzipped`);
    targets.push([k, get(f, gzip)]);
    const etag = r.headers?.etag as string | undefined;
    if (!k.includes('in turn') && etag) targets.push([`${k}, 304`, get(f, { ...gzip, 'if-none-match': etag })]);
  }
  await readsAgainstHello(client, hello, targets, { ...o, title: 'province public reads', width: 32, gzip: true }, say);
  say(`server peak RSS: ${fmt(peakRssMb(serverPid))} MB`);
}

/** One request at a time, as a clerk works: p50/p95 after a warm-up of 20. */
async function latencies(api: HttpClient, token: string, paths: string[]) {
  const headers = { authorization: `Bearer ${token}` };
  for (const q of paths.slice(0, 20)) await api.request('GET', q, headers);
  const ms: number[] = [];
  for (const q of paths) {
    const t0 = now();
    const r = await api.request('GET', q, headers);
    if (r.status !== 200) throw new Error(`GET ${q} → ${r.status}: ${r.text.slice(0, 300)}`);
    ms.push(now() - t0);
  }
  return `p50 ${fmt(percentile(ms, 50), 1)} ms, p95 ${fmt(percentile(ms, 95), 1)} ms, max ${fmt(Math.max(...ms), 1)} ms`;
}

const keywords = ['红绿灯', '幼儿园', '养老', '停车', '路灯', '排水', '公交', '卫生院', '菜市场', '健身', '污水', '电梯', '监控', '供水', '校车'];

async function staffPart(say: (s: string) => void, o: ProvinceOptions, p: Province, api: HttpClient, token: string) {
  say(`\n---------------- staff (one request at a time, ${o.samples} each) ----------------`);
  const { bodyId, year, sample } = p.inbox;
  const search = Array.from({ length: o.samples }, (_, i) => `/api/bodies/${bodyId}/suggestions?year=${year}&q=${encodeURIComponent(keywords[i % keywords.length])}&limit=50`);
  say(`inbox search q= over ${p.inbox.n} suggestions (50 a page, total and facets): ${await latencies(api, token, search)} (bar p95 < 50 ms)`);
  const similar = Array.from({ length: o.samples }, (_, i) => `/api/suggestions/${sample[i % sample.length]}/similar`);
  say(`similar list (top 10) over ${p.inbox.n}: ${await latencies(api, token, similar)} (bar p95 < 50 ms)`);
  const dash = `/api/bodies/${p.cityId}/implementation?year=${p.year}`;
  const times: number[] = [];
  let size = 0, n = 0;
  for (let k = 0; k < 5; k++) {
    const t0 = now();
    const r = await api.request('GET', dash, { authorization: `Bearer ${token}` });
    times.push(now() - t0);
    if (r.status !== 200) throw new Error(`GET ${dash} → ${r.status}: ${r.text.slice(0, 300)}`);
    size = r.text.length;
    n = (JSON.parse(r.text) as { projects: unknown[] }).projects.length;
  }
  say(`city implementation dashboard (${n} projects, ${fmt(size / 2 ** 20, 1)} MB of JSON): ${times.map((x) => fmt(x)).join(', ')} ms (bar < 1000 ms)`);
}
