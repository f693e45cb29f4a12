import fc from 'fast-check';
import type { World } from './world.js';
import type { Endpoint } from './types.js';
import { array, enumOf, idField, int, nonString, text, validText, type Field, type ObjectSpec } from './fields.js';

/** The collection stage: windows, stations, suggestions, the inbox (API.md "Collection and screening"). */
export function collectionEndpoints(w: World, g: { staffB: string[]; adminsB: string[]; notStaff: string[] }): Endpoint[] {
  const T = w.tokens;
  const I = w.ids;
  const Q = I.suggestions;
  const onlyAdmins = [T.presiderB, T.deptB, T.adminO, ...g.notStaff];
  const instant = (value: string): Field => ({ valid: fc.constant(value), invalid: fc.oneof(fc.constantFrom('2091-13-01T00:00:00+08:00', '2091-01-01T00:00:00', 'tomorrow', '2091-01-01', ''), nonString, fc.constant(null)) });
  const windowSpec: ObjectSpec = { fields: { year: int(2000, 2100), opensAt: instant('2091-01-01T00:00:00+08:00'), closesAt: instant('2091-02-01T00:00:00+08:00') },
    alsoInvalid: fc.constant({ year: 2091, opensAt: '2091-02-01T00:00:00+08:00', closesAt: '2091-01-01T00:00:00+08:00' }) };
  const categoriesShown = ['教育', '交通出行', '养老服务', '其他'];
  const suggestionSpec: ObjectSpec = { fields: {
    title: text(100), description: text(2000), category: enumOf(categoriesShown), area: text(100, { optional: true, nullable: true }),
    channel: enumOf(['web', 'station'], { optional: true }), stationId: idField(I.stations, { optional: true, nullable: true, checked: true }), contact: text(100, { optional: true, nullable: true }),
  }, valid: fc.tuple(validText(100), validText(2000), fc.constantFrom(...categoriesShown)).map(([title, description, category]) => ({ title, description, category })) };
  const ids = (valid: string[]) => array(idField(valid, { checked: true }), 1, 500, { unique: true });
  const statusFields = { status: enumOf(['not_adopted', 'referred']), reason: text(500) };
  const inboxQuery = { year: int(2000, 2100, { optional: true }), q: text(100, { optional: true }) };
  return [
    { method: 'POST', path: '/api/bodies/:bodyId/collection', params: { bodyId: [I.bodyB] }, allowed: g.adminsB, refused: onlyAdmins, json: [windowSpec],
      state: fc.constantFrom(...g.adminsB).map((token) => ({ params: { bodyId: I.bodyB }, token, body: { year: 2027, opensAt: new Date(Date.now() - 3_600_000).toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString() } })) },
    { method: 'GET', path: '/api/bodies/:bodyId/collection', params: { bodyId: [I.bodyB] }, allowed: g.staffB, refused: [T.deptB, T.adminO, ...g.notStaff] },
    { method: 'GET', path: '/api/public/bodies/:bodyId/collection', params: { bodyId: [I.bodyB, I.bodyO] }, allowed: 'public', query: { year: int(2000, 2100, { optional: true }) } },
    { method: 'POST', path: '/api/bodies/:bodyId/stations', params: { bodyId: [I.bodyB] }, allowed: g.adminsB, refused: onlyAdmins,
      json: [{ fields: { name: text(100), address: text(200, { optional: true, nullable: true }) } }] },
    { method: 'GET', path: '/api/public/bodies/:bodyId/stations', params: { bodyId: [I.bodyB, I.bodyO] }, allowed: 'public' },
    // Anyone may suggest while the window is open: every request the fuzzer sends here is malformed.
    { method: 'POST', path: '/api/bodies/:bodyId/suggestions', params: { bodyId: [I.bodyB] }, allowed: 'public', json: [suggestionSpec],
      state: fc.constantFrom('rep', 'department').map((channel) => ({ params: { bodyId: I.bodyB }, token: '', body: { title: '建议', description: '说明', category: '其他', channel } })) },
    { method: 'GET', path: '/api/public/bodies/:bodyId/similar', params: { bodyId: [I.bodyB, I.bodyO] }, allowed: 'public', query: { text: text(200) } },
    { method: 'GET', path: '/api/me/suggestions', allowed: [...g.staffB, T.deptB, T.adminO, ...g.notStaff] },
    { method: 'GET', path: '/api/suggestions/:code', params: { code: I.trackingCodes }, allowed: 'public' },
    { method: 'GET', path: '/api/bodies/:bodyId/suggestions', params: { bodyId: [I.bodyB] }, allowed: g.adminsB, refused: onlyAdmins, query: inboxQuery },
    { method: 'GET', path: '/api/suggestions/:id/similar', params: { id: [Q.Q1, Q.Q2] }, allowed: g.adminsB, refused: onlyAdmins },
    { method: 'POST', path: '/api/suggestions/:id/merge', params: { id: [Q.Q1] }, allowed: g.adminsB, refused: onlyAdmins, json: [{ fields: { into: idField([Q.Q2], { checked: true }) } }],
      state: fc.tuple(fc.constantFrom(...g.adminsB), fc.constantFrom([Q.Q3, Q.Q2], [Q.Q1, Q.Q1], [Q.Q1, Q.Q3])).map(([token, [id, into]]) => ({ params: { id }, token, body: { into } })) },
    { method: 'POST', path: '/api/bodies/:bodyId/suggestions/merge', params: { bodyId: [I.bodyB] }, allowed: g.adminsB, refused: onlyAdmins,
      json: [{ fields: { into: idField([Q.Q2], { checked: true }), ids: ids([Q.Q1]) } }] },
    { method: 'PUT', path: '/api/suggestions/:id/status', params: { id: [Q.Q1] }, allowed: g.adminsB, refused: onlyAdmins, json: [{ fields: statusFields }],
      state: fc.constantFrom(...g.adminsB).map((token) => ({ params: { id: Q.Q3 }, token, body: { status: 'referred', reason: '转交' } })) },
    { method: 'POST', path: '/api/bodies/:bodyId/suggestions/status', params: { bodyId: [I.bodyB] }, allowed: g.adminsB, refused: onlyAdmins,
      json: [{ fields: { ids: ids([Q.Q1]), ...statusFields } }] },
  ];
}
