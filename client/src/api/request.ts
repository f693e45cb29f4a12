// The fetch wrapper every call goes through: JSON (or CSV) in, JSON or text out, and an `ApiError`
// carrying the server's code, message and a 422's fields for anything that is not a success.
import type { TFunction } from 'i18next';

/** One failing field of a 422 `invalid_input` (a CSV import adds the row number). */
export interface FieldIssue {
  field: string;
  message: string;
  row?: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly serverMessage: string;
  /** the fields a 422 names, so a form can show each message beside its field */
  readonly fields: FieldIssue[];
  constructor(status: number, code: string, serverMessage: string, fields: FieldIssue[] = []) {
    super(`${status} ${code}: ${serverMessage}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.serverMessage = serverMessage;
    this.fields = fields;
  }
  /** No answer from the server at all (offline, connection reset, DNS...). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
  /** The request may or may not have reached the server's state: retry with the same key. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

/** Localized text for any error, from i18n keys `errors.<code>`. */
export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const key = `errors.${err.code}`;
    const fallback = err.serverMessage || t('errors.unknown');
    return t(key, { defaultValue: fallback });
  }
  return t('errors.unknown');
}

// ---------------------------------------------------------------- request

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** a CSV document sent as text/csv instead of a JSON body */
  csv?: string;
  /** raw bytes (a photo) sent with their own media type instead of a JSON body */
  file?: Blob;
  token?: string | null;
  signal?: AbortSignal;
}

/** A page's filters as a query string: the ones left empty are left out. */
export function queryString(f: object): string {
  return new URLSearchParams(Object.entries(f).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)])).toString();
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  let body: string | Blob | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  } else if (opts.csv !== undefined) {
    headers['Content-Type'] = 'text/csv; charset=utf-8';
    body = opts.csv;
  } else if (opts.file !== undefined) {
    headers['Content-Type'] = opts.file.type || 'application/octet-stream';
    body = opts.file;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? (body !== undefined ? 'POST' : 'GET'),
      headers,
      body,
      signal: opts.signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', String(e));
  }
  const text = await res.text().catch(() => '');
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined)?.error;
    const code = typeof e?.code === 'string' ? e.code : res.status >= 500 ? 'server_error' : `http_${res.status}`;
    const message = typeof e?.message === 'string' ? e.message : res.statusText;
    const fields = Array.isArray(e?.fields) ? (e.fields as FieldIssue[]).filter((f) => typeof f?.field === 'string') : [];
    throw new ApiError(res.status, code, message, fields);
  }
  if (text && data === undefined) throw new ApiError(res.status, 'bad_response', 'response is not JSON');
  return data as T;
}

export async function requestText(path: string, token?: string | null): Promise<string> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { headers, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 'network_error', String(e));
  }
  const text = await res.text();
  if (!res.ok) {
    let code = res.status >= 500 ? 'server_error' : `http_${res.status}`;
    let message = res.statusText;
    try {
      const e = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
      if (e?.code) code = e.code;
      if (e?.message) message = e.message;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, code, message);
  }
  return text;
}
