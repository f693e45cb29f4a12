// `npm run chaos`: PostgreSQL restarted while a ballot is open (QUALITY.md "database restart").
//
// A server process runs against a fresh database; members vote at a steady pace; in the middle,
// `pg_ctlcluster --skip-systemctl-redirect 15 main restart` restarts the cluster. While it cannot
// commit the server must answer 503 `database_unavailable` (never 500, never without a code); it must
// reconnect by itself (the same process, no restart); every client retries with its same submission
// key until answered; afterwards every acknowledged ballot is in the box, every member counted once.
//
// It restarts the machine's PostgreSQL: other tests using it at that moment see their connections
// dropped. Run it by hand, not from `npm test`.
//
//   tsx scripts/chaos.ts [--members 300] [--restarts 1] [--rate 60]
import { parseArgs } from 'node:util';
import { createFreshDatabase, restartPostgres } from './reliability/pg.js';
import { spawnServer } from './reliability/child.js';
import { Api, newRetryStats, sleep, submissionKey, untilAnswered, type Answer } from '../tests/helpers/api.js';
import { buildHall, loginAdmin, normalChoices, randomChoices, recount, sameChoices, type Mark } from './reliability/hall.js';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '300' },
    restarts: { type: 'string', default: '1' },
    rate: { type: 'string', default: '60' },
    keep: { type: 'boolean', default: false },
  },
});
const MEMBERS = Number(values.members);
const RESTARTS = Number(values.restarts);
const RATE = Number(values.rate); // votes started per second
const adminPassword = 'chaos-admin-password';

async function main() {
  const db = await createFreshDatabase('minsheng_chaos');
  const server = await spawnServer({ databaseUrl: db.url, adminPassword });
  const errors: string[] = [];
  try {
    const api = new Api(server.url);
    await loginAdmin(api, adminPassword);
    const hall = await buildHall(api, { members: MEMBERS, projects: 12, checkIn: 'all' });
    const ballot = await api.ok('POST', `/api/sessions/${hall.sessionId}/ballots`, {
      token: hall.presiderToken, json: { kind: 'selection', title: '民生实事项目票决', projectIds: hall.projectIds, seats: 10 },
    });
    await api.ok('POST', `/api/ballots/${ballot.id}/open`, { token: hall.presiderToken });
    console.log(`chaos: server pid ${server.pid} on ${server.url}, database ${db.name}, ${MEMBERS} members checked in, ballot ${ballot.id} open`);

    const plan = hall.members.map((m) => ({ member: m, key: submissionKey(), choices: randomChoices(hall.projectIds), receipt: '', status: 0 }));
    const stats = newRetryStats();
    const probe = newRetryStats();
    const codes503 = new Map<string, number>();
    const note503 = (a: Answer) => {
      if (a.status === 503) {
        const code = a.body?.error?.code ?? '(none)';
        codes503.set(code, (codes503.get(code) ?? 0) + 1);
      }
    };

    // Voters: one vote started every 1/RATE s, each retried with its own key until answered.
    let acked = 0;
    const votes = plan.map(async (p, i) => {
      await sleep((i * 1000) / RATE);
      const path = `/api/ballots/${ballot.id}/votes`;
      const wrapped = {
        ...api,
        call: async (...args: Parameters<Api['call']>) => {
          const a = await api.call(...args);
          note503(a);
          return a;
        },
      } as Api;
      const r = await untilAnswered(() => wrapped, 'POST', path, { token: p.member.token, json: { submissionKey: p.key, choices: p.choices } }, stats, { deadlineMs: 300_000 });
      p.status = r.status;
      p.receipt = r.body?.receipt ?? '';
      if (r.status !== 201 && r.status !== 200) errors.push(`vote of ${p.member.id} answered ${r.status}: ${r.text.slice(0, 200)}`);
      else acked++;
    });

    // A presider console polling the session meanwhile (reads must also fail cleanly and recover).
    let polling = true;
    const poller = (async () => {
      while (polling) {
        try {
          const a = await api.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken, timeoutMs: 30_000 });
          probe.statuses.set(a.status, (probe.statuses.get(a.status) ?? 0) + 1);
          note503(a);
          if (a.status >= 500 && a.status !== 503) errors.push(`GET session answered ${a.status}: ${a.text.slice(0, 200)}`);
          if (a.status >= 400 && typeof a.body?.error?.code !== 'string') errors.push(`GET session answered ${a.status} without a code`);
        } catch {
          probe.networkErrors++;
        }
        await sleep(100);
      }
    })();

    const restarts: { at: number; ms: number; firstOkAfterMs: number | null }[] = [];
    for (let r = 0; r < RESTARTS; r++) {
      // Restart once a share of the votes is in, so votes are flowing before, during and after.
      const target = Math.floor((MEMBERS * (r + 1)) / (RESTARTS + 2));
      while (acked < target) await sleep(20);
      const ackedAt = acked;
      console.log(`chaos: restarting PostgreSQL with ${ackedAt} votes acknowledged…`);
      const began = Date.now();
      const { ms, output } = await restartPostgres();
      console.log(`chaos: pg_ctlcluster restart took ${ms} ms${output ? ` (${output})` : ''}`);
      // How long until the server commits again (the same process: it must reconnect by itself).
      let firstOkAfterMs: number | null = null;
      for (let t = 0; t < 600; t++) {
        try {
          const a = await api.call('GET', `/api/sessions/${hall.sessionId}`, { token: hall.presiderToken, timeoutMs: 10_000 });
          note503(a);
          if (a.status === 200) { firstOkAfterMs = Date.now() - began; break; }
        } catch { /* not yet */ }
        await sleep(100);
      }
      restarts.push({ at: ackedAt, ms, firstOkAfterMs });
      if (firstOkAfterMs === null) errors.push('the server did not answer 200 within 60 s of the database restart');
    }

    await Promise.all(votes);
    polling = false;
    await poller;

    // The same process served throughout: no restart of the server was needed.
    if (server.output().includes('internal_error') || /\n\s*at /.test(server.output())) errors.push(`the server logged an internal error:\n${server.output().slice(-2000)}`);

    // Every client retries once more with its key: the same receipt, nothing new.
    const again = await Promise.all(plan.map((p) => api.call('POST', `/api/ballots/${ballot.id}/votes`, { token: p.member.token, json: { submissionKey: p.key, choices: p.choices } })));
    again.forEach((a, i) => {
      if (a.status !== 200 || a.body?.receipt !== plan[i].receipt) errors.push(`second retry of ${plan[i].member.id}: ${a.status} ${a.text.slice(0, 200)}`);
    });

    const closed = await api.ok('POST', `/api/ballots/${ballot.id}/close`, { token: hall.presiderToken });
    await api.ok('POST', `/api/ballots/${ballot.id}/publish`, { token: hall.presiderToken });
    const box = await api.ok('GET', `/api/ballots/${ballot.id}/box`);
    const inBox = new Map<string, Record<string, Mark>>();
    for (const e of box.entries as { receipt: string; choices: Record<string, Mark> }[]) {
      if (inBox.has(e.receipt)) errors.push(`receipt ${e.receipt} twice in the box`);
      inBox.set(e.receipt, e.choices);
    }
    let lost = 0;
    for (const p of plan) {
      const c = inBox.get(p.receipt);
      if (!c) { lost++; errors.push(`acknowledged receipt ${p.receipt} missing from the box`); continue; }
      if (!sameChoices(c, normalChoices(hall.projectIds, p.choices))) errors.push(`receipt ${p.receipt}: choices differ`);
    }
    if (inBox.size !== plan.length) errors.push(`box holds ${inBox.size} ballots, ${plan.length} members voted`);
    if (closed.result.cast !== plan.length) errors.push(`result counts ${closed.result.cast} cast, ${plan.length} members voted`);
    const expected = recount(hall.projectIds, plan.map((p) => p.choices));
    for (const o of closed.result.options as { id: string; yes: number; no: number; abstain: number }[]) {
      const e = expected.get(o.id)!;
      if (e.yes !== o.yes || e.no !== o.no || e.abstain !== o.abstain) errors.push(`tally of ${o.id} differs from the recount`);
    }
    errors.push(...stats.badRefusals, ...probe.badRefusals);
    for (const [status, n] of [...stats.statuses, ...probe.statuses]) if (status >= 500 && status !== 503) errors.push(`${n} answers of ${status}`);

    const created = plan.filter((p) => p.status === 201).length;
    const fmt = (m: Map<number, number>) => [...m].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log('');
    console.log('chaos summary (database restart while a ballot is open)');
    console.log(`  PostgreSQL restarts:        ${restarts.length} (${restarts.map((r) => `after ${r.at} votes, pg_ctlcluster ${r.ms} ms, server committing again ${r.firstOkAfterMs} ms after the restart began`).join('; ')})`);
    console.log(`  server process:             pid ${server.pid}, never restarted (reconnected by itself)`);
    console.log(`  votes acknowledged:         ${acked} of ${MEMBERS} (${created} × 201; ${MEMBERS - created} × 200 = a retry found its ballot already committed)`);
    console.log(`  503s seen:                  ${[...codes503.values()].reduce((a, b) => a + b, 0)} (codes: ${[...codes503].map(([c, n]) => `${c}×${n}`).join(', ') || 'none'})`);
    console.log(`  network errors retried:     ${stats.networkErrors + probe.networkErrors}`);
    console.log(`  vote answers by status:     ${fmt(stats.statuses)}`);
    console.log(`  console polls by status:    ${fmt(probe.statuses)}`);
    console.log(`  after close: cast ${closed.result.cast}, box ${inBox.size} receipts, acknowledged lost ${lost}`);
    console.log(`  errors:                     ${errors.length}`);
    for (const e of errors.slice(0, 30)) console.log(`    - ${e}`);
  } finally {
    await server.stop();
    if (!values.keep) await db.drop();
  }
  process.exit(errors.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
