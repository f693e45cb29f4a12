// The typed way to call the API: a route's key, as server/api-types.ts names it ("GET /api/sessions/:id"),
// gives the method, the address (its path parameters filled in) and the answer's type, so the three come
// from one string and a change of the route on the server fails the client's type-check.
//
//   call('GET /api/sessions/:id', { id }, { token })   → Promise<Answer<'GET /api/sessions/:id'>>
//   call('GET /api/bodies')                            → Promise<Answer<'GET /api/bodies'>>
//
// Types only come from server/ (erased by the build); the request goes through request().
import type { ApiAnswers, ApiBodies, ApiQueries } from '../../../server/api-types';
import { queryString, request, type RequestOptions } from './request';

export type { Answer, ApiAnswers, ApiBodies, ApiQueries, Body as BodyOf } from '../../../server/api-types';

/** Every route of the API, `"<METHOD> /api<path>"`. */
export type ApiRoute = keyof ApiAnswers;

type PathOf<K> = K extends `${string} ${infer P}` ? P : never;
type NamesIn<P> = P extends `${string}:${infer N}/${infer Rest}` ? N | NamesIn<Rest> : P extends `${string}:${infer N}` ? N : never;
/** The path parameters a route's key names: `{ id: string }` for `GET /api/sessions/:id`. */
export type PathParams<K extends ApiRoute> = { [N in NamesIn<PathOf<K>>]: string };

/** A route's JSON body is what its schema takes in (required when it has one); its query likewise. */
export type CallOptions<K extends ApiRoute> = Pick<RequestOptions, 'token' | 'signal' | 'csv' | 'file'> & { query?: ApiQueries[K] } &
  (undefined extends ApiBodies[K] ? { body?: ApiBodies[K] } : { body: ApiBodies[K] });
type OptionsArg<K extends ApiRoute> = undefined extends ApiBodies[K] ? [opts?: CallOptions<K>] : [opts: CallOptions<K>];

/** With path parameters: `(params, options)`; without: `(options)`. Options may be left out unless a body is due. */
export type CallArgs<K extends ApiRoute> = [NamesIn<PathOf<K>>] extends [never] ? OptionsArg<K> : [params: PathParams<K>, ...OptionsArg<K>];

const fill = (key: string, params: Record<string, string> = {}) =>
  key.slice(key.indexOf(' ') + 1).replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]));

/** The address of a route with its parameters filled in (each encoded), for a link: `pathOf('GET /api/ballots/:id/box', { id })`. */
export function pathOf<K extends ApiRoute>(key: K, ...params: [NamesIn<PathOf<K>>] extends [never] ? [] : [PathParams<K>]): string {
  return fill(key, params[0]);
}

/** Calls a route and answers what the server's definition of it says it answers. */
export function call<K extends ApiRoute>(key: K, ...args: CallArgs<K>): Promise<ApiAnswers[K]> {
  const named = key.includes(':');
  const params = (named ? args[0] : undefined) as Record<string, string> | undefined;
  const { query, ...opts } = ((named ? args[1] : args[0]) ?? {}) as RequestOptions & { query?: object };
  const qs = query ? queryString(query) : '';
  const path = fill(key, params);
  return request<ApiAnswers[K]>(qs ? `${path}?${qs}` : path, { ...opts, method: key.slice(0, key.indexOf(' ')) as RequestOptions['method'] });
}
