// How busy the PostgreSQL pool is, for /metrics. postgres.js keeps its queues to itself, so this counts at
// its two doors: a statement handed to the pool (until it answers) and a transaction (until it ends).
// Demand beyond the pool's size is what waits (or is pipelined behind another statement).
import type { Sql } from 'postgres';

export interface PoolGauge { size: number; inUse(): number; waiting(): number }

export function countPoolDemand(client: Sql, size: number): PoolGauge {
  let demand = 0;
  const done = () => { demand--; };
  const unsafe = client.unsafe.bind(client);
  (client as { unsafe: unknown }).unsafe = (...args: Parameters<Sql['unsafe']>) => {
    const q = unsafe(...args) as unknown as { handler: (q: unknown) => unknown; resolve: (x: unknown) => void; reject: (x: unknown) => void };
    // a transaction's own `begin` statement (postgres.js passes onexecute with it) is counted with the transaction
    if ((args[2] as { onexecute?: unknown } | undefined)?.onexecute) return q as never;
    // Counted when it goes to the pool (a query is lazy until awaited) and uncounted once, when it settles.
    const handler = q.handler;
    q.handler = (query: unknown) => {
      demand++;
      const resolve = q.resolve;
      const reject = q.reject;
      let open = true;
      const settle = () => { if (open) { open = false; done(); } };
      q.resolve = (x) => { settle(); resolve(x); };
      q.reject = (x) => { settle(); reject(x); };
      return handler(query);
    };
    return q as never;
  };
  const begin = client.begin.bind(client) as (...a: unknown[]) => Promise<unknown>;
  (client as { begin: unknown }).begin = (...args: unknown[]) => {
    demand++;
    return begin(...args).finally(done);
  };
  return { size, inUse: () => Math.min(demand, size), waiting: () => Math.max(0, demand - size) };
}
