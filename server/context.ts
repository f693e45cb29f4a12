import type { Db, RawQuery } from './db/connect.js';
import type { Secrets } from './secrets.js';
import type { LiveHub } from './live/hub.js';
import type { Throttle } from './auth/throttle.js';
import type { PublicLimits } from './http/public-limits.js';
import type { Principal } from './core/principal.js';
import type { EventBus } from './core/events.js';
import type { CommandContext } from './core/command.js';

/** What every route and service may use; created once per server process. */
export interface AppContext {
  db: Db;
  /** Prepared statements for the hot path (the vote); see db/connect.ts. */
  query: RawQuery;
  driver: 'pglite' | 'postgres';
  secrets: Secrets;
  live: LiveHub;
  throttle: Throttle;
  /** per-address limits on anonymous suggestions and look-ups */
  publicLimits: PublicLimits;
  trustProxy: boolean;
  /** the stages' subscriptions to each other's events (server/wiring.ts) */
  events: EventBus<CommandContext>;
}

export type AppEnv = { Variables: { principal: Principal | null; /** TEMPORARY: the request matched a route definition */ defined?: boolean } };
