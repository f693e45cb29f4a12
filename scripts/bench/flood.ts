// `npm run bench -- --flood`: QUALITY.md "public flood". A 300-member vote (sockets joined from the hall
// process, like the voting bench) is timed alone and while 20,000 public writes arrive from many
// addresses (X-Forwarded-For, the server trusting its proxy), most of them throttled (429): suggestions,
// and ratings of a done project when POST /api/public/projects/:id/ratings exists. Prints the 5xx count,
// whether every vote was acknowledged (and every socket saw the final count), and the burst rates.
//   options: --members N (300)  --requests N (20000)  --addresses N (250)  --runs N (3 bursts each way)  --warm N (3 bursts first, not counted)
//            --concurrency C (64 for votes; the flood uses 32 connections)
import path from 'node:path';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { RemoteHall } from './remote-hall.js';
import { buildHall, checkStatuses, newBallot, prepareVotes, type Hall } from './hall-setup.js';
import { HttpClient, burst, fmt, median, now, percentile, sleep, startChild, type Child } from './lib.js';
import type { FloodJob, FloodReply } from './flood-worker.js';
import { benchDatabase, redact } from './fresh-db.js';
import { shanghaiDate } from '../../shared/execution.js';

export interface FloodOptions { members: number; requests: number; addresses: number; runs: number; warm: number; concurrency: number }

const json = (x: unknown) => {
  const body = Buffer.from(JSON.stringify(x));
  return { body, headers: { 'content-type': 'application/json', 'content-length': body.length } };
};

/** One vote burst on a new ballot: its rate, whether all were acknowledged and every socket saw the final count. */
export async function voteRun(api: HttpClient, votes: HttpClient, hall: Hall, audience: RemoteHall, o: FloodOptions, label: string, say: (s: string) => void) {
  const ballotId = await newBallot(api, hall, `洪峰基准 ${label}`);
  const { requests } = prepareVotes(`/api/ballots/${ballotId}/votes`, hall, o.members);
  await audience.watch(ballotId, o.members);
  await sleep(300);
  const res = await burst(votes, requests, o.concurrency);
  const notAcked = checkStatuses(res, 201, label, say);
  const fiveXx = Array.from(res.statuses).filter((s) => s >= 500 || s < 0).length;
  const settled = await audience.settle(10_000);
  await api.json('POST', `/api/ballots/${ballotId}/close`, { token: hall.presiderToken });
  say(`  ${label.padEnd(8)} ${fmt(res.perSecond).padStart(6)} votes/s  p50 ${fmt(percentile(res.latencies, 50))} ms  p99 ${fmt(percentile(res.latencies, 99))} ms  ` +
    `${notAcked ? `${notAcked} NOT acknowledged` : 'all acknowledged'}${settled.missing ? `, ${settled.missing} sockets missed the final count` : ''}`);
  await sleep(2500); // the close's fan-out to every socket settles before the next run
  return { perSecond: res.perSecond, notAcked, fiveXx, missing: settled.missing };
}

export async function floodBench(root: string, say: (s: string) => void, o: FloodOptions) {
  const db = await benchDatabase();
  const adminPassword = `bench-${randomBytes(8).toString('hex')}`;
  say(`flood bench on ${redact(db.url)}${db.fresh ? ' (fresh, dropped at the end)' : ''}; server with TRUST_PROXY=1 and the default public limits`);
  let server: Child | null = null;
  let audience: RemoteHall | null = null;
  const api = () => new HttpClient(server!.url, 16);
  try {
    server = await startChild(path.join(root, 'server/main.ts'), {
      PORT: '0', HOST: '127.0.0.1', DEMO: '0', ADMIN_PASSWORD: adminPassword, DB_POOL: process.env.DB_POOL ?? '20', DATABASE_URL: db.url, NODE_ENV: 'production', TRUST_PROXY: '1',
    }, [], 60_000);
    const setup = api();
    const votes = new HttpClient(server.url, o.concurrency);
    try {
      let t = now();
      const hall = await buildHall(setup, adminPassword, o.members, 12);
      audience = new RemoteHall();
      await audience.join(server.url, hall.sessionId, hall.presiderToken, hall.screenToken, hall.memberTokens);
      say(`hall: ${o.members} members checked in with their sockets joined, in ${fmt((now() - t) / 1000, 1)} s`);
      const admin = { token: hall.adminToken };
      const opensAt = new Date(Date.now() - 3_600_000).toISOString();
      const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
      await setup.json('POST', `/api/bodies/${hall.bodyId}/collection`, { ...admin, json: { year: 2028, opensAt, closesAt } });

      // A warm-up vote, published: its projects are selected; one is then reported done, for the ratings.
      const warm = await newBallot(setup, hall, '洪峰基准 预热');
      checkStatuses(await burst(votes, prepareVotes(`/api/ballots/${warm}/votes`, hall, o.members).requests, o.concurrency), 201, 'warm-up', say);
      await setup.json('POST', `/api/ballots/${warm}/close`, { token: hall.presiderToken });
      const published = await setup.json('POST', `/api/ballots/${warm}/publish`, { token: hall.presiderToken });
      const doneId = (published.result?.selected ?? [])[0] as string | undefined;
      let ratingsPath: string | null = null;
      if (doneId) {
        await setup.json('POST', `/api/projects/${doneId}/progress`, { ...admin, json: { percent: 100, note: '基准：项目完工。', date: shanghaiDate(new Date()) } });
        const probe = await setup.request('POST', `/api/public/projects/${doneId}/ratings`, { ...json({}).headers, 'x-forwarded-for': '198.18.255.1' }, json({}).body);
        if (probe.status === 404 && probe.text.includes('no such endpoint')) say('ratings: POST /api/public/projects/:id/ratings not available (404): the flood is suggestions only');
        else ratingsPath = `/api/public/projects/${doneId}/ratings`;
      }
      await sleep(2000);

      // The flood, from a process of its own (flood-worker.ts).
      const floodRun = () => new Promise<FloodReply>((resolve, reject) => {
        const worker = fork(path.join(root, 'scripts/bench/flood-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        worker.once('message', (m: FloodReply) => resolve(m));
        worker.once('exit', (code) => reject(new Error(`flood worker exited with ${code}`)));
        const job: FloodJob = { url: server!.url, bodyId: hall.bodyId, ratingsPath, requests: o.requests, addresses: o.addresses, connections: 32 };
        worker.send(job);
      });
      let floodDone = false;

      say(`\nvote bursts: ${o.members} votes each, ${o.concurrency} in flight; alone, then during a flood of ${o.requests} public writes from ${o.addresses} addresses (32 connections, from a process of their own)`);
      // Discarded: the vote path warms up (JIT, caches) over the first bursts; without them the first "alone" runs were ~1.7× slower than the last.
      for (let k = 0; k < o.warm; k++) await voteRun(setup, votes, hall, audience, o, `warm ${k + 1}`, say);
      const alone = [];
      for (let k = 0; k < o.runs; k++) alone.push(await voteRun(setup, votes, hall, audience, o, `alone ${k + 1}`, say));
      const flooding = floodRun().finally(() => { floodDone = true; });
      await sleep(1000);
      const during = [];
      for (let k = 0; k < o.runs; k++) {
        if (floodDone) say(`  !! the flood ended before burst ${k + 1}: use more --requests`);
        during.push(await voteRun(setup, votes, hall, audience, o, `flood ${k + 1}`, say));
      }
      const flood = await flooding;
      const statuses = new Map(flood.statuses);
      say(`flood: ${o.requests} requests in ${fmt(flood.ms / 1000, 1)} s (${fmt((o.requests / flood.ms) * 1000)} req/s); statuses ${JSON.stringify(flood.statuses)}`);
      for (let k = 0; k < o.runs; k++) alone.push(await voteRun(setup, votes, hall, audience, o, `alone ${o.runs + k + 1}`, say));

      const fiveXx = [...statuses].filter(([s]) => s >= 500 || s < 0).reduce((a, [, n]) => a + n, 0) + [...alone, ...during].reduce((a, r) => a + r.fiveXx, 0);
      const throttled = statuses.get(429) ?? 0;
      const a = median(alone.map((r) => r.perSecond));
      const f = median(during.map((r) => r.perSecond));
      say('\n---------------- public flood ----------------');
      say(`5xx (or no answer): ${fiveXx} (bar 0); flood throttled 429: ${throttled} of ${o.requests} (${fmt((throttled / o.requests) * 100)}%)`);
      say(`vote acknowledgements: ${[...alone, ...during].every((r) => r.notAcked === 0) ? 'all arrived' : 'SOME MISSING'} (${[...alone, ...during].length} bursts of ${o.members}); sockets that missed a final count: ${[...alone, ...during].reduce((s, r) => s + r.missing, 0)}`);
      say(`burst rate alone: ${alone.map((r) => fmt(r.perSecond)).join(', ')} votes/s (median ${fmt(a)}); during the flood: ${during.map((r) => fmt(r.perSecond)).join(', ')} (median ${fmt(f)})`);
      say(`ratio flood / alone: ${fmt(f / a, 2)} (bar ≥ 0.70)`);
    } finally {
      setup.close(); votes.close();
    }
  } finally {
    await audience?.close();
    await server?.stop();
    await db.drop().catch((e) => say(`could not drop the bench database: ${(e as Error).message}`));
  }
}
