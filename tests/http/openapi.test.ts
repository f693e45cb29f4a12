// The contract from the routes: GET /api/openapi.json is a valid OpenAPI 3.1 document of exactly the routes
// the server registers, each with its roles, its input schemas and its error codes, made from the same
// definitions that guard and validate the requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createApp } from '../../server/app.js';
import { apiRoutes } from '../../server/routes.js';
import { errorCodes } from '../../shared/error-codes.js';
import { callers } from '../../server/core/principal.js';

let server: TestServer;
let doc: any;
const registered = () => createApp(server.ctx, { clientDir: null }).routes
  .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.endsWith('*'))
  .map((r) => `${r.method} ${r.path}`);
const documented = () => Object.entries(doc.paths as Record<string, Record<string, object>>)
  .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));

beforeAll(async () => {
  server = await startTestServer();
  const r = await server.call('GET', '/api/openapi.json');
  expect(r.status).toBe(200);
  doc = r.body;
});
afterAll(async () => { await server?.close(); });

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every route the server registers, and nothing else', () => {
    const mounted = new Set(registered());
    const described = new Set(documented());
    expect([...described].filter((r) => !mounted.has(r))).toEqual([]);
    const defined = new Set(apiRoutes.map((r) => `${r.method} /api${r.path}`));
    // Every route mounted under /api comes from a definition: there is no other way to register one.
    expect([...mounted].filter((r) => !defined.has(r))).toEqual([]);
    expect([...defined].filter((r) => !described.has(r))).toEqual([]);
  });

  it('gives every operation its roles, a summary, and only error codes the API knows', () => {
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(op['x-roles'], where).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${callers.join('|')})$`))]));
        expect(op.summary, where).toMatch(/\w{3}/);
        for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
          for (const code of response['x-error-codes'] ?? []) {
            expect(Object.keys(errorCodes), where).toContain(code);
            expect(String(errorCodes[code as keyof typeof errorCodes][0]), `${where} ${code}`).toBe(status);
          }
        }
      }
    }
  });

  it('carries the request schemas the server validates with', () => {
    const create = doc.paths['/api/bodies/{bodyId}/sessions'].post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'kind']));
    expect(schema.properties.kind.enum).toEqual(['congress', 'committee']);
    expect(schema.additionalProperties).toBe(false);
    expect(create['x-roles']).toEqual(['admin']);
    expect(create['x-audit-action']).toBe('session.created');
    const publicList = doc.paths['/api/public/bodies/{bodyId}/projects'].get;
    expect(publicList.parameters.map((p: any) => p.name)).toEqual(['bodyId', 'year', 'status', 'limit', 'offset']);
    expect(publicList['x-roles']).toEqual(['public']);
    expect(publicList.security).toBeUndefined();
    const vote = doc.paths['/api/ballots/{id}/votes'].post;
    expect(vote['x-roles']).toEqual(['member']);
    expect(vote.responses['409']['x-error-codes']).toEqual(expect.arrayContaining(['already_voted', 'ballot_not_open']));
  });
});
