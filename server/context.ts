// What every route, service and command may use, created once per server process (server.ts), and the
// context a command runs in (core/command.ts). One file, because each refers to the other.
import type { Db, RawQuery, Tx } from './db/connect.js';
import type { Secrets } from './secrets.js';
import type { Throttle } from './auth/throttle.js';
import type { PublicLimits } from './http/public-limits.js';
import type { Principal } from './core/principal.js';
import type { EventBus, DomainEvents, EventName } from './core/events.js';
import type { AuditDraft } from './audit/log.js';

/** The hall's live channel as the rest of the server sees it (live/hub.ts implements it). */
export interface LiveUpdates {
  /** something of this session (and ballot) changed: a coalesced frame follows; `vote` marks a cast ballot */
  touch(sessionId: string, ballotId?: string, kind?: 'change' | 'vote'): void;
  currentVersion(): Promise<number>;
  /** a member's code was regenerated: their sockets, signed in with the old one, are closed (on every process) */
  disconnectMember(memberId: string): void;
}

export interface AppContext {
  db: Db;
  /** Prepared statements for the hot path (the vote); see db/connect.ts. */
  query: RawQuery;
  driver: 'pglite' | 'postgres';
  secrets: Secrets;
  live: LiveUpdates;
  throttle: Throttle;
  /** per-address limits on anonymous suggestions and look-ups */
  publicLimits: PublicLimits;
  /** TRUST_PROXY: reverse proxies in front, whose X-Forwarded-For entries are trusted (http/address.ts) */
  trustedProxies: number;
  /** the stages' subscriptions to each other's events (server/wiring.ts) */
  events: EventBus<CommandContext>;
  /**
   * What time it is for the year's rules: today in Asia/Shanghai for execution, overdue reports and the dates
   * people type. The real clock; a test runs the server on a fixed day instead (ServerOptions.now).
   */
  now: () => Date;
  /**
   * Where residents open the site (PUBLIC_URL, e.g. https://minsheng.example.gov.cn): the links in notices to
   * people and on printed QR codes. Without it, the address the server listens on.
   */
  publicUrl: string;
  /** sends the notices to people waiting in the outbox (server/outbox/sender.ts); `wake` after writing one */
  outbox: { wake(): void };
}

export type AppEnv = { Variables: { principal: Principal | null } };

/** What a command needs done once its transaction has committed. */
export type Effect =
  /** something public pages show changed (staff): pages are made again, on every process */
  | { kind: 'public' }
  /** residents' counts moved (a suggestion, a rating): pages catch up within a second */
  | { kind: 'residents' }
  /** a session's live state changed: the hub sends a coalesced frame */
  | { kind: 'live'; sessionId: string; ballotId?: string }
  /** anything else that must wait for the commit (the outbox's sender) */
  | { kind: 'after'; name: string; run: (ctx: AppContext) => Promise<void> };

export interface CommandContext<A = Principal | null> {
  ctx: AppContext;
  tx: Tx;
  actor: A;
  /** one more audit entry, written with the command's own (a request that changes several things) */
  audit(entry: AuditDraft): void;
  /** tells the stages that subscribed (server/wiring.ts), in this transaction */
  emit<K extends EventName>(name: K, event: DomainEvents[K]): Promise<void>;
  /** one more effect after commit */
  after(effect: Effect): void;
}
