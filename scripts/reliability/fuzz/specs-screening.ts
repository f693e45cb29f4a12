// The hand specs of the screening stage: project edits, assessments, the checklist, candidate lists, notices
// (API.md "Collection and screening"): the world's ids and the requests its state must refuse.
import fc from 'fast-check';
import type { World } from './world.js';
import type { EndpointSpec } from './types.js';
import { array, bool, enumOf, idField, int, nonString, num, text, type Field, type ObjectSpec } from './fields.js';

export function screeningSpecs(w: World): EndpointSpec[] {
  const T = w.tokens;
  const I = w.ids;
  const X = I.screening;
  const adminsB = [T.root, T.adminB];
  const staffB = [...adminsB, T.presiderB];
  const draft = I.projects[0];
  const date: Field = { valid: fc.constantFrom('2027-12-31', '2028-02-29'), invalid: fc.oneof(fc.constantFrom('2027-02-30', '2027-1-5', 'tomorrow', '', '2027-13-01', '2027-12-31T00:00:00Z'), nonString, fc.constant(null)) };
  const optional = (f: Field): Field => ({ ...f, optional: true });
  const assessment: ObjectSpec = { fields: {
    feasible: bool(), reason: text(2000), investment: num(0, 1e9), fundingSource: text(200, { optional: true, nullable: true }), completionDate: date,
    targets: array(text(200), 0, 50, { optional: true }),
  } };
  const locked = (token: string[], path: string, body?: unknown) => fc.constantFrom(...token).map((tk) => ({ params: { id: path }, token: tk, body }));
  return [
    { method: 'PUT', path: '/api/projects/:id', params: { id: [draft] }, state: locked(adminsB, X.P6, { title: '改名' }) },
    { method: 'POST', path: '/api/projects/:id/withdraw', params: { id: [draft] }, state: locked(adminsB, X.P6) },
    // the draft is carried by the department user's department (教育局)
    { method: 'PUT', path: '/api/projects/:id/assessment', params: { id: [draft] }, json: [assessment],
      state: locked([...adminsB, T.deptB], X.P6, { feasible: true, reason: '可行', investment: 1, completionDate: '2027-12-31' }) },
    { method: 'PUT', path: '/api/projects/:id/screening', params: { id: [draft] }, state: locked(adminsB, X.P6, { exclusions: { debtRisk: true } }) },
    { method: 'POST', path: '/api/bodies/:bodyId/candidate-lists', params: { bodyId: [I.bodyB] },
      json: [{ fields: { year: int(2000, 2100), projectIds: array(idField([X.P5], { checked: true }), 1, 200, { unique: true }), seats: int(1, 200), ratio: num(1, 10, { optional: true }) },
        valid: fc.constant({ year: 2027, projectIds: [X.P5], seats: 1 }) }],
      state: fc.constantFrom(...adminsB).map((token) => ({ params: { bodyId: I.bodyB }, token, body: { year: 2027, projectIds: [I.projects[1]], seats: 1 } })) },
    { method: 'GET', path: '/api/candidate-lists/:id', params: { id: [X.L1, X.L2] } },
    { method: 'POST', path: '/api/candidate-lists/:id/approve', params: { id: [X.L1] },
      json: [{ fields: { meeting: text(200), approvedAt: optional(date) } }], state: locked(adminsB, X.L2, { meeting: '第2次主任会议' }) },
    { method: 'POST', path: '/api/candidate-lists/:id/ballots', params: { id: [X.L2] },
      json: [{ fields: { sessionId: idField([I.sessions.S1], { checked: true }), form: enumOf(['per_candidate', 'choose_n'], { optional: true }), title: text(200, { optional: true }) } }],
      state: locked(staffB, X.L1, { sessionId: I.sessions.S1 }) },
    { method: 'POST', path: '/api/sessions/:id/notices', params: { id: [I.sessions.S2] },
      json: [{ fields: { ballotId: idField([I.ballots.P2], { checked: true }) } }],
      state: fc.tuple(fc.constantFrom(...staffB), fc.constantFrom(I.ballots.C2, I.ballots.O2)).map(([token, ballotId]) => ({ params: { id: I.sessions.S2 }, token, body: { ballotId } })) },
    { method: 'GET', path: '/api/public/notices/:id', params: { id: [X.N1, `${X.N1}.jws`] } },
  ];
}
