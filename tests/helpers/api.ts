// A small API client, as an outside client speaks to the server: plain fetch, like a tablet, against a base URL
// that may change (a restarted server gets a new port). The tests use it, and so do the tools that drive a server
// from outside (the fuzzer, the chaos and soak runs, the benches).
import { randomBytes } from 'node:crypto';

export interface Answer<T = any> { status: number; body: T; text: string; headers: Headers }

export interface CallOptions {
  token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string>;
  /** 60 s when not given; 0: no limit of its own (the caller's test timeout applies) */
  timeoutMs?: number;
}

export class Api {
  constructor(public base: string, public adminToken = '') {}

  async call<T = any>(method: string, path: string, o: CallOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body = o.body;
    if (o.json !== undefined) {
      body = JSON.stringify(o.json);
      headers['content-type'] ??= 'application/json';
    }
    const timeoutMs = o.timeoutMs ?? 60_000;
    const res = await fetch(this.base + path, { method, headers, body, signal: timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, body: parsed as T, text, headers: res.headers };
  }

  async ok<T = any>(method: string, path: string, o: CallOptions = {}): Promise<T> {
    const r = await this.call<T>(method, path, o);
    if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path} → ${r.status} ${r.text.slice(0, 300)}`);
    return r.body;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 32 characters of [A-Za-z0-9_-], like the tablet's fresh key per ballot. */
export function submissionKey(): string {
  return randomBytes(24).toString('base64url');
}

/** Runs `fn` over `items` with at most `limit` at a time. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return out;
}

export interface RetryStats { networkErrors: number; unavailable: number; statuses: Map<number, number>; badRefusals: string[] }

export const newRetryStats = (): RetryStats => ({ networkErrors: 0, unavailable: 0, statuses: new Map(), badRefusals: [] });

/**
 * Sends one request again and again until the server answers something other than "cannot now"
 * (a network error or 503): what a tablet does with an unacknowledged submission. Every answer is
 * checked: a refusal must carry `{error: {code, message}}`, and 500 is never acceptable.
 */
export async function untilAnswered<T = any>(
  api: () => Api, method: string, path: string, o: CallOptions, stats: RetryStats, opts: { deadlineMs?: number; pauseMs?: number } = {},
): Promise<Answer<T>> {
  const deadline = Date.now() + (opts.deadlineMs ?? 180_000);
  for (let attempt = 0; ; attempt++) {
    let answer: Answer<T> | null = null;
    try {
      answer = await api().call<T>(method, path, { timeoutMs: 30_000, ...o });
    } catch {
      stats.networkErrors++;
    }
    if (answer) {
      stats.statuses.set(answer.status, (stats.statuses.get(answer.status) ?? 0) + 1);
      if (answer.status >= 400) {
        const e = (answer.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
        if (!e || typeof e.code !== 'string' || typeof e.message !== 'string') stats.badRefusals.push(`${method} ${path} → ${answer.status} without an error code: ${answer.text.slice(0, 200)}`);
      }
      if (answer.status === 503) stats.unavailable++;
      else return answer;
    }
    if (Date.now() > deadline) throw new Error(`${method} ${path}: no answer within ${opts.deadlineMs ?? 180_000} ms`);
    await sleep(Math.min(1000, (opts.pauseMs ?? 50) * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random()));
  }
}
