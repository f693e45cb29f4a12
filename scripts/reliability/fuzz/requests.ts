// Request arbitraries: for each endpoint, requests with one fault each (tokens, path ids, bodies, media
// types, sizes, states, methods, query strings) and valid reads.
import fc from 'fast-check';
import type { World } from './world.js';
import type { Endpoint, Expect, FuzzRequest } from './types.js';
import { badId, invalidObject, setKey, unknownId, validObject, type Arb } from './fields.js';
import { queryString } from './schema.js';

const jsonTypes = ['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/merge-patch+json'];
const notJsonTypes = ['text/plain', 'text/plain;charset=UTF-8', 'text/csv', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/xml', 'application/jsonp', 'application/octet-stream', 'json', 'application', ''];
const notCsvTypes = ['application/json', 'application/octet-stream', 'multipart/form-data; boundary=xyz', 'application/x-www-form-urlencoded', 'text/html', 'csv', ''];
const enc = new TextEncoder();
const wellFormed = (s: string) => !/\p{Cs}/u.test(s);
const utf8 = (s: string) => enc.encode(s);

/** Byte sequences that are not UTF-8 (overlong, surrogate, truncated, out of range). */
const invalidUtf8: Arb<readonly number[]> = fc.constantFrom<readonly number[]>([0xff], [0xfe, 0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xe4, 0xb8], [0xf4, 0x90, 0x80, 0x80]);
const MARK = 'zzMARKzz';
/** JSON (or CSV) text with the MARK put in one string value replaced by bytes that are not UTF-8. */
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

export const garbageToken = fc.oneof(
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
    const allowed = isPublic ? allTokens.filter((t) => !e.refused.includes(t)) : (e.allowed as string[]);
    const paramNames = Object.keys(e.params);
    const validParams = fc.record(Object.fromEntries(paramNames.map((k) => [k, fc.constantFrom(...e.params[k])]))) as Arb<Record<string, string>>;
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
    if (e.refused.length) {
      faults.push({ weight: 30, arbitrary: fc.tuple(fc.constantFrom(...e.refused), validParams, validBody).map(([t, p, b]) => make('token: wrong kind or body', 'refuse', p, tokenHeader(t), b)) });
    }
    // Path ids: malformed, unknown, or of another kind of record.
    if (paramNames.length) {
      const wrongType = (name: string) => {
        const own = typeOf.get(e.params[name][0]);
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
      const derived = e.derived.body ? ' (from the schema)' : '';
      faults.push({ weight: 60, arbitrary: send(`body: one field wrong, missing or extra${derived}`, fc.tuple(fc.constantFrom(...specs).chain(invalidObject), jsonType).map(([o, type]) => ({ bytes: utf8(JSON.stringify(o) ?? 'null'), type }))) });
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
      // an object of unknown keys is a mistake only where the schema is strict
      const strict = !specs[0].open;
      faults.push({ weight: 10, arbitrary: send('body: deeply nested', fc.tuple(fc.integer({ min: 1000, max: 50_000 }), fc.boolean(), jsonType).map(([n, arr, type]) => ({ bytes: utf8(arr || !strict ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`), type }))) });
      faults.push({ weight: 3, arbitrary: send('body: over 2 MB', fc.tuple(fc.constantFrom(...specs).chain(validObject), fc.integer({ min: 2_100_000, max: 3_000_000 }), jsonType).map(([o, n, type]) => ({ bytes: utf8(JSON.stringify(setKey(o, 'padding', 'x'.repeat(n)))), type }))) });
      const long = specs.filter((sp) => !sp.longKeys || sp.longKeys.length);
      if (long.length) {
        faults.push({ weight: 7, arbitrary: send('body: huge string field', fc.tuple(fc.constantFrom(...long).chain((sp) => fc.tuple(fc.constant(sp), validObject(sp))), fc.integer({ min: 100_000, max: 1_500_000 }), jsonType).map(([[sp, o], n, type]) => {
          const textKeys = sp.longKeys ?? Object.keys(o).filter((k) => typeof o[k] === 'string' && !['kind', 'level', 'role', 'category', 'form', 'baseRule', 'password'].includes(k));
          const k = textKeys[0] ?? Object.keys(sp.fields)[0];
          return { bytes: utf8(JSON.stringify(setKey(o, k, '长'.repeat(n)))), type };
        })) });
      }
      if (strict) faults.push({ weight: 10, arbitrary: send('body: many keys', fc.tuple(fc.integer({ min: 1000, max: 5_000 }), jsonType).map(([n, type]) => ({ bytes: utf8(`{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`), type }))) });
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
    // Query strings, from the route's query schema: malformed (refused), valid-shaped (a read: anything goes),
    // and badly encoded or repeated parameters (anything but a 5xx).
    if (e.query) {
      const q = e.query;
      const names = Object.keys(q.fields);
      faults.push({ weight: 20, arbitrary: fc.tuple(validParams, fc.constantFrom(...allowed), invalidObject(q)).map(([p, t, v]) => make('query: malformed (from the schema)', 'refuse', p, tokenHeader(t), {}, 'GET', queryString(v))) });
      if (isRead) faults.push({ weight: 10, arbitrary: fc.tuple(validParams, fc.option(fc.constantFrom(...allowed), { nil: '' }), validObject(q)).map(([p, t, v]) => make('query: valid-shaped (from the schema)', 'any', p, tokenHeader(t), {}, 'GET', queryString(v))) });
      faults.push({ weight: 5, arbitrary: fc.tuple(validParams, fc.constantFrom(...allowed), fc.constantFrom(...names, 'x'), fc.constantFrom('%00', '%FF', '%E4%B8', '%ZZ', '%', '9'.repeat(400), ''), fc.nat(2)).map(([p, t, k, v, form]) =>
        make('query: badly encoded', 'any', p, tokenHeader(t), {}, 'GET', [`?${k}=${v}`, `?${k}[]=${v}`, `?${k}=${v}&${k}=${v}`][form])) });
    }
    // Reads with valid credentials: anything but a 5xx or an answer without a code is fine.
    if (isRead) {
      faults.push({ weight: 10, arbitrary: fc.tuple(validParams, fc.option(fc.constantFrom(...allTokens), { nil: '' })).map(([p, t]) => make('read', 'any', p, tokenHeader(t), {})) });
    }
    if (!faults.length || (!hasBody && !faults.length)) faults.push({ weight: 10, arbitrary: validParams.map((p) => make('read', 'any', p, {}, {})) });
    return fc.oneof(...faults);
  });
}
