// The endpoints the fuzzer walks: per route, valid path parameters, who may and may not call it, its input
// fields and the requests the state of the world must refuse.
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { submissionKey } from '../http.js';
import type { World } from './world.js';
import { array, badId, bool, enumOf, extraKey, idField, int, nonObject, nonString, num, objectField, omitKey, setKey, text, unknownId, validText, type Arb, type Field, type ObjectSpec } from './fields.js';
import type { Endpoint } from './types.js';
import { collectionEndpoints } from './specs-collection.js';
import { screeningEndpoints } from './specs-screening.js';
import { implementationEndpoints, portalEndpoints } from './specs-implementation.js';

export function endpoints(w: World): Endpoint[] {
  const T = w.tokens;
  const I = w.ids;
  const S = I.sessions;
  const B = I.ballots;
  const staffB = [T.root, T.adminB, T.presiderB];
  const adminsB = [T.root, T.adminB];
  const members = T.members;
  const notStaff = [...members, T.screenS1];
  const allIds = [I.bodyB, I.bodyO, ...I.users, ...I.members, ...I.projects, ...Object.values(S), ...Object.values(B)];
  const projects = I.projects;
  const present = members.slice(1, 8);

  const member = objectField({ fields: { name: text(50), delegation: text(100, { optional: true, nullable: true }), kind: enumOf(['rep', 'committee'], { optional: true }) } });
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
    forbidden: { question: validText(100) },
    alsoInvalid: fc.shuffledSubarray(projects, { minLength: 1 }).map((ids) => ({ kind: 'selection', title: '多于候选', projectIds: ids, seats: ids.length + 1 })),
  };
  const satisfaction: ObjectSpec = {
    fields: { kind: { valid: fc.constant('satisfaction'), invalid: fc.constantFrom('Satisfaction', 'rating', 1) }, title, projectIds: array(idField(projects, { checked: true }), 1, 200, { unique: true }), baseRule, runoffOf },
    forbidden: { seats: fc.integer({ min: 1, max: 3 }), form: fc.constantFrom('per_candidate', 'choose_n'), question: validText(50), secret: fc.constant(false) },
  };
  const motion: ObjectSpec = {
    fields: { kind: { valid: fc.constant('motion'), invalid: fc.constantFrom('Motion', 'vote', null) }, title, question: text(1000), secret: bool({ optional: true }), baseRule, runoffOf },
    forbidden: { projectIds: fc.constant(projects.slice(0, 1)), seats: fc.constant(1), form: fc.constant('per_candidate') },
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

  const list: Endpoint[] = [
    { method: 'POST', path: '/api/auth/login', allowed: 'public', json: [{ fields: { username: text(64), password: { valid: fc.string({ minLength: 1, maxLength: 30 }), invalid: fc.oneof(fc.constant(''), nonString, fc.constant(null), fc.constant('p'.repeat(257))) } } }],
      state: fc.tuple(fc.constantFrom('admin', ...w.usernames, 'nobody'), fc.string({ minLength: 1, maxLength: 20 })).map(([username, password]) => ({ token: '', body: { username, password } })) },
    { method: 'POST', path: '/api/auth/member-login', allowed: 'public', json: [{ fields: { code: text(32) } }],
      state: fc.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/).filter((c) => !w.codes.includes(c)).map((code) => ({ token: '', body: { code } })) },
    { method: 'GET', path: '/api/me', allowed: [...staffB, T.deptB, T.adminO, ...notStaff] },
    { method: 'GET', path: '/api/bodies', allowed: 'public' },
    { method: 'POST', path: '/api/bodies', allowed: adminsB, refused: [T.presiderB, T.deptB, T.adminO, ...notStaff],
      json: [{ fields: { name: text(100), level: enumOf(['city', 'county', 'township']), parentId: idField([I.bodyB], { optional: true, nullable: true, checked: true }) },
        valid: fc.tuple(validText(100), fc.constantFrom('city', 'county', 'township')).map(([name, level]) => ({ name, level, parentId: I.bodyB })) }] },
    { method: 'POST', path: '/api/users', allowed: adminsB, refused: [T.presiderB, T.deptB, T.adminO, ...notStaff],
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
    { method: 'POST', path: '/api/bodies/:bodyId/members', params: { bodyId: [I.bodyB] }, allowed: adminsB, refused: [T.presiderB, T.deptB, T.adminO, ...notStaff],
      json: [{ fields: { members: array(member, 1, 5000) } }] },
    { method: 'POST', path: '/api/bodies/:bodyId/members/import', params: { bodyId: [I.bodyB] }, allowed: adminsB, refused: [T.presiderB, T.deptB, T.adminO, ...notStaff], csv: true },
    { method: 'POST', path: '/api/members/:memberId/code', params: { memberId: I.members.slice(0, 3) }, allowed: adminsB, refused: [T.presiderB, T.deptB, T.adminO, ...notStaff], bodyless: true },
    { method: 'GET', path: '/api/bodies/:bodyId/members', params: { bodyId: [I.bodyB] }, allowed: staffB, refused: [T.deptB, T.adminO, ...notStaff] },
    { method: 'POST', path: '/api/bodies/:bodyId/sessions', params: { bodyId: [I.bodyB] }, allowed: adminsB, refused: [T.presiderB, T.deptB, T.adminO, ...notStaff],
      json: [{ fields: { name: text(200), kind: enumOf(['congress', 'committee']), memberIds: array(idField(I.members.slice(0, 10), { checked: true }), 0, 10000, { optional: true, unique: true }), quorum } }] },
    { method: 'GET', path: '/api/bodies/:bodyId/sessions', params: { bodyId: [I.bodyB] }, allowed: staffB, refused: [T.deptB, T.adminO, ...notStaff] },
    { method: 'GET', path: '/api/sessions/:id', params: { id: Object.values(S) }, allowed: [...staffB, T.deptB, ...members], refused: [T.adminO] },
    { method: 'POST', path: '/api/sessions/:id/checkin', params: { id: [S.S1] }, allowed: members.slice(0, 8), refused: [...staffB, T.deptB, T.adminO, T.screenS1, members[10], members[11]], bodyless: true,
      state: fc.constantFrom(...members.slice(0, 10)).map((token) => ({ params: { id: S.S5 }, token })) },
    { method: 'PUT', path: '/api/sessions/:id/attendance/:memberId', params: { id: [S.S1, S.S2], memberId: I.members.slice(0, 10) }, allowed: staffB, refused: [T.deptB, T.adminO, ...notStaff],
      json: [{ fields: { present: bool(), note: text(200, { min: 0, optional: true, nullable: true }) } }],
      state: fc.tuple(fc.constantFrom(...I.members.slice(0, 10)), fc.boolean()).map(([memberId, p]) => ({ params: { id: S.S5, memberId }, token: T.presiderB, body: { present: p } })) },
    { method: 'POST', path: '/api/sessions/:id/end', params: { id: [S.S1, S.S2] }, allowed: staffB, refused: [T.deptB, T.adminO, ...notStaff], bodyless: true,
      state: fc.constantFrom(...staffB).map((token) => ({ params: { id: S.S5 }, token })) },
    { method: 'GET', path: '/api/sessions/:id/roster', params: { id: Object.values(S) }, allowed: staffB, refused: [T.deptB, T.adminO, ...notStaff] },
    { method: 'GET', path: '/api/sessions/:id/audit', params: { id: Object.values(S) }, allowed: staffB, refused: [T.deptB, T.adminO, ...notStaff] },
    { method: 'POST', path: '/api/sessions/:id/screen-token', params: { id: [S.S1, S.S2] }, allowed: staffB, refused: [T.deptB, T.adminO, ...notStaff], bodyless: true },
    { method: 'POST', path: '/api/bodies/:bodyId/projects', params: { bodyId: [I.bodyB] }, allowed: adminsB, refused: [T.presiderB, T.deptB, T.adminO, ...notStaff],
      json: [{ fields: {
        year: int(2000, 2100), title: text(200), description: text(5000), category: enumOf(['教育', '医疗卫生', '养老服务', '交通出行', '其他']),
        department: text(100), investment: num(0, 1e9, { optional: true, nullable: true }), targets: array(text(200), 0, 50, { optional: true }),
        suggestionIds: array(idField(['abc123']), 0, 500, { optional: true }),
      } }] },
    { method: 'GET', path: '/api/bodies/:bodyId/projects', params: { bodyId: [I.bodyB] }, allowed: [...staffB, T.deptB], refused: [T.adminO, ...notStaff],
      query: { year: int(2000, 2100, { optional: true }) } },
    { method: 'GET', path: '/api/public/bodies/:bodyId/projects', params: { bodyId: [I.bodyB, I.bodyO] }, allowed: 'public', query: { year: int(2000, 2100, { optional: true }) } },
    { method: 'POST', path: '/api/sessions/:id/ballots', params: { id: [S.S1, S.S2] }, allowed: staffB, refused: [T.deptB, T.adminO, ...notStaff],
      json: [selection, satisfaction, motion],
      state: fc.tuple(fc.constantFrom(...staffB), fc.constantFrom(...Object.values(B))).map(([token, r]) => ({ params: { id: S.S1 }, token, body: { kind: 'selection', title: '再次投票', runoffOf: r } })) },
    { method: 'POST', path: '/api/ballots/:id/open', params: { id: [B.D1] }, allowed: staffB, refused: [T.deptB, T.adminO, ...notStaff], bodyless: true,
      state: fc.tuple(fc.constantFrom(...staffB), fc.constantFrom(B.D1, B.O1, B.X1, B.C2, B.P2, B.O2)).map(([token, id]) => ({ params: { id }, token })) },
    { method: 'POST', path: '/api/ballots/:id/close', params: { id: [B.O1, B.O2] }, allowed: staffB, refused: [T.deptB, T.adminO, ...notStaff], bodyless: true,
      state: fc.tuple(fc.constantFrom(...staffB), fc.constantFrom(B.D1, B.X1, B.C2, B.P2)).map(([token, id]) => ({ params: { id }, token })) },
    { method: 'POST', path: '/api/ballots/:id/publish', params: { id: [B.C2] }, allowed: staffB, refused: [T.deptB, T.adminO, ...notStaff], bodyless: true,
      state: fc.tuple(fc.constantFrom(...staffB), fc.constantFrom(B.D1, B.O1, B.X1, B.P2, B.O3)).map(([token, id]) => ({ params: { id }, token })) },
    { method: 'POST', path: '/api/ballots/:id/cancel', params: { id: [B.D1, B.O1] }, allowed: staffB, refused: [T.deptB, T.adminO, ...notStaff],
      json: [{ fields: { reason: text(500) } }],
      state: fc.tuple(fc.constantFrom(...staffB), fc.constantFrom(B.X1, B.C2, B.P2)).map(([token, id]) => ({ params: { id }, token, body: { reason: '重新表决' } })) },
    // A published ballot is public record: any signed-in caller may read it, another body's admin too.
    { method: 'GET', path: '/api/ballots/:id', params: { id: Object.values(B).filter((id) => id !== B.P2) }, allowed: [...staffB, T.deptB, ...members], refused: [T.adminO] },
    { method: 'GET', path: '/api/ballots/:id', params: { id: [B.P2] }, allowed: [...staffB, T.deptB, ...members, T.adminO], refused: [] },
    ...Object.entries(voteSpecs).map(([ballotId, v]): Endpoint => ({
      method: 'POST', path: '/api/ballots/:id/votes', params: { id: [ballotId] }, allowed: present, refused: [...staffB, T.deptB, T.adminO, T.screenS1, members[10], members[11]],
      json: [v.spec],
      // already voted (another key), not checked in, or the ballot is not open
      state: fc.oneof(
        v.choices.map((choices) => ({ params: { id: B.O1 }, token: members[0], body: { submissionKey: submissionKey(), choices } })),
        fc.tuple(fc.constantFrom(members[8], members[9]), perCandidate).map(([token, choices]) => ({ params: { id: B.O1 }, token, body: { submissionKey: submissionKey(), choices } })),
        fc.tuple(fc.constantFrom(...members.slice(0, 10)), fc.constantFrom(B.D1, B.X1, B.C2, B.P2), validVote).map(([token, id, body]) => ({ params: { id }, token, body })),
      ),
    })),
    { method: 'GET', path: '/api/ballots/:id/result', params: { id: Object.values(B) }, allowed: 'public' },
    { method: 'GET', path: '/api/ballots/:id/box', params: { id: Object.values(B) }, allowed: 'public' },
    { method: 'GET', path: '/api/ballots/:id/result.jws', params: { id: Object.values(B) }, allowed: 'public' },
    { method: 'GET', path: '/api/public/keys', allowed: 'public' },
    { method: 'GET', path: '/api/openapi.json', allowed: 'public' },
    { method: 'GET', path: '/api/bodies/:bodyId/audit', params: { bodyId: [I.bodyB] }, allowed: adminsB, refused: [T.presiderB, T.deptB, T.adminO, ...notStaff],
      query: { stage: enumOf(['setup', 'collection', 'screening', 'vote', 'implementation', 'supervision', 'evaluation', 'publication', 'notification'], { optional: true }), offset: int(0, 10_000_000, { optional: true }), limit: int(1, 200, { optional: true }) } },
    { method: 'GET', path: '/api/public/bodies/:bodyId/results', params: { bodyId: [I.bodyB, I.bodyO] }, allowed: 'public' },
    ...collectionEndpoints(w, { staffB, adminsB, notStaff }),
    // Photos: raw bytes (tests/files/photos.test.ts sends the hostile ones); here, tokens and ids.
    { method: 'POST', path: '/api/files', allowed: [...staffB, T.deptB, T.adminO, ...members], refused: [T.screenS1], bodyless: true },
    { method: 'GET', path: '/api/files/:id', params: { id: I.files }, allowed: 'public' },
    { method: 'GET', path: '/api/files/:id/thumb', params: { id: I.files }, allowed: 'public' },
    ...screeningEndpoints(w, { staffB, adminsB, notStaff }),
    ...implementationEndpoints(w, { staffB, adminsB, notStaff }),
    ...portalEndpoints(w, { adminsB, notStaff }),
  ];
  void allIds;
  return list;
}
