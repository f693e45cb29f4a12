// Input fuzzing derived from a route's own zod schema, the one that validates its requests: the schema as
// JSON Schema (z.toJSONSchema, as the server reads it: `io: 'input'`), and from that, per field, values that
// are valid and values that are certainly not (fields.ts's shapes). Types, required keys, unknown keys
// (strict objects), string lengths and patterns, integer and number ranges, enums, arrays with their item
// counts, nested objects, nullable values. It knows nothing of the world: an id field (the id pattern) gets
// ids of nothing, so a valid-shaped request may still be refused for the state ('any'); a malformed one
// breaks the JSON Schema, which the zod schema only narrows further, so it must be refused ('refuse';
// tests/reliability/derive.test.ts checks each against the schema itself).
import fc from 'fast-check';
import { z } from 'zod';
import type { RouteDef } from '../../../server/http/route.js';
import { badId, invalidObject, unknownId, validObject, type Arb, type Field, type ObjectSpec } from './fields.js';
import type { Expect } from './types.js';

export interface JsonSchema {
  type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema; minItems?: number; maxItems?: number; minLength?: number; maxLength?: number; pattern?: string;
  minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number;
  enum?: unknown[]; const?: unknown; anyOf?: JsonSchema[]; oneOf?: JsonSchema[];
}
/** `json`: a JSON body; `query`: a query string, every value a string the schema coerces. */
type Mode = 'json' | 'query';

const idPattern = '^[0-9a-z]{1,40}$';
const annotations = new Set(['$schema', 'description', 'title', 'default', 'examples', 'format', 'readOnly', 'writeOnly', 'deprecated', 'id']);
/** A schema that takes anything (z.unknown(), or what JSON Schema cannot say). */
const takesAnything = (s: JsonSchema) => Object.keys(s).every((k) => annotations.has(k));

export const toJsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

// Strings: no white space at either end (the schemas trim), no NUL, all in the BMP (lengths count alike).
const chars = fc.constantFrom(...'abcxyz0189民生实事项目教育局Ω√'.split(''));
const patternMisses = ['', '!', 'a b', '中文', 'x\u0000y', '..', 'ABC', '-1', '2027-13-45', 'a'.repeat(65), '0'.repeat(41), 'x'.repeat(300)];
const outOfBounds = (max: number, mode: Mode) => (mode === 'query'
  ? (max <= 2000 ? fc.integer({ min: 1, max: 64 }).map((k) => 'x'.repeat(max + k)) : null) // a URL stays under the header limit
  : fc.tuple(fc.constantFrom('x', '长', '😀'), fc.integer({ min: 1, max: 64 }), fc.constantFrom(1, 1, 50, 2000)).map(([c, k, scale]) => c.repeat(max + k * scale)));

function stringField(s: JsonSchema, mode: Mode): Field {
  const min = s.minLength ?? 0;
  const max = s.maxLength;
  const re = s.pattern ? new RegExp(s.pattern) : null;
  const valid = s.pattern === idPattern ? unknownId
    : re ? fc.stringMatching(re).filter((v) => v.length >= min && (max === undefined || v.length <= max))
      : fc.string({ unit: chars, minLength: min, maxLength: Math.min(max ?? 24, Math.max(min, 24)) });
  const invalid: Arb<unknown>[] = mode === 'json' ? [fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), fc.constant(null)] : [];
  if (max !== undefined) { const long = outOfBounds(max, mode); if (long) invalid.push(long); }
  if (min > 0) invalid.push(fc.constant('x'.repeat(min - 1)));
  if (s.pattern === idPattern) invalid.push(badId);
  else if (re) { const misses = patternMisses.filter((v) => !re.test(v)); if (misses.length) invalid.push(fc.constantFrom(...misses)); }
  return { valid, invalid: invalid.length ? fc.oneof(...invalid) : undefined };
}

function numberField(s: JsonSchema, mode: Mode, integer: boolean): Field {
  const lo = s.minimum ?? s.exclusiveMinimum;
  const hi = s.maximum ?? s.exclusiveMaximum;
  const loOut = s.minimum === undefined; // the bound itself is out
  const hiOut = s.maximum === undefined;
  const valid = integer
    ? fc.integer({ min: lo === undefined ? -1e6 : Math.ceil(lo + (loOut ? 1 : 0)), max: hi === undefined ? 1e6 : Math.floor(hi - (hiOut ? 1 : 0)) })
    : fc.double({ min: lo ?? -1e9, max: hi ?? 1e9, minExcluded: loOut && lo !== undefined, maxExcluded: hiOut && hi !== undefined, noNaN: true, noDefaultInfinity: true });
  const bad: Arb<number>[] = [];
  if (hi !== undefined) bad.push(integer ? fc.integer({ min: Math.floor(hi) + 1, max: Math.floor(hi) + 1_000_000 }) : fc.double({ min: hi, max: 1e300, minExcluded: !hiOut, noNaN: true }));
  if (lo !== undefined) bad.push(integer ? fc.integer({ min: Math.ceil(lo) - 1_000_000, max: Math.ceil(lo) - 1 }) : fc.double({ min: -1e300, max: lo, maxExcluded: !loOut, noNaN: true }).filter((v) => !Object.is(v, -0)));
  // (-0 is below 0 to fast-check but JSON writes it as 0, a valid weight: it made a "malformed" rule that was accepted)
  const frac = (lo ?? 0) + 0.5;
  if (integer && (hi === undefined || frac < hi)) bad.push(fc.constant(frac));
  const invalid: Arb<unknown>[] = mode === 'json'
    ? [...bad, fc.constantFrom('1', 'x', true, false, [], {}, null)]
    : [...bad.map((a) => a.map(String)), fc.constantFrom('abc', 'x1', '1x', 'NaN', '--1', '0x')];
  return { valid: mode === 'json' ? valid : valid.map(String), invalid: fc.oneof(...invalid) };
}

function enumField(values: unknown[], mode: Mode): Field {
  const strings = values.filter((v): v is string => typeof v === 'string');
  const misses = [...strings.map((v) => v.toUpperCase()), ...strings.map((v) => ` ${v}`), 'unknown', ''].filter((v) => !values.includes(v));
  const invalid: Arb<unknown>[] = [fc.constantFrom(...misses), fc.string({ unit: chars, minLength: 1, maxLength: 12 }).filter((v) => !values.includes(v))];
  if (mode === 'json') invalid.push(fc.constantFrom(0, 1, true, [], {}, null).filter((v) => !values.includes(v)));
  return { valid: fc.constantFrom(...(mode === 'json' ? values : values.map(String))), invalid: fc.oneof(...invalid) };
}

function arrayField(s: JsonSchema): Field {
  const item = fieldOf(s.items ?? {}, 'json');
  const min = s.minItems ?? 0;
  const max = s.maxItems;
  const invalid: Arb<unknown>[] = [fc.constantFrom('x', 1, null, {}, true)];
  if (min > 0) invalid.push(fc.array(item.valid, { maxLength: min - 1 }));
  if (max !== undefined && max <= 5000) invalid.push(fc.tuple(item.valid, fc.integer({ min: 1, max: 3 })).map(([v, k]) => Array.from({ length: max + k }, () => v)));
  if (item.invalid) {
    invalid.push(fc.tuple(fc.array(item.valid, { minLength: Math.max(0, min - 1), maxLength: Math.max(0, min - 1) + 2 }), item.invalid, fc.nat())
      .map(([a, bad, at]) => { const c = [...a]; c.splice(at % (c.length + 1), 0, bad); return c; }));
  }
  return { valid: fc.array(item.valid, { minLength: min, maxLength: Math.min(max ?? min + 3, min + 3) }), invalid: fc.oneof(...invalid) };
}

/** Valid and certainly-invalid values of one JSON Schema. */
export function fieldOf(s: JsonSchema, mode: Mode): Field {
  if (takesAnything(s)) return { valid: mode === 'json' ? fc.jsonValue({ maxDepth: 2 }) : fc.string({ unit: chars, maxLength: 8 }) };
  const branches = s.anyOf ?? s.oneOf ?? (Array.isArray(s.type) ? s.type.map((type) => ({ ...s, type })) : null);
  if (branches) {
    const others = branches.filter((b) => b.type !== 'null');
    const nullable = others.length < branches.length;
    if (others.length === 1) {
      const f = fieldOf(others[0], mode);
      if (!nullable || mode === 'query') return f;
      return { valid: fc.oneof({ arbitrary: f.valid, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }), invalid: f.invalid?.filter((v) => v !== null) };
    }
    const fields = branches.map((b) => fieldOf(b, mode));
    const invalid = fields.flatMap((f) => (f.invalid ? [f.invalid] : []));
    return { valid: fc.oneof(...fields.map((f) => f.valid)), invalid: invalid.length ? fc.oneof(...invalid).filter((v) => !branches.some((b) => matches(b, v))) : undefined };
  }
  if (s.enum) return enumField(s.enum, mode);
  if ('const' in s) return enumField([s.const], mode);
  switch (s.type) {
    case 'string': return stringField(s, mode);
    case 'integer': return numberField(s, mode, true);
    case 'number': return numberField(s, mode, false);
    case 'boolean': return mode === 'json'
      ? { valid: fc.boolean(), invalid: fc.constantFrom('true', 0, 1, null, [], {}, 'yes') }
      : { valid: fc.constantFrom('true', 'false') }; // what a query's boolean coerces is the schema's business
    case 'null': return { valid: fc.constant(null), invalid: fc.constantFrom(0, '', false, {}) };
    case 'array': if (mode === 'json') return arrayField(s); break;
    case 'object': if (mode === 'json') { const o = objectSpecOf(s, mode); return { valid: validObject(o), invalid: invalidObject(o) }; } break;
  }
  throw new Error(`no fuzzing derived for ${JSON.stringify(s).slice(0, 120)} in a ${mode === 'json' ? 'JSON body' : 'query string'}`);
}

/** An object schema as the hand specs' ObjectSpec. */
export function objectSpecOf(s: JsonSchema, mode: Mode): ObjectSpec {
  if (s.type !== 'object') throw new Error(`an input that is not an object: ${JSON.stringify(s).slice(0, 120)}`);
  const props = s.properties ?? {};
  const fields: Record<string, Field> = {};
  for (const [k, p] of Object.entries(props)) {
    const f = fieldOf(p, mode);
    fields[k] = { ...f, optional: f.optional || !(s.required ?? []).includes(k) };
  }
  return { fields, open: s.additionalProperties !== false, query: mode === 'query', longKeys: Object.keys(props).filter((k) => acceptsOnlyShort(props[k])) };
}

/** A string field of at most some length: 100,000 characters there are certainly refused. */
const acceptsOnlyShort = (s: JsonSchema): boolean => (s.anyOf ?? s.oneOf ?? [s]).every((b) => b.type === 'null' || (b.type === 'string' && (b.maxLength ?? Infinity) < 100_000) || !!b.enum);

/** Whether a value fits a schema (the subset above), to keep "invalid" honest across anyOf branches. */
export function matches(s: JsonSchema, v: unknown): boolean {
  if (takesAnything(s)) return true;
  if (s.anyOf || s.oneOf) return (s.anyOf ?? s.oneOf)!.some((b) => matches(b, v));
  if (Array.isArray(s.type)) return s.type.some((type) => matches({ ...s, type }, v));
  if (s.enum) return s.enum.some((e) => e === v);
  if ('const' in s) return s.const === v;
  const len = (x: string) => [...x].length;
  switch (s.type) {
    case 'null': return v === null;
    case 'boolean': return typeof v === 'boolean';
    case 'string': return typeof v === 'string' && len(v) >= (s.minLength ?? 0) && len(v) <= (s.maxLength ?? Infinity) && (!s.pattern || new RegExp(s.pattern).test(v));
    case 'integer': case 'number':
      return typeof v === 'number' && Number.isFinite(v) && (s.type === 'number' || Number.isInteger(v))
        && v >= (s.minimum ?? -Infinity) && v <= (s.maximum ?? Infinity) && v > (s.exclusiveMinimum ?? -Infinity) && v < (s.exclusiveMaximum ?? Infinity);
    case 'array': return Array.isArray(v) && v.length >= (s.minItems ?? 0) && v.length <= (s.maxItems ?? Infinity) && v.every((x) => matches(s.items ?? {}, x));
    case 'object': {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
      const o = v as Record<string, unknown>;
      const props = s.properties ?? {};
      return (s.required ?? []).every((k) => k in o) && Object.entries(o).every(([k, x]) => (k in props ? matches(props[k], x) : s.additionalProperties !== false));
    }
  }
  return false;
}

export interface DerivedInputs { body?: ObjectSpec; query?: ObjectSpec }
const cache = new WeakMap<RouteDef, DerivedInputs>();

/** A route's body and query specs, from its schemas. */
export function derivedInputs(def: RouteDef): DerivedInputs {
  let d = cache.get(def);
  if (!d) {
    d = {
      ...(def.body ? { body: objectSpecOf(toJsonSchema(def.body), 'json') } : {}),
      ...(def.query ? { query: objectSpecOf(toJsonSchema(def.query), 'query') } : {}),
    };
    cache.set(def, d);
  }
  return d;
}

export interface DerivedRequest { where: 'body' | 'query'; value: unknown; expect: Expect }

/** The valid-shaped ('any') and malformed ('refuse') inputs the fuzzer derives for a route. */
export function derivedRequests(def: RouteDef): Arb<DerivedRequest> | null {
  const d = derivedInputs(def);
  const out: Arb<DerivedRequest>[] = [];
  for (const where of ['body', 'query'] as const) {
    const spec = d[where];
    if (!spec) continue;
    out.push(validObject(spec).map((value) => ({ where, value, expect: 'any' as const })));
    out.push(invalidObject(spec).map((value) => ({ where, value, expect: 'refuse' as const })));
  }
  return out.length ? fc.oneof(...out) : null;
}

/** A query object as the query string the fuzzer sends. */
export const queryString = (q: unknown) => {
  const entries = Object.entries(q as Record<string, string>);
  return entries.length ? `?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : '';
};
