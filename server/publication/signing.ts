// Published results are signed (EdDSA), so anyone can check a copy with the public key alone.
import { CompactSign } from 'jose';
import type { Secrets } from '../secrets.js';

const cache = new Map<string, string>();

/** The payload is exactly the result object; a published result never changes, so its JWS is kept. */
export async function signResult(secrets: Secrets, ballotId: string, result: unknown): Promise<string> {
  const hit = cache.get(ballotId);
  if (hit) return hit;
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(result)))
    .setProtectedHeader({ alg: 'EdDSA', kid: secrets.publicJwk.kid, typ: 'minsheng-result+json' })
    .sign(secrets.signingKey);
  cache.set(ballotId, jws);
  return jws;
}

/** A notice (公告) never changes once made: signed like a result, its payload exactly the notice object. */
export async function signNotice(secrets: Secrets, notice: { id: string }): Promise<string> {
  const key = `notice:${notice.id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(notice)))
    .setProtectedHeader({ alg: 'EdDSA', kid: secrets.publicJwk.kid, typ: 'minsheng-notice+json' })
    .sign(secrets.signingKey);
  cache.set(key, jws);
  return jws;
}
