import { createHmac, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { Principal } from '../core/principal.js';

export type { Principal };

const issuer = 'minsheng';
/** How long each kind of token lives (seconds); one claiming to live longer, or carrying no `exp`, is refused. */
const lifetimeSeconds = { staff: 12 * 3600, member: 24 * 3600, screen: 7 * 24 * 3600 } as const;

export async function issueToken(key: Uint8Array, p: Principal): Promise<string> {
  const claims: Record<string, unknown> = { knd: p.kind };
  let subject: string;
  if (p.kind === 'staff') {
    subject = p.userId;
    Object.assign(claims, { role: p.role, bod: p.bodyId, usr: p.username });
  } else if (p.kind === 'member') {
    subject = p.memberId;
    claims.bod = p.bodyId;
    claims.gen = p.gen;
  } else {
    subject = p.sessionId;
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(issuer)
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds[p.kind]}s`)
    .sign(key);
}

/**
 * Checks a token of exactly the shape issueToken produces — header {"alg":"HS256","typ":"JWT"}, a
 * canonical HMAC-SHA256 signature, numeric exp (and iat) — with node:crypto, synchronously. jose
 * verifies HS256 through WebCrypto, which imports the key and hops to the thread pool on every
 * call (~0.3 ms of CPU per request, the second largest cost of a vote). Returns undefined for any
 * other shape, which then goes to jose, the reference; a token refused here is refused by jose too
 * (bad signature, expired, not ours).
 */
function fastVerify(key: Uint8Array, token: string): JWTPayload | null | undefined {
  const dot1 = token.indexOf('.');
  const dot2 = token.indexOf('.', dot1 + 1);
  if (dot1 <= 0 || dot2 <= dot1 + 1 || token.indexOf('.', dot2 + 1) !== -1) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(token.slice(0, dot1), 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const h = header as Record<string, unknown> | null;
  if (!h || typeof h !== 'object' || Object.keys(h).length !== 2 || h.alg !== 'HS256' || h.typ !== 'JWT') return undefined;
  const expected = Buffer.from(createHmac('sha256', key).update(token.slice(0, dot2)).digest('base64url'));
  const given = Buffer.from(token.slice(dot2 + 1));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(token.slice(dot1 + 1, dot2), 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const p = payload as JWTPayload | null;
  if (!p || typeof p !== 'object' || Array.isArray(p)) return null;
  if (typeof p.exp !== 'number' || (p.iat !== undefined && typeof p.iat !== 'number') || p.nbf !== undefined) return undefined;
  if (p.iss !== issuer || p.exp <= Math.floor(Date.now() / 1000)) return null;
  return p;
}

// A tablet sends the same token with every request of a sitting: a token verified once is remembered
// (per signing key, until it expires), so the vote does not pay for the HMAC again. Only a cache: a
// restart or another process simply verifies again.
const verifiedByKey = new WeakMap<Uint8Array, Map<string, { principal: Principal; expiresAt: number }>>();
const maxRemembered = 20_000;

/** Returns the principal, or null for any token that is missing, tampered, expired or not ours. */
export async function readToken(key: Uint8Array, token: string): Promise<Principal | null> {
  let verified = verifiedByKey.get(key);
  if (!verified) verifiedByKey.set(key, (verified = new Map()));
  const hit = verified.get(token);
  if (hit) {
    if (hit.expiresAt > Date.now()) return hit.principal;
    verified.delete(token);
  }
  const read = await verifyToken(key, token);
  if (read && read.expiresAt > 0) {
    if (verified.size >= maxRemembered) verified.clear();
    verified.set(token, read);
  }
  return read?.principal ?? null;
}

/** expiresAt 0: valid, but without an expiry to remember it by (never issued by us; jose accepted it). */
async function verifyToken(key: Uint8Array, token: string): Promise<{ principal: Principal; expiresAt: number } | null> {
  try {
    let payload = fastVerify(key, token);
    if (payload === undefined) payload = (await jwtVerify(token, key, { issuer, algorithms: ['HS256'], requiredClaims: ['exp'] })).payload;
    if (payload === null) return null;
    const principal = principalOf(payload);
    return principal ? { principal, expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : 0 } : null;
  } catch {
    return null;
  }
}

function principalOf(payload: JWTPayload): Principal | null {
  const sub = payload.sub;
  if (typeof sub !== 'string' || typeof payload.exp !== 'number') return null;
  // Never longer than its kind lives, counted from when it says it was issued (or from now, without `iat`).
  const kind = payload.knd as keyof typeof lifetimeSeconds;
  const from = typeof payload.iat === 'number' ? payload.iat : Math.floor(Date.now() / 1000);
  if (!(kind in lifetimeSeconds) || payload.exp - from > lifetimeSeconds[kind] || payload.exp - Math.floor(Date.now() / 1000) > lifetimeSeconds[kind]) return null;
  switch (payload.knd) {
    case 'staff':
      if (payload.role !== 'admin' && payload.role !== 'presider' && payload.role !== 'department') return null;
      return Object.freeze({ kind: 'staff', userId: sub, role: payload.role, bodyId: (payload.bod as string | null) ?? null, username: String(payload.usr ?? '') });
    case 'member':
      // A token of a release before generations carries none: generation 0, every member's first.
      return typeof payload.bod === 'string' ? Object.freeze({ kind: 'member', memberId: sub, bodyId: payload.bod, gen: typeof payload.gen === 'number' ? payload.gen : 0 }) : null;
    case 'screen':
      return Object.freeze({ kind: 'screen', sessionId: sub });
    default:
      return null;
  }
}

export function expiryOf(kind: Principal['kind']): string {
  return new Date(Date.now() + lifetimeSeconds[kind] * 1000).toISOString();
}
