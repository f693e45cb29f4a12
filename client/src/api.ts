// Small fetch wrapper for the Minsheng HTTP API (see /work/shared/spec/API.md).
import type { TFunction } from 'i18next';
import type {
  BallotForm,
  BallotKind,
  BallotOption,
  BallotResult,
  BallotState,
  BaseRule,
  BodyLevel,
  Choices,
  MemberKind,
  Quorum,
  Role,
  SessionKind,
  Tally,
} from '../../shared/types';

// ---------------------------------------------------------------- tokens

/** One browser may hold a member session, a staff session and screen tokens at once. */
export type TokenKind = 'member' | 'staff';

const TOKEN_KEYS: Record<TokenKind, string> = {
  member: 'minsheng.token.member',
  staff: 'minsheng.token.staff',
};

function safeGet(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
function safeSet(storage: Storage, key: string, value: string | null) {
  try {
    if (value == null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    /* storage full or disabled */
  }
}

export function getToken(kind: TokenKind): string | null {
  return safeGet(localStorage, TOKEN_KEYS[kind]);
}
export function setToken(kind: TokenKind, token: string | null) {
  safeSet(localStorage, TOKEN_KEYS[kind], token);
}

/** Screen tokens are per session and live in sessionStorage (one window = one screen). */
export function getScreenToken(sessionId: string): string | null {
  return safeGet(sessionStorage, `minsheng.token.screen.${sessionId}`);
}
export function setScreenToken(sessionId: string, token: string | null) {
  safeSet(sessionStorage, `minsheng.token.screen.${sessionId}`, token);
}

export { safeGet as storageGet, safeSet as storageSet };

// ---------------------------------------------------------------- errors

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
  token?: string | null;
  signal?: AbortSignal;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  } else if (opts.csv !== undefined) {
    headers['Content-Type'] = 'text/csv; charset=utf-8';
    body = opts.csv;
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

// ---------------------------------------------------------------- shapes

export interface StaffUser {
  id: string;
  username: string;
  role: Role;
  bodyId: string;
  department?: string | null;
}
export interface MemberInfo {
  id: string;
  name: string;
  bodyId: string;
  delegation: string | null;
}
export interface MemberSessionSummary {
  id: string;
  name: string;
  kind: SessionKind;
  state: 'open' | 'ended' | string;
  present: boolean;
}
export type Me =
  | { kind: 'staff'; user: StaffUser }
  | { kind: 'member'; member: MemberInfo; sessions: MemberSessionSummary[] };

export interface Body {
  id: string;
  name: string;
  level: BodyLevel;
  parentId: string | null;
}
export interface StaffSessionSummary {
  id: string;
  name: string;
  kind: SessionKind;
  state: string;
  rosterSize: number;
  present: number;
  createdAt: string;
}
export interface BallotSummary {
  id: string;
  kind: BallotKind;
  state: BallotState;
  title: string;
  eligible: number | null;
  cast: number;
}
export interface SessionDetail {
  id: string;
  bodyId: string;
  name: string;
  kind: SessionKind;
  state: string;
  rosterSize: number;
  present: number;
  quorum: Quorum & { met: boolean };
  version: number;
  ballots: BallotSummary[];
  me?: { memberId: string; onRoster: boolean; present: boolean };
}
export interface RosterEntry {
  memberId: string;
  name: string;
  delegation: string | null;
  kind: MemberKind;
  present: boolean;
  note: string | null;
}
export interface AuditEntry {
  at: string;
  actor: string | null;
  action: string;
  subject: string | null;
  detail: unknown;
}
export interface Project {
  id: string;
  bodyId: string;
  year: number;
  title: string;
  description: string;
  category: string;
  department: string;
  investment: number | null;
  status: string;
  targets: string[] | null;
}
export interface BallotDetail {
  id: string;
  sessionId: string;
  kind: BallotKind;
  form: BallotForm | null;
  seats: number | null;
  question: string | null;
  state: BallotState;
  title: string;
  secret: boolean;
  baseRule: BaseRule;
  runoffOf: string | null;
  options: BallotOption[];
  eligible: number | null;
  cast: number;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  cancelReason: string | null;
  tally?: Tally;
  result?: BallotResult;
  voted?: boolean;
}
export interface CreateBallotInput {
  kind: BallotKind;
  title?: string;
  projectIds?: string[];
  seats?: number;
  form?: BallotForm;
  question?: string;
  secret?: boolean;
  baseRule?: BaseRule;
  runoffOf?: string;
}
export interface PublicResultSummary {
  ballotId: string;
  sessionId: string;
  sessionName: string;
  title: string;
  kind: BallotKind;
  publishedAt: string;
}

// ---------------------------------------------------------------- endpoints

const enc = encodeURIComponent;

export const api = {
  staffLogin: (username: string, password: string) =>
    request<{ token: string; user: StaffUser }>('/api/auth/login', { body: { username, password } }),
  memberLogin: (code: string) =>
    request<{ token: string; member: MemberInfo }>('/api/auth/member-login', { body: { code } }),
  me: (token: string) => request<Me>('/api/me', { token }),
  bodies: () => request<Body[]>('/api/bodies'),
  bodySessions: (token: string, bodyId: string) =>
    request<StaffSessionSummary[]>(`/api/bodies/${enc(bodyId)}/sessions`, { token }),
  session: (token: string, id: string) => request<SessionDetail>(`/api/sessions/${enc(id)}`, { token }),
  roster: (token: string, id: string) => request<RosterEntry[]>(`/api/sessions/${enc(id)}/roster`, { token }),
  checkin: (token: string, id: string) =>
    request<{ present: true }>(`/api/sessions/${enc(id)}/checkin`, { method: 'POST', token }),
  setAttendance: (token: string, sessionId: string, memberId: string, present: boolean, note?: string) =>
    request<unknown>(`/api/sessions/${enc(sessionId)}/attendance/${enc(memberId)}`, {
      method: 'PUT',
      token,
      body: note === undefined ? { present } : { present, note },
    }),
  screenToken: (token: string, sessionId: string) =>
    request<{ token: string; expiresAt: string }>(`/api/sessions/${enc(sessionId)}/screen-token`, {
      method: 'POST',
      token,
    }),
  audit: (token: string, sessionId: string) =>
    request<AuditEntry[]>(`/api/sessions/${enc(sessionId)}/audit`, { token }),
  projects: (token: string, bodyId: string, year?: number) =>
    request<Project[]>(`/api/bodies/${enc(bodyId)}/projects${year ? `?year=${year}` : ''}`, { token }),
  createBallot: (token: string, sessionId: string, input: CreateBallotInput) =>
    request<BallotDetail>(`/api/sessions/${enc(sessionId)}/ballots`, { token, body: input }),
  ballot: (token: string | null, id: string) => request<BallotDetail>(`/api/ballots/${enc(id)}`, { token }),
  ballotAction: (token: string, id: string, action: 'open' | 'close' | 'publish') =>
    request<BallotDetail>(`/api/ballots/${enc(id)}/${action}`, { method: 'POST', token }),
  cancelBallot: (token: string, id: string, reason: string) =>
    request<BallotDetail>(`/api/ballots/${enc(id)}/cancel`, { token, body: { reason } }),
  vote: (token: string, id: string, submissionKey: string, choices: Choices) =>
    request<{ receipt: string }>(`/api/ballots/${enc(id)}/votes`, { token, body: { submissionKey, choices } }),
  result: (id: string, token?: string | null) => request<BallotResult>(`/api/ballots/${enc(id)}/result`, { token }),
  boxText: (id: string, token?: string | null) => requestText(`/api/ballots/${enc(id)}/box`, token),
  publicResults: (bodyId: string) =>
    request<PublicResultSummary[]>(`/api/public/bodies/${enc(bodyId)}/results`),
};

export const urls = {
  box: (id: string) => `/api/ballots/${enc(id)}/box`,
  jws: (id: string) => `/api/ballots/${enc(id)}/result.jws`,
  keys: () => '/api/public/keys',
};
