// Failed sign-in attempts are counted per client address, and per account AND address; past a limit → 429.
// Never per account alone: failures sent from other addresses must not refuse the right password from a new
// one (a stranger could otherwise lock the presider out before a session). With REDIS_URL the counts are
// shared by every server process (http/limiter.ts).
import { DomainError } from '../core/errors.js';
import { limiter, type LimitStore } from '../http/limiter.js';

/** `address`: where the attempts come from (a hall of tablets shares one); `account`: an account tried from one address. */
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
  /** Failures allowed per account from one address in `duration` (default 10). */
  accountPoints?: number;
  /** Sets both limits at once (tests). */
  points?: number;
  duration?: number;
}

export function createThrottle(opts: ThrottleOptions = {}, store: LimitStore = null): Throttle {
  const duration = opts.duration ?? 300;
  const limiters = {
    address: limiter(store, { keyPrefix: 'addr', points: opts.points ?? opts.addressPoints ?? 300, duration }),
    account: limiter(store, { keyPrefix: 'acct', points: opts.points ?? opts.accountPoints ?? 10, duration }),
  };
  return {
    async check(keys) {
      for (const { kind, key } of keys) {
        const l = limiters[kind];
        const res = await l.get(key).catch(() => null);
        if (res && res.consumedPoints >= l.points) throw tooMany();
      }
    },
    async fail(keys) {
      await Promise.all(keys.map(({ kind, key }) => limiters[kind].penalty(key, 1).catch(() => undefined)));
    },
    async reset(keys) {
      await Promise.all(keys.map(({ kind, key }) => limiters[kind].delete(key).catch(() => undefined)));
    },
  };
}
