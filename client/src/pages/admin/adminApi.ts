// Admin endpoints (API.md "Bodies, users, members", "Sessions") as TanStack queries keyed by resource;
// every mutation invalidates the keys it changes. Errors are `ApiError`s (a 422 keeps its `fields`).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type Answer, type BodyOf } from '../../api';
import { bodiesQuery } from '../../queries/bodies';

export type Member = Answer<'GET /api/bodies/:bodyId/members'>[number];
/** A member as answered on creation or regeneration: the only time the sign-in code is shown. */
export type MemberWithCode = Answer<'POST /api/members/:memberId/code'>;

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
  useQuery({ queryKey: adminKeys.members(bodyId), queryFn: () => call('GET /api/bodies/:bodyId/members', { bodyId }, { token }), select: (m) => [...m].sort(byDelegationThenName) });
/** `year` undefined: every year; null: not chosen yet (nothing is fetched). */
export const useProjects = (token: string, bodyId: string, year?: number | null) =>
  useQuery({
    queryKey: adminKeys.projects(bodyId, year ?? undefined),
    queryFn: () => call('GET /api/bodies/:bodyId/projects', { bodyId }, { token, query: { year: year || undefined } }),
    enabled: year !== null,
  });
export const useSessions = (token: string, bodyId: string) =>
  useQuery({ queryKey: adminKeys.sessions(bodyId), queryFn: () => call('GET /api/bodies/:bodyId/sessions', { bodyId }, { token }) });

/** A mutation that invalidates `keys` once it succeeds. */
function useAdminMutation<I, O>(keys: readonly (readonly unknown[])[], fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey }))) });
}

export const useCreateBody = (token: string) =>
  useAdminMutation([adminKeys.bodies], (body: BodyOf<'POST /api/bodies'>) => call('POST /api/bodies', { token, body }));
export const useCreateUser = (token: string) =>
  useAdminMutation([], (body: BodyOf<'POST /api/users'>) => call('POST /api/users', { token, body }));
export const useAddMembers = (token: string, bodyId: string) =>
  useAdminMutation([adminKeys.members(bodyId)], (members: BodyOf<'POST /api/bodies/:bodyId/members'>['members']) =>
    call('POST /api/bodies/:bodyId/members', { bodyId }, { token, body: { members } }));
export const useImportMembers = (token: string, bodyId: string) =>
  useAdminMutation([adminKeys.members(bodyId)], (csv: string) => call('POST /api/bodies/:bodyId/members/import', { bodyId }, { token, csv }));
export const useRegenerateCode = (token: string) =>
  useAdminMutation([], (memberId: string) => call('POST /api/members/:memberId/code', { memberId }, { token }));
export const useCreateProject = (token: string, bodyId: string) =>
  useAdminMutation([adminKeys.projects(bodyId)], (body: BodyOf<'POST /api/bodies/:bodyId/projects'>) =>
    call('POST /api/bodies/:bodyId/projects', { bodyId }, { token, body }));
export const useCreateSession = (token: string, bodyId: string) =>
  useAdminMutation([adminKeys.sessions(bodyId)], (body: BodyOf<'POST /api/bodies/:bodyId/sessions'>) =>
    call('POST /api/bodies/:bodyId/sessions', { bodyId }, { token, body }));
