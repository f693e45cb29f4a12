// Failed sign-in attempts are counted per client address and per account; past the limit → 429.
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError } from '../http/errors.js';

export interface Throttle {
  /** Throws 429 when the key is already over its limit. */
  check(keys: string[]): Promise<void>;
  fail(keys: string[]): Promise<void>;
  reset(keys: string[]): Promise<void>;
}

const tooMany = () => new DomainError(429, 'too_many_attempts', '尝试次数过多，请稍后再试 / too many attempts, try later');

export function createThrottle(opts: { points?: number; duration?: number; limiter?: RateLimiterAbstract } = {}): Throttle {
  // A hall of tablets shares one address: the per-address budget is generous, the per-account one is not.
  const limiter = opts.limiter ?? new RateLimiterMemory({ points: opts.points ?? 30, duration: opts.duration ?? 300 });
  return {
    async check(keys) {
      for (const key of keys) {
        const res = await limiter.get(key);
        if (res && res.consumedPoints >= limiter.points) throw tooMany();
      }
    },
    async fail(keys) {
      await Promise.all(keys.map((k) => limiter.penalty(k, 1)));
    },
    async reset(keys) {
      await Promise.all(keys.map((k) => limiter.delete(k)));
    },
  };
}
