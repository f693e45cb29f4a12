// What the fuzzer knows of an endpoint, and the requests it builds.
import type { Arb, Field, ObjectSpec } from './fields.js';

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

export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** valid values for each path parameter */
  params?: Record<string, string[]>;
  /** tokens that may call it (for POST/PUT: with any valid-looking request they would succeed) */
  allowed: string[] | 'public';
  /** valid tokens that must be refused whatever the rest of the request */
  refused?: string[];
  /** request bodies: JSON object specs (variants), or CSV */
  json?: ObjectSpec[];
  csv?: boolean;
  query?: Record<string, Field>;
  /** requests the current state of the world must refuse (409, 403 …) */
  state?: Arb<{ params?: Record<string, string>; token: string; body?: unknown }>;
  /** no fault of the body kind applies (the body is ignored) */
  bodyless?: boolean;
}
