// `npm run soak`: the accuracy soak (QUALITY.md "accuracy"). Casts ballots through the HTTP API until the
// target number of ballot positions (one option on one ballot: a candidate, or a department evaluated) is
// reached, the kinds in turn (scripts/reliability/soak-kinds.ts: a selection per candidate, a scored evaluation
// with red and black flags, a graded evaluation, a choose-n selection), with server SIGKILLs
// injected in the middle of voting (restart on the same database, every client retrying with its same
// submission key), and compares three ways for every ballot:
//   1. the receipts acknowledged to clients, with the choices each client sent,
//   2. the published ballot box (every receipt once, its choices, the digest recomputed here),
//   3. an independent recount from the clients' own records, against the published result and
//      against a recount of the published box.
// Every position that differs anywhere is an error; the run must report 0.
//
//   tsx scripts/soak.ts --positions 10000000 [--members 3000] [--candidates 12] [--concurrency 48]
//                       [--kill-every 3] [--pg-restart-every 0] [--seed 1]
// Needs PostgreSQL (DATABASE_URL, else the local cluster): the server is killed and restarted.
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createFreshDatabase, restartPostgres } from './reliability/pg.js';
import { spawnServer, type ChildServer } from './reliability/child.js';
import { Api, newRetryStats, pool, submissionKey, untilAnswered } from '../tests/helpers/api.js';
import { buildHall, loginAdmin } from './reliability/hall.js';
import { ballotJson, choose, differing, distance, kinds, recount, type Kind, type Normal } from './reliability/soak-kinds.js';

const { values } = parseArgs({
  options: {
    positions: { type: 'string', default: '10000000' },
    members: { type: 'string', default: '3000' },
    candidates: { type: 'string', default: '12' },
    concurrency: { type: 'string', default: '48' },
    'kill-every': { type: 'string', default: '3' },
    'pg-restart-every': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const TARGET = Number(values.positions);
const MEMBERS = Number(values.members);
const CANDIDATES = Number(values.candidates);
const CONCURRENCY = Number(values.concurrency);
const KILL_EVERY = Number(values['kill-every']);
const PG_EVERY = Number(values['pg-restart-every']);
const adminPassword = 'soak-admin-password';

/** mulberry32: reproducible choices for a given --seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(Number(values.seed));

/** The client's own record of one submission, in the box's normal form. */
interface Record_ { key: string; sent: unknown; normal: Normal; receipt: string }

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Canonical JSON (sorted keys, no whitespace), written here rather than imported: an independent check of the digest. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort(byCodeUnit).map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

async function main() {
  const started = Date.now();
  const db = await createFreshDatabase('minsheng_soak');
  let server: ChildServer = await spawnServer({ databaseUrl: db.url, adminPassword });
  const api = new Api(server.url);
  const errors: string[] = [];
  const error = (e: string) => { errors.push(e); if (errors.length <= 50) console.log(`  ERROR ${e}`); };
  const stats = newRetryStats();
  let kills = 0;
  let pgRestarts = 0;
  let positions = 0;
  let votes = 0;
  let ballotsDone = 0;
  let positionsCompared = 0;
  const byKind = new Map<Kind, number>();
  const outputs: string[] = [];
  try {
    await loginAdmin(api, adminPassword);
    const hall = await buildHall(api, { members: MEMBERS, projects: CANDIDATES, checkIn: 'all', concurrency: 32 });
    const p = { token: hall.presiderToken };
    console.log(`soak: ${MEMBERS} members, ${CANDIDATES} candidates, target ${TARGET.toLocaleString('en')} positions; database ${db.name}; setup ${((Date.now() - started) / 1000).toFixed(0)} s`);

    for (let n = 0; positions < TARGET; n++) {
      const form: Kind = kinds[n % kinds.length];
      const seats = Math.min(10, CANDIDATES);
      const remaining = Math.ceil((TARGET - positions) / CANDIDATES);
      const turnout = Math.min(remaining, Math.max(1, Math.round(MEMBERS * (0.6 + 0.4 * rnd()))));
      const voters = [...hall.members].sort(() => rnd() - 0.5).slice(0, turnout);
      const ballot = await untilAnswered(() => api, 'POST', `/api/sessions/${hall.sessionId}/ballots`, { ...p, json: ballotJson(form, n, hall.projectIds, seats) }, stats);
      if (ballot.status !== 201) throw new Error(`create ballot: ${ballot.status} ${ballot.text}`);
      const id = ballot.body.id as string;
      // the positions: the candidates, or the evaluation's subjects (option ids made by the server)
      const ids = (ballot.body.options as { id: string }[]).map((o) => o.id);
      if (ids.length !== CANDIDATES) throw new Error(`ballot ${n + 1}: ${ids.length} options, expected ${CANDIDATES}`);
      byKind.set(form, (byKind.get(form) ?? 0) + 1);
      const opened = await untilAnswered(() => api, 'POST', `/api/ballots/${id}/open`, p, stats);
      if (opened.status !== 200) throw new Error(`open ballot: ${opened.status} ${opened.text}`);

      // Fault injection: a SIGKILL (or a PostgreSQL restart) once a random share of the votes is in.
      const kill = KILL_EVERY > 0 && n % KILL_EVERY === 1;
      const pgRestart = PG_EVERY > 0 && n % PG_EVERY === 2;
      const faultAt = Math.floor(turnout * (0.1 + 0.8 * rnd()));
      let acked = 0;
      let fault: Promise<void> | null = null;
      const t0 = Date.now();
      const records: Record_[] = new Array(voters.length);
      await pool(voters, CONCURRENCY, async (m, i) => {
        const { sent, normal } = choose(form, ids, seats, rnd);
        const key = submissionKey();
        const r = await untilAnswered(() => api, 'POST', `/api/ballots/${id}/votes`, { token: m.token, json: { submissionKey: key, choices: sent } }, stats, { deadlineMs: 600_000 });
        if ((r.status !== 201 && r.status !== 200) || typeof r.body?.receipt !== 'string') {
          error(`ballot ${n + 1}: vote answered ${r.status} ${r.text.slice(0, 200)}`);
          return;
        }
        records[i] = { key, sent, normal, receipt: r.body.receipt };
        if (++acked === faultAt && !fault) {
          if (kill) {
            fault = (async () => {
              const old = server;
              outputs.push(old.output());
              await old.kill();
              kills++;
              server = await spawnServer({ databaseUrl: db.url, adminPassword });
              api.base = server.url;
            })();
          } else if (pgRestart) {
            fault = restartPostgres().then(() => { pgRestarts++; });
          }
        }
      });
      if (fault) await fault;
      const seconds = (Date.now() - t0) / 1000;

      // Every client asks again with its key: the same receipt, nothing counted twice.
      const answered = records.map((rec, i) => ({ rec, token: voters[i].token })).filter((x) => x.rec);
      const again = await pool(answered, CONCURRENCY, ({ rec, token }) => untilAnswered(() => api, 'POST', `/api/ballots/${id}/votes`, {
        token, json: { submissionKey: rec.key, choices: rec.sent },
      }, stats).then((a) => ({ a, rec })));
      for (const { a, rec } of again) if (a.status !== 200 || a.body?.receipt !== rec.receipt) error(`ballot ${n + 1}: retry of ${rec.receipt} answered ${a.status} ${a.text.slice(0, 120)}`);

      const closed = await untilAnswered(() => api, 'POST', `/api/ballots/${id}/close`, p, stats);
      if (closed.status !== 200) throw new Error(`close: ${closed.status} ${closed.text}`);
      const published = await untilAnswered(() => api, 'POST', `/api/ballots/${id}/publish`, p, stats);
      if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
      const boxAnswer = await untilAnswered(() => api, 'GET', `/api/ballots/${id}/box`, {}, stats);
      const resultAnswer = await untilAnswered(() => api, 'GET', `/api/ballots/${id}/result`, {}, stats);
      const box = boxAnswer.body as { entries: { receipt: string; choices: Normal }[]; digest: string };
      const result = resultAnswer.body as { cast: number; options: ({ id: string } & Record<string, unknown>)[] };

      // 1. acknowledged receipts ↔ published box
      const acks = new Map(records.filter(Boolean).map((r) => [r.receipt, r]));
      if (acks.size !== records.filter(Boolean).length) error(`ballot ${n + 1}: two clients were given the same receipt`);
      const inBox = new Map<string, Normal>();
      for (const e of box.entries) {
        if (inBox.has(e.receipt)) error(`ballot ${n + 1}: receipt ${e.receipt} twice in the box`);
        inBox.set(e.receipt, e.choices);
      }
      let wrongPositions = 0;
      for (const [receipt, rec] of acks) {
        const c = inBox.get(receipt);
        if (!c) { wrongPositions += CANDIDATES; error(`ballot ${n + 1}: acknowledged receipt ${receipt} not in the box`); continue; }
        if (canonical(c) !== canonical(rec.normal)) {
          wrongPositions += differing(form, ids, c, rec.normal) || CANDIDATES;
          error(`ballot ${n + 1}: receipt ${receipt}: the box holds other choices than the client sent`);
        }
      }
      for (const receipt of inBox.keys()) if (!acks.has(receipt)) { wrongPositions += CANDIDATES; error(`ballot ${n + 1}: receipt ${receipt} in the box was never acknowledged`); }
      const digest = createHash('sha256').update(canonical([...box.entries].sort((a, b) => byCodeUnit(a.receipt, b.receipt)).map((e) => ({ receipt: e.receipt, choices: e.choices })))).digest('hex');
      if (digest !== box.digest) error(`ballot ${n + 1}: the box digest does not match its entries`);

      // 2 and 3. the clients' own recount ↔ the published result ↔ a recount of the box
      const fromClients = recount(form, ids, [...acks.values()].map((r) => r.normal));
      const fromBox = recount(form, ids, inBox.values());
      if (result.cast !== acks.size) error(`ballot ${n + 1}: result says ${result.cast} cast, ${acks.size} acknowledged`);
      if (result.options.length !== ids.length) error(`ballot ${n + 1}: result has ${result.options.length} options, the ballot ${ids.length}`);
      for (const o of result.options) {
        const c = fromClients.get(o.id);
        const b = fromBox.get(o.id);
        if (!c || !b) { wrongPositions += acks.size; error(`ballot ${n + 1}: result has an option ${o.id} not on the ballot`); continue; }
        const off = distance(c, o);
        if (off) {
          wrongPositions += off;
          error(`ballot ${n + 1}: result for ${o.id} differs from the clients' recount`);
        }
        if (distance(b, o)) error(`ballot ${n + 1}: result for ${o.id} differs from the recount of the box`);
      }
      if (wrongPositions) error(`ballot ${n + 1}: ${wrongPositions} positions wrong`);

      ballotsDone++;
      votes += acks.size;
      positions += acks.size * CANDIDATES;
      positionsCompared += acks.size * CANDIDATES;
      const retries = `${stats.networkErrors} network errors, ${stats.unavailable} × 503 retried so far`;
      console.log(`ballot ${n + 1} (${form}): ${acks.size} votes in ${seconds.toFixed(1)} s (${(acks.size / seconds).toFixed(0)}/s)${kill ? ' [server SIGKILLed and restarted mid-vote]' : ''}${pgRestart ? ' [PostgreSQL restarted mid-vote]' : ''}; ` +
        `${positions.toLocaleString('en')} positions; ${retries}; errors ${errors.length}`);
    }

    outputs.push(server.output());
    const logged = outputs.join('\n');
    if (/internal_error|\n\s+at /.test(logged)) error(`a server logged an internal error:\n${logged.slice(-1500)}`);
    for (const [s, k] of stats.statuses) if (s >= 500 && s !== 503) error(`${k} answers of ${s}`);
    for (const b of stats.badRefusals.slice(0, 10)) error(b);
  } finally {
    await server.stop();
    if (!values.keep) await db.drop();
  }
  const minutes = (Date.now() - started) / 60000;
  console.log('');
  console.log('accuracy soak summary');
  console.log(`  positions cast:             ${positions.toLocaleString('en')} (${votes.toLocaleString('en')} ballots cast × ${CANDIDATES} options, ${ballotsDone} ballots)`);
  console.log(`  ballots by kind:            ${[...byKind].map(([k, v]) => `${k}×${v}`).join(' ')} (score and grade: evaluation ballots of ${CANDIDATES} departments)`);
  console.log(`  positions compared 3 ways:  ${positionsCompared.toLocaleString('en')} (acknowledged receipts ↔ published box ↔ independent recount)`);
  console.log(`  server SIGKILLs + restarts: ${kills}${pgRestarts ? `; PostgreSQL restarts: ${pgRestarts}` : ''}`);
  console.log(`  retried:                    ${stats.networkErrors} network errors, ${stats.unavailable} × 503`);
  console.log(`  answers by status:          ${[...stats.statuses].sort((a, b) => a[0] - b[0]).map(([s, k]) => `${s}×${k}`).join(' ')}`);
  console.log(`  time:                       ${minutes.toFixed(1)} min`);
  console.log(`  errors:                     ${errors.length}`);
  process.exit(errors.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
