// Residents' writes (suggestions, ratings) take at most a few database connections at a time: a flood of
// them queues here, in this process, instead of taking the pool and the event loop from a vote in the hall
// (QUALITY.md "public flood"). Nothing is refused for it; the per-address limits still answer 429 first.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';

const publicWrite = [/^\/api\/bodies\/[^/]+\/suggestions$/, /^\/api\/public\/projects\/[^/]+\/ratings$/];

export function publicWriteQueue(inFlight: number): MiddlewareHandler<AppEnv> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (c, next) => {
    // Staff and representatives are not part of a flood; only anonymous writes wait their turn.
    if (c.req.method !== 'POST' || c.get('principal') || !publicWrite.some((re) => re.test(c.req.path))) return next();
    if (running >= inFlight) await new Promise<void>((go) => waiting.push(go));
    running++;
    try {
      await next();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
