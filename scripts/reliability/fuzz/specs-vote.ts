// The hand specs of signing in, bodies and users, sessions and the hall (ballots, votes): what the route
// definitions cannot say (the world's ids, the requests its state must refuse, bodies whose fields depend on
// each other or on the world). Callers and every other input come from the definitions (endpoints.ts).
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { submissionKey } from '../../../tests/helpers/api.js';
import type { World } from './world.js';
import { array, badId, bool, enumOf, extraKey, idField, int, nonObject, nonString, objectField, omitKey, setKey, text, unknownId, validText, type Arb, type Field, type ObjectSpec } from './fields.js';
import type { EndpointSpec } from './types.js';

/** Ballot bodies of every kind, and votes on each open ballot of the world. */
function ballotInputs(w: World) {
  const B = w.ids.ballots;
  const projects = w.ids.projects;
  const quorum = objectField({
    fields: { num: int(1, 100), den: int(1, 100), strict: bool() },
    valid: fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.boolean()).map(([a, b, strict]) => ({ num: Math.min(a, b), den: Math.max(a, b), strict })),
    alsoInvalid: fc.tuple(fc.integer({ min: 2, max: 100 }), fc.boolean()).map(([a, strict]) => ({ num: a, den: a - 1, strict })),
  }, { optional: true });
  const title = text(200);
  const baseRule = enumOf(['roster', 'present'], { optional: true });
  const runoffOf = { optional: true, valid: fc.constant(undefined), invalid: fc.oneof(badId, fc.constantFrom(B.C2, B.P2, B.D1, B.O1, B.X1), unknownId) } as Field;
  const selection: ObjectSpec = {
    fields: {
      kind: { valid: fc.constant('selection'), invalid: enumOf(['selection', 'satisfaction', 'motion']).invalid },
      title, projectIds: array(idField(projects, { checked: true }), 1, 200, { unique: true }),
      seats: int(1, 200), form: enumOf(['per_candidate', 'choose_n'], { optional: true }),
      secret: { optional: true, valid: fc.constant(true), invalid: fc.constantFrom(false, 'true', 0, null) }, baseRule, runoffOf,
    },
    valid: fc.tuple(fc.shuffledSubarray(projects, { minLength: 1 }), title.valid, fc.option(fc.constantFrom('per_candidate', 'choose_n'), { nil: undefined }), fc.nat())
      .map(([ids, t, form, k]) => ({ kind: 'selection', title: t, projectIds: ids, seats: 1 + (k % ids.length), ...(form ? { form } : {}) })),
    forbidden: { question: validText(100), byItem: fc.constant(true) },
    alsoInvalid: fc.shuffledSubarray(projects, { minLength: 1 }).map((ids) => ({ kind: 'selection', title: '多于候选', projectIds: ids, seats: ids.length + 1 })),
  };
  const satisfaction: ObjectSpec = {
    fields: { kind: { valid: fc.constant('satisfaction'), invalid: fc.constantFrom('Satisfaction', 'rating', 1) }, title, projectIds: array(idField(projects, { checked: true }), 1, 200, { unique: true }), baseRule, runoffOf,
      // 子项 rated one by one (projects without items stay whole, so any selected project list is valid)
      byItem: bool({ optional: true }) },
    forbidden: { seats: fc.integer({ min: 1, max: 3 }), form: fc.constantFrom('per_candidate', 'choose_n'), question: validText(50), secret: fc.constant(false) },
  };
  const motion: ObjectSpec = {
    fields: { kind: { valid: fc.constant('motion'), invalid: fc.constantFrom('Motion', 'vote', null) }, title, question: text(1000), secret: bool({ optional: true }), baseRule, runoffOf },
    forbidden: { projectIds: fc.constant(projects.slice(0, 1)), seats: fc.constant(1), form: fc.constant('per_candidate'), byItem: fc.constant(true) },
  };

  const key = { valid: fc.constant('').map(() => submissionKey()), invalid: fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{1,21}$/), fc.stringMatching(/^[A-Za-z0-9_-]{65,80}$/),
    fc.stringMatching(/^[A-Za-z0-9_-]{10,30}[+/= .~!@#$%^&*()\u4e2d\u0000][A-Za-z0-9_-]{10,30}$/), nonString, fc.constant(null),
  ) } as Field;
  const mark = (values: string[]) => fc.constantFrom(...values);
  const badMark = fc.oneof(fc.constantFrom('maybe', 'YES', 'Yes', '', 'satisfied?', 'abstain ', 'vote'), fc.constantFrom(1, 0, true, null, [], {}));
  const perCandidate = fc.dictionary(fc.constantFrom(...projects), mark(['yes', 'no', 'abstain']), { maxKeys: 4 });
  const badPerCandidate = fc.oneof(
    nonObject.filter((v) => v !== null || true),
    fc.tuple(perCandidate, fc.oneof(unknownId, fc.constantFrom('__proto__', 'constructor', 'selected', 'vote', '')), mark(['yes', 'no'])).map(([o, k, v]) => setKey(o, k, v)),
    fc.tuple(perCandidate, fc.constantFrom(...projects), badMark).map(([o, k, v]) => setKey(o, k, v)),
  );
  const satisfactionChoices = fc.tuple(...projects.map(() => mark(['satisfied', 'basic', 'unsatisfied']))).map((v) => Object.fromEntries(projects.map((p, i) => [p, v[i]])));
  const badSatisfaction = fc.oneof(
    nonObject,
    fc.tuple(satisfactionChoices, fc.constantFrom(...projects)).map(([o, k]) => omitKey(o, k)),
    fc.tuple(satisfactionChoices, fc.constantFrom(...projects), badMark).map(([o, k, v]) => setKey(o, k, v)),
    fc.tuple(satisfactionChoices, unknownId).map(([o, k]) => setKey(o, k, 'basic')),
  );
  const chooseN = fc.shuffledSubarray(projects, { minLength: 1, maxLength: 2 }).map((s) => ({ selected: s }));
  const badChooseN = fc.oneof(
    nonObject, fc.constant({ selected: [] }), fc.constant({ selected: projects.slice(0, 3) }), fc.constant({ selected: [projects[0], projects[0]] }),
    fc.tuple(chooseN, unknownId).map(([o, k]) => ({ selected: [...o.selected.slice(0, 1), k] })),
    fc.tuple(chooseN, extraKey(['selected'])).map(([o, k]) => setKey(o, k, 1)),
    fc.constantFrom({ selected: projects[0] }, { selected: [1] }, { selected: null }, {}),
  );
  const motionChoices = mark(['yes', 'no', 'abstain']).map((vote) => ({ vote }));
  const badMotion = fc.oneof(nonObject, badMark.map((vote) => ({ vote })), fc.constant({}), fc.tuple(motionChoices, extraKey(['vote'])).map(([o, k]) => setKey(o, k, 'yes')));
  const voteSpec = (choices: Arb<unknown>, bad: Arb<unknown>): ObjectSpec => ({ fields: { submissionKey: key, choices: { valid: choices, invalid: bad } } });
  const voteSpecs: Record<string, { spec: ObjectSpec; choices: Arb<unknown> }> = {
    [B.O1]: { spec: voteSpec(perCandidate, badPerCandidate), choices: perCandidate },
    [B.O2]: { spec: voteSpec(chooseN, badChooseN), choices: chooseN },
    [B.O3]: { spec: voteSpec(satisfactionChoices, badSatisfaction), choices: satisfactionChoices },
    [B.O4]: { spec: voteSpec(motionChoices, badMotion), choices: motionChoices },
  };
  const anyChoices = fc.oneof(perCandidate, chooseN, satisfactionChoices, motionChoices);
  const validVote = anyChoices.map((choices) => ({ submissionKey: submissionKey(), choices }));
  return { quorum, selection, satisfaction, motion, voteSpecs, perCandidate, validVote };
}

export function voteStageSpecs(w: World): EndpointSpec[] {
  const T = w.tokens;
  const I = w.ids;
  const S = I.sessions;
  const B = I.ballots;
  const staffB = [T.root, T.adminB, T.presiderB];
  const members = T.members;
  const { quorum, selection, satisfaction, motion, voteSpecs, perCandidate, validVote } = ballotInputs(w);
  return [
    { method: 'POST', path: '/api/auth/login', json: [{ fields: { username: text(64), password: { valid: fc.string({ minLength: 1, maxLength: 30 }), invalid: fc.oneof(fc.constant(''), nonString, fc.constant(null), fc.constant('p'.repeat(257))) } } }],
      state: fc.tuple(fc.constantFrom('admin', ...w.usernames, 'nobody'), fc.string({ minLength: 1, maxLength: 20 })).map(([username, password]) => ({ token: '', body: { username, password } })) },
    { method: 'POST', path: '/api/auth/member-login', json: [{ fields: { code: text(32) } }],
      state: fc.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/).filter((c) => !w.codes.includes(c)).map((code) => ({ token: '', body: { code } })) },
    { method: 'GET', path: '/api/me', otherBody: 'who the caller is' },
    { method: 'POST', path: '/api/users',
      json: [{
        fields: {
          username: { valid: fc.stringMatching(/^[a-z]{4,10}$/).map((u) => `${u}${randomBytes(3).toString('hex')}`), invalid: fc.oneof(fc.constantFrom('a', 'a b', '用户', 'x'.repeat(65), 'a/b', ''), nonString, fc.constant(null)) },
          password: { valid: fc.constant('long-enough-pw'), invalid: fc.oneof(fc.constantFrom('', 'short', '1234567'), fc.constant('p'.repeat(257)), nonString, fc.constant(null)) },
          role: enumOf(['admin', 'presider', 'department']), bodyId: idField([I.bodyB], { checked: true }), department: text(100, { optional: true, nullable: true }),
        },
        valid: fc.tuple(fc.stringMatching(/^[a-z]{4,10}$/), fc.constantFrom('admin', 'presider', 'department'), validText(100))
          .map(([u, role, department]) => ({ username: `${u}${randomBytes(3).toString('hex')}`, password: 'long-enough-pw', role, bodyId: I.bodyB, department })),
        alsoInvalid: fc.constant({ username: `d${randomBytes(4).toString('hex')}`, password: 'long-enough-pw', role: 'department', bodyId: I.bodyB }),
      }],
      state: fc.constantFrom(...w.usernames, 'admin').map((username) => ({ token: T.root, body: { username, password: 'long-enough-pw', role: 'presider', bodyId: I.bodyB } })) },
    { method: 'POST', path: '/api/bodies/:bodyId/sessions', params: { bodyId: [I.bodyB] },
      json: [{ fields: { name: text(200), kind: enumOf(['congress', 'committee']), memberIds: array(idField(I.members.slice(0, 10), { checked: true }), 0, 10000, { optional: true, unique: true }), quorum } }] },
    { method: 'GET', path: '/api/sessions/:id', params: { id: Object.values(S) } },
    { method: 'POST', path: '/api/sessions/:id/checkin', params: { id: [S.S1] },
      narrow: { allowed: members.slice(0, 8), refused: [members[10], members[11]], why: 'members 0–7 are checked in to S1 already (no change); 8 and 9 are not yet; 10 and 11 are on no roster (403)' },
      state: fc.constantFrom(...members.slice(0, 10)).map((token) => ({ params: { id: S.S5 }, token })) },
    // 材料提前送达: sending again answers the first; a member reads it once sent (409 dossier_not_sent before), 10 and 11 on no roster
    { method: 'POST', path: '/api/sessions/:id/dossier', params: { id: Object.values(S) } },
    { method: 'GET', path: '/api/sessions/:id/dossier', params: { id: Object.values(S) },
      narrow: { allowed: [T.presiderB, T.adminB, ...members.slice(0, 10)], refused: [members[10], members[11]], why: 'members 10 and 11 are on no roster (403 not_on_roster)' } },
    { method: 'PUT', path: '/api/sessions/:id/attendance/:memberId', params: { id: [S.S1, S.S2], memberId: I.members.slice(0, 10) },
      state: fc.tuple(fc.constantFrom(...I.members.slice(0, 10)), fc.boolean()).map(([memberId, p]) => ({ params: { id: S.S5, memberId }, token: T.presiderB, body: { present: p } })) },
    { method: 'POST', path: '/api/sessions/:id/end', params: { id: [S.S1, S.S2] },
      state: fc.constantFrom(...staffB).map((token) => ({ params: { id: S.S5 }, token })) },
    { method: 'GET', path: '/api/sessions/:id/roster', params: { id: Object.values(S) } },
    { method: 'GET', path: '/api/sessions/:id/audit', params: { id: Object.values(S) } },
    { method: 'POST', path: '/api/sessions/:id/screen-token', params: { id: [S.S1, S.S2] } },
    { method: 'POST', path: '/api/sessions/:id/ballots', params: { id: [S.S1, S.S2] }, json: [selection, satisfaction, motion],
      state: fc.tuple(fc.constantFrom(...staffB), fc.constantFrom(...Object.values(B))).map(([token, r]) => ({ params: { id: S.S1 }, token, body: { kind: 'selection', title: '再次投票', runoffOf: r } })) },
    { method: 'POST', path: '/api/ballots/:id/open', params: { id: [B.D1] },
      state: fc.tuple(fc.constantFrom(...staffB), fc.constantFrom(B.D1, B.O1, B.X1, B.C2, B.P2, B.O2)).map(([token, id]) => ({ params: { id }, token })) },
    { method: 'POST', path: '/api/ballots/:id/close', params: { id: [B.O1, B.O2] },
      state: fc.tuple(fc.constantFrom(...staffB), fc.constantFrom(B.D1, B.X1, B.C2, B.P2)).map(([token, id]) => ({ params: { id }, token })) },
    { method: 'POST', path: '/api/ballots/:id/publish', params: { id: [B.C2] },
      state: fc.tuple(fc.constantFrom(...staffB), fc.constantFrom(B.D1, B.O1, B.X1, B.P2, B.O3)).map(([token, id]) => ({ params: { id }, token })) },
    { method: 'POST', path: '/api/ballots/:id/cancel', params: { id: [B.D1, B.O1] },
      state: fc.tuple(fc.constantFrom(...staffB), fc.constantFrom(B.X1, B.C2, B.P2)).map(([token, id]) => ({ params: { id }, token, body: { reason: '重新表决' } })) },
    { method: 'GET', path: '/api/ballots/:id', params: { id: Object.values(B).filter((id) => id !== B.P2) } },
    { method: 'GET', path: '/api/ballots/:id', params: { id: [B.P2] }, otherBody: 'a published ballot is public record: any signed-in caller may read it' },
    ...Object.entries(voteSpecs).map(([ballotId, v]): EndpointSpec => ({
      method: 'POST', path: '/api/ballots/:id/votes', params: { id: [ballotId] }, json: [v.spec],
      narrow: { allowed: members.slice(1, 8), refused: [members[10], members[11]], why: 'members 1–7 are present and have not voted; 0 voted on O1, 8 and 9 are not checked in (the state refuses them); 10 and 11 are on no roster (403)' },
      // already voted (another key), not checked in, or the ballot is not open
      state: fc.oneof(
        v.choices.map((choices) => ({ params: { id: B.O1 }, token: members[0], body: { submissionKey: submissionKey(), choices } })),
        fc.tuple(fc.constantFrom(members[8], members[9]), perCandidate).map(([token, choices]) => ({ params: { id: B.O1 }, token, body: { submissionKey: submissionKey(), choices } })),
        fc.tuple(fc.constantFrom(...members.slice(0, 10)), fc.constantFrom(B.D1, B.X1, B.C2, B.P2), validVote).map(([token, id, body]) => ({ params: { id }, token, body })),
      ),
    })),
    { method: 'GET', path: '/api/ballots/:id/result', params: { id: Object.values(B) } },
    { method: 'GET', path: '/api/ballots/:id/box', params: { id: Object.values(B) } },
    { method: 'GET', path: '/api/ballots/:id/result.jws', params: { id: Object.values(B) } },
    { method: 'GET', path: '/api/public/bodies/:bodyId/results', params: { bodyId: [I.bodyB, I.bodyO] } },
  ];
}
