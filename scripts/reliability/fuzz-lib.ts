// The generated-request fuzzer (QUALITY.md "bad input"): fast-check arbitraries that build requests to
// every endpoint the server has, each one wrong in a way that must be refused — wrong types, missing and
// extra fields, huge strings, NUL, lone surrogates, non-UTF-8 bytes, wrong content types, bad and
// unknown ids, ids of another kind of record, garbage, forged and wrong-kind tokens, wrong methods, and
// actions the current state forbids — plus valid reads (GET never changes state).
//
// Checked for every answer: no 5xx; every non-2xx is JSON `{error: {code, message}}` with a snake_case
// code; every request built to be refused is refused (a 2xx there means malformed input was accepted).
// Checked around the run: a dump of every table (and sequence) is the same before and after.
import fc from 'fast-check';
import sharp from 'sharp';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/connect.js';
import { rowsOf } from '../../server/db/connect.js';
import { Api, submissionKey } from './http.js';

type Arb<T> = fc.Arbitrary<T>;

// ---------------------------------------------------------------------------------------------
// The world: a small deployment built through the API before fuzzing, so that ids, tokens and states
// are real. Nothing the fuzzer sends may change any of it.
// ---------------------------------------------------------------------------------------------

export interface World {
  tokens: {
    root: string; adminB: string; presiderB: string; deptB: string; adminO: string; screenS1: string;
    /** member tokens by index: 0 voted on O1; 0–7 on S1's roster and checked in; 8, 9 on it, not checked in; 10, 11 off every roster */
    members: string[];
  };
  forged: { name: string; header: string }[];
  ids: {
    bodyB: string; bodyO: string; users: string[]; members: string[]; projects: string[];
    /** S1 open: D1 draft, O1 open (per_candidate), X1 cancelled; S2: C2 closed, P2 published, O2 open (choose_n); S3: O3 satisfaction; S4: O4 named motion; S5 ended */
    sessions: { S1: string; S2: string; S3: string; S4: string; S5: string };
    ballots: { D1: string; O1: string; X1: string; C2: string; P2: string; O2: string; O3: string; O4: string };
    /** B's collection window is open; Q1, Q2 received, Q3 merged into Q2; T1 the tracking code of Q1 */
    stations: string[];
    files: string[];
    /** a project of B selected by a published ballot, members[0] in its supervision group */
    selected: string;
    /** a selected project of B reported 100 % (done), rated once with key `ratingKey`: rating R (comment pending) */
    portal: { done: string; rating: string; ratingKey: string };
    suggestions: { Q1: string; Q2: string; Q3: string };
    trackingCodes: string[];
    /** P5 assessed (on the draft list L1), P6 a candidate (on the approved list L2); N1 the notice of P2 */
    screening: { P5: string; P6: string; L1: string; L2: string; N1: string };
  };
  usernames: string[];
  codes: string[];
}

const uniq = (p: string) => `${p}${randomBytes(4).toString('hex')}`;

export async function buildWorld(api: Api, tokenKey: Uint8Array, adminPassword: string): Promise<World> {
  const root = (await api.ok('POST', '/api/auth/login', { json: { username: 'admin', password: adminPassword } })).token as string;
  const t = { token: root };
  const bodyB = (await api.ok('POST', '/api/bodies', { ...t, json: { name: uniq('B县人大'), level: 'county' } })).id as string;
  const bodyO = (await api.ok('POST', '/api/bodies', { ...t, json: { name: uniq('O县人大'), level: 'county' } })).id as string;
  const usernames: string[] = [];
  const users: string[] = [];
  const mkUser = async (role: string, bodyId: string, department?: string) => {
    const username = uniq(role);
    const u = await api.ok('POST', '/api/users', { ...t, json: { username, password: 'fuzz-password-1', role, bodyId, ...(department ? { department } : {}) } });
    usernames.push(username);
    users.push(u.id);
    return (await api.ok('POST', '/api/auth/login', { json: { username, password: 'fuzz-password-1' } })).token as string;
  };
  const adminB = await mkUser('admin', bodyB);
  const presiderB = await mkUser('presider', bodyB);
  const deptB = await mkUser('department', bodyB, '教育局');
  const adminO = await mkUser('admin', bodyO);
  const created = (await api.ok('POST', `/api/bodies/${bodyB}/members`, {
    ...t, json: { members: Array.from({ length: 12 }, (_, i) => ({ name: `代表${i}`, delegation: '第一代表团', kind: i % 3 === 0 ? 'committee' : 'rep' })) },
  })).members as { id: string; code: string }[];
  const members: string[] = [];
  for (const m of created) members.push((await api.ok('POST', '/api/auth/member-login', { json: { code: m.code } })).token);
  const projects: string[] = [];
  for (let i = 0; i < 4; i++) {
    projects.push((await api.ok('POST', `/api/bodies/${bodyB}/projects`, {
      ...t, json: { year: 2027, title: `项目${i}`, description: '说明', category: '教育', department: '教育局', investment: 100 },
    })).id);
  }
  const roster = created.slice(0, 10).map((m) => m.id);
  const mkSession = async (checkIn: number) => {
    const s = (await api.ok('POST', `/api/bodies/${bodyB}/sessions`, { ...t, json: { name: uniq('会议'), kind: 'congress', memberIds: roster } })).id as string;
    for (let i = 0; i < checkIn; i++) await api.ok('POST', `/api/sessions/${s}/checkin`, { token: members[i] });
    return s;
  };
  const S1 = await mkSession(8);
  const S2 = await mkSession(8);
  const S3 = await mkSession(8);
  const S4 = await mkSession(8);
  const S5 = await mkSession(8);
  await api.ok('POST', `/api/sessions/${S5}/end`, { token: presiderB });
  const p = { token: presiderB };
  const ballot = async (sessionId: string, json: object) => (await api.ok('POST', `/api/sessions/${sessionId}/ballots`, { ...p, json })).id as string;
  const open = (id: string) => api.ok('POST', `/api/ballots/${id}/open`, p);
  const vote = (id: string, member: number, choices: unknown) =>
    api.ok('POST', `/api/ballots/${id}/votes`, { token: members[member], json: { submissionKey: submissionKey(), choices } });

  const X1 = await ballot(S1, { kind: 'selection', title: '取消的表决', projectIds: projects, seats: 2 });
  await api.ok('POST', `/api/ballots/${X1}/cancel`, { ...p, json: { reason: '程序有误' } });
  const D1 = await ballot(S1, { kind: 'selection', title: '草稿', projectIds: projects, seats: 2 });
  const O1 = await ballot(S1, { kind: 'selection', title: '进行中', projectIds: projects, seats: 2 });
  await open(O1);
  await vote(O1, 0, { [projects[0]]: 'yes' });

  // C2: nothing passes (4 of base 10 is not more than half), so it has no tie a runoff could name.
  const C2 = await ballot(S2, { kind: 'selection', form: 'choose_n', title: '已结束', projectIds: projects, seats: 2 });
  await open(C2);
  for (let i = 0; i < 4; i++) await vote(C2, i, { selected: [projects[0], projects[1]] });
  await api.ok('POST', `/api/ballots/${C2}/close`, p);
  const P2 = await ballot(S2, { kind: 'satisfaction', title: '已公布', projectIds: projects.slice(0, 3) });
  await open(P2);
  for (let i = 0; i < 4; i++) await vote(P2, i, Object.fromEntries(projects.slice(0, 3).map((id) => [id, 'satisfied'])));
  await api.ok('POST', `/api/ballots/${P2}/close`, p);
  await api.ok('POST', `/api/ballots/${P2}/publish`, p);
  const O2 = await ballot(S2, { kind: 'selection', form: 'choose_n', title: '二选', projectIds: projects, seats: 2 });
  await open(O2);
  const O3 = await ballot(S3, { kind: 'satisfaction', title: '测评', projectIds: projects });
  await open(O3);
  const O4 = await ballot(S4, { kind: 'motion', title: '议案', question: '是否通过票决办法？', secret: false });
  await open(O4);
  const screenS1 = (await api.ok('POST', `/api/sessions/${S1}/screen-token`, p)).token as string;

  const day = 86_400_000;
  await api.ok('POST', `/api/bodies/${bodyB}/collection`, { ...t, json: { year: 2027, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString() } });
  const station = (await api.ok('POST', `/api/bodies/${bodyB}/stations`, { ...t, json: { name: '城关镇代表联络站' } })).id as string;
  const suggest = (title: string) => api.ok('POST', `/api/bodies/${bodyB}/suggestions`, { ...t, json: { title, description: '说明', category: '交通出行' } });
  const [Q1, Q2, Q3] = [await suggest('幸福路口加装信号灯'), await suggest('幸福路路口红绿灯'), await suggest('幸福路交叉口信号灯')];
  await api.ok('POST', `/api/suggestions/${Q3.id}/merge`, { ...t, json: { into: Q2.id } });
  const png = new Uint8Array(await sharp({ create: { width: 4, height: 3, channels: 3, background: '#c00' } }).png().toBuffer());
  const photo = (await api.ok('POST', '/api/files', { ...t, body: png, headers: { 'content-type': 'image/png' } })).id as string;
  const selected = (await api.ok('POST', `/api/bodies/${bodyB}/projects`, { ...t, json: { year: 2027, title: '选定项目', description: '说明', category: '教育', department: '教育局' } })).id as string;
  const S6 = await mkSession(8);
  const SB = await ballot(S6, { kind: 'selection', title: '票决', projectIds: [selected], seats: 1 });
  await open(SB);
  for (let i = 0; i < 8; i++) await vote(SB, i, { [selected]: 'yes' });
  await api.ok('POST', `/api/ballots/${SB}/close`, p);
  await api.ok('POST', `/api/ballots/${SB}/publish`, p);
  await api.ok('PUT', `/api/projects/${selected}/supervisors`, { ...t, json: { memberIds: [created[0].id], leadMemberId: created[0].id } });
  // A finished project with one public rating (comment pending): the portal's ratings and moderation.
  const done = (await api.ok('POST', `/api/bodies/${bodyB}/projects`, { ...t, json: { year: 2027, title: '完工项目', description: '说明', category: '教育', department: '教育局' } })).id as string;
  const SD = await ballot(S6, { kind: 'selection', title: '票决二', projectIds: [done], seats: 1 });
  await open(SD);
  for (let i = 0; i < 8; i++) await vote(SD, i, { [done]: 'yes' });
  await api.ok('POST', `/api/ballots/${SD}/close`, p);
  await api.ok('POST', `/api/ballots/${SD}/publish`, p);
  await api.ok('POST', `/api/projects/${done}/progress`, { ...t, json: { percent: 100, note: '完工', date: '2027-06-01' } });
  const ratingKey = randomBytes(24).toString('base64url');
  const rating = (await api.ok('POST', `/api/public/projects/${done}/ratings`, { json: { grade: 'satisfied', comment: '很好', deviceKey: ratingKey } })).id as string;

  const assessed = async () => {
    const id = (await api.ok('POST', `/api/bodies/${bodyB}/projects`, { ...t, json: { year: 2027, title: uniq('评估项目'), description: '说明', category: '教育', department: '教育局' } })).id as string;
    await api.ok('PUT', `/api/projects/${id}/assessment`, { ...t, json: { feasible: true, reason: '可行', investment: 100, completionDate: '2027-12-31' } });
    return id;
  };
  const [P5, P6] = [await assessed(), await assessed()];
  const L1 = (await api.ok('POST', `/api/bodies/${bodyB}/candidate-lists`, { ...t, json: { year: 2027, projectIds: [P5], seats: 1 } })).id as string;
  const L2 = (await api.ok('POST', `/api/bodies/${bodyB}/candidate-lists`, { ...t, json: { year: 2027, projectIds: [P6], seats: 1 } })).id as string;
  await api.ok('POST', `/api/candidate-lists/${L2}/approve`, { ...t, json: { meeting: '第1次主任会议' } });
  const N1 = (await api.ok('POST', `/api/sessions/${S2}/notices`, { ...p, json: { ballotId: P2 } })).id as string;

  const rootUserId = users.length ? (await api.ok('GET', '/api/me', { token: root })).user.id as string : '';
  return {
    tokens: { root, adminB, presiderB, deptB, adminO, screenS1, members },
    forged: await forgeTokens(tokenKey, rootUserId, presiderB),
    ids: {
      bodyB, bodyO, users, members: created.map((m) => m.id), projects,
      sessions: { S1, S2, S3, S4, S5 }, ballots: { D1, O1, X1, C2, P2, O2, O3, O4 },
      stations: [station], files: [photo], selected, portal: { done, rating, ratingKey }, suggestions: { Q1: Q1.id, Q2: Q2.id, Q3: Q3.id }, trackingCodes: [Q1.trackingCode],
      screening: { P5, P6, L1, L2, N1 },
    },
    usernames,
    codes: created.map((m) => m.code),
  };
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Tokens an attacker could make: expired, unsigned, wrong key, tampered, wrong issuer or algorithm, unknown kinds. */
async function forgeTokens(key: Uint8Array, rootId: string, presiderToken: string): Promise<{ name: string; header: string }[]> {
  const now = Math.floor(Date.now() / 1000);
  const admin = { knd: 'staff', role: 'admin', bod: null, usr: 'admin' };
  const sign = (claims: Record<string, unknown>, k: Uint8Array, o: { iss?: string; exp?: number; iat?: number; alg?: string; sub?: string | null } = {}) => {
    let j = new SignJWT(claims).setProtectedHeader({ alg: o.alg ?? 'HS256', typ: 'JWT' }).setIssuedAt(o.iat ?? now).setExpirationTime(o.exp ?? now + 3600);
    if (o.iss !== '') j = j.setIssuer(o.iss ?? 'minsheng');
    if (o.sub !== null) j = j.setSubject(o.sub ?? rootId);
    return j.sign(k);
  };
  const other = randomBytes(32);
  const [h, , s] = presiderToken.split('.');
  const tampered = `${h}.${b64({ ...JSON.parse(Buffer.from(presiderToken.split('.')[1], 'base64url').toString()), role: 'admin', bod: null })}.${s}`;
  const list: [string, string][] = [
    ['expired', await sign(admin, key, { iat: now - 7200, exp: now - 3600 })],
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...admin, iss: 'minsheng', sub: rootId, iat: now, exp: now + 3600 })}.`],
    ['wrong key', await sign(admin, other)],
    ['tampered payload', tampered],
    ['bad signature', `${presiderToken.slice(0, -4)}AAAA`],
    ['wrong issuer', await sign(admin, key, { iss: 'someone-else' })],
    ['no issuer', await sign(admin, key, { iss: '' })],
    ['HS512', await sign(admin, key, { alg: 'HS512' })],
    ['unknown kind', await sign({ knd: 'root' }, key)],
    ['unknown role', await sign({ ...admin, role: 'superuser' }, key)],
    ['member without body', await sign({ knd: 'member' }, key)],
    ['no subject', await sign(admin, key, { sub: null })],
    ['future iat only', await sign(admin, other, { iat: now + 86400, exp: now + 90000 })],
  ];
  return list.map(([name, token]) => ({ name, header: `Bearer ${token}` }));
}

// ---------------------------------------------------------------------------------------------
// Field descriptors: for each input field, values that are valid and values that are certainly not.
// ---------------------------------------------------------------------------------------------

interface Field { valid: Arb<unknown>; invalid: Arb<unknown>; optional?: boolean }

const nonString = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant([]), fc.constant({}), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }));
const validText = (max: number) => fc.oneof(
  fc.constantFrom('民生实事', 'abc', '项目 一', '教育局', 'Ω≈ç√'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 24) }).filter((s) => s.trim().length > 0 && s.length <= max && !s.includes('\u0000')),
);
const tooLong = (max: number) => fc.tuple(fc.constantFrom('x', '长', '😀', 'ab'), fc.integer({ min: 1, max: 64 }), fc.constantFrom(1, 1, 1, 50, 2000))
  .map(([c, k, scale]) => c.repeat(max + k * scale)); // ≥ max + 1 characters however they are counted
const withNul = fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 3 })).map(([a, b]) => `x${a}\u0000${b}`);
const loneSurrogate = fc.tuple(fc.constantFrom('\ud800', '\udfff', '\udbff', 'a\udc00b'), fc.string({ maxLength: 4 }).filter((s) => s.trim() === s)).map(([s, p]) => `x${p}${s}`);

const text = (max: number, o: { min?: number; optional?: boolean; nullable?: boolean } = {}): Field => ({
  optional: o.optional,
  valid: o.nullable ? fc.oneof({ arbitrary: validText(max), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : validText(max),
  invalid: fc.oneof(
    nonString,
    ...(o.nullable ? [] : [fc.constant(null)]),
    ...((o.min ?? 1) >= 1 ? [fc.constantFrom('', ' ', '\t\n', '\u3000')] : []),
    tooLong(max), withNul, loneSurrogate,
  ),
});

const enumOf = (values: readonly string[], o: { optional?: boolean } = {}): Field => {
  // Upper-cased values that are no longer valid (not for Chinese values, which have no case): a list
  // made up front, since a filter that never passes would make fast-check search forever.
  const cased = values.map((v) => v.toUpperCase()).filter((v) => !values.includes(v));
  return {
  optional: o.optional,
  valid: fc.constantFrom(...values),
  invalid: fc.oneof(
    nonString, fc.constant(null), ...(cased.length ? [fc.constantFrom(...cased)] : []), fc.constantFrom(...values).map((v) => ` ${v}`),
    fc.string({ maxLength: 12 }).filter((s) => !values.includes(s)),
  ),
  };
};

const int = (min: number, max: number, o: { optional?: boolean } = {}): Field => ({
  optional: o.optional,
  valid: fc.integer({ min, max }),
  invalid: fc.oneof(
    fc.integer({ min: max + 1, max: max + 1_000_000 }), fc.integer({ min: min - 1_000_000, max: min - 1 }),
    fc.constantFrom(min + 0.5, 1e308, -1e308, 2 ** 53 + 2), fc.integer({ min, max }).map(String), fc.constant(null), fc.boolean(), fc.constant([]),
  ),
});

const num = (min: number, max: number, o: { optional?: boolean; nullable?: boolean } = {}): Field => ({
  optional: o.optional,
  valid: o.nullable ? fc.option(fc.double({ min, max, noNaN: true }), { nil: null }) : fc.double({ min, max, noNaN: true }),
  invalid: fc.oneof(fc.double({ min: max * 2 + 1, max: 1e300, noNaN: true }), fc.double({ min: -1e300, max: min - 1, noNaN: true }), fc.constantFrom('100', '1e3', true, [], {})),
});

const bool = (o: { optional?: boolean } = {}): Field => ({
  optional: o.optional,
  valid: fc.boolean(),
  invalid: fc.constantFrom('true', 'false', 0, 1, null, [], {}, 'yes'),
});

const badId = fc.oneof(
  fc.constantFrom('ABC', '', 'a'.repeat(41), 'a-b', 'a_b', 'a.b', 'a b', '../x', '中文', 'x\u0000', '1;drop table bodies'),
  fc.string({ minLength: 1, maxLength: 50 }).filter((s) => !/^[0-9a-z]{1,40}$/.test(s)),
);
const unknownId = fc.stringMatching(/^[0-9a-z]{16}$/);

/** An id field. `checked`: the server looks the id up, so an unknown one is refused too. */
const idField = (valid: string[], o: { optional?: boolean; nullable?: boolean; checked?: boolean } = {}): Field => ({
  optional: o.optional,
  valid: o.nullable ? fc.oneof(fc.constantFrom(...valid), fc.constant(null)) : fc.constantFrom(...valid),
  invalid: fc.oneof(badId, nonString, ...(o.nullable ? [] : [fc.constant(null)]), ...(o.checked ? [unknownId] : [])),
});

const array = (item: Field, min: number, max: number, o: { optional?: boolean; validMax?: number; unique?: boolean } = {}): Field => ({
  optional: o.optional,
  valid: (o.unique ? fc.uniqueArray(item.valid, { minLength: min, maxLength: o.validMax ?? Math.min(max, 4), selector: (v) => JSON.stringify(v) }) : fc.array(item.valid, { minLength: min, maxLength: o.validMax ?? Math.min(max, 4) })),
  invalid: fc.oneof(
    fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null), fc.constant({})),
    ...(min > 0 ? [fc.constant([])] : []),
    fc.tuple(fc.array(item.valid, { maxLength: 3 }), item.invalid, fc.nat()).map(([a, bad, at]) => { const c = [...a]; c.splice(at % (c.length + 1), 0, bad); return c; }),
    ...(max <= 5000 ? [fc.tuple(item.valid, fc.integer({ min: 1, max: 3 })).map(([v, k]) => Array.from({ length: max + k }, () => v))] : []),
  ),
});

const extraKey = (known: string[]) => fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'role', 'isAdmin', 'id', 'bodyId', 'state', 'receipt', 'memberId', 'toString'),
  fc.string({ minLength: 1, maxLength: 12 }),
).filter((k) => !known.includes(k));

function setKey(o: Record<string, unknown>, k: string, v: unknown) {
  const c: Record<string, unknown> = {};
  for (const [kk, vv] of Object.entries(o)) Object.defineProperty(c, kk, { value: vv, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(c, k, { value: v, enumerable: true, writable: true, configurable: true });
  return c;
}
const omitKey = (o: Record<string, unknown>, k: string) => Object.fromEntries(Object.entries(o).filter(([kk]) => kk !== k));

export const nonObject = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.string({ maxLength: 20 }), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }));

/** An object input: its valid form and its one-mistake invalid forms. */
interface ObjectSpec {
  fields: Record<string, Field>;
  /** valid objects when fields depend on each other; default: a record of valid fields */
  valid?: Arb<Record<string, unknown>>;
  /** fields the schema knows but this variant refuses (e.g. `question` on a selection) */
  forbidden?: Record<string, Arb<unknown>>;
  /** invalid objects the per-field mutations cannot express (e.g. seats > candidates) */
  alsoInvalid?: Arb<unknown>;
}

function validObject(spec: ObjectSpec): Arb<Record<string, unknown>> {
  if (spec.valid) return spec.valid;
  const required = Object.keys(spec.fields).filter((k) => !spec.fields[k].optional);
  return fc.record(Object.fromEntries(Object.entries(spec.fields).map(([k, f]) => [k, f.valid])), { requiredKeys: required }) as Arb<Record<string, unknown>>;
}

function invalidObject(spec: ObjectSpec): Arb<unknown> {
  const keys = Object.keys(spec.fields);
  const required = keys.filter((k) => !spec.fields[k].optional);
  const valid = validObject(spec);
  const options: Arb<unknown>[] = [
    nonObject,
    fc.constantFrom(...keys).chain((k) => fc.tuple(valid, spec.fields[k].invalid).map(([o, v]) => setKey(o, k, v))),
    fc.tuple(valid, extraKey(keys), fc.jsonValue({ maxDepth: 1 })).map(([o, k, v]) => setKey(o, k, v)),
  ];
  if (required.length) options.push(fc.constantFrom(...required).chain((k) => valid.map((o) => omitKey(o, k))));
  if (spec.forbidden && Object.keys(spec.forbidden).length) {
    const f = spec.forbidden;
    options.push(fc.constantFrom(...Object.keys(f)).chain((k) => fc.tuple(valid, f[k]).map(([o, v]) => setKey(o, k, v))));
  }
  if (spec.alsoInvalid) options.push(spec.alsoInvalid);
  return fc.oneof(...options);
}

const objectField = (spec: ObjectSpec, o: { optional?: boolean } = {}): Field => ({ optional: o.optional, valid: validObject(spec), invalid: invalidObject(spec) });

// ---------------------------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------------------------

type Expect = 'refuse' | 'any';

export interface FuzzRequest {
  endpoint: string;
  fault: string;
  expect: Expect;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
}

interface Endpoint {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** valid values for each path parameter */
  params?: Record<string, string[]>;
  /** tokens that may call it (for POST/PUT: with any valid-looking request they would succeed) */
  allowed: string[] | 'public';
  /** valid tokens that must be refused whatever the rest of the request */
  refused?: string[];
  /** request bodies: JSON object specs (variants), or CSV */
  json?: ObjectSpec[];
  csv?: boolean;
  query?: Record<string, Field>;
  /** requests the current state of the world must refuse (409, 403 …) */
  state?: Arb<{ params?: Record<string, string>; token: string; body?: unknown }>;
  /** no fault of the body kind applies (the body is ignored) */
  bodyless?: boolean;
}

const jsonTypes = ['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/merge-patch+json'];
const notJsonTypes = ['text/plain', 'text/plain;charset=UTF-8', 'text/csv', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/xml', 'application/jsonp', 'application/octet-stream', 'json', 'application', ''];
const notCsvTypes = ['application/json', 'application/octet-stream', 'multipart/form-data; boundary=xyz', 'application/x-www-form-urlencoded', 'text/html', 'csv', ''];

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

/** The collection stage: windows, stations, suggestions, the inbox (API.md "Collection and screening"). */
function collectionEndpoints(w: World, g: { staffB: string[]; adminsB: string[]; notStaff: string[] }): Endpoint[] {
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

/** The screening stage: project edits, assessments, the checklist, candidate lists, notices (API.md "Collection and screening"). */
/** Implementation and supervision (API.md last section) on a selected project of B. */
function implementationEndpoints(w: World, g: { staffB: string[]; adminsB: string[]; notStaff: string[] }): Endpoint[] {
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
function portalEndpoints(w: World, g: { adminsB: string[]; notStaff: string[] }): Endpoint[] {
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

function screeningEndpoints(w: World, g: { staffB: string[]; adminsB: string[]; notStaff: string[] }): Endpoint[] {
  const T = w.tokens;
  const I = w.ids;
  const X = I.screening;
  const onlyAdmins = [T.presiderB, T.deptB, T.adminO, ...g.notStaff];
  const draft = I.projects[0];
  const date: Field = { valid: fc.constantFrom('2027-12-31', '2028-02-29'), invalid: fc.oneof(fc.constantFrom('2027-02-30', '2027-1-5', 'tomorrow', '', '2027-13-01', '2027-12-31T00:00:00Z'), nonString, fc.constant(null)) };
  const optional = (f: Field): Field => ({ ...f, optional: true });
  const assessment: ObjectSpec = { fields: {
    feasible: bool(), reason: text(2000), investment: num(0, 1e9), fundingSource: text(200, { optional: true, nullable: true }), completionDate: date,
    targets: array(text(200), 0, 50, { optional: true }),
  } };
  const update: ObjectSpec = { fields: {
    title: text(200, { optional: true }), description: text(5000, { optional: true }), category: enumOf(['教育', '交通出行', '其他'], { optional: true }),
    department: text(100, { optional: true }), investment: num(0, 1e9, { optional: true, nullable: true }), targets: array(text(200), 0, 50, { optional: true }),
  } };
  const exclusions = objectField({ fields: { notWithinYear: bool({ optional: true }), debtRisk: bool({ optional: true }), assignedFromAbove: bool({ optional: true }) } });
  const locked = (token: string[], path: string, body?: unknown) => fc.constantFrom(...token).map((tk) => ({ params: { id: path }, token: tk, body }));
  return [
    { method: 'PUT', path: '/api/projects/:id', params: { id: [draft] }, allowed: g.adminsB, refused: onlyAdmins, json: [update], state: locked(g.adminsB, X.P6, { title: '改名' }) },
    { method: 'POST', path: '/api/projects/:id/withdraw', params: { id: [draft] }, allowed: g.adminsB, refused: onlyAdmins, bodyless: true, state: locked(g.adminsB, X.P6) },
    { method: 'PUT', path: '/api/projects/:id/assessment', params: { id: [draft] }, allowed: [...g.adminsB, T.deptB], refused: [T.presiderB, T.adminO, ...g.notStaff], json: [assessment],
      state: locked([...g.adminsB, T.deptB], X.P6, { feasible: true, reason: '可行', investment: 1, completionDate: '2027-12-31' }) },
    { method: 'PUT', path: '/api/projects/:id/screening', params: { id: [draft] }, allowed: g.adminsB, refused: onlyAdmins,
      json: [{ fields: { exclusions, note: text(1000, { min: 0, optional: true, nullable: true }) } }], state: locked(g.adminsB, X.P6, { exclusions: { debtRisk: true } }) },
    { method: 'GET', path: '/api/me/assessments', allowed: [T.deptB], refused: [...g.staffB, T.adminO, ...g.notStaff] },
    { method: 'POST', path: '/api/bodies/:bodyId/candidate-lists', params: { bodyId: [I.bodyB] }, allowed: g.adminsB, refused: onlyAdmins,
      json: [{ fields: { year: int(2000, 2100), projectIds: array(idField([X.P5], { checked: true }), 1, 200, { unique: true }), seats: int(1, 200), ratio: num(1, 10, { optional: true }) },
        valid: fc.constant({ year: 2027, projectIds: [X.P5], seats: 1 }) }],
      state: fc.constantFrom(...g.adminsB).map((token) => ({ params: { bodyId: I.bodyB }, token, body: { year: 2027, projectIds: [I.projects[1]], seats: 1 } })) },
    { method: 'GET', path: '/api/bodies/:bodyId/candidate-lists', params: { bodyId: [I.bodyB] }, allowed: g.staffB, refused: [T.deptB, T.adminO, ...g.notStaff], query: { year: int(2000, 2100, { optional: true }) } },
    { method: 'GET', path: '/api/candidate-lists/:id', params: { id: [X.L1, X.L2] }, allowed: g.staffB, refused: [T.deptB, T.adminO, ...g.notStaff] },
    { method: 'POST', path: '/api/candidate-lists/:id/approve', params: { id: [X.L1] }, allowed: g.adminsB, refused: onlyAdmins,
      json: [{ fields: { meeting: text(200), approvedAt: optional(date) } }], state: locked(g.adminsB, X.L2, { meeting: '第2次主任会议' }) },
    { method: 'POST', path: '/api/candidate-lists/:id/ballots', params: { id: [X.L2] }, allowed: g.staffB, refused: [T.deptB, T.adminO, ...g.notStaff],
      json: [{ fields: { sessionId: idField([I.sessions.S1], { checked: true }), form: enumOf(['per_candidate', 'choose_n'], { optional: true }), title: text(200, { optional: true }) } }],
      state: locked(g.staffB, X.L1, { sessionId: I.sessions.S1 }) },
    { method: 'POST', path: '/api/sessions/:id/notices', params: { id: [I.sessions.S2] }, allowed: g.staffB, refused: [T.deptB, T.adminO, ...g.notStaff],
      json: [{ fields: { ballotId: idField([I.ballots.P2], { checked: true }) } }],
      state: fc.tuple(fc.constantFrom(...g.staffB), fc.constantFrom(I.ballots.C2, I.ballots.O2)).map(([token, ballotId]) => ({ params: { id: I.sessions.S2 }, token, body: { ballotId } })) },
    { method: 'GET', path: '/api/public/bodies/:bodyId/notices', params: { bodyId: [I.bodyB, I.bodyO] }, allowed: 'public' },
    { method: 'GET', path: '/api/public/notices/:id', params: { id: [X.N1, `${X.N1}.jws`] }, allowed: 'public' },
  ];
}

// ---------------------------------------------------------------------------------------------
// Request arbitraries
// ---------------------------------------------------------------------------------------------

const enc = new TextEncoder();
const wellFormed = (s: string) => !/\p{Cs}/u.test(s);
const utf8 = (s: string) => enc.encode(s);

/** JSON text with one string value's bytes replaced by a sequence that is not UTF-8. */
const invalidUtf8: Arb<readonly number[]> = fc.constantFrom<readonly number[]>([0xff], [0xfe, 0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xe4, 0xb8], [0xf4, 0x90, 0x80, 0x80]);
const MARK = 'zzMARKzz';
function spliceBytes(text: string, bad: readonly number[]): Uint8Array {
  const i = text.indexOf(MARK);
  const head = utf8(text.slice(0, i));
  const tail = utf8(text.slice(i + MARK.length));
  const out = new Uint8Array(head.length + bad.length + tail.length);
  out.set(head, 0);
  out.set(bad, head.length);
  out.set(tail, head.length + bad.length);
  return out;
}

/** A valid object with its first string value (at any depth) replaced by MARK. */
function markFirstString(v: unknown): { value: unknown; marked: boolean } {
  if (typeof v === 'string') return { value: MARK, marked: true };
  if (Array.isArray(v)) {
    const out = [...v];
    for (let i = 0; i < out.length; i++) { const r = markFirstString(out[i]); if (r.marked) { out[i] = r.value; return { value: out, marked: true }; } }
    return { value: out, marked: false };
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) { const r = markFirstString(x); if (r.marked) return { value: setKey(v as Record<string, unknown>, k, r.value), marked: true }; }
  }
  return { value: v, marked: false };
}

const segmentBad = fc.oneof(
  badId.filter((s) => s !== '' && s !== '.' && s !== '..').map((s) => encodeURIComponent(s)),
  fc.constantFrom('%00', '%FF', '%E4%B8', '%ZZ', '%', 'a%2Fb', '%u4e2d', 'x'.repeat(5000), '%C0%AF', 'null', 'undefined', 'NaN', '-1', '1e9', '0x10', 'ABCDEF'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => wellFormed(s) && !/^[0-9a-z]{1,40}$/.test(s)).map((s) => encodeURIComponent(s)).filter((s) => !/^(\.|%2e){1,2}$/i.test(s)),
);

const garbageToken = fc.oneof(
  fc.string({ unit: 'binary-ascii', minLength: 0, maxLength: 300 }).map((s) => s.replace(/[^\x21-\x7e]/g, 'x')),
  fc.base64String({ maxLength: 200 }),
  fc.constantFrom('null', 'undefined', 'eyJhbGciOiJIUzI1NiJ9', 'a.b.c', '..', 'eyJ.eyJ.', 'Bearer', 'x'.repeat(12000), '\u00e9\u00ff\u00a0t'),
);

const csvValid = fc.array(fc.tuple(fc.constantFrom('张三', '李四', 'Wang Wu'), fc.constantFrom('第一代表团', ''), fc.constantFrom('rep', 'committee', '')), { minLength: 1, maxLength: 4 })
  .map((rows) => `name,delegation,kind\n${rows.map((r) => r.join(',')).join('\n')}\n`);
const csvInvalid = fc.oneof(
  fc.constant(''), fc.constant('\n\n'), fc.constant('name,delegation,kind\n'), fc.constant('姓名,代表团\n张三,一\n'),
  fc.constant('name,delegation,kind,secret\n张三,一,rep,x\n'), fc.constant('name,delegation,kind\n张三,一,president\n'),
  fc.constant('name,delegation,kind\n"未闭合,一,rep\n'), fc.constant('name,delegation,kind\n张三,一,rep,extra\n'),
  fc.constant(`name,delegation,kind\n${'长'.repeat(51)},一,rep\n`), fc.constant('name,delegation,kind\n,一,rep\n'),
  fc.constant('name,delegation,kind\n张\u0000三,一,rep\n'),
  fc.constant(`name\n${Array.from({ length: 5001 }, (_, i) => `m${i}`).join('\n')}\n`),
  fc.string({ maxLength: 200 }).map((s) => `x${s}`),
  csvValid.map((c) => `\uFEFF${c.replace('name', 'nam')}`),
);

export interface RequestOptions { world: World; endpoints: Endpoint[] }

function fillPath(e: Endpoint, params: Record<string, string>) {
  return e.path.replace(/:([A-Za-z]+)/g, (_, k: string) => params[k]);
}

export function requestArbitrary({ world, endpoints: list }: RequestOptions): Arb<FuzzRequest> {
  const W = world;
  const allIds = [W.ids.bodyB, W.ids.bodyO, ...W.ids.users, ...W.ids.members, ...W.ids.projects, ...Object.values(W.ids.sessions), ...Object.values(W.ids.ballots), ...Object.values(W.ids.suggestions)];
  const typeOf = new Map<string, string>();
  for (const id of [W.ids.bodyB, W.ids.bodyO]) typeOf.set(id, 'body');
  for (const id of W.ids.users) typeOf.set(id, 'user');
  for (const id of W.ids.members) typeOf.set(id, 'member');
  for (const id of W.ids.projects) typeOf.set(id, 'project');
  for (const id of Object.values(W.ids.sessions)) typeOf.set(id, 'session');
  for (const id of Object.values(W.ids.ballots)) typeOf.set(id, 'ballot');
  for (const id of Object.values(W.ids.suggestions)) typeOf.set(id, 'suggestion');
  typeOf.set(W.ids.selected, 'project');
  const allTokens = [W.tokens.root, W.tokens.adminB, W.tokens.presiderB, W.tokens.deptB, W.tokens.adminO, W.tokens.screenS1, ...W.tokens.members];

  return fc.constantFrom(...list).chain((e) => {
    const isPublic = e.allowed === 'public';
    const allowed = isPublic ? allTokens : (e.allowed as string[]);
    const paramNames = Object.keys(e.params ?? {});
    const validParams = fc.record(Object.fromEntries(paramNames.map((k) => [k, fc.constantFrom(...e.params![k])]))) as Arb<Record<string, string>>;
    const hasBody = !!(e.json || e.csv);
    const validBody: Arb<{ bytes?: Uint8Array; type?: string }> = e.json
      ? fc.tuple(fc.constantFrom(...e.json).chain(validObject), fc.constantFrom(...jsonTypes)).map(([o, type]) => ({ bytes: utf8(JSON.stringify(o)), type }))
      : e.csv ? fc.tuple(csvValid, fc.constantFrom('text/csv', 'text/csv; charset=utf-8', 'text/plain')).map(([c, type]) => ({ bytes: utf8(c), type }))
        : fc.constant({});
    const tokenHeader = (t: string): Record<string, string> => (t ? { authorization: `Bearer ${t}` } : {});
    const make = (fault: string, expect: Expect, params: Record<string, string>, headers: Record<string, string>, body: { bytes?: Uint8Array; type?: string }, method: string = e.method, query = ''): FuzzRequest => {
      const h = { ...headers };
      if (body.type) h['content-type'] = body.type;
      return {
        endpoint: `${e.method} ${e.path}`, fault, expect, method, path: fillPath(e, params) + query, headers: h,
        body: method === 'GET' || method === 'HEAD' ? undefined : body.bytes ?? undefined,
      };
    };
    const isRead = e.method === 'GET';
    const refuse: Expect = isRead && isPublic ? 'any' : 'refuse';
    const faults: { arbitrary: Arb<FuzzRequest>; weight: number }[] = [];

    // Tokens that are not ours or not valid (none, garbage, forged).
    if (!isPublic) {
      const badAuth = fc.oneof(
        fc.constant({}),
        garbageToken.map((g) => ({ authorization: `Bearer ${g}` })),
        fc.constantFrom(...W.forged).map((f) => ({ authorization: f.header })),
        fc.constantFrom(...W.forged).map((f) => ({ cookie: `minsheng_token=${f.header.slice(7)}` })),
        garbageToken.map((g) => ({ cookie: `minsheng_token=${g.replace(/[;,\s]/g, '')}` })),
        fc.constantFrom('Basic YWRtaW46dGVzdA==', 'Bearer', 'Bearer  ', 'Token abc', 'bearer').map((a) => ({ authorization: a })),
      );
      faults.push({ weight: 30, arbitrary: fc.tuple(badAuth, validParams, validBody).map(([h, p, b]) => make('token: missing, garbage or forged', refuse, p, h, b)) });
    }
    // Valid tokens of the wrong kind or of another body.
    if (e.refused?.length) {
      faults.push({ weight: 30, arbitrary: fc.tuple(fc.constantFrom(...e.refused), validParams, validBody).map(([t, p, b]) => make('token: wrong kind or body', 'refuse', p, tokenHeader(t), b)) });
    }
    // Path ids: malformed, unknown, or of another kind of record.
    if (paramNames.length) {
      const wrongType = (name: string) => {
        const own = typeOf.get(e.params![name][0]);
        const others = allIds.filter((id) => typeOf.get(id) !== own);
        return fc.constantFrom(...others);
      };
      faults.push({ weight: 40, arbitrary: fc.tuple(fc.constantFrom(...paramNames), validParams, fc.constantFrom(...allowed), validBody, fc.nat(2)).chain(([name, p, t, b, kind]) => {
        const bad = kind === 0 ? segmentBad : kind === 1 ? unknownId : wrongType(name);
        return bad.map((v) => make(`path: ${['malformed', 'unknown', 'wrong kind of'][kind]} ${name}`, isRead ? 'refuse' : 'refuse', { ...p, [name]: v }, tokenHeader(t), b));
      }) });
    }
    // Bodies: one mistake in an otherwise valid object; broken JSON; bad bytes; wrong media type; size.
    if (e.json) {
      const specs = e.json;
      const ok = () => fc.tuple(validParams, fc.constantFrom(...allowed));
      const send = (fault: string, body: Arb<{ bytes: Uint8Array; type: string }>) =>
        fc.tuple(ok(), body).map(([[p, t], b]) => make(fault, 'refuse', p, tokenHeader(t), b));
      const jsonType = fc.constantFrom(...jsonTypes);
      faults.push({ weight: 60, arbitrary: send('body: one field wrong, missing or extra', fc.tuple(fc.constantFrom(...specs).chain(invalidObject), jsonType).map(([o, type]) => ({ bytes: utf8(JSON.stringify(o) ?? 'null'), type }))) });
      faults.push({ weight: 20, arbitrary: send('body: not JSON', fc.tuple(fc.oneof(
        fc.constantFrom(...specs).chain(validObject).chain((o) => { const s = JSON.stringify(o); return fc.integer({ min: 0, max: s.length - 1 }).map((n) => s.slice(0, n)); }),
        fc.constantFrom('', ' ', '{', '}', "{'a':1}", '{a:1}', '[1,]', 'NaN', 'undefined', '{"a":1}}', 'nul', '\u0000', '{"a":"\\x41"}', '{"a":01}', '{"a":"\u0001"}'),
        fc.string({ maxLength: 100 }).map((s) => `#${s}`),
      ), jsonType).map(([s, type]) => ({ bytes: utf8(s), type }))) });
      faults.push({ weight: 20, arbitrary: send('body: bytes that are not UTF-8', fc.tuple(fc.constantFrom(...specs).chain(validObject), invalidUtf8, jsonType).map(([o, bad, type]) => {
        const { value, marked } = markFirstString(o);
        const text = marked ? JSON.stringify(value) : `{"${MARK}":1}`;
        return { bytes: spliceBytes(text, bad), type };
      })) });
      faults.push({ weight: 10, arbitrary: send('body: random bytes', fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 300 }), jsonType).map(([bytes, type]) => ({ bytes, type }))) });
      faults.push({ weight: 20, arbitrary: send('body: valid JSON, wrong media type', fc.tuple(fc.constantFrom(...specs).chain(validObject), fc.constantFrom(...notJsonTypes)).map(([o, type]) => ({ bytes: utf8(JSON.stringify(o)), type }))) });
      faults.push({ weight: 10, arbitrary: send('body: deeply nested', fc.tuple(fc.integer({ min: 1000, max: 50_000 }), fc.boolean(), jsonType).map(([n, arr, type]) => ({ bytes: utf8(arr ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`), type }))) });
      faults.push({ weight: 3, arbitrary: send('body: over 2 MB', fc.tuple(fc.constantFrom(...specs).chain(validObject), fc.integer({ min: 2_100_000, max: 3_000_000 }), jsonType).map(([o, n, type]) => ({ bytes: utf8(JSON.stringify(setKey(o, 'padding', 'x'.repeat(n)))), type }))) });
      faults.push({ weight: 7, arbitrary: send('body: huge string field', fc.tuple(fc.constantFrom(...specs).chain((s) => fc.tuple(fc.constant(s), validObject(s))), fc.integer({ min: 100_000, max: 1_500_000 }), jsonType).map(([[s, o], n, type]) => {
        const textKeys = Object.keys(o).filter((k) => typeof o[k] === 'string' && k !== 'kind' && k !== 'level' && k !== 'role' && k !== 'category' && k !== 'form' && k !== 'baseRule' && k !== 'password');
        const k = textKeys[0] ?? Object.keys(s.fields)[0];
        return { bytes: utf8(JSON.stringify(setKey(o, k, '长'.repeat(n)))), type };
      })) });
      faults.push({ weight: 10, arbitrary: send('body: many keys', fc.tuple(fc.integer({ min: 1000, max: 5_000 }), jsonType).map(([n, type]) => ({ bytes: utf8(`{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`), type }))) });
    }
    if (e.csv) {
      const ok = fc.tuple(validParams, fc.constantFrom(...allowed));
      faults.push({ weight: 40, arbitrary: fc.tuple(ok, csvInvalid, fc.constantFrom('text/csv', 'text/plain; charset=utf-8')).map(([[p, t], c, type]) => make('csv: malformed', 'refuse', p, tokenHeader(t), { bytes: utf8(c), type })) });
      faults.push({ weight: 20, arbitrary: fc.tuple(ok, csvValid, fc.constantFrom(...notCsvTypes)).map(([[p, t], c, type]) => make('csv: wrong media type', 'refuse', p, tokenHeader(t), { bytes: utf8(c), type })) });
      faults.push({ weight: 20, arbitrary: fc.tuple(ok, invalidUtf8, fc.constantFrom('text/csv')).map(([[p, t], bad]) => make('csv: bytes that are not UTF-8', 'refuse', p, tokenHeader(t), { bytes: spliceBytes(`name,delegation,kind\n${MARK},一,rep\n`, bad), type: 'text/csv' })) });
    }
    // Actions the state of the world forbids.
    if (e.state) {
      const st = e.state;
      faults.push({ weight: 30, arbitrary: fc.tuple(st, validParams, fc.constantFrom(...jsonTypes)).map(([s, p, type]) => make('state: not allowed now', 'refuse', { ...p, ...(s.params ?? {}) }, tokenHeader(s.token), s.body === undefined ? {} : { bytes: utf8(JSON.stringify(s.body)), type })) });
    }
    // Methods the path does not have.
    faults.push({ weight: 5, arbitrary: fc.tuple(fc.constantFrom('DELETE', 'PATCH'), validParams, validBody).map(([m, p, b]) => make('method: not allowed', 'refuse', p, {}, b, m)) });
    // Query strings: malformed values and unknown parameters.
    if (e.query) {
      faults.push({ weight: 20, arbitrary: fc.tuple(validParams, fc.constantFrom(...allowed), fc.oneof(
        fc.constantFrom('?year=abc', '?year=1e3', '?year=-1', '?year=99999', '?year=2027.5', '?year=', '?year=%00', '?year=%FF', '?other=1', '?year=2027&x=1', '?year[]=2027', `?year=${'9'.repeat(400)}`),
        fc.string({ maxLength: 30 }).map((s) => `?${encodeURIComponent(wellFormed(s) ? s : 'x')}=1`).filter((q) => q !== '?=1' && !q.startsWith('?year=')),
      )).map(([p, t, q]) => make('query: malformed', isPublic ? 'any' : 'refuse', p, tokenHeader(t), {}, 'GET', q)) });
    }
    // Reads with valid credentials: anything but a 5xx or an answer without a code is fine.
    if (isRead) {
      faults.push({ weight: 10, arbitrary: fc.tuple(validParams, fc.option(fc.constantFrom(...allTokens), { nil: '' })).map(([p, t]) => make('read', 'any', p, tokenHeader(t), {})) });
    }
    if (!faults.length || (!hasBody && !faults.length)) faults.push({ weight: 10, arbitrary: validParams.map((p) => make('read', 'any', p, {}, {})) });
    return fc.oneof(...faults);
  });
}

// ---------------------------------------------------------------------------------------------
// Running and checking
// ---------------------------------------------------------------------------------------------

export interface FuzzFailure { request: string; status: number | string; answer: string; why: string }

export interface FuzzReport {
  requests: number;
  seconds: number;
  byStatus: Map<number, number>;
  byFault: Map<string, number>;
  byEndpoint: Map<string, number>;
  codes: Map<string, number>;
  failures: FuzzFailure[];
}

export function describeRequest(r: FuzzRequest): string {
  const raw = r.body ? Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength) : null;
  const body = !raw ? '' : raw.length <= 600 ? raw.toString('utf8') : `${raw.subarray(0, 300).toString('utf8')}…${raw.subarray(raw.length - 200).toString('utf8')}`;
  const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${v.length > 80 ? `${v.slice(0, 80)}…` : v}`).join('; ');
  return `[${r.fault}] ${r.method} ${r.path.length > 200 ? `${r.path.slice(0, 200)}…` : r.path} {${headers}} ${body}${raw && raw.length > 600 ? ` (${raw.length} bytes)` : ''}`;
}

/** Sends one request with node:http (raw header bytes, any method, any body), over a keep-alive agent. */
export function sendOne(base: string, r: FuzzRequest, agent: http.Agent): Promise<{ status: number; text: string; type: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    let answered = false;
    const headers: Record<string, string> = { ...r.headers };
    if (r.body) headers['content-length'] = String(r.body.length);
    const req = http.request({ host: u.hostname, port: u.port, method: r.method, path: r.path, headers, agent, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        answered = true;
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), type: String(res.headers['content-type'] ?? '') });
      });
      res.on('error', (e) => { if (!answered) reject(e); });
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 60 s')));
    // Once answered, a refused upload may be cut short by the server: that is not a failure.
    req.on('error', (e) => { if (!answered) reject(e); });
    req.end(r.body ? Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength) : undefined);
  });
}

/** What every answer must be; returns why not, or null. */
export function judge(r: FuzzRequest, a: { status: number; text: string; type: string }): string | null {
  if (a.status >= 500) return `answered ${a.status}`;
  if (r.expect === 'refuse' && a.status < 400) return `malformed request accepted with ${a.status}`;
  if (a.status >= 400) {
    let body: any;
    try { body = JSON.parse(a.text); } catch { return `refusal ${a.status} is not JSON`; }
    const e = body?.error;
    if (!e || typeof e.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(e.code) || typeof e.message !== 'string' || !e.message) return `refusal ${a.status} without {error: {code, message}}`;
    if (a.text.length > 64_000) return `refusal of ${a.text.length} bytes (echoes the input)`;
  }
  return null;
}

export async function runFuzz(opts: {
  base: string; arbitrary: Arb<FuzzRequest>; count: number; seed: number; concurrency?: number; batch?: number;
  onProgress?: (done: number, report: FuzzReport) => void;
}): Promise<FuzzReport> {
  const started = Date.now();
  const report: FuzzReport = { requests: 0, seconds: 0, byStatus: new Map(), byFault: new Map(), byEndpoint: new Map(), codes: new Map(), failures: [] };
  const inc = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  const batch = opts.batch ?? 1000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency ?? 8 });
  for (let done = 0, round = 0; done < opts.count; round++) {
    const n = Math.min(batch, opts.count - done);
    const reqs = fc.sample(opts.arbitrary, { numRuns: n, seed: opts.seed + round });
    let next = 0;
    await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, async () => {
      while (next < reqs.length) {
        const r = reqs[next++];
        inc(report.byFault, r.fault);
        inc(report.byEndpoint, r.endpoint);
        let a: { status: number; text: string; type: string };
        try {
          a = await sendOne(opts.base, r, agent);
        } catch (err) {
          report.failures.push({ request: describeRequest(r), status: 'network error', answer: String((err as Error).cause ?? err), why: 'no answer' });
          continue;
        }
        inc(report.byStatus, a.status);
        if (a.status >= 400) {
          try { inc(report.codes, `${a.status} ${JSON.parse(a.text).error.code}`); } catch { inc(report.codes, `${a.status} (no code)`); }
        }
        const why = judge(r, a);
        if (why && report.failures.length < 200) report.failures.push({ request: describeRequest(r), status: a.status, answer: a.text.slice(0, 300), why });
      }
    }));
    done += n;
    report.requests = done;
    report.seconds = (Date.now() - started) / 1000;
    opts.onProgress?.(done, report);
  }
  agent.destroy();
  return report;
}

/** Every table's rows (and every sequence's position), hashed: equal dumps mean no change of state. */
export async function dumpState(db: Db): Promise<Record<string, string>> {
  const tables = rowsOf<{ s: string; t: string }>(await db.execute(sql`
    select table_schema as s, table_name as t from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`));
  const out: Record<string, string> = {};
  for (const { s, t } of tables) {
    const q = `select count(*)::text as n, coalesce(md5(string_agg(x::text, E'\\n' order by x::text)), '') as h from "${s}"."${t}" x`;
    const [row] = rowsOf<{ n: string; h: string }>(await db.execute(sql.raw(q)));
    out[`${s}.${t}`] = `${row.n} rows ${row.h}`;
  }
  const seqs = rowsOf<{ s: string; n: string }>(await db.execute(sql`select schemaname || '.' || sequencename as s, coalesce(last_value, 0)::text as n from pg_sequences order by 1`));
  for (const { s, n } of seqs) out[`sequence ${s}`] = n;
  return out;
}

export function diffStates(a: Record<string, string>, b: Record<string, string>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => a[k] !== b[k]).map((k) => `${k}: ${a[k] ?? '(none)'} → ${b[k] ?? '(none)'}`);
}

export function formatReport(r: FuzzReport): string {
  const top = (m: Map<string | number, number>, n = 50) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n).map(([k, v]) => `    ${String(v).padStart(7)}  ${k}`).join('\n');
  return [
    `requests: ${r.requests} in ${r.seconds.toFixed(1)} s (${(r.requests / Math.max(r.seconds, 0.001)).toFixed(0)}/s)`,
    `answers by status:\n${top(r.byStatus as Map<string | number, number>)}`,
    `refusal codes:\n${top(r.codes)}`,
    `faults:\n${top(r.byFault)}`,
    `endpoints (${r.byEndpoint.size}):\n${top(r.byEndpoint, 100)}`,
    `failures: ${r.failures.length}`,
    ...r.failures.slice(0, 20).map((f) => `  - ${f.why}: ${f.request}\n      → ${f.status} ${f.answer}`),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The live API (socket.io): handshakes with bad tokens, and `session:join` with anything at all.
// ---------------------------------------------------------------------------------------------

export interface SocketFuzzReport { handshakes: number; handshakesRefused: number; joins: number; joinsRefused: number; failures: string[] }

export async function fuzzSockets(base: string, world: World, opts: { count: number; seed: number }): Promise<SocketFuzzReport> {
  const { io } = await import('socket.io-client');
  const report: SocketFuzzReport = { handshakes: 0, handshakesRefused: 0, joins: 0, joinsRefused: 0, failures: [] };
  const badAuth = fc.oneof(
    fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }).map((token) => ({ token })), garbageToken.map((token) => ({ token })),
    fc.constantFrom(...world.forged).map((f) => ({ token: f.header.slice(7) })), fc.constantFrom(...world.forged).map((f) => ({ token: f.header })),
  );
  const S = world.ids.sessions;
  const payload = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined),
    fc.oneof(badId, unknownId, fc.constantFrom(...Object.values(world.ids.ballots), world.ids.bodyB, ...world.ids.members), fc.jsonValue({ maxDepth: 1 })).map((sessionId) => ({ sessionId })),
  );
  const connect = (auth: unknown) => new Promise<{ ok: true; socket: ReturnType<typeof io> } | { ok: false; error: Error & { data?: any } }>((resolve) => {
    const socket = io(base, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 10_000 });
    socket.once('connect', () => resolve({ ok: true, socket }));
    socket.once('connect_error', (error: Error & { data?: any }) => { socket.close(); resolve({ ok: false, error }); });
  });
  // 1. Handshakes that must be refused, each with {code, message}.
  for (const auth of fc.sample(badAuth, { numRuns: Math.ceil(opts.count / 4), seed: opts.seed })) {
    report.handshakes++;
    const r = await connect(auth);
    if (r.ok) { report.failures.push(`handshake accepted with ${JSON.stringify(auth)?.slice(0, 120)}`); r.socket.close(); continue; }
    report.handshakesRefused++;
    if (typeof r.error.data?.code !== 'string' || typeof r.error.data?.message !== 'string') report.failures.push(`handshake refused without {code, message}: ${r.error.message}`);
  }
  // 2. Joins that must be refused: malformed payloads from valid sockets, and sessions the caller may not see.
  const sockets = await Promise.all([world.tokens.adminO, world.tokens.members[10], world.tokens.screenS1, world.tokens.presiderB].map((token) => connect({ token })));
  for (const s of sockets) if (!s.ok) throw new Error(`a valid socket was refused: ${s.error.message}`);
  const [adminO, outsider, screen, presider] = sockets.map((s) => (s as { socket: ReturnType<typeof io> }).socket);
  const cases = fc.sample(fc.oneof(
    payload.filter((p) => !(p && typeof p === 'object' && 'sessionId' in p && Object.values(S).includes((p as { sessionId: string }).sessionId))).map((p) => ({ socket: presider, p })),
    fc.constantFrom(...Object.values(S)).map((sessionId) => ({ socket: adminO, p: { sessionId } as unknown })),
    fc.constantFrom(S.S2, S.S3, S.S4, S.S5).map((sessionId) => ({ socket: screen, p: { sessionId } as unknown })),
  ), { numRuns: opts.count - Math.ceil(opts.count / 4), seed: opts.seed + 1 });
  let previous: unknown = null;
  for (const c of cases) {
    report.joins++;
    if (!c.socket.connected) { report.failures.push(`a socket was disconnected after ${JSON.stringify(previous)?.slice(0, 200)}`); break; }
    previous = c.p;
    const ack = await Promise.race([
      c.p === undefined ? c.socket.emitWithAck('session:join') : c.socket.emitWithAck('session:join', c.p),
      sleepMs(5000).then(() => 'timeout'),
    ]).catch((e: Error) => `error ${e.message}`);
    if (ack === 'timeout') {
      report.failures.push(`no answer to session:join ${JSON.stringify(c.p)?.slice(0, 120)}`);
      continue;
    }
    const a = ack as { ok?: boolean; error?: { code?: unknown; message?: unknown } };
    if (a?.ok !== false) report.failures.push(`join accepted: ${JSON.stringify(c.p)?.slice(0, 120)}`);
    else if (typeof a.error?.code !== 'string' || typeof a.error?.message !== 'string' || a.error.code === 'internal_error') report.failures.push(`join refused without a proper code: ${JSON.stringify(a).slice(0, 200)}`);
    else report.joinsRefused++;
  }
  // 3. A frame over the 16 KB limit closes that one connection; the server goes on serving.
  const big = await connect({ token: world.tokens.presiderB });
  if (big.ok) {
    const closed = new Promise<boolean>((resolve) => { big.socket.once('disconnect', () => resolve(true)); setTimeout(() => resolve(false), 5000); });
    big.socket.emit('session:join', { sessionId: S.S1, padding: 'x'.repeat(100_000) });
    report.joins++;
    if (await closed) report.joinsRefused++;
    else report.failures.push('a 100 KB frame was not refused');
    big.socket.close();
  }
  const after = await Promise.race([presider.emitWithAck('session:join', { sessionId: 'zzzz' }), sleepMs(5000).then(() => null)]);
  if (!after || (after as { ok?: boolean }).ok !== false) report.failures.push('the server stopped answering joins');
  for (const s of [adminO, outsider, screen, presider]) s.close();
  return report;
}

const sleepMs = (ms: number) => new Promise((r) => setTimeout(r, ms));
