// Failed sign-in attempts are counted per client address and per account; past the limit → 429.
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DomainError } from '../core/errors.js';

/** `address`: where the attempts come from (a hall of tablets shares one); `account`: what they try to open. */
export type ThrottleKey = { kind: 'address' | 'account'; key: string };

export interface Throttle {
  /** Throws 429 when any key is already over its limit. */
  check(keys: ThrottleKey[]): Promise<void>;
  fail(keys: ThrottleKey[]): Promise<void>;
  reset(keys: ThrottleKey[]): Promise<void>;
}

const tooMany = () => new DomainError(429, 'too_many_attempts', '尝试次数过多，请稍后再试 / too many attempts, try later');

export interface ThrottleOptions {
  /** Failures allowed per address in `duration` (default 300: a whole hall mistyping codes must not lock it out). */
  addressPoints?: number;
  /** Failures allowed per account in `duration` (default 10). */
  accountPoints?: number;
  /** Sets both limits at once (tests). */
  points?: number;
  duration?: number;
}

export function createThrottle(opts: ThrottleOptions = {}): Throttle {
  const duration = opts.duration ?? 300;
  const limiters = {
    address: new RateLimiterMemory({ keyPrefix: 'addr', points: opts.points ?? opts.addressPoints ?? 300, duration }),
    account: new RateLimiterMemory({ keyPrefix: 'acct', points: opts.points ?? opts.accountPoints ?? 10, duration }),
  };
  return {
    async check(keys) {
      for (const { kind, key } of keys) {
        const limiter = limiters[kind];
        const res = await limiter.get(key);
        if (res && res.consumedPoints >= limiter.points) throw tooMany();
      }
    },
    async fail(keys) {
      await Promise.all(keys.map(({ kind, key }) => limiters[kind].penalty(key, 1)));
    },
    async reset(keys) {
      await Promise.all(keys.map(({ kind, key }) => limiters[kind].delete(key)));
    },
  };
}
