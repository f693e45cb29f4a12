// The hand specs of hearings (听取报告): a session's agenda before an evaluation ballot. The world has no
// evaluation ballot, so a valid hearing names none (and no document); every ballotId or fileId the fuzzer
// sends is refused (422 not_evaluation_ballot, unknown_document), and S5 has ended (409 session_ended).
import fc from 'fast-check';
import type { World } from './world.js';
import type { EndpointSpec } from './types.js';
import { badId, enumOf, int, nonString, objectField, text, unknownId, type Field, type ObjectSpec } from './fields.js';

export function hearingSpecs(w: World): EndpointSpec[] {
  const I = w.ids;
  const T = w.tokens;
  const S = I.sessions;
  const staffB = [T.root, T.adminB, T.presiderB];
  // A selection ballot, a photo: ids that exist but are not what a hearing may name.
  const refusedId = (wrongKind: string[]): Field => ({
    optional: true, valid: fc.constant(null), invalid: fc.oneof(badId, nonString, unknownId, fc.constantFrom(...wrongKind)),
  });
  const hearing: ObjectSpec = {
    fields: {
      kind: enumOf(['special_report']),
      title: text(200),
      reporter: objectField({ fields: { name: text(50), post: text(100, { optional: true, nullable: true }) } }),
      fileId: refusedId(I.files),
      ballotId: refusedId([I.ballots.D1, I.ballots.O1, I.ballots.C2]),
      position: int(1, 1000, { optional: true }),
    },
    // a 述职 without a member reporting
    alsoInvalid: fc.constant({ kind: 'duty_report', title: '述职', reporter: { name: '张三' } }),
  };
  const valid = { kind: 'special_report', title: '报告', reporter: { name: '李主任' } };
  return [
    { method: 'GET', path: '/api/sessions/:id/hearings', params: { id: Object.values(S) } },
    { method: 'POST', path: '/api/sessions/:id/hearings', params: { id: [S.S1, S.S2] }, json: [hearing],
      state: fc.tuple(fc.constantFrom(...staffB), fc.constantFrom(
        { id: S.S5, body: valid },
        { id: S.S1, body: { ...valid, ballotId: I.ballots.O1 } },
        { id: S.S2, body: { ...valid, ballotId: I.ballots.C2 } },
        { id: S.S1, body: { ...valid, fileId: I.files[0] } },
        { id: S.S1, body: { kind: 'duty_report', title: '述职', reporter: { memberId: I.members[0] }, ballotId: I.ballots.D1 } },
      )).map(([token, r]) => ({ params: { id: r.id }, token, body: r.body })) },
    { method: 'PUT', path: '/api/hearings/:id', params: { id: [I.hearings.H1] }, json: [hearing],
      state: fc.constantFrom(...staffB).map((token) => ({ params: { id: I.hearings.H5 }, token, body: valid })) },
    { method: 'POST', path: '/api/hearings/:id/remove', params: { id: [I.hearings.H1] },
      state: fc.constantFrom(...staffB).map((token) => ({ params: { id: I.hearings.H5 }, token })) },
    { method: 'POST', path: '/api/files/documents', otherBody: 'a document belongs to no body until a hearing names it' },
  ];
}
