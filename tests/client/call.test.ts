// call() and pathOf() (client/src/api/call.ts): the address, method, body and query a route's key makes, and
// the types that tie a call to the server's definition of the route (checked by tsc; the @ts-expect-error
// lines fail the type-check if the mistake they make were ever accepted).
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { call, pathOf, type Answer, type SessionDetail } from '../../client/src/api';

const sent: { url: string; init: RequestInit }[] = [];
function answering(json: unknown) {
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(JSON.stringify(json), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
}
afterEach(() => {
  sent.length = 0;
  vi.unstubAllGlobals();
});

describe('call', () => {
  it('fills and encodes the path parameters, takes the method from the key and leaves empty query values out', async () => {
    answering({ year: 2027, total: 0, offset: 0, limit: 50, items: [], facets: {} });
    await call('GET /api/bodies/:bodyId/suggestions', { bodyId: 'a b/c' }, { token: 't', query: { q: '路 灯', status: undefined, offset: 0, limit: 50 } });
    expect(sent[0].url).toBe('/api/bodies/a%20b%2Fc/suggestions?q=%E8%B7%AF+%E7%81%AF&offset=0&limit=50');
    expect(sent[0].init.method).toBe('GET');
    expect((sent[0].init.headers as Record<string, string>).Authorization).toBe('Bearer t');
  });

  it('sends the body as JSON with the route\'s method', async () => {
    answering({ memberId: 'm1', present: false, note: '请假' });
    const r = await call('PUT /api/sessions/:id/attendance/:memberId', { id: 's1', memberId: 'm1' }, { token: 't', body: { present: false, note: '请假' } });
    expect(sent[0].url).toBe('/api/sessions/s1/attendance/m1');
    expect(sent[0].init.method).toBe('PUT');
    expect(JSON.parse(String(sent[0].init.body))).toEqual({ present: false, note: '请假' });
    expect(r.note).toBe('请假');
  });

  it('a route without parameters takes its options first', async () => {
    answering([]);
    await call('GET /api/bodies');
    await call('POST /api/auth/member-login', { body: { code: 'ABCD-EFGH' } });
    expect(sent.map((s) => [s.init.method, s.url])).toEqual([['GET', '/api/bodies'], ['POST', '/api/auth/member-login']]);
  });

  it('answers the type the server\'s route definition gives', () => {
    expectTypeOf<Awaited<ReturnType<typeof call<'GET /api/sessions/:id'>>>>().toEqualTypeOf<SessionDetail>();
    expectTypeOf<Answer<'POST /api/sessions/:id/checkin'>>().toEqualTypeOf<{ present: true }>();
  });

  it('refuses at compile time what the route does not take', () => {
    const never = () => {
      // @ts-expect-error a parameter the path does not name
      void call('GET /api/sessions/:id', { sessionId: 's1' });
      // @ts-expect-error a route that does not exist
      void call('GET /api/sessions/:id/nothing', { id: 's1' });
      // @ts-expect-error a body the route's schema does not take
      void call('POST /api/ballots/:id/cancel', { id: 'b1' }, { body: { why: 'x' } });
      // @ts-expect-error a route with a body must be given one
      void call('POST /api/ballots/:id/cancel', { id: 'b1' });
      // @ts-expect-error a route without a body takes none
      void call('POST /api/sessions/:id/checkin', { id: 's1' }, { body: {} });
    };
    expect(typeof never).toBe('function');
  });
});

describe('pathOf', () => {
  it('makes a link from a route key', () => {
    expect(pathOf('GET /api/ballots/:id/box', { id: 'b1' })).toBe('/api/ballots/b1/box');
    expect(pathOf('GET /api/public/keys')).toBe('/api/public/keys');
  });
});
