// One limiter shape for every per-address and per-account limit (sign-in failures, public writes, look-ups):
// in this process's memory for a single server (the embedded database), in Redis when the deployment has
// REDIS_URL — then every server process counts against the same limits, and a restart resets nothing.
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** The connected node-redis client limits are kept in, when the deployment has one. */
export type LimitStore = { client: unknown } | null;

export function limiter(store: LimitStore, opts: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract {
  return store
    ? new RateLimiterRedis({ storeClient: store.client, useRedisPackage: true, ...opts, keyPrefix: `minsheng:${opts.keyPrefix}` })
    : new RateLimiterMemory(opts);
}
