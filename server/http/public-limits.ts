// Per-address limits on what the public may do without an account (API.md "Conventions"): submit
// suggestions, look things up, rate projects. Past a limit → 429 too_many_attempts.
import { DomainError } from '../core/errors.js';
import { limiter as storeLimiter, type LimitStore } from './limiter.js';

export interface PublicLimitOptions {
  /** anonymous suggestions per address per hour (env SUGGESTIONS_PER_HOUR, default 20) */
  suggestionsPerHour?: number;
  /** public look-ups (similar, tracking) per address per minute (env LOOKUPS_PER_MINUTE, default 120) */
  lookupsPerMinute?: number;
  /** public ratings of finished projects per address per hour (env RATINGS_PER_HOUR, default 30) */
  ratingsPerHour?: number;
}

export interface PublicLimits {
  suggestion(address: string): Promise<void>;
  lookup(address: string): Promise<void>;
  rating(address: string): Promise<void>;
}

let warned = 0;
const storeFailed = (err: Error) => {
  if (Date.now() - warned > 60_000) { warned = Date.now(); console.warn(`limits: the store failed (${err.message}); requests pass unlimited meanwhile`); }
};

const tooMany = () => new DomainError(429, 'too_many_attempts', '提交过于频繁，请稍后再试 / too many requests, try later');

function limiter(store: LimitStore, points: number, duration: number, keyPrefix: string) {
  const l = storeLimiter(store, { keyPrefix, points, duration });
  return async (address: string) => {
    try {
      await l.consume(address, 1);
    } catch (err) {
      // Over the limit the limiter answers its counts; an Error is its store (Redis) failing: let the request
      // through rather than refuse residents while Redis is away.
      if (err instanceof Error) { storeFailed(err); return; }
      throw tooMany();
    }
  };
}

const fromEnv = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export function createPublicLimits(opts: PublicLimitOptions = {}, store: LimitStore = null): PublicLimits {
  return {
    suggestion: limiter(store, opts.suggestionsPerHour ?? fromEnv('SUGGESTIONS_PER_HOUR', 20), 3600, 'sugg'),
    lookup: limiter(store, opts.lookupsPerMinute ?? fromEnv('LOOKUPS_PER_MINUTE', 120), 60, 'look'),
    rating: limiter(store, opts.ratingsPerHour ?? fromEnv('RATINGS_PER_HOUR', 30), 3600, 'rate'),
  };
}
