// `npm run bench -- --closes`: QUALITY.md "many halls at once", its last part. N sessions of one body
// (N = 10, 50, 100 by default), each with one open secret ballot that every member votes on; then all N
// ballots are closed at once, then all N published at once. Printed per round: each close's and each
// publish's answer time (max, p95, median), and how many ballots the deployment already held. Then the
// deployment is given --stored closed ballots more (2,000 of --stored-votes each, written straight into
// the database, as years of sessions would leave them) and the rounds run again: a close's time must not
// grow with them.
//   options: --halls 10,50,100  --members N (30 per hall)  --stored N (2000)  --stored-votes N (100)
//   SERVER_ROOT=<checkout> measures another checkout's server (e.g. the commit before a change).
// Environment: DATABASE_URL (default: a fresh database on the local PostgreSQL, dropped at the end).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { HttpClient, fmt, median, now, percentile, pool, startChild, type Reply } from './lib.js';
import { benchDatabase, redact } from './fresh-db.js';
import { buildHall, submissionKey } from './hall-setup.js';

interface Opts { halls: number[]; members: number; stored: number; storedVotes: number; concurrency: number }

/** Every call of `calls` started at once; each one's time from the common start to its answer (ms), and its status. */
async function allAtOnce(calls: (() => Promise<Reply>)[]): Promise<{ ms: number[]; failed: string[] }> {
  const t0 = now();
  const failed: string[] = [];
  const ms = await Promise.all(calls.map(async (c) => {
    const r = await c();
    if (r.status >= 300) failed.push(`${r.status} ${r.text.slice(0, 120)}`);
    return now() - t0;
  }));
  return { ms, failed };
}

const summary = ({ ms, failed }: { ms: number[]; failed: string[] }) =>
  `max ${fmt(Math.max(...ms))} ms, p95 ${fmt(percentile(ms, 95))} ms, median ${fmt(median(ms))} ms${failed.length ? `; ${failed.length} FAILED: ${failed[0]}` : ''}`;

export async function closesBench(root: string, say: (s: string) => void, opts: Opts) {
  const serverRoot = process.env.SERVER_ROOT ?? root;
  const db = await benchDatabase();
  const password = `bench-${randomBytes(8).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-bench-closes-'));
  say(`closes: ${os.cpus().length} cores (shared with other work: figures are of a busy machine), PostgreSQL ${redact(db.url)}, server ${serverRoot}`);
  const server = await startChild(path.join(serverRoot, 'server/main.ts'), {
    PORT: '0', HOST: '127.0.0.1', DEMO: '0', ADMIN_PASSWORD: password, DATABASE_URL: db.url, DATA_DIR: dataDir, NODE_ENV: 'production',
  }, [], 120_000);
  const sql = postgres(db.url, { max: 2, onnotice: () => {} });
  const api = new HttpClient(server.url, 256);
  try {
    const hall = await buildHall(api, password, opts.members, 5);
    const sessions: string[] = [hall.sessionId];
    const biggest = Math.max(...opts.halls);
    for (let i = 1; i < biggest; i++) {
      const s = await api.json('POST', `/api/bodies/${hall.bodyId}/sessions`, { token: hall.adminToken, json: { name: `基准测试 第${i + 1}场`, kind: 'congress' } });
      sessions.push(s.id);
    }
    // Every member checks in to every session (the same people in N halls: one body keeps the setup short).
    await pool(hall.memberTokens.length * (sessions.length - 1), opts.concurrency, async (k) => {
      const s = sessions[1 + Math.floor(k / hall.memberTokens.length)];
      await api.json('POST', `/api/sessions/${s}/checkin`, { token: hall.memberTokens[k % hall.memberTokens.length] });
    });

    const stored = async () => Number((await sql`select count(*)::int as n from ballots where state in ('closed', 'published')`)[0].n);
    const round = async (n: number, label: string) => {
      const ballots: string[] = [];
      for (let i = 0; i < n; i++) {
        const b = await api.json('POST', `/api/sessions/${sessions[i]}/ballots`, {
          // A secret motion: publishing it moves no project, so N halls sharing one body's projects do not meet.
          token: hall.presiderToken, json: { kind: 'motion', title: `第${i + 1}场表决`, question: '通过本次会议的决议' },
        });
        ballots.push(b.id);
      }
      const held = await stored();
      const call = (id: string, what: string) => () => api.request('POST', `/api/ballots/${id}/${what}`, { authorization: `Bearer ${hall.presiderToken}` });
      const opens = await allAtOnce(ballots.map((id) => call(id, 'open')));
      const m = hall.memberTokens.length;
      let bad = 0;
      await pool(ballots.length * m, opts.concurrency, async (k) => {
        const body = JSON.stringify({ submissionKey: submissionKey(), choices: { vote: Math.random() < 0.8 ? 'yes' : 'no' } });
        const r = await api.request('POST', `/api/ballots/${ballots[Math.floor(k / m)]}/votes`, {
          authorization: `Bearer ${hall.memberTokens[k % m]}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body),
        }, body);
        if (r.status !== 201) bad++;
      });
      const closes = await allAtOnce(ballots.map((id) => call(id, 'close')));
      const publishes = await allAtOnce(ballots.map((id) => call(id, 'publish')));
      const casts = await sql`select sum("cast")::int as n from ballots where id in ${sql(ballots)}`;
      say(`${label}: ${n} halls × ${hall.memberTokens.length} votes (${bad} not 201; ${casts[0].n} counted), ${held} ballots already stored`);
      say(`  open    ${summary(opens)}`);
      say(`  close   ${summary(closes)}`);
      say(`  publish ${summary(publishes)}`);
    };

    for (const n of opts.halls) await round(n, 'round');
    if (opts.stored > 0) {
      // Closed ballots of earlier sessions, with their rolls and boxes, written straight into the tables.
      const [template] = await sql`select id from ballots where state = 'published' limit 1`;
      await sql`insert into ballots select (jsonb_populate_record(null::ballots, to_jsonb(b) || jsonb_build_object('id', 'stored' || g, 'live_slot', null))).*
        from ballots b, generate_series(1, ${opts.stored}) g where b.id = ${template.id}`;
      await sql`insert into ballot_roll (ballot_id, member_id, key_hash) select 'stored' || g, 'm' || i, md5(g || '.' || i) from generate_series(1, ${opts.stored}) g, generate_series(1, ${opts.storedVotes}) i`;
      await sql`insert into ballot_box (ballot_id, receipt, choices) select 'stored' || g, upper(md5(i || '.' || g)), '{"a": "yes"}' from generate_series(1, ${opts.stored}) g, generate_series(1, ${opts.storedVotes}) i`;
      await sql`analyze`;
      for (const n of opts.halls) await round(n, 'round with stored ballots');
    }
  } catch (err) {
    say(`!!! ${(err as Error).message}\n${server.log.filter((l) => /error|Error/.test(l)).slice(-20).join('\n')}`);
    throw err;
  } finally {
    api.close();
    await sql.end({ timeout: 2 });
    await server.stop();
    await db.drop().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
