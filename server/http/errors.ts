// A DomainError (core/errors.ts) as the API's error body.
import type { DomainError } from '../core/errors.js';

export function errorBody(err: DomainError) {
  const error: Record<string, unknown> = { code: err.code, message: err.message };
  if (err.details !== undefined) error.fields = err.details;
  return { error };
}
