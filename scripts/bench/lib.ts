// Small, cheap building blocks for the benchmark: child processes, a kept-alive HTTP client,
// a fixed-concurrency burst, /proc readings and statistics.
import http from 'node:http';
import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Milliseconds on CLOCK_MONOTONIC: the same clock in every process, so times taken by the hall process and the load client compare. */
export const now = () => Number(process.hrtime.bigint()) / 1e6;

// ---------------------------------------------------------------- child processes

export interface Child {
  proc: ChildProcess;
  pid: number;
  url: string;
  /** Everything the child printed (last ~200 lines), for error reports. */
  log: string[];
  stop(): Promise<void>;
}

/** Starts `node [nodeArgs] --import tsx <script>` (one process, so its pid is the server's) and waits for its `listening on` line. */
export async function startChild(script: string, env: Record<string, string | undefined>, nodeArgs: string[] = [], timeoutMs = 30_000): Promise<Child> {
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line) log.push(line);
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within ${timeoutMs} ms:\n${log.join('\n')}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      keep(chunk);
      const m = /listening on (http:\/\/[^\s]+)/.exec(log.join('\n'));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', keep);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${log.join('\n')}`));
    });
  });
  proc.stdout!.removeAllListeners('data');
  proc.stdout!.on('data', keep);
  return {
    proc, pid: proc.pid!, url, log,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
      if (!done) {
        proc.kill('SIGKILL');
        await exited;
      }
    },
  };
}

// ---------------------------------------------------------------- /proc

const clockTicks = 100; // USER_HZ on Linux

/** utime + stime of a process, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime is field 14, stime field 15.
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/**
 * CPU seconds of the PostgreSQL processes that work for one database: its backends, plus the WAL
 * writer, checkpointer and background writer (shared by all databases). Backends of other databases
 * (other people's tests on the same server) and short-lived autovacuum workers are left out.
 */
export function postgresCpuSeconds(database: string): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const title = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!title.includes(` ${database} `) && !/walwriter|wal writer|checkpointer|background writer/.test(title)) continue;
      total += cpuSeconds(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** CPU seconds the whole machine spent busy (all cores), from /proc/stat. */
export function machineBusySeconds(): number {
  const [, ...f] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = f.map(Number);
  return (user + nice + system + irq + softirq + steal) / clockTicks;
}

/** This process's CPU seconds (the load client). */
export function selfCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Peak resident set size (VmHWM) in MB. */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmHWM:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

// ---------------------------------------------------------------- HTTP

export interface Reply { status: number; text: string; headers?: http.IncomingHttpHeaders }

/** A kept-alive connection pool (node:http Agent): the load client never opens thousands of connections. */
export class HttpClient {
  readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets: number) {
    const u = new URL(baseUrl);
    this.host = u.hostname;
    this.port = Number(u.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, keepAliveMsecs: 30_000 });
  }

  request(method: string, path: string, headers: Record<string, string | number> = {}, body?: Buffer | string): Promise<Reply> {
    return this.send(method, path, headers, body, true);
  }

  /** Status only: the body is read and dropped, not decoded (as wrk and autocannon do), so a load client
   *  measuring large pages spends its CPU on the exchange, not on turning 250 KB into a string. */
  async status(method: string, path: string, headers: Record<string, string | number> = {}, body?: Buffer | string): Promise<number> {
    return (await this.send(method, path, headers, body, false)).status;
  }

  private send(method: string, path: string, headers: Record<string, string | number>, body: Buffer | string | undefined, keepBody: boolean): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => { if (keepBody) chunks.push(c); });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        res.on('error', reject);
      });
      req.on('error', reject);
      if (body !== undefined) req.end(body);
      else req.end();
    });
  }

  /** JSON call for setup; throws on an unexpected status. */
  async json<T = any>(method: string, path: string, opts: { token?: string; json?: unknown; expect?: number[] } = {}): Promise<T> {
    const headers: Record<string, string | number> = {};
    let body: Buffer | undefined;
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.json !== undefined) {
      body = Buffer.from(JSON.stringify(opts.json));
      headers['content-type'] = 'application/json';
      headers['content-length'] = body.length;
    }
    const reply = await this.request(method, path, headers, body);
    const expect = opts.expect ?? [200, 201];
    if (!expect.includes(reply.status)) throw new Error(`${method} ${path} → ${reply.status}: ${reply.text.slice(0, 500)}`);
    return (reply.text ? JSON.parse(reply.text) : null) as T;
  }

  close() {
    this.agent.destroy();
  }
}

/** Runs fn(0..n-1) with at most `concurrency` in flight. */
export async function pool(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}

export interface PreparedRequest { method: string; path: string; headers: Record<string, string | number>; body?: Buffer }

export interface BurstResult {
  n: number;
  /** ms from the moment every request was queued (t0) to its answer: client-side queueing included */
  latencies: Float64Array;
  statuses: Int32Array;
  bodies: string[];
  elapsedMs: number;
  /** now() of the first queueing and of the last answer */
  t0: number;
  lastAck: number;
  perSecond: number;
}

/** All requests are queued at t0; `concurrency` workers on kept-alive connections drain the queue. */
export async function burst(client: HttpClient, requests: PreparedRequest[], concurrency: number, keepBodies = false): Promise<BurstResult> {
  const n = requests.length;
  const latencies = new Float64Array(n);
  const statuses = new Int32Array(n);
  const bodies: string[] = keepBodies ? new Array(n) : [];
  let lastAck = 0;
  const t0 = now();
  await pool(n, concurrency, async (i) => {
    const r = requests[i];
    let reply: Reply;
    try {
      reply = await client.request(r.method, r.path, r.headers, r.body);
    } catch (err) {
      reply = { status: -1, text: String(err) };
    }
    const t = now();
    latencies[i] = t - t0;
    statuses[i] = reply.status;
    if (keepBodies || reply.status >= 300 || reply.status < 0) bodies[i] = reply.text;
    if (t > lastAck) lastAck = t;
  });
  const elapsedMs = lastAck - t0;
  return { n, latencies, statuses, bodies, elapsedMs, t0, lastAck, perSecond: (n / elapsedMs) * 1000 };
}

/** Requests for a fixed time, `concurrency` in flight: for read throughput. */
export async function timed(client: HttpClient, make: (i: number) => PreparedRequest, concurrency: number, durationMs: number) {
  let count = 0;
  let bad = 0;
  const statuses = new Map<number, number>();
  const t0 = now();
  const end = t0 + durationMs;
  const worker = async () => {
    while (now() < end) {
      const r = make(count);
      const status = await client.status(r.method, r.path, r.headers, r.body);
      count++;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 400) bad++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = now() - t0;
  return { count, bad, statuses, perSecond: (count / elapsed) * 1000 };
}

// ---------------------------------------------------------------- statistics

export function percentile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
