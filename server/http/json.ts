import type { Context } from 'hono';
import type { z } from 'zod';
import { DomainError, invalid } from './errors.js';

/** Fields that failed validation, named by path: what a clerk needs to fix the form. */
export function zodFields(error: z.ZodError) {
  return error.issues.slice(0, 20).map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid('输入有误 / invalid input', zodFields(parsed.error));
  return parsed.data;
}

/** Reads a JSON body and validates it; wrong media type → 415, bad JSON or shape → 422. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new DomainError(415, 'unsupported_media_type', '需要 application/json / expected application/json');
  }
  let raw: string;
  try {
    raw = await c.req.text();
  } catch {
    throw invalid('无法读取请求体 / unreadable body');
  }
  let value: unknown;
  try {
    value = raw.length === 0 ? undefined : JSON.parse(raw);
  } catch {
    throw invalid('JSON 格式错误 / malformed JSON');
  }
  return parseWith(schema, value);
}
