// The address a request came from, for the per-address limits (sign-in failures, public writes and look-ups).
// Behind N reverse proxies (TRUST_PROXY=N), each appending the address it saw to X-Forwarded-For, the client's
// address is the N-th entry from the right: entries further left were written by the client itself, and are
// never trusted (a client rotating them must not escape its limits).
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function clientAddress(c: Context, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const entries = (c.req.header('x-forwarded-for') ?? '').split(',').map((e) => e.trim()).filter(Boolean);
    const entry = entries[entries.length - trustedProxies];
    if (entry) return entry;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** TRUST_PROXY: how many reverse proxies stand in front of the server (`1` as before; unset or `0`: none). */
export function trustedProxiesFrom(value: string | undefined): number {
  if (!value) return 0;
  if (value === 'true') return 1;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}
