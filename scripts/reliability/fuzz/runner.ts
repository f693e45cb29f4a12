// Running the requests and checking every answer; dumping the database before and after.
import fc from 'fast-check';
import http from 'node:http';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../server/db/connect.js';
import { rowsOf } from '../../../server/db/connect.js';
import type { Arb } from './fields.js';
import type { FuzzRequest } from './types.js';

export interface FuzzFailure { request: string; status: number | string; answer: string; why: string }

export interface FuzzReport {
  requests: number;
  seconds: number;
  byStatus: Map<number, number>;
  byFault: Map<string, number>;
  byEndpoint: Map<string, number>;
  codes: Map<string, number>;
  failures: FuzzFailure[];
}

export function describeRequest(r: FuzzRequest): string {
  const raw = r.body ? Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength) : null;
  const body = !raw ? '' : raw.length <= 600 ? raw.toString('utf8') : `${raw.subarray(0, 300).toString('utf8')}…${raw.subarray(raw.length - 200).toString('utf8')}`;
  const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${v.length > 80 ? `${v.slice(0, 80)}…` : v}`).join('; ');
  return `[${r.fault}] ${r.method} ${r.path.length > 200 ? `${r.path.slice(0, 200)}…` : r.path} {${headers}} ${body}${raw && raw.length > 600 ? ` (${raw.length} bytes)` : ''}`;
}

/** Sends one request with node:http (raw header bytes, any method, any body), over a keep-alive agent. */
export function sendOne(base: string, r: FuzzRequest, agent: http.Agent): Promise<{ status: number; text: string; type: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    let answered = false;
    const headers: Record<string, string> = { ...r.headers };
    if (r.body) headers['content-length'] = String(r.body.length);
    const req = http.request({ host: u.hostname, port: u.port, method: r.method, path: r.path, headers, agent, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        answered = true;
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), type: String(res.headers['content-type'] ?? '') });
      });
      res.on('error', (e) => { if (!answered) reject(e); });
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 60 s')));
    // Once answered, a refused upload may be cut short by the server: that is not a failure.
    req.on('error', (e) => { if (!answered) reject(e); });
    req.end(r.body ? Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength) : undefined);
  });
}

/** What every answer must be; returns why not, or null. */
export function judge(r: FuzzRequest, a: { status: number; text: string; type: string }): string | null {
  if (a.status >= 500) return `answered ${a.status}`;
  if (r.expect === 'refuse' && a.status < 400) return `malformed request accepted with ${a.status}`;
  if (a.status >= 400) {
    let body: any;
    try { body = JSON.parse(a.text); } catch { return `refusal ${a.status} is not JSON`; }
    const e = body?.error;
    if (!e || typeof e.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(e.code) || typeof e.message !== 'string' || !e.message) return `refusal ${a.status} without {error: {code, message}}`;
    if (a.text.length > 64_000) return `refusal of ${a.text.length} bytes (echoes the input)`;
  }
  return null;
}

export async function runFuzz(opts: {
  base: string; arbitrary: Arb<FuzzRequest>; count: number; seed: number; concurrency?: number; batch?: number;
  onProgress?: (done: number, report: FuzzReport) => void;
}): Promise<FuzzReport> {
  const started = Date.now();
  const report: FuzzReport = { requests: 0, seconds: 0, byStatus: new Map(), byFault: new Map(), byEndpoint: new Map(), codes: new Map(), failures: [] };
  const inc = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  const batch = opts.batch ?? 1000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency ?? 8 });
  for (let done = 0, round = 0; done < opts.count; round++) {
    const n = Math.min(batch, opts.count - done);
    const reqs = fc.sample(opts.arbitrary, { numRuns: n, seed: opts.seed + round });
    let next = 0;
    await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, async () => {
      while (next < reqs.length) {
        const r = reqs[next++];
        inc(report.byFault, r.fault);
        inc(report.byEndpoint, r.endpoint);
        let a: { status: number; text: string; type: string };
        try {
          a = await sendOne(opts.base, r, agent);
        } catch (err) {
          report.failures.push({ request: describeRequest(r), status: 'network error', answer: String((err as Error).cause ?? err), why: 'no answer' });
          continue;
        }
        inc(report.byStatus, a.status);
        if (a.status >= 400) {
          try { inc(report.codes, `${a.status} ${JSON.parse(a.text).error.code}`); } catch { inc(report.codes, `${a.status} (no code)`); }
        }
        const why = judge(r, a);
        if (why && report.failures.length < 200) report.failures.push({ request: describeRequest(r), status: a.status, answer: a.text.slice(0, 300), why });
      }
    }));
    done += n;
    report.requests = done;
    report.seconds = (Date.now() - started) / 1000;
    opts.onProgress?.(done, report);
  }
  agent.destroy();
  return report;
}

/** Every table's rows (and every sequence's position), hashed: equal dumps mean no change of state. */
export async function dumpState(db: Db): Promise<Record<string, string>> {
  const tables = rowsOf<{ s: string; t: string }>(await db.execute(sql`
    select table_schema as s, table_name as t from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`));
  const out: Record<string, string> = {};
  for (const { s, t } of tables) {
    const q = `select count(*)::text as n, coalesce(md5(string_agg(x::text, E'\\n' order by x::text)), '') as h from "${s}"."${t}" x`;
    const [row] = rowsOf<{ n: string; h: string }>(await db.execute(sql.raw(q)));
    out[`${s}.${t}`] = `${row.n} rows ${row.h}`;
  }
  const seqs = rowsOf<{ s: string; n: string }>(await db.execute(sql`select schemaname || '.' || sequencename as s, coalesce(last_value, 0)::text as n from pg_sequences order by 1`));
  for (const { s, n } of seqs) out[`sequence ${s}`] = n;
  return out;
}

export function diffStates(a: Record<string, string>, b: Record<string, string>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => a[k] !== b[k]).map((k) => `${k}: ${a[k] ?? '(none)'} → ${b[k] ?? '(none)'}`);
}

export function formatReport(r: FuzzReport): string {
  const top = (m: Map<string | number, number>, n = 50) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n).map(([k, v]) => `    ${String(v).padStart(7)}  ${k}`).join('\n');
  return [
    `requests: ${r.requests} in ${r.seconds.toFixed(1)} s (${(r.requests / Math.max(r.seconds, 0.001)).toFixed(0)}/s)`,
    `answers by status:\n${top(r.byStatus as Map<string | number, number>)}`,
    `refusal codes:\n${top(r.codes)}`,
    `faults:\n${top(r.byFault)}`,
    `endpoints (${r.byEndpoint.size}):\n${top(r.byEndpoint, 100)}`,
    `failures: ${r.failures.length}`,
    ...r.failures.slice(0, 20).map((f) => `  - ${f.why}: ${f.request}\n      → ${f.status} ${f.answer}`),
  ].join('\n');
}
