// Verifies published ballots the way a member would: the box, the signed result and the keys downloaded
// from the public routes, then the independent verifier (scripts/verify-lib.ts) over them.
import type { TestServer } from './server.js';
import { verifyBox, type VerifyReport } from '../../scripts/verify-lib.js';

export async function verifyPublished(server: TestServer, ballotIds: string[]): Promise<Map<string, VerifyReport>> {
  const keys = await server.call('GET', '/api/public/keys');
  if (keys.status !== 200) throw new Error(`keys: ${keys.status}`);
  const out = new Map<string, VerifyReport>();
  for (const id of ballotIds) {
    const box = await server.call('GET', `/api/ballots/${id}/box`);
    const jws = await server.call('GET', `/api/ballots/${id}/result.jws`);
    const result = await server.call('GET', `/api/ballots/${id}/result`);
    if (box.status !== 200 || jws.status !== 200 || result.status !== 200) throw new Error(`ballot ${id}: box ${box.status}, jws ${jws.status}, result ${result.status}`);
    const text = typeof jws.body === 'string' ? jws.body : String(jws.body);
    out.set(id, await verifyBox(box.body, { jws: text, jwks: keys.body, result: result.body }));
  }
  return out;
}

/** The checks that failed, for a readable assertion message. */
export const failures = (reports: Map<string, VerifyReport>) =>
  [...reports].flatMap(([id, r]) => r.checks.filter((c) => !c.ok).map((c) => `${id} ${c.id}: ${c.detail ?? ''}`));
