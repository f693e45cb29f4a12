// What the fuzzer knows of an endpoint, and the requests it builds.
import type { Arb, ObjectSpec } from './fields.js';

export type Expect = 'refuse' | 'any';

export interface FuzzRequest {
  endpoint: string;
  fault: string;
  expect: Expect;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
}

type StateRequest = { params?: Record<string, string>; token: string; body?: unknown };

/**
 * What a route's definition cannot say, written by hand for one situation of it: the world's real ids, the
 * requests its state must refuse, input specs that know the world (else they come from the route's schema),
 * and fewer callers than its roles let in. Several specs may describe one route (e.g. a vote per ballot).
 */
export interface EndpointSpec {
  method: 'GET' | 'POST' | 'PUT';
  /** as registered: `/api/…` with `:name` parameters */
  path: string;
  /** valid values for each path parameter (default: the world's record of the kind the segment before names) */
  params?: Record<string, string[]>;
  /**
   * Fewer callers than the route's roles give: only `allowed` (of those) may call it here; `refused` (of
   * those too) are refused whatever the rest of the request; the others are not used.
   */
  narrow?: { allowed: string[]; refused?: string[]; why: string };
  /** the route acts on no body's things: the admin of another body may call it too (its roles name `admin`) */
  otherBody?: string;
  /** JSON body variants that know the world (default: derived from the route's body schema) */
  json?: ObjectSpec[];
  /** requests the current state of the world must refuse (409, 403 …) */
  state?: Arb<StateRequest>;
}

/** An endpoint as the requests are built from it: its definition with its spec. */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  params: Record<string, string[]>;
  /** tokens that may call it (for POST/PUT: with any valid-looking request they would succeed) */
  allowed: string[] | 'public';
  /** valid tokens that must be refused whatever the rest of the request */
  refused: string[];
  /** request bodies: JSON object specs (variants), or CSV */
  json?: ObjectSpec[];
  csv?: boolean;
  /** the query string, derived from the route's query schema */
  query?: ObjectSpec;
  state?: Arb<StateRequest>;
  /** which inputs come from the route's schemas rather than a hand spec */
  derived: { body: boolean; query: boolean };
}
