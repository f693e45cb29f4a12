// The hand specs of the collection stage: the world's ids and the requests its state must refuse.
import fc from 'fast-check';
import type { World } from './world.js';
import type { EndpointSpec } from './types.js';
import { array, bool, enumOf, idField, int, nonString, text, validText, type Field, type ObjectSpec } from './fields.js';

/** The collection stage: windows, stations, suggestions, the inbox (API.md "Collection and screening"). */
export function collectionSpecs(w: World): EndpointSpec[] {
  const T = w.tokens;
  const I = w.ids;
  const Q = I.suggestions;
  const adminsB = [T.root, T.adminB];
  const instant = (value: string): Field => ({ valid: fc.constant(value), invalid: fc.oneof(fc.constantFrom('2091-13-01T00:00:00+08:00', '2091-01-01T00:00:00', 'tomorrow', '2091-01-01', ''), nonString, fc.constant(null)) });
  const windowSpec: ObjectSpec = { fields: { year: int(2000, 2100), opensAt: instant('2091-01-01T00:00:00+08:00'), closesAt: instant('2091-02-01T00:00:00+08:00') },
    alsoInvalid: fc.constant({ year: 2091, opensAt: '2091-02-01T00:00:00+08:00', closesAt: '2091-01-01T00:00:00+08:00' }) };
  const categoriesShown = ['教育', '交通出行', '养老服务', '其他'];
  const suggestionSpec: ObjectSpec = { fields: {
    title: text(100), description: text(2000), category: enumOf(categoriesShown), area: text(100, { optional: true, nullable: true }),
    channel: enumOf(['web', 'station', 'rep_code'], { optional: true }), stationId: idField(I.stations, { optional: true, nullable: true, checked: true }), contact: text(100, { optional: true, nullable: true }),
    repId: idField(I.members, { optional: true, nullable: true, checked: true }), notify: bool({ optional: true }),
  }, valid: fc.tuple(validText(100), validText(2000), fc.constantFrom(...categoriesShown)).map(([title, description, category]) => ({ title, description, category })) };
  const ids = (valid: string[]) => array(idField(valid, { checked: true }), 1, 500, { unique: true });
  return [
    { method: 'POST', path: '/api/bodies/:bodyId/collection', params: { bodyId: [I.bodyB] }, json: [windowSpec],
      state: fc.constantFrom(...adminsB).map((token) => ({ params: { bodyId: I.bodyB }, token, body: { year: 2027, opensAt: new Date(Date.now() - 3_600_000).toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString() } })) },
    // Anyone may suggest while the window is open: every request the fuzzer sends here is malformed.
    { method: 'POST', path: '/api/bodies/:bodyId/suggestions', params: { bodyId: [I.bodyB] }, json: [suggestionSpec],
      state: fc.constantFrom('rep', 'department').map((channel) => ({ params: { bodyId: I.bodyB }, token: '', body: { title: '建议', description: '说明', category: '其他', channel } })) },
    { method: 'GET', path: '/api/me/suggestions', otherBody: 'what the caller sent' },
    // 代表码: Q1 was sent to no representative, so no member may answer it; the stations' rosters take B's members
    { method: 'POST', path: '/api/suggestions/:id/reply', params: { id: [Q.Q1] },
      state: fc.constantFrom(...T.members).map((token) => ({ params: { id: Q.Q1 }, token, body: { text: '已收到' } })) },
    { method: 'PUT', path: '/api/stations/:id/duty', params: { id: I.stations } },
    { method: 'GET', path: '/api/suggestions/:code', params: { code: I.trackingCodes } },
    { method: 'GET', path: '/api/suggestions/:id/similar', params: { id: [Q.Q1, Q.Q2] } },
    { method: 'POST', path: '/api/suggestions/:id/merge', params: { id: [Q.Q1] }, json: [{ fields: { into: idField([Q.Q2], { checked: true }) } }],
      state: fc.tuple(fc.constantFrom(...adminsB), fc.constantFrom([Q.Q3, Q.Q2], [Q.Q1, Q.Q1], [Q.Q1, Q.Q3])).map(([token, [id, into]]) => ({ params: { id }, token, body: { into } })) },
    { method: 'POST', path: '/api/bodies/:bodyId/suggestions/merge', params: { bodyId: [I.bodyB] },
      json: [{ fields: { into: idField([Q.Q2], { checked: true }), ids: ids([Q.Q1]) } }] },
    // Q3 is merged; no department of B is called 县交通局 (a typo must not misroute a referral: 422)
    { method: 'PUT', path: '/api/suggestions/:id/status', params: { id: [Q.Q1] },
      state: fc.tuple(fc.constantFrom(...adminsB), fc.constantFrom({ id: Q.Q3, body: { status: 'referred', reason: '转交' } }, { id: Q.Q1, body: { status: 'referred', reason: '转交', department: '县交通局' } }))
        .map(([token, { id, body }]) => ({ params: { id }, token, body })) },
    // 交办: R1 is open, not answered: a return call is refused (409 referral_not_answered)
    ...(I.referrals.R1 ? [
      { method: 'POST' as const, path: '/api/referrals/:id/answer', params: { id: [I.referrals.R1] } },
      { method: 'POST' as const, path: '/api/referrals/:id/visit', params: { id: [I.referrals.R1] },
        state: fc.constantFrom(...adminsB).map((token) => ({ params: { id: I.referrals.R1 }, token, body: { date: '2027-08-20', satisfied: true, note: '回访' } })) },
    ] : []),
    { method: 'POST', path: '/api/bodies/:bodyId/suggestions/status', params: { bodyId: [I.bodyB] },
      json: [{ fields: { ids: ids([Q.Q1]), status: enumOf(['not_adopted', 'referred']), reason: text(500) } }] },
  ];
}
