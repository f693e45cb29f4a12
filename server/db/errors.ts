// Database errors become API errors here, and only here.
import { DomainError } from '../core/errors.js';

const connectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

/** The PostgreSQL (or connection) error code of an error from either driver, on it or on its causes. */
export function pgCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function mapDatabaseError(err: unknown): DomainError | undefined {
  const code = pgCode(err);
  if (!code) return undefined;
  if (code === '23505') return new DomainError(409, 'conflict', '记录已存在 / already exists');
  if (code === '23503') return new DomainError(422, 'invalid_input', '引用的记录不存在 / referenced record does not exist');
  if (code === '22021' || code === '22P05' || code === '22P02' || code === '22003' || code === '54000') {
    return new DomainError(422, 'invalid_input', '输入无法保存 / input cannot be stored');
  }
  // A deadlock or serialization failure rolled the whole transaction back: nothing half-done, and the same
  // request sent again goes through (the known case, publishes over the same projects, locks in one order now).
  if (code === '40P01' || code === '40001') {
    return new DomainError(503, 'database_unavailable', '数据库繁忙，请稍后重试 / database busy, retry');
  }
  if (connectionCodes.has(code) || code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') {
    return new DomainError(503, 'database_unavailable', '数据库暂时不可用，请稍后重试 / database temporarily unavailable, retry');
  }
  return undefined;
}
