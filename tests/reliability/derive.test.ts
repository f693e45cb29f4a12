// The fuzzer's inputs derived from the route definitions (scripts/reliability/fuzz/schema.ts): for every
// route with a body or query schema it builds valid-shaped requests ('any') and malformed ones ('refuse'), and
// every malformed one, as the server would read it, fails the route's own zod schema: that is what makes the
// fuzzer's "must be refused" honest for a route nobody wrote a spec for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { apiRoutes } from '../../server/routes.js';
import { derivedInputs, derivedRequests, matches, queryString, toJsonSchema, type DerivedRequest } from '../../scripts/reliability/fuzz/schema.js';
import { validObject } from '../../scripts/reliability/fuzz/fields.js';

const SAMPLES = 400;

/** The input as the server reads it: JSON text parsed again, or a query string split again. */
function asRead(r: DerivedRequest): unknown {
  if (r.where === 'query') return Object.fromEntries(new URLSearchParams(queryString(r.value)));
  const text = JSON.stringify(r.value);
  return text === undefined ? undefined : JSON.parse(text);
}

const withInput = apiRoutes.filter((d) => d.body || d.query);

describe('fuzzing derived from the route schemas', () => {
  it('covers the routes that take input', () => {
    expect(withInput.length).toBeGreaterThan(40);
  });

  for (const def of withInput) {
    it(`${def.method} /api${def.path}: valid-shaped and malformed ${[def.body && 'bodies', def.query && 'queries'].filter(Boolean).join(' and ')}`, () => {
      const arb = derivedRequests(def);
      expect(arb).not.toBeNull();
      const sample = fc.sample(arb!, { numRuns: SAMPLES, seed: 20270315 });
      for (const where of ['body', 'query'] as const) {
        if (!(where === 'body' ? def.body : def.query)) continue;
        expect(sample.some((r) => r.where === where && r.expect === 'any'), `no valid-shaped ${where}`).toBe(true);
        expect(sample.some((r) => r.where === where && r.expect === 'refuse'), `no malformed ${where}`).toBe(true);
      }
      const accepted: string[] = [];
      const unlike: string[] = [];
      for (const r of sample) {
        const schema = (r.where === 'body' ? def.body : def.query) as z.ZodType;
        const value = asRead(r);
        if (r.expect === 'refuse' && schema.safeParse(value).success) accepted.push(`${r.where} ${JSON.stringify(value)?.slice(0, 200)}`);
        // a valid-shaped body fits the JSON Schema (the zod schema may still refuse it: cross-field rules)
        if (r.expect === 'any' && r.where === 'body' && !matches(toJsonSchema(schema), value)) unlike.push(JSON.stringify(value).slice(0, 200));
      }
      // the fuzzer's "huge string field" puts 100,000 characters or more under one of these keys
      const body = derivedInputs(def).body;
      for (const k of body?.longKeys ?? []) {
        for (const o of fc.sample(validObject(body!), { numRuns: 5, seed: 1 })) {
          if ((def.body as z.ZodType).safeParse({ ...o, [k]: '长'.repeat(100_000) }).success) accepted.push(`body with 100,000 characters in ${k}`);
        }
      }
      expect(accepted, 'malformed inputs the schema accepts').toEqual([]);
      expect(unlike, 'valid-shaped bodies outside the JSON Schema').toEqual([]);
    });
  }
});
