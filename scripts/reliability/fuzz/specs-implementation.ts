import fc from 'fast-check';
import type { World } from './world.js';
import type { Endpoint } from './types.js';
import { array, bool, enumOf, idField, int, loneSurrogate, nonString, objectField, text, tooLong, withNul, type Field, type ObjectSpec } from './fields.js';

/** Implementation and supervision (API.md last section) on a selected project of B. */
export function implementationEndpoints(w: World, g: { staffB: string[]; adminsB: string[]; notStaff: string[] }): Endpoint[] {
  const T = w.tokens;
  const I = w.ids;
  const P = I.selected;
  const carriers = [...g.adminsB, T.deptB];
  const notCarriers = [T.presiderB, T.adminO, ...g.notStaff];
  const date: Field = { valid: fc.constantFrom('2027-03-31', '2027-12-31'), invalid: fc.oneof(fc.constantFrom('2027-02-30', '2027-1-5', 'tomorrow', '', '2027-12-31T00:00:00Z'), nonString, fc.constant(null)) };
  const photos = array(idField(I.files, { checked: true }), 0, 12, { optional: true });
  const milestone = objectField({ fields: { title: text(100), due: date } });
  const planSpec: ObjectSpec = { fields: { targets: array(text(200), 0, 50), milestones: array(milestone, 0, 50, { validMax: 1 }), funding: text(500), completionDate: date } };
  const progressSpec: ObjectSpec = { fields: { percent: int(0, 100), milestone: { optional: true, valid: fc.constant(undefined), invalid: fc.oneof(fc.constantFrom('竣工', ''), nonString) } as Field, note: text(2000), date, photos } };
  const members = I.members;
  const groupSpec: ObjectSpec = {
    fields: { memberIds: array(idField(members.slice(0, 3), { checked: true }), 1, 50, { unique: true }), leadMemberId: idField(members.slice(0, 1), { checked: true }) },
    valid: fc.constant({ memberIds: members.slice(0, 3), leadMemberId: members[0] }),
    alsoInvalid: fc.constant({ memberIds: members.slice(1, 3), leadMemberId: members[0] }),
  };
  return [
    { method: 'PUT', path: '/api/projects/:id/plan', params: { id: [P] }, allowed: carriers, refused: notCarriers, json: [planSpec],
      state: fc.constantFrom(...carriers).map((token) => ({ params: { id: I.projects[0] }, token, body: { targets: [], milestones: [], funding: '县级财政', completionDate: '2027-12-31' } })) },
    { method: 'POST', path: '/api/projects/:id/progress', params: { id: [P] }, allowed: carriers, refused: notCarriers, json: [progressSpec],
      state: fc.constantFrom(...carriers).map((token) => ({ params: { id: I.projects[0] }, token, body: { percent: 10, note: '开工', date: '2027-03-01' } })) },
    // public once selected: any member of the body reads it before rating it; staff of the body too
    { method: 'GET', path: '/api/projects/:id/implementation', params: { id: [P] }, allowed: [...carriers, T.presiderB, ...T.members], refused: [T.adminO, T.screenS1] },
    { method: 'GET', path: '/api/bodies/:bodyId/implementation', params: { bodyId: [I.bodyB] }, allowed: g.staffB, refused: [T.deptB, T.adminO, ...g.notStaff], query: { year: int(2000, 2100, { optional: true }) } },
    { method: 'PUT', path: '/api/projects/:id/supervisors', params: { id: [P] }, allowed: g.adminsB, refused: [T.deptB, ...notCarriers], json: [groupSpec] },
    { method: 'GET', path: '/api/me/projects', allowed: T.members, refused: [...g.staffB, T.deptB, T.adminO, T.screenS1] },
    { method: 'POST', path: '/api/projects/:id/inspections', params: { id: [P] }, allowed: [...g.adminsB, T.members[0]], refused: [T.presiderB, T.deptB, T.adminO, T.screenS1, T.members[5]],
      json: [{ fields: { date, findings: text(5000), photos } }] },
    // not rectifying: every well-formed request is refused 409 here; the fuzzer sends only malformed ones anyway
    { method: 'POST', path: '/api/projects/:id/rectifications', params: { id: [P] }, allowed: carriers, refused: notCarriers, json: [{ fields: { note: text(5000), date, photos } }] },
    { method: 'POST', path: '/api/projects/:id/carry-over', params: { id: [P] }, allowed: g.adminsB, refused: [T.deptB, ...notCarriers], json: [{ fields: { toYear: int(2028, 2100) } }] },
  ];
}

/** The public portal (API.md last section): project pages, ratings and moderation, stats, exports. */
export function portalEndpoints(w: World, g: { adminsB: string[]; notStaff: string[] }): Endpoint[] {
  const T = w.tokens;
  const I = w.ids;
  const X = I.portal;
  const year = { year: int(2000, 2100, { optional: true }) };
  const deviceKey: Field = {
    valid: fc.stringMatching(/^[A-Za-z0-9_-]{22,64}$/),
    invalid: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{0,21}$/), fc.stringMatching(/^[A-Za-z0-9_-]{65,80}$/), fc.constantFrom('x'.repeat(30) + '!', '中文'.repeat(12), 'a b'.repeat(10)), nonString, fc.constant(null)),
  };
  const ratingSpec: ObjectSpec = { fields: {
    grade: enumOf(['satisfied', 'basic', 'unsatisfied']), deviceKey,
    comment: { optional: true, valid: fc.constantFrom('很好', null), invalid: fc.oneof(nonString.filter((v) => v !== null), tooLong(500), withNul, loneSurrogate) } as Field,
  } };
  const bodies = { bodyId: [I.bodyB, I.bodyO] };
  return [
    { method: 'GET', path: '/api/public/projects/:id', params: { id: [I.selected, X.done, I.projects[0]] }, allowed: 'public' },
    // Anyone may rate a done project: every request the fuzzer sends here is malformed, or refused by the state.
    { method: 'POST', path: '/api/public/projects/:id/ratings', params: { id: [X.done] }, allowed: 'public', json: [ratingSpec],
      state: fc.oneof(
        fc.constant({ params: { id: X.done }, token: '', body: { grade: 'basic', deviceKey: X.ratingKey } }),
        fc.constantFrom(I.selected, ...I.projects).map((id) => ({ params: { id }, token: '', body: { grade: 'basic', deviceKey: 'k'.repeat(32) } })),
      ) },
    { method: 'GET', path: '/api/bodies/:bodyId/ratings', params: { bodyId: [I.bodyB] }, allowed: g.adminsB, refused: [T.presiderB, T.deptB, T.adminO, ...g.notStaff],
      query: { status: enumOf(['pending', 'visible', 'hidden'], { optional: true }), offset: int(0, 1_000_000, { optional: true }), limit: int(1, 200, { optional: true }) } },
    { method: 'PUT', path: '/api/ratings/:id', params: { id: [X.rating] }, allowed: g.adminsB, refused: [T.presiderB, T.deptB, T.adminO, ...g.notStaff], json: [{ fields: { visible: bool() } }] },
    { method: 'GET', path: '/api/public/bodies/:bodyId/stats', params: bodies, allowed: 'public', query: year },
    { method: 'GET', path: '/api/public/bodies/:bodyId/export.csv', params: bodies, allowed: 'public', query: year },
    { method: 'GET', path: '/api/public/bodies/:bodyId/export.json', params: bodies, allowed: 'public', query: year },
    { method: 'GET', path: '/api/public/bodies/:bodyId/export.csv.sha256', params: bodies, allowed: 'public', query: year },
    { method: 'GET', path: '/api/public/bodies/:bodyId/export.json.sha256', params: bodies, allowed: 'public', query: year },
  ];
}
