import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A refusal the API promises: an HTTP status, a snake_case code and a readable message. */
export class DomainError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = '记录') => new DomainError(404, 'not_found', `${what}不存在 / not found`);
export const forbidden = (code = 'forbidden', message = '无权执行此操作 / not allowed') => new DomainError(403, code, message);
export const conflict = (code: string, message: string) => new DomainError(409, code, message);
export const invalid = (message: string, details?: unknown) => new DomainError(422, 'invalid_input', message, details);

export function errorBody(err: DomainError) {
  const error: Record<string, unknown> = { code: err.code, message: err.message };
  if (err.details !== undefined) error.fields = err.details;
  return { error };
}
