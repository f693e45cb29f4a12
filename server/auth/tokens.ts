import { SignJWT, jwtVerify } from 'jose';
import type { Role } from '../../shared/types.js';

/** Who is calling. Staff, members and big screens hold different kinds of token that never stand in for each other. */
export type Principal =
  | { kind: 'staff'; userId: string; username: string; role: Role; bodyId: string | null }
  | { kind: 'member'; memberId: string; bodyId: string }
  | { kind: 'screen'; sessionId: string };

const issuer = 'minsheng';
const lifetimes = { staff: '12h', member: '24h', screen: '7d' } as const;

export async function issueToken(key: Uint8Array, p: Principal): Promise<string> {
  const claims: Record<string, unknown> = { knd: p.kind };
  let subject: string;
  if (p.kind === 'staff') {
    subject = p.userId;
    Object.assign(claims, { role: p.role, bod: p.bodyId, usr: p.username });
  } else if (p.kind === 'member') {
    subject = p.memberId;
    claims.bod = p.bodyId;
  } else {
    subject = p.sessionId;
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(issuer)
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(lifetimes[p.kind])
    .sign(key);
}

/** Returns the principal, or null for any token that is missing, tampered, expired or not ours. */
export async function readToken(key: Uint8Array, token: string): Promise<Principal | null> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer, algorithms: ['HS256'] });
    const sub = payload.sub;
    if (typeof sub !== 'string') return null;
    switch (payload.knd) {
      case 'staff':
        if (payload.role !== 'admin' && payload.role !== 'presider' && payload.role !== 'department') return null;
        return { kind: 'staff', userId: sub, role: payload.role, bodyId: (payload.bod as string | null) ?? null, username: String(payload.usr ?? '') };
      case 'member':
        return typeof payload.bod === 'string' ? { kind: 'member', memberId: sub, bodyId: payload.bod } : null;
      case 'screen':
        return { kind: 'screen', sessionId: sub };
      default:
        return null;
    }
  } catch {
    return null;
  }
}

export function expiryOf(kind: Principal['kind']): string {
  const ms = { staff: 12 * 3600e3, member: 24 * 3600e3, screen: 7 * 24 * 3600e3 }[kind];
  return new Date(Date.now() + ms).toISOString();
}
