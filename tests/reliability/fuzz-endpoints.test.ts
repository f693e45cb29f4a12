// The fuzzer's callers come from the route definitions (scripts/reliability/fuzz/endpoints.ts): per route,
// the world's tokens of its roles may call it and every other token is refused; a hand spec may narrow that
// (never widen it), and a spec for no route, or beyond a route's roles, stops the fuzzer before it starts.
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/routes.js';
import { allTokens, endpoints, tokensOf } from '../../scripts/reliability/fuzz/endpoints.js';
import type { World } from '../../scripts/reliability/fuzz/world.js';
import type { Caller } from '../../server/core/principal.js';

/** A world of made-up ids and tokens: enough to build the endpoint list without a server. */
const ids = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}`);
const world: World = {
  tokens: { root: 'root', adminB: 'adminB', presiderB: 'presiderB', deptB: 'deptB', adminO: 'adminO', screenS1: 'screenS1', members: ids('m', 12) },
  forged: [{ name: 'x', header: 'Bearer x' }],
  ids: {
    bodyB: 'bodyb', bodyO: 'bodyo', users: ids('u', 5), members: ids('mem', 12), projects: ids('p', 4),
    sessions: { S1: 's1', S2: 's2', S3: 's3', S4: 's4', S5: 's5' },
    ballots: { D1: 'd1', O1: 'o1', X1: 'x1', C2: 'c2', P2: 'p2', O2: 'o2', O3: 'o3', O4: 'o4' },
    stations: ['st0'], files: ['f0'], selected: 'sel', portal: { done: 'done', rating: 'r0', ratingKey: 'k'.repeat(32) },
    suggestions: { Q1: 'q1', Q2: 'q2', Q3: 'q3' }, trackingCodes: ['T0'], screening: { P5: 'p5', P6: 'p6', L1: 'l1', L2: 'l2', N1: 'n1' }, referrals: { R1: 'r1' }, hearings: { H1: 'h1', H5: 'h5' },
  },
  usernames: ['someone'],
  codes: ['ABCDEFGH'],
};

describe('the fuzzer\'s endpoints from the route definitions', () => {
  const list = endpoints(world);

  it('lets in exactly the tokens of a route\'s roles, less where a spec narrows, and refuses the others', () => {
    const wrong: string[] = [];
    for (const e of list) {
      const def = apiRoutes.find((d) => d.method === e.method && `/api${d.path}` === e.path)!;
      if (def.roles.includes('public')) {
        const refused = def.roles.includes('screen') ? [] : [world.tokens.screenS1];
        if (e.allowed !== 'public' || e.refused.join() !== refused.join()) wrong.push(`${e.method} ${e.path}: public, the big screen ${refused.length ? 'refused' : 'let in'}`);
        continue;
      }
      const mayBe = new Set([...def.roles.flatMap((r) => tokensOf(world, r as Exclude<Caller, 'public'>)), ...(def.roles.includes('admin') ? ['adminO'] : [])]);
      const allowed = e.allowed as string[];
      for (const t of allowed) if (!mayBe.has(t)) wrong.push(`${e.method} ${e.path}: lets ${t} in`);
      for (const t of allTokens(world)) if (!mayBe.has(t) && !e.refused.includes(t)) wrong.push(`${e.method} ${e.path}: does not refuse ${t}`);
      for (const t of e.refused) if (allowed.includes(t)) wrong.push(`${e.method} ${e.path}: both lets in and refuses ${t}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a spec for no route, a narrowing beyond the roles, the admin of another body where the roles do not name admin', () => {
    const spec = (s: object) => () => endpoints(world, apiRoutes, [{ method: 'GET', path: '/api/me/projects', ...s }]);
    expect(() => endpoints(world, apiRoutes, [{ method: 'GET', path: '/api/nowhere' }])).toThrow(/no API route/);
    expect(spec({ narrow: { allowed: ['presiderB'], why: 'a presider is no member' } })).toThrow(/do not let in/);
    expect(spec({ narrow: { allowed: ['m0'], why: '' } })).toThrow(/reason/);
    expect(spec({ otherBody: 'members only' })).toThrow(/admin role/);
    expect(spec({ params: { id: ['x'] } })).toThrow(/parameters/);
    expect(spec({ narrow: { allowed: ['m0'], refused: ['m1'], why: 'only m0 here' } })().find((e) => e.path === '/api/me/projects')).toMatchObject({ allowed: ['m0'] });
  });
});
