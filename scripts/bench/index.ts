// `npm run bench`            the voting burst: 3,000 members, 3,000 sockets, F P F P … F against the floor.
// `npm run bench -- --reads` public reads (published result, public projects) against a bare "hello".
// `npm run bench -- --startup` embedded start (npm start, fresh and restarted) and the tablet's JavaScript size.
// `npm run bench -- --suggestions` duplicates at 50,000 suggestions in one body-year (scripts/bench/suggestions.ts).
// `npm run bench -- --photos` server CPU per 10 MB photo and peak RSS with 10 at once (scripts/bench/photos.ts).
// `npm run bench -- --portal` city scale: public list, project page, stats vs "hello" on a generated city, and a change's delay (scripts/bench/portal.ts).
// `npm run bench -- --province` province scale: township/county/city (paged) lists, pages, stats vs "hello"; inbox p95; dashboard; export RSS (scripts/bench/province.ts).
// `npm run bench -- --weights` JS+CSS a browser loads for the public body page (phone) and the tablet's voting page, gzipped (scripts/bench/weights.ts).
// `npm run bench -- --flood` public flood: a 300-member vote alone and under 20,000 public writes (scripts/bench/flood.ts).
// `npm run bench -- --metrics` what the /metrics middleware costs a request (scripts/bench/metrics.ts).
// `npm run bench -- --notices` notices to people through a webhook that refuses, then is down 30 s (scripts/bench/notices.ts).
// `npm run bench -- --closes` 10, 50, 100 ballots closed at once, then published at once; again with 2,000 ballots stored (scripts/bench/closes.ts).
// `npm run bench -- --backup` a 300-member vote alone and during `npm run backup` of a city; the city's backup and restores (scripts/bench/backup.ts).
// `npm run bench -- --halls` 100 halls × 150 members voting at once, one server then two with Redis (scripts/bench/halls.ts);
//                            `--halls 20 --members 50` for a quick run, `--one` / `--two` for one of the two setups.
//
// Options: --members N (3000)  --concurrency C (64)  --runs N (5 project runs)  --small N (300)
//          --cpu-prof (profile the server child; .cpuprofile files in .bench/profiles/)
//          --no-sockets (only the presider and the big screen join: isolates the vote path)
//          --redis (server uses the socket.io Redis adapter at REDIS_URL or redis://127.0.0.1:6379)
//          with --reads: --rounds N (3)  --duration ms (3000 per measurement)
//          with --startup: --rounds N (3)
// Environment: DATABASE_URL (default: a fresh database minsheng_bench_<random> on
// postgres://postgres@127.0.0.1:5432, dropped at the end), DB_POOL (20, for server and floor alike).
// See docs/BENCHMARKS.md.
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { RemoteHall } from './remote-hall.js';
import { startupBench } from './startup.js';
import { suggestionsBench } from './suggestions.js';
import { photosBench } from './photos.js';
import { portalBench } from './portal.js';
import { provinceBench } from './province.js';
import { weightsBench } from './weights.js';
import { floodBench } from './flood.js';
import { backupBench } from './backup.js';
import { noticesBench } from './notices.js';
import { metricsBench } from './metrics.js';
import { closesBench } from './closes.js';
import { hallsBench } from './halls.js';
import { buildHall as buildHallAs, checkStatuses, newBallot, prepareVotes, type Hall } from './hall-setup.js';
import {
  HttpClient, burst, cpuSeconds, machineBusySeconds, now, postgresCpuSeconds, selfCpuSeconds, fmt, median, peakRssMb, percentile, sleep, startChild, timed,
  type Child, type PreparedRequest,
} from './lib.js';

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const num = (name: string, dflt: number) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : dflt;
};
const MEMBERS = num('--members', 3000);
const CONCURRENCY = num('--concurrency', 64);
const RUNS = num('--runs', 5);
const SMALL = Math.min(num('--small', 300), MEMBERS);
const READS = flag('--reads');
const CPU_PROF = flag('--cpu-prof');
const REDIS = flag('--redis');
const NO_SOCKETS = flag('--no-sockets');
/** `--halls` alone is 100 halls; `--halls 20` says how many */
const HALLS = flag('--halls') ? (Number.isFinite(Number(argv[argv.indexOf('--halls') + 1])) ? Number(argv[argv.indexOf('--halls') + 1]) : 100) : 0;
const DB_POOL = process.env.DB_POOL ?? '20';
const ADMIN_PASSWORD = `bench-${randomBytes(8).toString('hex')}`;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

const say = (...a: unknown[]) => console.log(...a);
/** the bench database's name, to count its PostgreSQL backends' CPU */
let dbName = '';
const warn = (msg: string) => console.warn(`\n\x1b[1;31m${'!'.repeat(78)}\n!! ${msg}\n${'!'.repeat(78)}\x1b[0m\n`);

// ---------------------------------------------------------------- database

interface BenchDatabase { url?: string; dataDir?: string; floorDir?: string; embedded: boolean; drop(): Promise<void> }

async function prepareDatabase(): Promise<BenchDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, drop: async () => {} };
  const base = 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `minsheng_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (err) {
    await admin.end({ timeout: 1 }).catch(() => {});
    warn(`PostgreSQL is not reachable at ${base} (${(err as Error).message}).\n!! FALLING BACK TO EMBEDDED PGlite: these figures are NOT the PostgreSQL figures the bars are about.`);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-'));
    const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-floor-'));
    return {
      dataDir, floorDir, embedded: true,
      async drop() { fs.rmSync(dataDir, { recursive: true, force: true }); fs.rmSync(floorDir, { recursive: true, force: true }); },
    };
  }
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(), embedded: false,
    async drop() {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

function startServer(db: BenchDatabase): Promise<Child> {
  const nodeArgs: string[] = [];
  if (CPU_PROF) {
    const dir = path.join(root, '.bench', 'profiles');
    fs.mkdirSync(dir, { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${dir}`);
  }
  return startChild(path.join(root, 'server/main.ts'), {
    PORT: '0', HOST: '127.0.0.1', DEMO: '0', ADMIN_PASSWORD, DB_POOL,
    DATABASE_URL: db.url ?? '', DATA_DIR: db.dataDir ?? '',
    REDIS_URL: REDIS ? process.env.REDIS_URL || 'redis://127.0.0.1:6379' : '',
    NODE_ENV: 'production',
  }, nodeArgs, 60_000);
}

function startFloor(db: BenchDatabase): Promise<Child> {
  return startChild(path.join(root, 'scripts/bench/floor-server.ts'), {
    PORT: '0', DB_POOL, DATABASE_URL: db.url ?? '', FLOOR_DATA_DIR: db.floorDir ?? '', NODE_ENV: 'production',
  });
}

// ---------------------------------------------------------------- setup through the API (hall-setup.ts)

const buildHall = (api: HttpClient, members: number, projects: number) => buildHallAs(api, ADMIN_PASSWORD, members, projects);

// ---------------------------------------------------------------- the burst scenario

interface ProjectRun {
  label: string; n: number; perSecond: number; p50: number; p99: number; notCreated: number; tallyExact: boolean;
  lagPresider: number; lagPresiderTally: number; lagScreen: number; lagMembersMax: number; lagMembersP99: number; missing: number;
  msgsPerSocketMean: number; msgsPerSocketMax: number; cpuBurst: number; pgBurst: number; clientBurst: number; hallBurst: number; cpuFanout: number; cpuIdle: number; burstMs: number;
}

const profileWindows: { label: string; startUs: number; endUs: number }[] = [];

interface FloorRun { label: string; perSecond: number; p50: number; p99: number; bad: number; cpu: number; pg: number; client: number }

async function floorRun(client: HttpClient, floor: Child, hall: Hall, n: number, label: string): Promise<FloorRun> {
  const { requests } = prepareVotes('/floor', hall, n);
  const cpu0 = cpuSeconds(floor.pid);
  const pg0 = postgresCpuSeconds(dbName);
  const me0 = selfCpuSeconds();
  const all0 = machineBusySeconds();
  const res = await burst(client, requests, CONCURRENCY);
  const cpu = cpuSeconds(floor.pid) - cpu0;
  const pg = postgresCpuSeconds(dbName) - pg0;
  const me = selfCpuSeconds() - me0;
  const others = machineBusySeconds() - all0 - cpu - pg - me;
  const bad = checkStatuses(res, 201, label);
  const r = { label, perSecond: res.perSecond, p50: percentile(res.latencies, 50), p99: percentile(res.latencies, 99), bad, cpu, pg, client: me };
  say(`  ${label.padEnd(6)} floor    ${fmt(r.perSecond).padStart(6)} req/s   p50 ${fmt(r.p50).padStart(5)} ms  p99 ${fmt(r.p99).padStart(5)} ms  | CPU µs/request: server ${fmt((cpu / n) * 1e6)}, PostgreSQL ${fmt((pg / n) * 1e6)}, client ${fmt((me / n) * 1e6)}  | other processes ${fmt(others / (res.elapsedMs / 1000), 1)} cores${bad ? `  (${bad} failed)` : ''}`);
  return r;
}

async function projectRun(api: HttpClient, voteClient: HttpClient, server: Child, hall: Hall, audience: RemoteHall, n: number, label: string): Promise<ProjectRun> {
  const ballotId = await newBallot(api, hall, `基准票决 ${label}`);
  const { requests, expected } = prepareVotes(`/api/ballots/${ballotId}/votes`, hall, n);
  await audience.watch(ballotId, n);
  await sleep(400); // the frame announcing the opening goes out before we start counting
  const msgs0 = await audience.counts();
  const cpu0 = cpuSeconds(server.pid);
  const pg0 = postgresCpuSeconds(dbName);
  const me0 = selfCpuSeconds();
  const hall0 = cpuSeconds(audience.pid);
  const all0 = machineBusySeconds();
  const mono0 = process.hrtime.bigint() / 1000n;
  const res = await burst(voteClient, requests, CONCURRENCY);
  const cpu1 = cpuSeconds(server.pid);
  const pg = postgresCpuSeconds(dbName) - pg0;
  const me = selfCpuSeconds() - me0;
  const tablets = cpuSeconds(audience.pid) - hall0;
  const others = machineBusySeconds() - all0 - (cpu1 - cpu0) - pg - me - tablets;
  const notCreated = checkStatuses(res, 201, label);
  const settled = await audience.settle(10_000);
  const missing = settled.missing;
  // CLOCK_MONOTONIC in µs, the clock of V8's .cpuprofile timestamps: lets a profile be cut to the bursts.
  profileWindows.push({ label, startUs: Number(mono0), endUs: Number(process.hrtime.bigint() / 1000n) });
  const cpu2 = cpuSeconds(server.pid);
  await sleep(5000);
  const cpu3 = cpuSeconds(server.pid);
  const msgs1 = await audience.counts();
  const perSocket = msgs1.map((m, i) => m - msgs0[i]);

  const lag = (t: number) => (t ? t - res.lastAck : NaN);
  const memberLags = settled.members.map(lag);

  const closed = await api.json('POST', `/api/ballots/${ballotId}/close`, { token: hall.presiderToken });
  const result = closed.result as { cast: number; options: { id: string; yes: number; no: number; abstain: number }[] };
  let tallyExact = result.cast === n && result.options.length === expected.size;
  for (const o of result.options) {
    const e = expected.get(o.id);
    if (!e || e.yes !== o.yes || e.no !== o.no || e.abstain !== o.abstain) tallyExact = false;
  }
  if (!tallyExact) say(`  !! ${label}: tally differs from what was sent`, JSON.stringify(result).slice(0, 400));
  // The close sends the result to every socket: let that finish, or it would run during the next floor
  // run and slow it. (Until migration 0015 the close also vacuumed the secret tables 2 s later.)
  await sleep(3000);

  const r: ProjectRun = {
    label, n, perSecond: res.perSecond, p50: percentile(res.latencies, 50), p99: percentile(res.latencies, 99), notCreated, tallyExact,
    lagPresider: lag(settled.presider), lagPresiderTally: lag(settled.presiderTally), lagScreen: lag(settled.screen),
    // (tablets get no turnout since the fan-out change: a member socket that saw the count got it in a state change)
    lagMembersMax: memberLags.every((x) => Number.isNaN(x)) ? NaN : Math.max(...memberLags.filter((x) => !Number.isNaN(x))),
    lagMembersP99: percentile(memberLags.filter((x) => !Number.isNaN(x)), 99),
    missing,
    msgsPerSocketMean: perSocket.reduce((a, b) => a + b, 0) / perSocket.length, msgsPerSocketMax: Math.max(...perSocket),
    cpuBurst: cpu1 - cpu0, pgBurst: pg, clientBurst: me, hallBurst: tablets, cpuFanout: cpu2 - cpu1, cpuIdle: cpu3 - cpu2, burstMs: res.elapsedMs,
  };
  say(`  ${label.padEnd(6)} project  ${fmt(r.perSecond).padStart(6)} votes/s p50 ${fmt(r.p50).padStart(5)} ms  p99 ${fmt(r.p99).padStart(5)} ms` +
    `  | lag presider ${fmt(r.lagPresider)} ms, screen ${fmt(r.lagScreen)} ms, members max ${fmt(r.lagMembersMax)} p99 ${fmt(r.lagMembersP99)} ms` +
    `  | msgs/socket ${fmt(r.msgsPerSocketMean, 1)} (max ${r.msgsPerSocketMax})  | CPU µs/vote: server ${fmt((r.cpuBurst / n) * 1e6)}, PostgreSQL ${fmt((r.pgBurst / n) * 1e6)}, load client ${fmt((r.clientBurst / n) * 1e6)}, sockets ${fmt((r.hallBurst / n) * 1e6)}; other processes ${fmt(others / (res.elapsedMs / 1000), 1)} cores; server fan-out tail ${fmt(r.cpuFanout, 2)} s, idle 5 s ${fmt(r.cpuIdle, 2)} s` +
    `  | ${r.notCreated ? `${r.notCreated} NOT 201` : 'all 201'}, tally ${r.tallyExact ? 'exact' : 'WRONG'}${missing ? `, ${missing} sockets never saw the final count` : ''}`);
  return r;
}

async function votingBench(db: BenchDatabase) {
  const started = now();
  say(`server: node server/main.ts on ${db.embedded ? 'EMBEDDED PGlite' : db.url!.replace(/\/\/[^@]*@/, '//')} (DB_POOL ${DB_POOL})`);
  const server = await startServer(db);
  const floor = await startFloor(db);
  const api = new HttpClient(server.url, 64);
  const voteClient = new HttpClient(server.url, CONCURRENCY);
  const floorClient = new HttpClient(floor.url, CONCURRENCY);
  let audience: RemoteHall | null = null;
  try {
    let t = now();
    const hall = await buildHall(api, MEMBERS, 12);
    say(`setup: ${MEMBERS} members created, signed in and checked in, 12 candidates, in ${fmt((now() - t) / 1000, 1)} s`);
    t = now();
    audience = new RemoteHall();
    const joined = await audience.join(server.url, hall.sessionId, hall.presiderToken, hall.screenToken, NO_SOCKETS ? [] : hall.memberTokens);
    say(`sockets: ${joined} joined from a separate process (presider, big screen, ${MEMBERS} members) in ${fmt((now() - t) / 1000, 1)} s; server RSS peak so far ${fmt(peakRssMb(server.pid))} MB`);
    say(`\nburst: ${MEMBERS} votes at once, ${CONCURRENCY} in flight on kept-alive connections; latency counted from queueing in the client`);

    // Warm-up and the small burst for the messages-per-socket comparison.
    await floorRun(floorClient, floor, hall, SMALL, 'warm');
    const small = await projectRun(api, voteClient, server, hall, audience, SMALL, `P${SMALL}`);

    const floors: FloorRun[] = [];
    const projects: ProjectRun[] = [];
    floors.push(await floorRun(floorClient, floor, hall, MEMBERS, 'F1'));
    for (let i = 1; i <= RUNS; i++) {
      projects.push(await projectRun(api, voteClient, server, hall, audience, MEMBERS, `P${i}`));
      floors.push(await floorRun(floorClient, floor, hall, MEMBERS, `F${i + 1}`));
    }
    const ratios = projects.map((p, i) => p.perSecond / ((floors[i].perSecond + floors[i + 1].perSecond) / 2));
    // Idle for good: 10 s after the last run (garbage collection of the burst is over), 10 s measured.
    // What remains is socket.io's heartbeat: a ping to each of the 3,002 sockets every 25 s.
    await sleep(10_000);
    const idle0 = cpuSeconds(server.pid);
    await sleep(10_000);
    const steadyIdle = cpuSeconds(server.pid) - idle0;
    const serverPeak = peakRssMb(server.pid);
    const disconnected = (await audience.settle(0)).disconnected;

    const medianOf = (f: (p: ProjectRun) => number) => median(projects.map(f));
    say('\n================================ summary ================================');
    say(`load average now ${os.loadavg().map((x) => fmt(x, 1)).join(' ')} (other work on this machine competes with the benchmark: see "other processes" per run)`);
    say(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, ${await pgVersion(db)}`);
    say(`ratio to the floor per project run: ${ratios.map((r) => fmt(r, 2)).join(', ')}  → median ${fmt(median(ratios), 2)}  (bar ≥ 0.70)`);
    say(`project votes/s: ${projects.map((p) => fmt(p.perSecond)).join(', ')} (median ${fmt(medianOf((p) => p.perSecond))})`);
    say(`floor req/s:     ${floors.map((f) => fmt(f.perSecond)).join(', ')}`);
    say(`ack latency (median of runs): p50 ${fmt(medianOf((p) => p.p50))} ms, p99 ${fmt(medianOf((p) => p.p99))} ms; worst p99 ${fmt(Math.max(...projects.map((p) => p.p99)))} ms`);
    say(`answers: ${projects.reduce((a, p) => a + p.n - p.notCreated, 0) + small.n - small.notCreated} of ${projects.reduce((a, p) => a + p.n, 0) + small.n} were 201; tallies exact: ${[small, ...projects].every((p) => p.tallyExact)}`);
    say(`lag, last ack → final count: presider ballot:update max ${fmt(Math.max(...projects.map((p) => p.lagPresider)))} ms (ballot:tally ${fmt(Math.max(...projects.map((p) => p.lagPresiderTally)))} ms), ` +
      `big screen max ${fmt(Math.max(...projects.map((p) => p.lagScreen)))} ms, every member socket: max ${fmt(Math.max(...projects.map((p) => p.lagMembersMax)))} ms, p99 ${fmt(Math.max(...projects.map((p) => p.lagMembersP99)))} ms (bar ≤ 1000 ms)`);
    say(`messages per socket: ${SMALL}-vote burst ${fmt(small.msgsPerSocketMean, 1)} (${fmt(small.msgsPerSocketMean / small.n, 4)} per vote), ` +
      `${MEMBERS}-vote bursts ${fmt(medianOf((p) => p.msgsPerSocketMean), 1)} (${fmt(medianOf((p) => p.msgsPerSocketMean) / MEMBERS, 4)} per vote); ` +
      `bounded by the frame cadence × the burst's duration (tablets: ≤ 1 frame per 700 ms while votes pour in), not by votes`);
    say(`server CPU: burst ${fmt(medianOf((p) => p.cpuBurst), 2)} s for ${MEMBERS} votes (${fmt((medianOf((p) => p.cpuBurst) / MEMBERS) * 1e6)} µs/vote), fan-out tail ${fmt(medianOf((p) => p.cpuFanout), 2)} s, ` +
      `idle 5 s right after each burst: ${projects.map((p) => fmt(p.cpuIdle, 2)).join(', ')} s; idle 10 s, 10 s after the last run: ${fmt(steadyIdle, 2)} s (${fmt((steadyIdle / 10) * 100, 1)}% of one core)`);
    const per = (x: number) => fmt((x / MEMBERS) * 1e6);
    say(`CPU per request (median of runs), server / PostgreSQL / load client: vote ${per(medianOf((p) => p.cpuBurst))} / ${per(medianOf((p) => p.pgBurst))} / ${per(medianOf((p) => p.clientBurst))} µs ` +
      `(+ ${per(medianOf((p) => p.hallBurst))} µs in the socket clients (hall process)), ` +
      `floor ${per(median(floors.map((f) => f.cpu)))} / ${per(median(floors.map((f) => f.pg)))} / ${per(median(floors.map((f) => f.client)))} µs`);
    say(`server peak RSS: ${fmt(serverPeak)} MB; sockets disconnected during the run: ${disconnected}; total time ${fmt((now() - started) / 1000)} s`);
    return { ratios, projects, floors, small };
  } finally {
    await audience?.close();
    api.close(); voteClient.close(); floorClient.close();
    await Promise.all([server.stop(), floor.stop()]);
  }
}

async function pgVersion(db: BenchDatabase): Promise<string> {
  if (!db.url) return 'embedded PGlite';
  const sql = postgres(db.url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select current_setting('server_version') as v, current_setting('synchronous_commit') as sc, current_setting('fsync') as f`;
    return `PostgreSQL ${row.v} (synchronous_commit=${row.sc}, fsync=${row.f})`;
  } finally {
    await sql.end();
  }
}

// ---------------------------------------------------------------- the reads scenario

async function readsBench(db: BenchDatabase) {
  say(`server: node server/main.ts on ${db.embedded ? 'EMBEDDED PGlite' : db.url!.replace(/\/\/[^@]*@/, '//')}`);
  const server = await startServer(db);
  const floor = await startFloor(db);
  const api = new HttpClient(server.url, 16);
  const serverClient = new HttpClient(server.url, CONCURRENCY);
  const helloClient = new HttpClient(floor.url, CONCURRENCY);
  try {
    const hall = await buildHall(api, 30, 12);
    const ballotId = await newBallot(api, hall, '基准公开结果');
    const { requests } = prepareVotes(`/api/ballots/${ballotId}/votes`, hall, 30);
    checkStatuses(await burst(api, requests, 8), 201, 'setup votes');
    await api.json('POST', `/api/ballots/${ballotId}/close`, { token: hall.presiderToken });
    await api.json('POST', `/api/ballots/${ballotId}/publish`, { token: hall.presiderToken });
    // Projects past the draft stage are public: a candidate list moves them there.
    const listed = await api.request('POST', `/api/bodies/${hall.bodyId}/candidate-lists`,
      { authorization: `Bearer ${hall.adminToken}`, 'content-type': 'application/json' },
      JSON.stringify({ year: 2027, projectIds: hall.projectIds, seats: 10 }));
    if (listed.status >= 300) {
      if (db.url) {
        const sql = postgres(db.url, { max: 1, onnotice: () => {} });
        await sql`update projects set status = 'candidate' where body_id = ${hall.bodyId}`;
        await sql.end();
        say(`  (candidate lists answered ${listed.status}: projects marked 'candidate' directly in the bench database)`);
      } else say(`  (candidate lists answered ${listed.status}: the public project page is empty)`);
    }
    const resultPath = `/api/ballots/${ballotId}/result`;
    const projectsPath = `/api/public/bodies/${hall.bodyId}/projects`;
    const first = await api.request('GET', resultPath);
    const etag = first.headers?.etag as string | undefined;
    const projectsReply = await api.request('GET', projectsPath);
    say(`result: ${first.status}, ${first.text.length} bytes, ETag ${etag ?? '(none)'}; public projects: ${projectsReply.status}, ${projectsReply.text.length} bytes, ${JSON.parse(projectsReply.text).length} projects`);

    const DURATION = num('--duration', 3000);
    const get = (p: string, headers: Record<string, string> = {}) => () => ({ method: 'GET', path: p, headers });
    const targets: [string, HttpClient, () => PreparedRequest][] = [
      ['result', serverClient, get(resultPath)],
      ['projects', serverClient, get(projectsPath)],
      ...(etag ? [['result 304', serverClient, get(resultPath, { 'if-none-match': etag })] as [string, HttpClient, () => PreparedRequest]] : []),
    ];
    // warm-up
    await timed(helloClient, get('/hello'), CONCURRENCY, 1000);
    for (const [, c, make] of targets) await timed(c, make, CONCURRENCY, 1000);

    const hello: number[] = [];
    const figures = new Map<string, number[]>(targets.map(([k]) => [k, []]));
    const ROUNDS = num('--rounds', 3);
    say(`\nreads: ${CONCURRENCY} in flight, ${DURATION} ms per measurement, H (bare Hono hello) alternating with each page`);
    const h = async () => {
      const r = await timed(helloClient, get('/hello'), CONCURRENCY, DURATION);
      hello.push(r.perSecond);
      say(`  hello       ${fmt(r.perSecond).padStart(6)} req/s`);
    };
    await h();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [k, c, make] of targets) {
        const r = await timed(c, make, CONCURRENCY, DURATION);
        figures.get(k)!.push(r.perSecond);
        say(`  ${k.padEnd(11)} ${fmt(r.perSecond).padStart(6)} req/s${r.bad ? `  (${r.bad} errors: ${JSON.stringify([...r.statuses])})` : ''}  [statuses ${JSON.stringify([...r.statuses])}]`);
      }
      await h();
    }
    say('\n================================ summary ================================');
    say(`hello (bare Hono): ${hello.map((x) => fmt(x)).join(', ')} req/s`);
    for (const [k, values] of figures) {
      const ratios = values.map((v, i) => v / ((hello[i] + hello[i + 1]) / 2));
      say(`${k.padEnd(11)} ${values.map((x) => fmt(x)).join(', ')} req/s; ratio to hello ${ratios.map((r) => fmt(r, 2)).join(', ')} → median ${fmt(median(ratios), 2)} (bar ≥ 0.50)`);
    }
    say(`server peak RSS: ${fmt(peakRssMb(server.pid))} MB`);
  } finally {
    api.close(); serverClient.close(); helloClient.close();
    await Promise.all([server.stop(), floor.stop()]);
  }
}

// ---------------------------------------------------------------- main

async function main() {
  if (flag('--startup')) {
    await startupBench(root, num('--rounds', 3), say);
    process.exit(0);
  }
  if (flag('--weights')) {
    const i = argv.indexOf('--url');
    // WEIGHTS_ROOT: another checkout (built) to measure, e.g. the commit before a change
    await weightsBench(process.env.WEIGHTS_ROOT ?? root, say, { url: i >= 0 ? argv[i + 1] : undefined });
    process.exit(0);
  }
  if (flag('--photos')) {
    await photosBench(root, say, num('--rounds', 5));
    process.exit(0);
  }
  if (flag('--portal')) {
    await portalBench(root, say, { duration: num('--duration', 3000), rounds: num('--rounds', 3), concurrency: CONCURRENCY, delays: num('--delays', 5) });
    process.exit(0);
  }
  if (flag('--province')) {
    await provinceBench(root, say, { duration: num('--duration', 3000), rounds: num('--rounds', 3), concurrency: CONCURRENCY, samples: num('--samples', 300) });
    process.exit(0);
  }
  if (flag('--backup')) {
    await backupBench(root, say, { members: num('--members', 300), runs: num('--runs', 3), warm: num('--warm', 2), concurrency: CONCURRENCY });
    process.exit(0);
  }
  if (flag('--flood')) {
    await floodBench(root, say, { members: num('--members', 300), requests: num('--requests', 20_000), addresses: num('--addresses', 250), runs: num('--runs', 3), warm: num('--warm', 3), concurrency: CONCURRENCY });
    process.exit(0);
  }
  if (flag('--metrics')) {
    await metricsBench(say, { requests: num('--requests', 50_000), rounds: num('--rounds', 5) });
    process.exit(0);
  }
  if (flag('--closes')) {
    const i = argv.indexOf('--halls');
    const halls = (i >= 0 ? argv[i + 1] : '10,50,100').split(',').map(Number);
    await closesBench(root, say, { halls, members: num('--members', 30), stored: num('--stored', 2000), storedVotes: num('--stored-votes', 100), concurrency: CONCURRENCY });
    process.exit(0);
  }
  if (flag('--notices')) {
    await noticesBench(root, say, { count: num('--count', 200), down: num('--down', 30) });
    process.exit(0);
  }
  if (flag('--suggestions')) {
    await suggestionsBench(say, num('--count', 50_000), num('--samples', 300));
    process.exit(0);
  }
  say(`Minsheng benchmark — ${os.cpus().length} cores, Node ${process.version}${CPU_PROF ? ', server profiled (--cpu-prof)' : ''}`);
  const db = await prepareDatabase();
  dbName = db.url ? new URL(db.url).pathname.slice(1) : '';
  let failed = false;
  const onSignal = async () => { await db.drop().catch(() => {}); process.exit(130); };
  process.once('SIGINT', onSignal);
  try {
    if (HALLS) {
      if (!db.url) throw new Error('--halls needs PostgreSQL (two server processes cannot share an embedded database)');
      await hallsBench(root, {
        halls: HALLS, members: num('--members', 150), concurrency: CONCURRENCY, dbUrl: db.url, dbName, adminPassword: ADMIN_PASSWORD, dbPool: DB_POOL,
        redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379', one: flag('--one'), two: flag('--two'),
      }, say);
    } else if (READS) await readsBench(db);
    else await votingBench(db);
  } catch (err) {
    failed = true;
    console.error(err);
  } finally {
    await db.drop().catch((e) => console.warn('could not drop the bench database:', (e as Error).message));
  }
  if (CPU_PROF) {
    const dir = path.join(root, '.bench', 'profiles');
    fs.writeFileSync(path.join(dir, 'windows.json'), JSON.stringify(profileWindows));
    say(`profiles in ${dir}; summary of the bursts: npx tsx scripts/bench/profile-summary.ts ${path.relative(process.cwd(), dir) || '.'}`);
  }
  process.exit(failed ? 1 : 0);
}

void main();
