// `npm run bench -- --suggestions`: QUALITY.md "duplicates". Seeds 50,000 suggestions in one body-year
// (the labelled set's requests in many places and wordings), then times through HTTP, one request at a
// time: the similar list of a suggestion (GET /api/suggestions/:id/similar) and an inbox search
// (GET /api/bodies/:id/suggestions?q=), p50 and p95; and prints top-5 precision and recall on the
// labelled set. On a fresh PostgreSQL database at 127.0.0.1:5432 (else embedded PGlite, said loudly).
//   options: --count N (50000)  --samples N (300)
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../server/db/connect.js';
import { startServer } from '../../server/server.js';
import { suggestions, collectionWindows } from '../../server/db/schema.js';
import { newId } from '../../server/db/ids.js';
import { newTrackingCode } from '../../server/collection/suggestions.js';
import { indexGrams, rankSimilar } from '../../shared/similarity.js';
import { Api } from '../../tests/helpers/api.js';
import { labelledSuggestions, topKQuality } from '../../tests/fixtures/suggestions-labelled.js';
import { fmt, percentile } from './lib.js';

const places = ['城关镇', '青山镇', '桃园乡', '城东街道', '河西镇', '李庄乡', '北关街道', '南湖镇', '东风社区', '幸福里社区', '和平村', '光明村', '红旗村', '新华街道', '西关村'];
const asides = ['', '，希望尽快解决', '，群众意见很大', '，请政府重视', '，已经反映多次', '，盼望今年能办'];
const keywords = ['红绿灯', '幼儿园', '养老', '停车', '路灯', '排水', '公交', '卫生院', '菜市场', '健身', '污水', '电梯', '监控', '供水', '校车'];

async function database(): Promise<{ db: Database; drop: () => Promise<void>; where: string }> {
  const admin = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    const name = `minsheng_bench_sugg_${randomBytes(4).toString('hex')}`;
    await admin.unsafe(`create database ${name}`);
    const db = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:5432/${name}`, poolSize: 10 });
    return { db, where: `PostgreSQL (${name})`, drop: async () => { await db.close(); await admin.unsafe(`drop database if exists ${name} with (force)`); await admin.end(); } };
  } catch {
    await admin.end().catch(() => {});
    console.warn('!!! PostgreSQL not reachable at 127.0.0.1:5432: measuring on embedded PGlite instead');
    const db = await openDatabase({ dataDir: 'memory://' });
    return { db, where: 'PGlite (in memory)', drop: () => db.close() };
  }
}

export async function suggestionsBench(say: (s: string) => void, count: number, samples: number) {
  const quality = topKQuality((t, others, k) => rankSimilar(t, others, k));
  say(`labelled set: ${quality.suggestions} suggestions; top-5 recall ${fmt(quality.recall, 3)}, precision ${fmt(quality.precision, 3)}`);
  const { db, drop, where } = await database();
  const password = randomBytes(9).toString('base64url');
  const server = await startServer({ port: 0, database: db, adminPassword: password, clientDir: null });
  const api = new Api(server.url);
  try {
    const token = (await api.ok('POST', '/api/auth/login', { json: { username: 'admin', password } })).token as string;
    const bodyId = (await api.ok('POST', '/api/bodies', { token, json: { name: '基准县人大', level: 'county' } })).id as string;
    const windowId = newId();
    await db.db.insert(collectionWindows).values({ id: windowId, bodyId, year: 2027, opensAt: '2026-07-01T00:00:00+08:00', closesAt: '2026-09-01T00:00:00+08:00' });
    const t0 = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, count - i) }, (_, j) => {
        const n = i + j;
        const base = labelledSuggestions[(n * 7919) % labelledSuggestions.length];
        const title = `${places[(n * 31) % places.length]}${base.title}${asides[n % asides.length]}`.slice(0, 100);
        const id = newId();
        ids.push(id);
        return { id, bodyId, year: 2027, windowId, trackingCode: newTrackingCode(), title, description: `${title}。`, category: base.category, channel: 'web' as const, grams: indexGrams({ title, description: `${title}。` }) };
      });
      await db.db.insert(suggestions).values(rows);
    }
    say(`${where}: seeded ${count} suggestions in one body-year in ${fmt((performance.now() - t0) / 1000, 1)} s`);
    const time = async (paths: string[]) => {
      const ms: number[] = [];
      for (const p of paths.slice(0, 20)) await api.ok('GET', p, { token }); // warm up
      for (const p of paths) {
        const s = performance.now();
        await api.ok('GET', p, { token });
        ms.push(performance.now() - s);
      }
      return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms) };
    };
    const pick = (i: number) => ids[(i * 104_729) % ids.length];
    const similar = await time(Array.from({ length: samples }, (_, i) => `/api/suggestions/${pick(i)}/similar`));
    say(`similar list (top 10) over ${count}: p50 ${fmt(similar.p50, 1)} ms, p95 ${fmt(similar.p95, 1)} ms, max ${fmt(similar.max, 1)} ms (${samples} requests, one at a time; bar p95 < 50 ms)`);
    const search = await time(Array.from({ length: samples }, (_, i) => `/api/bodies/${bodyId}/suggestions?year=2027&q=${encodeURIComponent(keywords[i % keywords.length])}&limit=50`));
    say(`inbox search q= (50 a page, with total and facets): p50 ${fmt(search.p50, 1)} ms, p95 ${fmt(search.p95, 1)} ms, max ${fmt(search.max, 1)} ms`);
  } finally {
    await server.close();
    await drop();
  }
}
