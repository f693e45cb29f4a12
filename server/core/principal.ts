// Who is calling. Staff, members and big screens hold different kinds of token that never stand in for each
// other (auth/tokens.ts issues and reads them); a resident without an account is `null`.
import type { Role } from '../../shared/types.js';

export type Principal =
  | { kind: 'staff'; userId: string; username: string; role: Role; bodyId: string | null }
  | { kind: 'member'; memberId: string; bodyId: string }
  | { kind: 'screen'; sessionId: string };

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;
export type MemberPrincipal = Extract<Principal, { kind: 'member' }>;
export type ScreenPrincipal = Extract<Principal, { kind: 'screen' }>;

/**
 * The callers a route or command names in its `roles`: the three staff roles, a member (representative),
 * a session's big screen, and `public` (anyone, with or without a token).
 */
export const callers = ['public', 'admin', 'presider', 'department', 'member', 'screen'] as const;
export type Caller = (typeof callers)[number];

/** The principal a caller of these roles is, as far as the types can tell. */
export type ActorOf<R extends Caller> =
  'public' extends R ? Principal | null
    : (R extends 'admin' | 'presider' | 'department' ? StaffPrincipal : never)
    | (R extends 'member' ? MemberPrincipal : never)
    | (R extends 'screen' ? ScreenPrincipal : never);

/** Which of `roles` this principal is, or null when it is none of them. */
export function callerOf(p: Principal | null, roles: readonly Caller[]): Caller | null {
  if (roles.includes('public')) return 'public';
  if (!p) return null;
  const c: Caller = p.kind === 'staff' ? p.role : p.kind;
  return roles.includes(c) ? c : null;
}
