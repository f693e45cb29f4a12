// Admin endpoints (API.md "Bodies, users, members", "Collection and screening", "Sessions").
// A small request of its own so a 422 keeps `error.fields` for the forms; errors are still
// `ApiError`s, so the shared `errorText` localizes them.
import type { MemberKind, Quorum, Role, SessionKind } from '../../../../shared/types';
import { ApiError, type Body, type Project, type StaffSessionSummary, type StaffUser } from '../../api';

/** One failing field from a 422 `invalid_input` (CSV imports add the row number). */
export interface FieldIssue {
  field: string;
  message: string;
  row?: number;
  /** Shown before the message, e.g. "第 3 行：" for the third target. */
  prefix?: string;
}

export class AdminApiError extends ApiError {
  readonly fields: FieldIssue[];
  constructor(status: number, code: string, serverMessage: string, fields: FieldIssue[]) {
    super(status, code, serverMessage);
    this.name = 'AdminApiError';
    this.fields = fields;
  }
}

export function fieldsOf(err: unknown): FieldIssue[] {
  return err instanceof AdminApiError ? err.fields : [];
}

function parseFields(raw: unknown): FieldIssue[] {
  if (!Array.isArray(raw)) return [];
  const out: FieldIssue[] = [];
  for (const f of raw) {
    if (!f || typeof f !== 'object') continue;
    const o = f as Record<string, unknown>;
    out.push({
      field: typeof o.field === 'string' ? o.field : '',
      message: typeof o.message === 'string' ? o.message : '',
      row: typeof o.row === 'number' ? o.row : undefined,
    });
  }
  return out;
}

interface Opts {
  method?: 'GET' | 'POST' | 'PUT';
  token: string;
  json?: unknown;
  csv?: string;
}

async function call<T>(path: string, opts: Opts): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${opts.token}` };
  let body: string | undefined;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
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
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    throw new AdminApiError(0, 'network_error', String(e), []);
  }
  const text = await res.text().catch(() => '');
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined)?.error;
    const code = typeof e?.code === 'string' ? e.code : res.status >= 500 ? 'server_error' : `http_${res.status}`;
    const message = typeof e?.message === 'string' ? e.message : res.statusText;
    throw new AdminApiError(res.status, code, message, parseFields(e?.fields));
  }
  if (text && data === undefined) throw new AdminApiError(res.status, 'bad_response', 'response is not JSON', []);
  return data as T;
}

export interface Member {
  id: string;
  name: string;
  delegation: string | null;
  kind: MemberKind;
  bodyId?: string;
}
/** A member as answered on creation or regeneration: the only time the sign-in code is shown. */
export interface MemberWithCode extends Member {
  code: string;
}
export interface NewMember {
  name: string;
  delegation?: string;
  kind?: MemberKind;
}
export interface NewUser {
  username: string;
  password: string;
  role: Role;
  bodyId: string;
  department?: string;
}
export interface NewProject {
  year: number;
  title: string;
  description: string;
  category: string;
  department: string;
  investment?: number;
  targets?: string[];
}
export interface NewSession {
  name: string;
  kind: SessionKind;
  quorum?: Quorum;
}

const enc = encodeURIComponent;

export const adminApi = {
  bodies: (token: string) => call<Body[]>('/api/bodies', { token }),
  createBody: (token: string, input: { name: string; level: Body['level']; parentId?: string | null }) =>
    call<Body>('/api/bodies', { token, json: input }),
  createUser: (token: string, input: NewUser) => call<StaffUser>('/api/users', { token, json: input }),
  members: (token: string, bodyId: string) => call<Member[]>(`/api/bodies/${enc(bodyId)}/members`, { token }),
  addMembers: (token: string, bodyId: string, members: NewMember[]) =>
    call<{ members: MemberWithCode[] }>(`/api/bodies/${enc(bodyId)}/members`, { token, json: { members } }),
  importMembers: (token: string, bodyId: string, csv: string) =>
    call<{ members: MemberWithCode[] }>(`/api/bodies/${enc(bodyId)}/members/import`, { token, csv }),
  regenerateCode: (token: string, memberId: string) =>
    call<MemberWithCode>(`/api/members/${enc(memberId)}/code`, { token, method: 'POST' }),
  projects: (token: string, bodyId: string, year?: number) =>
    call<Project[]>(`/api/bodies/${enc(bodyId)}/projects${year ? `?year=${year}` : ''}`, { token }),
  createProject: (token: string, bodyId: string, input: NewProject) =>
    call<Project>(`/api/bodies/${enc(bodyId)}/projects`, { token, json: input }),
  sessions: (token: string, bodyId: string) => call<StaffSessionSummary[]>(`/api/bodies/${enc(bodyId)}/sessions`, { token }),
  createSession: (token: string, bodyId: string, input: NewSession) =>
    call<{ id: string; name: string }>(`/api/bodies/${enc(bodyId)}/sessions`, { token, json: input }),
};
