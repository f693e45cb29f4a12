// The refusals a use case may answer with. They belong to the domain, not to HTTP: a service throws them,
// and only the HTTP layer (http/errors.ts) turns one into `{"error": {code, message}}` with its status.
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
/** A 422 naming one field, as a form shows it beside that field. */
export const fieldError = (field: string, message: string) => invalid(message, [{ field, message }]);
export const unauthorized = () => new DomainError(401, 'unauthorized', '请先登录 / sign in first');
