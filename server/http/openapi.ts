// GET /api/openapi.json: an OpenAPI 3.1 document made from the very route definitions that guard and
// validate the requests (http/route.ts), never written by hand beside them. JSON Schemas come from zod's own
// converter (z.toJSONSchema), the roles go into `x-roles`, each refusal code into its status's response.
import { z } from 'zod';
import { errorCodes, type ErrorCode } from '../../shared/error-codes.js';
import type { RouteDef } from './route.js';

/** Refusals every route may answer with, besides its own. */
const commonCodes: ErrorCode[] = ['invalid_input', 'not_found', 'payload_too_large', 'database_unavailable'];
const guardedCodes: ErrorCode[] = ['unauthorized', 'forbidden'];

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/** Query parameters, one per property of the query's object schema. */
function queryParameters(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const s = jsonSchema(schema) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({ name, in: 'query', required: s.required?.includes(name) ?? false, schema: prop }));
}

const openApiPath = (path: string) => `/api${path.replace(/:([A-Za-z]+)/g, '{$1}')}`;

function responses(def: RouteDef) {
  const codes = new Set<ErrorCode>([...commonCodes, ...(def.roles.includes('public') ? [] : guardedCodes), ...((def.errors ?? []) as ErrorCode[])]);
  if (def.body || def.rawBody) codes.add('unsupported_media_type');
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(errorCodes[code][0], [...(byStatus.get(errorCodes[code][0]) ?? []), code]);
  const out: Record<string, object> = {
    [String(def.status ?? 200)]: { description: def.status === 201 ? 'created' : 'ok', content: { 'application/json': { schema: {} } } },
  };
  for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    out[String(status)] = {
      description: list.map((c) => `\`${c}\`: ${errorCodes[c][1]}`).join('; '),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      'x-error-codes': list,
    };
  }
  return out;
}

export function openApiDocument(defs: readonly RouteDef[], info: { version: string }) {
  const paths: Record<string, Record<string, object>> = {};
  for (const def of defs) {
    const path = openApiPath(def.path);
    const params = [...def.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const op: Record<string, unknown> = {
      operationId: `${def.method.toLowerCase()}${def.path.replace(/[/:.]+(\w)/g, (_, ch: string) => ch.toUpperCase())}`,
      summary: def.summary,
      'x-roles': [...def.roles],
      parameters: [...params, ...queryParameters(def.query)],
      responses: responses(def),
    };
    if (def.command) Object.assign(op, { 'x-audit-action': def.command.action, 'x-stage': def.command.stage });
    if (def.extension) op['x-extension'] = true;
    if (!def.roles.includes('public')) op.security = [{ bearer: [] }];
    if (def.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(def.body) } } };
    else if (def.rawBody) op.requestBody = { required: true, content: Object.fromEntries(def.rawBody.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) };
    (paths[path] ??= {})[def.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '民生实事票决 Minsheng API', version: info.version,
      description: 'The HTTP API of the Minsheng server. `x-roles` names who may call each operation: `public` (anyone), `admin`, `presider`, `department` (staff roles), `member` (a representative), `screen` (a session\'s big screen). See docs/API.md.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Error: {
          type: 'object', required: ['error'],
          properties: {
            error: {
              type: 'object', required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: Object.keys(errorCodes) },
                message: { type: 'string' },
                fields: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
              },
            },
          },
        },
      },
    },
    paths,
  };
}
