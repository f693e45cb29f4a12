// QUALITY.md "crash": SIGKILL of the server in the middle of a burst of votes, then a restart on the same
// PostgreSQL database. Every client retries with its own submission key until it is answered:
// - every ballot acknowledged before the kill is present, with the receipt the member was given;
// - every unacknowledged one is either present (the retry answers 200 with its receipt) or absent
//   (the retry answers 201): never both, never twice;
// - the closed ballot counts exactly the members who voted, the box holds each receipt once, and the
//   tally is what the clients sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../../scripts/reliability/pg.js';
import { spawnServer, type ChildServer } from '../../scripts/reliability/child.js';
import { Api, newRetryStats, submissionKey, untilAnswered } from '../helpers/api.js';
import { buildHall, loginAdmin, normalChoices, randomChoices, recount, type Mark } from '../../scripts/reliability/hall.js';

const adminPassword = 'crash-admin-password';
const MEMBERS = 200;
const CANDIDATES = 12;
const KILL_AFTER_ACKS = 60;
const CONCURRENCY = 24;

describe.skipIf(!process.env.DATABASE_URL)('SIGKILL of the server in the middle of a burst (PostgreSQL)', () => {
  let db: FreshDatabase;
  const servers: ChildServer[] = [];

  beforeAll(async () => { db = await createFreshDatabase('minsheng_crash', process.env.DATABASE_URL); });
  afterAll(async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await db?.drop();
  });

  it('keeps every acknowledged ballot, counts every ballot once, and answers every retry', async () => {
    const first = await spawnServer({ databaseUrl: db.url, adminPassword });
    servers.push(first);
    const api = new Api(first.url);
    await loginAdmin(api, adminPassword);
    const hall = await buildHall(api, { members: MEMBERS, projects: CANDIDATES, checkIn: 'all' });
    const ballot = await api.ok('POST', `/api/sessions/${hall.sessionId}/ballots`, {
      token: hall.presiderToken, json: { kind: 'selection', title: '民生实事项目票决', projectIds: hall.projectIds, seats: 10 },
    });
    await api.ok('POST', `/api/ballots/${ballot.id}/open`, { token: hall.presiderToken });

    type Outcome = 'acked' | 'unanswered' | 'unsent';
    const plan = hall.members.map((m) => ({
      member: m, key: submissionKey(), choices: randomChoices(hall.projectIds), outcome: 'unsent' as Outcome, receipt: '', firstStatus: 0,
    }));

    // The burst: CONCURRENCY tablets at a time; the server is SIGKILLed once KILL_AFTER_ACKS are acknowledged.
    let acked = 0;
    let killed: Promise<void> | null = null;
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (!killed && next < plan.length) {
        const p = plan[next++];
        try {
          const r = await api.call('POST', `/api/ballots/${ballot.id}/votes`, { token: p.member.token, json: { submissionKey: p.key, choices: p.choices } });
          p.firstStatus = r.status;
          if (r.status !== 201) throw new Error(`vote before the kill answered ${r.status}: ${r.text}`);
          p.outcome = 'acked';
          p.receipt = r.body.receipt;
          if (++acked === KILL_AFTER_ACKS) killed = first.kill();
        } catch (err) {
          if (!killed) throw err;
          p.outcome = 'unanswered';
        }
      }
    }));
    await killed;
    const before = { acked: plan.filter((p) => p.outcome === 'acked').length, unanswered: plan.filter((p) => p.outcome === 'unanswered').length };
    expect(before.acked).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(before.acked).toBeLessThan(MEMBERS);

    // Restart on the same database (a new port); tokens issued before the kill stay valid.
    const second = await spawnServer({ databaseUrl: db.url, adminPassword });
    servers.push(second);
    api.base = second.url;
    const stats = newRetryStats();
    const retried = await Promise.all(plan.map(async (p) => {
      const r = await untilAnswered(() => api, 'POST', `/api/ballots/${ballot.id}/votes`, { token: p.member.token, json: { submissionKey: p.key, choices: p.choices } }, stats);
      return { p, status: r.status, receipt: r.body?.receipt as string | undefined, text: r.text };
    }));
    const problems: string[] = [];
    let presentAfterAll = 0;
    for (const { p, status, receipt, text } of retried) {
      if (p.outcome === 'acked') {
        if (status !== 200 || receipt !== p.receipt) problems.push(`acknowledged ${p.member.id}: retry answered ${status} ${text}`);
      } else if (p.outcome === 'unanswered') {
        if (status !== 200 && status !== 201) problems.push(`unanswered ${p.member.id}: retry answered ${status} ${text}`);
        if (status === 200) presentAfterAll++;
        p.receipt = receipt ?? '';
      } else {
        if (status !== 201) problems.push(`unsent ${p.member.id}: first send after restart answered ${status} ${text}`);
        p.receipt = receipt ?? '';
      }
    }
    expect(problems).toEqual([]);
    expect(stats.badRefusals).toEqual([]);

    // A second round of retries: the same receipt for everyone, nothing new in the box.
    const again = await Promise.all(plan.map((p) => api.call('POST', `/api/ballots/${ballot.id}/votes`, { token: p.member.token, json: { submissionKey: p.key, choices: p.choices } })));
    expect(again.map((r) => r.status)).toEqual(plan.map(() => 200));
    expect(again.map((r) => r.body.receipt)).toEqual(plan.map((p) => p.receipt));
    expect(new Set(plan.map((p) => p.receipt)).size).toBe(MEMBERS);

    const closed = await api.ok('POST', `/api/ballots/${ballot.id}/close`, { token: hall.presiderToken });
    expect(closed.result.cast).toBe(MEMBERS);
    await api.ok('POST', `/api/ballots/${ballot.id}/publish`, { token: hall.presiderToken });
    const box = await api.ok('GET', `/api/ballots/${ballot.id}/box`);
    const byReceipt = new Map<string, Record<string, Mark>>();
    for (const e of box.entries as { receipt: string; choices: Record<string, Mark> }[]) {
      expect(byReceipt.has(e.receipt)).toBe(false);
      byReceipt.set(e.receipt, e.choices);
    }
    expect(byReceipt.size).toBe(MEMBERS);
    for (const p of plan) expect(byReceipt.get(p.receipt)).toEqual(normalChoices(hall.projectIds, p.choices));
    const expected = recount(hall.projectIds, plan.map((p) => p.choices));
    for (const o of closed.result.options as { id: string; yes: number; no: number; abstain: number }[]) {
      expect({ yes: o.yes, no: o.no, abstain: o.abstain }).toEqual(expected.get(o.id));
    }
    console.log(`crash: ${before.acked} acknowledged before SIGKILL, ${before.unanswered} in flight (${presentAfterAll} of them had committed, ` +
      `${before.unanswered - presentAfterAll} had not), ${MEMBERS - before.acked - before.unanswered} unsent; ` +
      `after restart: ${stats.networkErrors} network errors and ${stats.unavailable} × 503 retried; ${MEMBERS} counted once each`);
  }, 120_000);
});
