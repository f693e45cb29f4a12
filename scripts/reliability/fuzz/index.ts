// The generated-request fuzzer (QUALITY.md "bad input"): fast-check arbitraries that build requests to
// every API route (server/routes.ts), each one wrong in a way that must be refused — wrong types, missing and
// extra fields, huge strings, NUL, lone surrogates, non-UTF-8 bytes, wrong content types, bad and
// unknown ids, ids of another kind of record, garbage, forged and wrong-kind tokens, wrong methods, and
// actions the current state forbids — plus valid reads (GET never changes state).
//
// Checked for every answer: no 5xx; every non-2xx is JSON `{error: {code, message}}` with a snake_case
// code; every request built to be refused is refused (a 2xx there means malformed input was accepted).
// Checked around the run: a dump of every table (and sequence) is the same before and after.
//
// Its endpoints are the API routes themselves (server/routes.ts): who may call each, and its body and query
// fuzzing, come from the route's definition; hand specs add what a definition cannot know.
//
//   world.ts      the deployment the requests are about, and forged tokens
//   fields.ts     valid and invalid values per field, objects made of them
//   schema.ts     the same, derived from a route's zod schema (through JSON Schema)
//   endpoints.ts  per route: parameters, callers, input specs; specs-*.ts the hand specs per stage
//   requests.ts   the request arbitrary (one fault per request)
//   runner.ts     sending, judging, the report, the state dump; sockets.ts the live API
export { buildWorld, type World } from './world.js';
export { endpoints, handSpecs } from './endpoints.js';
export { derivedInputs, derivedRequests } from './schema.js';
export type { Endpoint, EndpointSpec, FuzzRequest } from './types.js';
export { requestArbitrary, type RequestOptions } from './requests.js';
export { describeRequest, diffStates, dumpState, formatReport, judge, runFuzz, sendOne, type FuzzFailure, type FuzzReport } from './runner.js';
export { fuzzSockets, type SocketFuzzReport } from './sockets.js';
