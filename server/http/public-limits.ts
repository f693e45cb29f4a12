// Per-address limits on what the public may do without an account (API.md "Conventions"): submit
// suggestions, look things up, rate projects. Past a limit → 429 too_many_attempts.
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DomainError } from '../core/errors.js';

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

const tooMany = () => new DomainError(429, 'too_many_attempts', '提交过于频繁，请稍后再试 / too many requests, try later');

function limiter(points: number, duration: number, keyPrefix: string) {
  const l = new RateLimiterMemory({ keyPrefix, points, duration });
  return async (address: string) => {
    try {
      await l.consume(address, 1);
    } catch {
      throw tooMany();
    }
  };
}

const fromEnv = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export function createPublicLimits(opts: PublicLimitOptions = {}): PublicLimits {
  return {
    suggestion: limiter(opts.suggestionsPerHour ?? fromEnv('SUGGESTIONS_PER_HOUR', 20), 3600, 'sugg'),
    lookup: limiter(opts.lookupsPerMinute ?? fromEnv('LOOKUPS_PER_MINUTE', 120), 60, 'look'),
    rating: limiter(opts.ratingsPerHour ?? fromEnv('RATINGS_PER_HOUR', 30), 3600, 'rate'),
  };
}
