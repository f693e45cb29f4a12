// Helpers shared by the ballot tests: they speak the HTTP API like a tablet or console would, and
// compute expectations independently of the server's counting code.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rowsOf } from '../../server/db/connect.js';
import type { TestServer, Reply } from '../helpers/server.js';
import { ok, submissionKey, type Hall } from '../helpers/fixtures.js';

export type Vote = 'yes' | 'no' | 'abstain';

export async function createBallot(server: TestServer, hall: Hall, json: Record<string, unknown>, token = hall.presiderToken) {
  return ok(await server.call('POST', `/api/sessions/${hall.sessionId}/ballots`, { token, json }), [201]);
}

export async function act(server: TestServer, token: string, ballotId: string, action: 'open' | 'close' | 'publish' | 'cancel', json?: unknown) {
  return server.call('POST', `/api/ballots/${ballotId}/${action}`, { token, json });
}

export async function open(server: TestServer, hall: Hall, ballotId: string) {
  return ok(await act(server, hall.presiderToken, ballotId, 'open'), [200]);
}

export async function close(server: TestServer, hall: Hall, ballotId: string) {
  return ok(await act(server, hall.presiderToken, ballotId, 'close'), [200]);
}

export async function publish(server: TestServer, hall: Hall, ballotId: string) {
  return ok(await act(server, hall.presiderToken, ballotId, 'publish'), [200]);
}

export async function cast(server: TestServer, token: string, ballotId: string, choices: unknown, key = submissionKey()) {
  const reply = await server.call('POST', `/api/ballots/${ballotId}/votes`, { token, json: { submissionKey: key, choices } });
  return { ...reply, key };
}

/** Asserts status and error code together, so a failure message shows both. */
export function expectError(reply: Reply, status: number, code: string) {
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual({ status, code });
}

export async function checkIn(server: TestServer, hall: Hall, token: string) {
  ok(await server.call('POST', `/api/sessions/${hall.sessionId}/checkin`, { token }), [200]);
}

/** Raw SQL through the server's own database handle, rows as plain objects on both drivers. */
export async function query<T = Record<string, unknown>>(server: TestServer, text: string): Promise<T[]> {
  return rowsOf<T>(await server.ctx.db.execute(sql.raw(text)));
}

/** A seeded generator, so a failing run can be replayed. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** per_candidate tally computed here, not by shared/counting: a left-out candidate counts as abstain. */
export function tallyPerCandidate(candidates: readonly string[], ballots: readonly Record<string, Vote>[]) {
  const out: Record<string, { yes: number; no: number; abstain: number }> = {};
  for (const c of candidates) out[c] = { yes: 0, no: 0, abstain: 0 };
  for (const b of ballots) for (const c of candidates) out[c][b[c] ?? 'abstain'] += 1;
  return out;
}

/** The counts of a selection result keyed by option id. */
export function countsOf(result: { options: { id: string; yes: number; no: number; abstain: number }[] }) {
  return Object.fromEntries(result.options.map((o) => [o.id, { yes: o.yes, no: o.no, abstain: o.abstain }]));
}

/** Expected state of the per_candidate choices as stored: every candidate present, left-out = abstain. */
export function normalised(candidates: readonly string[], choices: Record<string, Vote>): Record<string, Vote> {
  return Object.fromEntries(candidates.map((c) => [c, choices[c] ?? 'abstain']));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
