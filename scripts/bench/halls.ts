// `npm run bench -- --halls`: a hundred halls at once (QUALITY.md "many halls at once"). 100 sessions of
// 150 members, a socket per member plus each hall's presider console and big screen (15,200 sockets),
// every member of every hall voting in one burst, halls interleaved; first on one server, then on two
// server processes with the socket.io Redis adapter, the clients split between their two ports (no
// proxy: a proxy on these two cores would cost as much as a server). Reports: every vote acknowledged
// and every hall's count exact; per hall, the presider's final count after that hall's last
// acknowledgement (max, p95); events that crossed halls (must be 0); votes/s against the single-insert
// floor of the same run (F before and after); messages per tablet while the halls vote and for the
// whole ballot (open → closed + result). See docs/BENCHMARKS.md.
import path from 'node:path';
import { buildHall, checkStatuses, prepareVotes, type Counts, type Hall } from './hall-setup.js';
import { RemoteHalls } from './halls-process.js';
import {
  HttpClient, burst, cpuSeconds, fmt, now, percentile, peakRssMb, pool, postgresCpuSeconds, sleep, startChild, type Child, type PreparedRequest,
} from './lib.js';

export interface HallsOptions {
  halls: number; members: number; concurrency: number; dbUrl: string; dbName: string; adminPassword: string; dbPool: string;
  redisUrl: string; two: boolean; one: boolean;
}

type Say = (...a: unknown[]) => void;

function startServer(root: string, o: HallsOptions, redis: boolean): Promise<Child> {
  return startChild(path.join(root, 'server/main.ts'), {
    PORT: '0', HOST: '127.0.0.1', DEMO: '0', ADMIN_PASSWORD: o.adminPassword, DB_POOL: o.dbPool, DATABASE_URL: o.dbUrl, DATA_DIR: '',
    REDIS_URL: redis ? o.redisUrl : '', NODE_ENV: 'production',
  }, [], 120_000);
}

async function floorRun(root: string, client: HttpClient, halls: Hall[], o: HallsOptions, say: Say, label: string) {
  const requests = interleave(halls.map((h) => prepareVotes('/floor', h, o.members).requests));
  const res = await burst(client, requests.map((r) => r.request), o.concurrency);
  const bad = checkStatuses(res, 201, label, say);
  say(`  ${label} floor ${fmt(res.perSecond)} inserts/s (${requests.length} single-row INSERTs, ${o.concurrency} in flight)${bad ? `, ${bad} failed` : ''}`);
  return res.perSecond;
}

/** One vote of each hall in turn: every hall votes at once, all through the burst. */
function interleave(perHall: PreparedRequest[][]): { hall: number; request: PreparedRequest }[] {
  const out: { hall: number; request: PreparedRequest }[] = [];
  const longest = Math.max(...perHall.map((r) => r.length));
  for (let i = 0; i < longest; i++) perHall.forEach((reqs, hall) => { if (i < reqs.length) out.push({ hall, request: reqs[i] }); });
  return out;
}

async function phase(root: string, o: HallsOptions, say: Say, halls: Hall[], floorUrl: string, servers: Child[], label: string) {
  const urls = servers.map((s) => s.url);
  const api = new HttpClient(urls[0], 16);
  const floorClient = new HttpClient(floorUrl, o.concurrency);
  // The votes: with two servers, each hall's votes alternate between them, half the connections to each.
  const voteClients = urls.map((u) => new HttpClient(u, Math.ceil(o.concurrency / urls.length)));
  const sockets = new RemoteHalls();
  try {
    let t = now();
    const joined = await sockets.join(urls, halls.map((h) => ({ sessionId: h.sessionId, presiderToken: h.presiderToken, screenToken: h.screenToken, memberTokens: h.memberTokens })));
    say(`${label}: ${joined} sockets joined (${halls.length} presiders, ${halls.length} screens, ${joined - 2 * halls.length} tablets) in ${fmt((now() - t) / 1000, 1)} s`);
    const ballotIds: string[] = new Array(halls.length);
    await pool(halls.length, 8, async (h) => {
      ballotIds[h] = (await api.json('POST', `/api/sessions/${halls[h].sessionId}/ballots`, {
        token: halls[h].presiderToken,
        json: { kind: 'selection', form: 'per_candidate', title: `基准票决 ${label}`, projectIds: halls[h].projectIds, seats: Math.min(10, halls[h].projectIds.length) },
      })).id;
    });
    await sockets.watch(ballotIds, halls.map(() => o.members));
    await sleep(1000);
    const m0 = await sockets.messages();
    await pool(halls.length, 8, async (h) => { await api.json('POST', `/api/ballots/${ballotIds[h]}/open`, { token: halls[h].presiderToken }); });
    await sleep(1500); // the openings reach every tablet
    const mOpen = await sockets.messages();

    const f1 = await floorRun(root, floorClient, halls, o, say, 'F1');
    const expected: Counts[] = [];
    const votes = interleave(halls.map((h, i) => {
      const v = prepareVotes(`/api/ballots/${ballotIds[i]}/votes`, h, o.members);
      expected.push(v.expected);
      return v.requests;
    }));
    const cpu0 = servers.map((s) => cpuSeconds(s.pid));
    const pg0 = postgresCpuSeconds(o.dbName);
    const sock0 = cpuSeconds(sockets.pid);
    // Split by position: with two servers, alternate votes go to each (so does every hall's).
    const shares = urls.map((_, k) => votes.filter((_, i) => i % urls.length === k));
    const results = await Promise.all(shares.map((share, k) => burst(voteClients[k], share.map((v) => v.request), Math.ceil(o.concurrency / urls.length))));
    const cpu = servers.map((s, k) => cpuSeconds(s.pid) - cpu0[k]);
    const pg = postgresCpuSeconds(o.dbName) - pg0;
    const sockCpu = cpuSeconds(sockets.pid) - sock0;
    const lastAck = new Array<number>(halls.length).fill(0);
    let acked = 0;
    let firstStart = Infinity;
    let lastEnd = 0;
    shares.forEach((share, k) => {
      const r = results[k];
      firstStart = Math.min(firstStart, r.t0);
      lastEnd = Math.max(lastEnd, r.lastAck);
      share.forEach((v, i) => {
        if (r.statuses[i] === 201) acked++;
        lastAck[v.hall] = Math.max(lastAck[v.hall], r.t0 + r.latencies[i]);
      });
      checkStatuses(r, 201, `${label} votes via server ${k + 1}`, say);
    });
    const perSecond = (votes.length / (lastEnd - firstStart)) * 1000;
    const settled = await sockets.settle(15_000);
    const mVoted = await sockets.messages();

    const f2 = await floorRun(root, floorClient, halls, o, say, 'F2');
    // Close every hall's ballot (8 at a time) and compare each result with what was sent.
    const closeTimes: number[] = [];
    let exact = 0;
    await pool(halls.length, 8, async (h) => {
      const t0 = now();
      const closed = await api.json('POST', `/api/ballots/${ballotIds[h]}/close`, { token: halls[h].presiderToken });
      closeTimes.push(now() - t0);
      const result = closed.result as { cast: number; options: { id: string; yes: number; no: number; abstain: number }[] };
      const e = expected[h];
      if (result.cast === o.members && result.options.length === e.size && result.options.every((x) => {
        const want = e.get(x.id);
        return want && want.yes === x.yes && want.no === x.no && want.abstain === x.abstain;
      })) exact++;
    });
    await sleep(3000); // the closed states and results reach every tablet
    const mClosed = await sockets.messages();
    const crossedAfter = (await sockets.settle(0)).crossed;

    const lags = (at: number[]) => at.map((x, h) => (x ? x - lastAck[h] : Infinity));
    const lagP = lags(settled.presider);
    const lagT = lags(settled.presiderTally);
    const lagS = lags(settled.screen);
    const stat = (xs: number[]) => `max ${fmt(Math.max(...xs))} ms, p95 ${fmt(percentile(xs, 95))} ms`;
    const diff = (a: number[], b: number[]) => a.map((x, i) => x - b[i]);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const voting = diff(mVoted, mOpen);
    const whole = diff(mClosed, m0);
    const n = votes.length;
    say(`${label} summary:`);
    say(`  votes: ${acked} of ${n} acknowledged (201); ${exact} of ${halls.length} halls' results exact; burst ${fmt((lastEnd - firstStart) / 1000, 1)} s`);
    say(`  votes/s ${fmt(perSecond)} against the floor ${fmt(f1)} / ${fmt(f2)} inserts/s → ratio ${fmt(perSecond / ((f1 + f2) / 2), 2)}`);
    say(`  per hall, last acknowledgement → final count: presider ballot:update ${stat(lagP)}; ballot:tally ${stat(lagT)}; big screen ${stat(lagS)} (bar ≤ 1000 ms)${settled.missing ? `; ${settled.missing} presiders/screens never saw it` : ''}`);
    say(`  events that crossed halls: ${crossedAfter} (must be 0); sockets disconnected: ${settled.disconnected}`);
    say(`  messages per tablet: while the halls voted ${fmt(mean(voting), 2)} (max ${Math.max(...voting)}); for the whole ballot, opening to result ${fmt(mean(whole), 2)} (max ${Math.max(...whole)})`);
    say(`  CPU during the burst: server${servers.length > 1 ? 's' : ''} ${cpu.map((c) => `${fmt(c, 2)} s (${fmt((c / n) * 1e6)} µs/vote)`).join(' + ')}, PostgreSQL ${fmt(pg, 2)} s (${fmt((pg / n) * 1e6)} µs/vote), sockets' process ${fmt(sockCpu, 2)} s`);
    say(`  closes (8 at a time): max ${fmt(Math.max(...closeTimes))} ms, median ${fmt(percentile(closeTimes, 50))} ms; server peak RSS ${servers.map((s) => `${fmt(peakRssMb(s.pid))} MB`).join(' + ')}`);
  } finally {
    await sockets.close();
    api.close(); floorClient.close();
    for (const c of voteClients) c.close();
  }
}

export async function hallsBench(root: string, o: HallsOptions, say: Say) {
  const started = now();
  say(`halls: ${o.halls} sessions × ${o.members} members (${o.halls * o.members} tablets), on ${o.dbUrl.replace(/\/\/[^@]*@/, '//')} (DB_POOL ${o.dbPool})`);
  const floor = await startChild(path.join(root, 'scripts/bench/floor-server.ts'), { PORT: '0', DB_POOL: o.dbPool, DATABASE_URL: o.dbUrl, NODE_ENV: 'production' });
  let servers: Child[] = [await startServer(root, o, false)];
  try {
    const api = new HttpClient(servers[0].url, 64);
    const t = now();
    const halls: Hall[] = new Array(o.halls);
    await pool(o.halls, 4, async (h) => { halls[h] = await buildHall(api, o.adminPassword, o.members, 12, `_h${h}`); });
    api.close();
    say(`setup: ${o.halls} halls, ${o.halls * o.members} members signed in and checked in, in ${fmt((now() - t) / 1000, 1)} s`);
    if (!o.two) await phase(root, o, say, halls, floor.url, servers, 'one server');
    if (!o.one) {
      await Promise.all(servers.map((s) => s.stop()));
      servers = [];
      servers = await Promise.all([startServer(root, o, true), startServer(root, o, true)]);
      say(`\ntwo servers with the Redis adapter (${o.redisUrl}), clients split between ${servers.map((s) => s.url).join(' and ')}`);
      await phase(root, o, say, halls, floor.url, servers, 'two servers + Redis');
    }
  } finally {
    await Promise.all([...servers.map((s) => s.stop()), floor.stop()]);
  }
  say(`total ${fmt((now() - started) / 1000)} s`);
}
