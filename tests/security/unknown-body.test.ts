// Every read of a body's things (`GET …/bodies/:bodyId/…`) answers 404 for a body that does not exist, also to the
// deployment-wide administrator, who covers every body that does (an empty 200 would say "nothing here" of
// nothing). The fuzzer samples these; this walks all of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { apiRoutes } from '../../server/routes.js';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); }, 60_000);
afterAll(async () => { await server?.close(); });

describe('a body that does not exist', () => {
  it('every GET under /bodies/:bodyId answers 404 (or refuses its query) to the deployment administrator', async () => {
    const reads = apiRoutes.filter((d) => d.method === 'GET' && d.path.includes(':bodyId') && !d.path.includes(':', d.path.indexOf(':bodyId') + 1));
    expect(reads.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const d of reads) {
      // without a query string first; a read that needs one (422) is asked again with a year
      const base = `/api${d.path.replace(':bodyId', 'nosuchbody000000')}`;
      let reply = await server.call('GET', base, { token: server.adminToken });
      if (reply.status === 422) reply = await server.call('GET', `${base}?year=2027`, { token: server.adminToken });
      // 404, or a 422 for a query this read refuses before it looks for the body; never an answer about nothing
      if (reply.status !== 404 && !(reply.status === 422 && reply.body?.error?.code)) wrong.push(`${d.path} → ${reply.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
