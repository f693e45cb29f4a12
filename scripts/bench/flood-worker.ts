// The flood's sender, a process of its own (forked by flood.ts, driven over IPC): 20,000 requests and
// their answers would otherwise share the vote client's event loop and slow the votes it sends, which
// would measure the client rather than the server.
import { randomBytes } from 'node:crypto';
import { HttpClient, now, pool } from './lib.js';

export interface FloodJob { url: string; bodyId: string; ratingsPath: string | null; requests: number; addresses: number; connections: number }
export interface FloodReply { statuses: [number, number][]; ms: number }

const json = (x: unknown) => {
  const body = Buffer.from(JSON.stringify(x));
  return { body, headers: { 'content-type': 'application/json', 'content-length': body.length } };
};

process.on('message', async (job: FloodJob) => {
  const client = new HttpClient(job.url, job.connections);
  const statuses = new Map<number, number>();
  const t0 = now();
  // From `addresses` addresses in turn (X-Forwarded-For; the server trusts its proxy): suggestions, and ratings alternating when they exist.
  await pool(job.requests, job.connections, async (i) => {
    const a = i % job.addresses;
    const address = `198.18.${Math.floor(a / 250)}.${(a % 250) + 1}`;
    const rating = job.ratingsPath && i % 2 === 1;
    const { body, headers } = rating
      ? json({ grade: ['satisfied', 'basic', 'unsatisfied'][i % 3], deviceKey: randomBytes(18).toString('base64url'), ...(i % 5 === 0 ? { comment: '希望继续做好后续维护' } : {}) })
      : json({ title: `洪峰测试建议 ${i}：小区门口路灯不亮`, description: '晚上出行不便，希望尽快维修。', category: '城乡建设' });
    let status: number;
    try {
      status = (await client.request('POST', rating ? job.ratingsPath! : `/api/bodies/${job.bodyId}/suggestions`, { ...headers, 'x-forwarded-for': address }, body)).status;
    } catch {
      status = -1;
    }
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const reply: FloodReply = { statuses: [...statuses].sort((x, y) => x[0] - y[0]), ms: now() - t0 };
  client.close();
  process.send!(reply, () => process.exit(0));
});
