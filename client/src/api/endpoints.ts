// The endpoints of the HTTP API (see docs/API.md) the tablet, console and public result pages call,
// and the download addresses a page links to.
import type { BallotResult, Choices } from '../../../shared/types';
import { request, requestText } from './request';
import type {
  AuditEntry,
  BallotDetail,
  Body,
  CreateBallotInput,
  Me,
  MemberInfo,
  Project,
  PublicResultSummary,
  RosterEntry,
  SessionDetail,
  StaffSessionSummary,
  StaffUser,
} from './types';

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
