// Admin endpoints (API.md "Bodies, users, members", "Sessions") as TanStack queries keyed by resource;
// every mutation invalidates the keys it changes. Errors are `ApiError`s (a 422 keeps its `fields`).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MemberKind } from '../../../../shared/types';
import type { bodyInput, memberInput, projectInput, sessionInput, userInput } from '../../../../shared/schemas';
import { request, type Body, type Project, type StaffSessionSummary, type StaffUser } from '../../api';
import { bodiesQuery } from '../../queries/bodies';

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

const enc = encodeURIComponent;
export const adminKeys = {
  bodies: bodiesQuery.queryKey,
  members: (bodyId: string) => ['body', bodyId, 'members'] as const,
  /** all of a body's projects (`year` undefined) or one year's */
  projects: (bodyId: string, year?: number) => (year === undefined ? (['body', bodyId, 'projects'] as const) : (['body', bodyId, 'projects', year] as const)),
  sessions: (bodyId: string) => ['body', bodyId, 'sessions'] as const,
};

// Sorted as a clerk reads a roster: by delegation, then by name, in Chinese (pinyin) order.
const coll = new Intl.Collator('zh-CN');
const byDelegationThenName = (a: Member, b: Member) => coll.compare(a.delegation ?? '\uffff', b.delegation ?? '\uffff') || coll.compare(a.name, b.name);

export const useMembers = (token: string, bodyId: string) =>
  useQuery({ queryKey: adminKeys.members(bodyId), queryFn: () => request<Member[]>(`/api/bodies/${enc(bodyId)}/members`, { token }), select: (m) => [...m].sort(byDelegationThenName) });
/** `year` undefined: every year; null: not chosen yet (nothing is fetched). */
export const useProjects = (token: string, bodyId: string, year?: number | null) =>
  useQuery({
    queryKey: adminKeys.projects(bodyId, year ?? undefined),
    queryFn: () => request<Project[]>(`/api/bodies/${enc(bodyId)}/projects${year ? `?year=${year}` : ''}`, { token }),
    enabled: year !== null,
  });
export const useSessions = (token: string, bodyId: string) =>
  useQuery({ queryKey: adminKeys.sessions(bodyId), queryFn: () => request<StaffSessionSummary[]>(`/api/bodies/${enc(bodyId)}/sessions`, { token }) });

/** A mutation that invalidates `keys` once it succeeds. */
function useAdminMutation<I, O>(keys: readonly (readonly unknown[])[], fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey }))) });
}

export const useCreateBody = (token: string) =>
  useAdminMutation([adminKeys.bodies], (input: z.input<typeof bodyInput>) => request<Body>('/api/bodies', { token, body: input }));
export const useCreateUser = (token: string) =>
  useAdminMutation([], (input: z.output<typeof userInput>) => request<StaffUser>('/api/users', { token, body: input }));
export const useAddMembers = (token: string, bodyId: string) =>
  useAdminMutation([adminKeys.members(bodyId)], (members: z.output<typeof memberInput>[]) =>
    request<{ members: MemberWithCode[] }>(`/api/bodies/${enc(bodyId)}/members`, { token, body: { members } }));
export const useImportMembers = (token: string, bodyId: string) =>
  useAdminMutation([adminKeys.members(bodyId)], (csv: string) =>
    request<{ members: MemberWithCode[] }>(`/api/bodies/${enc(bodyId)}/members/import`, { token, csv }));
export const useRegenerateCode = (token: string) =>
  useAdminMutation([], (memberId: string) => request<MemberWithCode>(`/api/members/${enc(memberId)}/code`, { token, method: 'POST' }));
export const useCreateProject = (token: string, bodyId: string) =>
  useAdminMutation([adminKeys.projects(bodyId)], (input: z.output<typeof projectInput>) =>
    request<Project>(`/api/bodies/${enc(bodyId)}/projects`, { token, body: input }));
export const useCreateSession = (token: string, bodyId: string) =>
  useAdminMutation([adminKeys.sessions(bodyId)], (input: z.output<typeof sessionInput>) =>
    request<{ id: string; name: string }>(`/api/bodies/${enc(bodyId)}/sessions`, { token, body: input }));
