import type { Context } from 'hono';
import type { z } from 'zod';
import { DomainError, invalid } from '../core/errors.js';

/** Fields that failed validation, named by path: what a clerk needs to fix the form. */
export function zodFields(error: z.ZodError) {
  // Messages and paths echo the input (zod lists every unknown key): cut them short, so a hostile
  // request cannot make the refusal as large as itself.
  const cut = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);
  return error.issues.slice(0, 20).map((i) => ({ field: cut(i.path.join('.')) || '(body)', message: cut(i.message) }));
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid('输入有误 / invalid input', zodFields(parsed.error));
  return parsed.data;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads the body as strict UTF-8: bytes that are not UTF-8 are refused (422), never replaced by U+FFFD and stored. */
export async function readText(c: Context): Promise<string> {
  let bytes: ArrayBuffer;
  try {
    bytes = await c.req.arrayBuffer();
  } catch {
    throw invalid('无法读取请求体 / unreadable body');
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw invalid('请求体不是有效的 UTF-8 / body is not valid UTF-8');
  }
}

// Escaped UTF-16 surrogates (`"\ud800"`) are valid JSON syntax but may leave a string that is not Unicode,
// which the database would silently store as U+FFFD: such input is refused like bad UTF-8.
const surrogateEscape = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;
const loneSurrogate = /\p{Cs}/u;

function hasLoneSurrogate(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (loneSurrogate.test(v)) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (loneSurrogate.test(k)) return true;
        stack.push(x);
      }
    }
  }
  return false;
}

/** Reads a JSON body and validates it; wrong media type → 415, bad JSON or shape → 422. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new DomainError(415, 'unsupported_media_type', '需要 application/json / expected application/json');
  }
  const raw = await readText(c);
  let value: unknown;
  try {
    value = raw.length === 0 ? undefined : JSON.parse(raw);
  } catch {
    throw invalid('JSON 格式错误 / malformed JSON');
  }
  if (surrogateEscape.test(raw) && hasLoneSurrogate(value)) throw invalid('文本含有无效的 Unicode 字符 / text contains an unpaired surrogate');
  return parseWith(schema, value);
}
