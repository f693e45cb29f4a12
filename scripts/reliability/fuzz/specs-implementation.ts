// The hand specs of implementation and supervision, photos and the public portal: the world's ids, the
// requests its state must refuse, the one member who supervises.
import fc from 'fast-check';
import type { World } from './world.js';
import type { EndpointSpec } from './types.js';
import { array, enumOf, idField, int, loneSurrogate, nonString, objectField, text, tooLong, withNul, type Field, type ObjectSpec } from './fields.js';

/** Implementation and supervision (API.md last section) on the selected project of B (the default `:id`). */
export function implementationSpecs(w: World): EndpointSpec[] {
  const T = w.tokens;
  const I = w.ids;
  const adminsB = [T.root, T.adminB];
  const carriers = [...adminsB, T.deptB];
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
    { method: 'PUT', path: '/api/projects/:id/plan', json: [planSpec],
      state: fc.constantFrom(...carriers).map((token) => ({ params: { id: I.projects[0] }, token, body: { targets: [], milestones: [], funding: '县级财政', completionDate: '2027-12-31' } })) },
    { method: 'POST', path: '/api/projects/:id/progress', json: [progressSpec],
      state: fc.constantFrom(...carriers).map((token) => ({ params: { id: I.projects[0] }, token, body: { percent: 10, note: '开工', date: '2027-03-01' } })) },
    { method: 'PUT', path: '/api/projects/:id/supervisors', json: [groupSpec] },
    { method: 'POST', path: '/api/projects/:id/inspections', json: [{ fields: { date, findings: text(5000), photos } }],
      narrow: { allowed: [...adminsB, T.members[0]], refused: T.members.slice(1), why: 'only member 0 is in the supervision group: the others are refused 403 not_supervisor' } },
    // not rectifying: every well-formed request is refused 409 here; the fuzzer sends only malformed ones anyway
    { method: 'POST', path: '/api/projects/:id/rectifications', json: [{ fields: { note: text(5000), date, photos } }] },
    // Photos: raw bytes (tests/files/photos.test.ts sends the hostile ones); here, tokens and ids.
    { method: 'POST', path: '/api/files', otherBody: 'a photo belongs to no body until a report uses it' },
  ];
}

/** The public portal (API.md last section): project pages, ratings and moderation, stats, exports. */
export function portalSpecs(w: World): EndpointSpec[] {
  const I = w.ids;
  const X = I.portal;
  const deviceKey: Field = {
    valid: fc.stringMatching(/^[A-Za-z0-9_-]{22,64}$/),
    invalid: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{0,21}$/), fc.stringMatching(/^[A-Za-z0-9_-]{65,80}$/), fc.constantFrom('x'.repeat(30) + '!', '中文'.repeat(12), 'a b'.repeat(10)), nonString, fc.constant(null)),
  };
  const ratingSpec: ObjectSpec = { fields: {
    grade: enumOf(['satisfied', 'basic', 'unsatisfied']), deviceKey,
    comment: { optional: true, valid: fc.constantFrom('很好', null), invalid: fc.oneof(nonString.filter((v) => v !== null), tooLong(500), withNul, loneSurrogate) } as Field,
  } };
  return [
    { method: 'GET', path: '/api/public/projects/:id', params: { id: [I.selected, X.done, I.projects[0]] } },
    // Anyone may rate a done project: every request the fuzzer sends here is malformed, or refused by the state.
    { method: 'POST', path: '/api/public/projects/:id/ratings', params: { id: [X.done] }, json: [ratingSpec],
      state: fc.oneof(
        fc.constant({ params: { id: X.done }, token: '', body: { grade: 'basic', deviceKey: X.ratingKey } }),
        fc.constantFrom(I.selected, ...I.projects).map((id) => ({ params: { id }, token: '', body: { grade: 'basic', deviceKey: 'k'.repeat(32) } })),
      ) },
  ];
}
