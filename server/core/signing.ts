// Published results and notices are signed (EdDSA), so anyone can check a copy with the public key alone.
import { CompactSign } from 'jose';
import type { Secrets } from '../secrets.js';

const cache = new Map<string, string>();

/** A published record never changes, so its JWS (payload: exactly the object) is made once and kept. */
async function signOnce(secrets: Secrets, key: string, typ: string, payload: unknown): Promise<string> {
  const hit = cache.get(key);
  if (hit) return hit;
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: secrets.publicJwk.kid, typ })
    .sign(secrets.signingKey);
  cache.set(key, jws);
  return jws;
}

export const signResult = (secrets: Secrets, ballotId: string, result: unknown) => signOnce(secrets, ballotId, 'minsheng-result+json', result);

/** A notice (公告): signed like a result, its payload exactly the notice object. */
export const signNotice = (secrets: Secrets, notice: { id: string }) => signOnce(secrets, `notice:${notice.id}`, 'minsheng-notice+json', notice);
