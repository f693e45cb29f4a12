// Field descriptors: for each input field, values that are valid and values that are certainly not; and
// object inputs made of them (their valid form and their one-mistake invalid forms).
import fc from 'fast-check';

export type Arb<T> = fc.Arbitrary<T>;

/** A field: values that are valid, values that are certainly not (none when it takes anything), whether it may be left out. */
export interface Field { valid: Arb<unknown>; invalid?: Arb<unknown>; optional?: boolean }

export const nonString = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant([]), fc.constant({}), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }));
export const validText = (max: number) => fc.oneof(
  fc.constantFrom('民生实事', 'abc', '项目 一', '教育局', 'Ω≈ç√'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 24) }).filter((s) => s.trim().length > 0 && s.length <= max && !s.includes('\u0000')),
);
export const tooLong = (max: number) => fc.tuple(fc.constantFrom('x', '长', '😀', 'ab'), fc.integer({ min: 1, max: 64 }), fc.constantFrom(1, 1, 1, 50, 2000))
  .map(([c, k, scale]) => c.repeat(max + k * scale)); // ≥ max + 1 characters however they are counted
export const withNul = fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 3 })).map(([a, b]) => `x${a}\u0000${b}`);
export const loneSurrogate = fc.tuple(fc.constantFrom('\ud800', '\udfff', '\udbff', 'a\udc00b'), fc.string({ maxLength: 4 }).filter((s) => s.trim() === s)).map(([s, p]) => `x${p}${s}`);

export const text = (max: number, o: { min?: number; optional?: boolean; nullable?: boolean } = {}): Field => ({
  optional: o.optional,
  valid: o.nullable ? fc.oneof({ arbitrary: validText(max), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : validText(max),
  invalid: fc.oneof(
    nonString,
    ...(o.nullable ? [] : [fc.constant(null)]),
    ...((o.min ?? 1) >= 1 ? [fc.constantFrom('', ' ', '\t\n', '\u3000')] : []),
    tooLong(max), withNul, loneSurrogate,
  ),
});

export const enumOf = (values: readonly string[], o: { optional?: boolean } = {}): Field => {
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

export const int = (min: number, max: number, o: { optional?: boolean } = {}): Field => ({
  optional: o.optional,
  valid: fc.integer({ min, max }),
  invalid: fc.oneof(
    fc.integer({ min: max + 1, max: max + 1_000_000 }), fc.integer({ min: min - 1_000_000, max: min - 1 }),
    fc.constantFrom(min + 0.5, 1e308, -1e308, 2 ** 53 + 2), fc.integer({ min, max }).map(String), fc.constant(null), fc.boolean(), fc.constant([]),
  ),
});

export const num = (min: number, max: number, o: { optional?: boolean; nullable?: boolean } = {}): Field => ({
  optional: o.optional,
  valid: o.nullable ? fc.option(fc.double({ min, max, noNaN: true }), { nil: null }) : fc.double({ min, max, noNaN: true }),
  invalid: fc.oneof(fc.double({ min: max * 2 + 1, max: 1e300, noNaN: true }), fc.double({ min: -1e300, max: min - 1, noNaN: true }), fc.constantFrom('100', '1e3', true, [], {})),
});

export const bool = (o: { optional?: boolean } = {}): Field => ({
  optional: o.optional,
  valid: fc.boolean(),
  invalid: fc.constantFrom('true', 'false', 0, 1, null, [], {}, 'yes'),
});

export const badId = fc.oneof(
  fc.constantFrom('ABC', '', 'a'.repeat(41), 'a-b', 'a_b', 'a.b', 'a b', '../x', '中文', 'x\u0000', '1;drop table bodies'),
  fc.string({ minLength: 1, maxLength: 50 }).filter((s) => !/^[0-9a-z]{1,40}$/.test(s)),
);
export const unknownId = fc.stringMatching(/^[0-9a-z]{16}$/);

/** An id field. `checked`: the server looks the id up, so an unknown one is refused too. */
export const idField = (valid: string[], o: { optional?: boolean; nullable?: boolean; checked?: boolean } = {}): Field => ({
  optional: o.optional,
  valid: o.nullable ? fc.oneof(fc.constantFrom(...valid), fc.constant(null)) : fc.constantFrom(...valid),
  invalid: fc.oneof(badId, nonString, ...(o.nullable ? [] : [fc.constant(null)]), ...(o.checked ? [unknownId] : [])),
});

export const array = (item: Field, min: number, max: number, o: { optional?: boolean; validMax?: number; unique?: boolean } = {}): Field => ({
  optional: o.optional,
  valid: (o.unique ? fc.uniqueArray(item.valid, { minLength: min, maxLength: o.validMax ?? Math.min(max, 4), selector: (v) => JSON.stringify(v) }) : fc.array(item.valid, { minLength: min, maxLength: o.validMax ?? Math.min(max, 4) })),
  invalid: fc.oneof(
    fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null), fc.constant({})),
    ...(min > 0 ? [fc.constant([])] : []),
    ...(item.invalid ? [fc.tuple(fc.array(item.valid, { maxLength: 3 }), item.invalid, fc.nat()).map(([a, bad, at]) => { const c = [...a]; c.splice(at % (c.length + 1), 0, bad); return c; })] : []),
    ...(max <= 5000 ? [fc.tuple(item.valid, fc.integer({ min: 1, max: 3 })).map(([v, k]) => Array.from({ length: max + k }, () => v))] : []),
  ),
});

export const extraKey = (known: string[]) => fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'role', 'isAdmin', 'id', 'bodyId', 'state', 'receipt', 'memberId', 'toString'),
  fc.string({ minLength: 1, maxLength: 12 }),
).filter((k) => !known.includes(k));

export function setKey(o: Record<string, unknown>, k: string, v: unknown) {
  const c: Record<string, unknown> = {};
  for (const [kk, vv] of Object.entries(o)) Object.defineProperty(c, kk, { value: vv, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(c, k, { value: v, enumerable: true, writable: true, configurable: true });
  return c;
}
export const omitKey = (o: Record<string, unknown>, k: string) => Object.fromEntries(Object.entries(o).filter(([kk]) => kk !== k));

export const nonObject = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.string({ maxLength: 20 }), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }));

/** An object input: its valid form and its one-mistake invalid forms. */
export interface ObjectSpec {
  fields: Record<string, Field>;
  /** valid objects when fields depend on each other; default: a record of valid fields */
  valid?: Arb<Record<string, unknown>>;
  /** fields the schema knows but this variant refuses (e.g. `question` on a selection) */
  forbidden?: Record<string, Arb<unknown>>;
  /** invalid objects the per-field mutations cannot express (e.g. seats > candidates) */
  alsoInvalid?: Arb<unknown>;
  /** unknown keys are let through (the schema is not strict): an extra key is no mistake */
  open?: boolean;
  /** a query string: every value a string, the whole always an object */
  query?: boolean;
  /** keys where a string of 100,000 characters is certainly refused (say it when the key names cannot) */
  longKeys?: string[];
}

/** Extra keys for a query string: plain names ('__proto__' would be dropped by the parser, not refused). */
const extraQueryKey = (known: string[]) => fc.oneof(
  fc.constantFrom('role', 'isAdmin', 'id', 'bodyId', 'state', 'x', 'constructor', 'toString'),
  fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,11}$/),
).filter((k) => !known.includes(k));

export function validObject(spec: ObjectSpec): Arb<Record<string, unknown>> {
  if (spec.valid) return spec.valid;
  const required = Object.keys(spec.fields).filter((k) => !spec.fields[k].optional);
  return fc.record(Object.fromEntries(Object.entries(spec.fields).map(([k, f]) => [k, f.valid])), { requiredKeys: required }) as Arb<Record<string, unknown>>;
}

/** Objects with one mistake each: not an object, one field wrong, an unknown key, a required key left out, … */
export function invalidObject(spec: ObjectSpec): Arb<unknown> {
  const keys = Object.keys(spec.fields);
  const wrong = keys.filter((k) => spec.fields[k].invalid);
  const required = keys.filter((k) => !spec.fields[k].optional);
  const valid = validObject(spec);
  const options: Arb<unknown>[] = [];
  if (!spec.query) options.push(nonObject);
  if (wrong.length) options.push(fc.constantFrom(...wrong).chain((k) => fc.tuple(valid, spec.fields[k].invalid!).map(([o, v]) => setKey(o, k, v))));
  if (!spec.open) {
    options.push(spec.query
      ? fc.tuple(valid, extraQueryKey(keys), fc.stringMatching(/^[a-z0-9]{0,8}$/)).map(([o, k, v]) => setKey(o, k, v))
      : fc.tuple(valid, extraKey(keys), fc.jsonValue({ maxDepth: 1 })).map(([o, k, v]) => setKey(o, k, v)));
  }
  if (required.length) options.push(fc.constantFrom(...required).chain((k) => valid.map((o) => omitKey(o, k))));
  if (spec.forbidden && Object.keys(spec.forbidden).length) {
    const f = spec.forbidden;
    options.push(fc.constantFrom(...Object.keys(f)).chain((k) => fc.tuple(valid, f[k]).map(([o, v]) => setKey(o, k, v))));
  }
  if (spec.alsoInvalid) options.push(spec.alsoInvalid);
  if (!options.length) throw new Error('an object input that nothing makes invalid');
  return fc.oneof(...options);
}

/** Whether any object is invalid for this spec (one that takes anything has none). */
export const hasInvalid = (spec: ObjectSpec) => !spec.query || !spec.open || !!spec.alsoInvalid || !!Object.keys(spec.forbidden ?? {}).length || Object.values(spec.fields).some((f) => f.invalid || !f.optional);

export const objectField = (spec: ObjectSpec, o: { optional?: boolean } = {}): Field => ({ optional: o.optional, valid: validObject(spec), invalid: invalidObject(spec) });
