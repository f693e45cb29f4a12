// Every route is defined once (method, path, roles, input schemas, error codes, what it does); that one
// definition guards the route, validates the request, feeds the role-matrix test and the fuzzer, and makes
// GET /api/openapi.json (http/openapi.ts). A route bound to a command takes the command's roles.
import type { Context, Hono, TypedResponse } from 'hono';
import type { ParamKeys } from 'hono/types';
import type { JSONParsed } from 'hono/utils/types';
import type { z } from 'zod';
import type { AppContext, AppEnv } from '../context.js';
import type { Command, Scope } from '../core/command.js';
import { callerOf, type ActorOf, type Caller, type Principal } from '../core/principal.js';
import { forbidden, notFound, unauthorized } from '../core/errors.js';
import { idPattern } from '../db/ids.js';
import { parseWith, readJson } from './json.js';
import { memberTokenCurrent, staleSignIn } from '../auth/member-tokens.js';

export type Method = 'GET' | 'POST' | 'PUT';
type Keys<P extends string> = ParamKeys<P> extends never ? string : ParamKeys<P> & string;

export interface Request<R extends Caller, P extends string, Q, B> {
  actor: ActorOf<R>;
  params: Record<Keys<P>, string>;
  query: Q;
  body: B;
  c: Context<AppEnv>;
  ctx: AppContext;
}

// QI and BI: what the query and body schemas take in (z.input), kept in the route's type for the client's calls.
interface Common<P extends string, Q, B, M extends Method = Method, QI = unknown, BI = unknown> {
  method: M;
  /** under /api, Hono's syntax: `/bodies/:bodyId/projects` */
  path: P;
  /** what it does, in a line (the API reference's words) */
  summary: string;
  /** path parameters that are not record ids (every other one must look like an id, else 404 not_found) */
  rawParams?: readonly Keys<P>[];
  query?: z.ZodType<Q, QI>;
  /** a JSON body, validated (wrong media type → 415, bad JSON or shape → 422) */
  body?: z.ZodType<B, BI>;
  /** a body the handler reads itself (the roster's CSV, a photo's bytes): its media types, for the document */
  rawBody?: readonly string[];
  /** 201 for a route that creates something (a handler may still answer otherwise with c.json) */
  status?: 200 | 201;
  /** the codes it may refuse with besides every route's (invalid_input, unauthorized, forbidden, not_found) */
  errors?: readonly string[];
  /** beyond API.md: the project's own extension (the API reference marks it) */
  extension?: boolean;
  /** the vote: a member's token generation is checked inside its own statement, not by the guard */
  memberTokenCheckedByStatement?: true;
}

export interface HandlerRoute<R extends Caller, P extends string, Q, B, O, M extends Method = Method, QI = unknown, BI = unknown> extends Common<P, Q, B, M, QI, BI> {
  roles: readonly R[];
  handler: (ctx: AppContext, req: Request<R, P, Q, B>) => Promise<O> | O;
}

export interface CommandRoute<R extends Caller, P extends string, Q, B, I, S extends Scope, O, A, M extends Method = Method, QI = unknown, BI = unknown> extends Common<P, Q, B, M, QI, BI> {
  command: Command<R, I, S, O>;
  /** the command's input from the request; may wait (a per-address limit first, a raw body read) */
  input: (req: Request<R, P, Q, B>) => I | Promise<I>;
  /** who the command acts as, when not the caller (a resident's rating stays a resident's whoever sends it) */
  actor?: (req: Request<R, P, Q, B>) => ActorOf<R>;
  /** what the route answers, when it is not the command's result as it is */
  answer?: (out: O, ctx: AppContext, req: Request<R, P, Q, B>) => Promise<A> | A;
}

/**
 * What a route answers, as the client receives it: a typed response's JSON (c.json, a cached page), else
 * the JSON of the value returned. A bare Response (a stream, bytes) has no JSON type.
 */
export type Answered<O> = O extends TypedResponse<infer T, infer _S, infer _F> ? T : O extends Response ? never : JSONParsed<O>;

/**
 * A route as the rest of the server sees it (roles resolved, one handler). Its method, path, answer and what
 * its query and body take in stay in its type: server/api-types.ts gives the client every route's from them.
 */
export interface RouteDef<O = unknown, M extends Method = Method, P extends string = string, QI = unknown, BI = unknown> extends Common<P, unknown, unknown, M, QI, BI> {
  roles: readonly Caller[];
  /** the command behind it, if any: its action and stage go into the document */
  command?: { action: string; stage: string };
  handler: (ctx: AppContext, req: Request<Caller, string, unknown, unknown>) => Promise<O> | O;
}

export function route<R extends Caller, const M extends Method, const P extends string, Q = undefined, B = undefined, O = unknown, QI = undefined, BI = undefined>(def: HandlerRoute<R, P, Q, B, O, M, QI, BI>): RouteDef<Answered<Awaited<O>>, M, P, QI, BI>;
export function route<R extends Caller, const M extends Method, const P extends string, Q, B, I, S extends Scope, O, A = O, QI = undefined, BI = undefined>(def: CommandRoute<R, P, Q, B, I, S, O, A, M, QI, BI>): RouteDef<Answered<Awaited<A>>, M, P, QI, BI>;
export function route(def: HandlerRoute<Caller, string, unknown, unknown, unknown> | CommandRoute<Caller, string, unknown, unknown, unknown, Scope, unknown, unknown>): RouteDef {
  if ('command' in def) {
    const { command, input, answer, actor, ...rest } = def;
    return {
      ...rest, roles: command.spec.roles, command: { action: command.spec.action, stage: command.spec.stage },
      handler: async (ctx, req) => {
        const out = await command(ctx, actor ? actor(req) : req.actor, await input(req));
        return answer ? answer(out, ctx, req) : out;
      },
    };
  }
  return def as RouteDef;
}

/** Refuses a caller the route does not name: 401 without a valid token, 403 for a role that may not. */
export function guard(p: Principal | null, roles: readonly Caller[]): void {
  if (callerOf(p, roles)) return;
  throw p ? forbidden() : unauthorized();
}

function pathParams(c: Context<AppEnv>, def: RouteDef, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = c.req.param(name) as string;
    if (!def.rawParams?.includes(name) && !idPattern.test(value)) throw notFound();
    out[name] = value;
  }
  return out;
}

/** Registers every definition on the API router (mounted at /api). */
export function mountRoutes(api: Hono<AppEnv>, ctx: AppContext, defs: readonly RouteDef[]): void {
  for (const def of defs) {
    const names = [...def.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    // Most reads come without a query string: what the schema makes of none is worked out once.
    const noQuery = def.query?.safeParse({});
    api.on(def.method, def.path, async (c) => {
      const actor = c.get('principal');
      guard(actor, def.roles);
      if (actor?.kind === 'member' && !def.memberTokenCheckedByStatement && !(await memberTokenCurrent(ctx.query, actor))) throw staleSignIn();
      const params = names.length ? pathParams(c, def, names) : {};
      const query = def.query
        ? c.req.url.includes('?') || !noQuery?.success ? parseWith(def.query, c.req.url.includes('?') ? c.req.query() : {}) : noQuery.data
        : undefined;
      const body = def.body ? await readJson(c, def.body) : undefined;
      const out = await def.handler(ctx, { actor, params, query, body, c, ctx });
      return out instanceof Response ? out : c.json(out as object, def.status ?? 200);
    });
  }
}
