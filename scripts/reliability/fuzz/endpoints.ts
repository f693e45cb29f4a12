// The endpoints the fuzzer walks: exactly the API routes (server/routes.ts `apiRoutes`), each completed from
// its definition — who may call it (its roles, as the world's tokens), its JSON body and query string (from
// its zod schemas, schema.ts) — and from its hand specs where there are any (specs-*.ts: the world's real ids,
// the requests its state must refuse, fewer callers in one situation, bodies that know the world).
import { apiRoutes } from '../../../server/routes.js';
import type { Caller } from '../../../server/core/principal.js';
import type { RouteDef } from '../../../server/http/route.js';
import type { World } from './world.js';
import type { Endpoint, EndpointSpec } from './types.js';
import { derivedInputs } from './schema.js';
import { voteStageSpecs } from './specs-vote.js';
import { collectionSpecs } from './specs-collection.js';
import { screeningSpecs } from './specs-screening.js';
import { implementationSpecs, portalSpecs } from './specs-implementation.js';
import { supervisionSpecs } from './specs-supervision.js';
import { hearingSpecs } from './specs-hearings.js';

const key = (method: string, path: string) => `${method} ${path}`;

/** Every hand spec, by route. */
export function handSpecs(w: World): EndpointSpec[] {
  return [...voteStageSpecs(w), ...collectionSpecs(w), ...screeningSpecs(w), ...implementationSpecs(w), ...portalSpecs(w), ...supervisionSpecs(w), ...hearingSpecs(w)];
}

/** The world's tokens per caller of a definition: B's staff and members, S1's screen. */
export function tokensOf(w: World, caller: Exclude<Caller, 'public'>): string[] {
  const T = w.tokens;
  return { admin: [T.root, T.adminB], presider: [T.presiderB], department: [T.deptB], member: T.members, screen: [T.screenS1] }[caller];
}
export const allTokens = (w: World) => [w.tokens.root, w.tokens.adminB, w.tokens.presiderB, w.tokens.deptB, w.tokens.adminO, w.tokens.screenS1, ...w.tokens.members];

function callers(w: World, def: RouteDef, spec: EndpointSpec): { allowed: string[] | 'public'; refused: string[] } {
  const name = key(spec.method, spec.path);
  if (def.roles.includes('public')) {
    if (spec.narrow || spec.otherBody) throw new Error(`${name}: a public route has no callers to narrow`);
    // A big screen's token is refused wherever the route does not name `screen`, public pages included.
    return { allowed: 'public', refused: def.roles.includes('screen') ? [] : [w.tokens.screenS1] };
  }
  const derived = def.roles.flatMap((r) => tokensOf(w, r as Exclude<Caller, 'public'>));
  if (spec.otherBody !== undefined) {
    if (!def.roles.includes('admin') || !spec.otherBody.trim()) throw new Error(`${name}: otherBody needs the admin role and a reason`);
    derived.push(w.tokens.adminO);
  }
  let allowed = derived;
  const refused = allTokens(w).filter((t) => !derived.includes(t));
  if (spec.narrow) {
    const { allowed: only, refused: also = [], why } = spec.narrow;
    if (!why.trim()) throw new Error(`${name}: a narrowing without its reason`);
    if ([...only, ...also].some((t) => !derived.includes(t))) throw new Error(`${name}: narrowed to a token its roles (${def.roles.join(', ')}) do not let in`);
    allowed = only;
    refused.push(...also);
  }
  return { allowed, refused };
}

/** Path parameters nobody wrote down: the world's record of the kind the segment before the parameter names. */
function defaultParams(w: World, path: string, isPublic: boolean): Record<string, string[]> {
  const I = w.ids;
  const kinds: Record<string, string[]> = {
    bodies: isPublic ? [I.bodyB, I.bodyO] : [I.bodyB], members: I.members.slice(0, 3), sessions: [I.sessions.S1], ballots: [I.ballots.O1],
    projects: [I.selected], suggestions: [I.suggestions.Q1], 'candidate-lists': [I.screening.L1], files: I.files, ratings: [I.portal.rating], notices: [I.screening.N1], referrals: [I.referrals.R1 || '0000000000000000'], hearings: [I.hearings.H1],
  };
  const out: Record<string, string[]> = {};
  for (const [, segment, name] of path.matchAll(/\/([^/]+)\/:([A-Za-z]+)/g)) out[name] = kinds[segment] ?? ['0000000000000000'];
  return out;
}

export function endpoints(w: World, routes: readonly RouteDef[] = apiRoutes, specs: readonly EndpointSpec[] = handSpecs(w)): Endpoint[] {
  const byRoute = new Map<string, EndpointSpec[]>();
  for (const spec of specs) byRoute.set(key(spec.method, spec.path), [...(byRoute.get(key(spec.method, spec.path)) ?? []), spec]);
  const defined = new Set(routes.map((d) => key(d.method, `/api${d.path}`)));
  const stray = [...byRoute.keys()].filter((k) => !defined.has(k));
  if (stray.length) throw new Error(`fuzz specs for what is no API route: ${stray.join(', ')}`);
  return routes.flatMap((def) => {
    const path = `/api${def.path}`;
    const derived = derivedInputs(def);
    return (byRoute.get(key(def.method, path)) ?? [{ method: def.method, path }]).map((spec): Endpoint => {
      if (spec.json && !def.body) throw new Error(`${key(def.method, path)}: a JSON spec for a route that takes no JSON body`);
      const names = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort().join();
      if (spec.params && Object.keys(spec.params).sort().join() !== names) throw new Error(`${key(def.method, path)}: parameters ${Object.keys(spec.params).join(', ')}, not ${names}`);
      const { allowed, refused } = callers(w, def, spec);
      return {
        method: def.method, path, params: spec.params ?? defaultParams(w, path, allowed === 'public'), allowed, refused,
        json: spec.json ?? (derived.body ? [derived.body] : undefined),
        csv: def.rawBody?.includes('text/csv'),
        query: derived.query,
        state: spec.state,
        derived: { body: !spec.json && !!derived.body, query: !!derived.query },
      };
    });
  });
}
