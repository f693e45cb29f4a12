// Who is calling. Staff, members and big screens hold different kinds of token that never stand in for each
// other (auth/tokens.ts issues and reads them); a resident without an account is `null`.
import type { Role } from '../../shared/types.js';

export type Principal =
  | { kind: 'staff'; userId: string; username: string; role: Role; bodyId: string | null }
  /** `gen`: the member's token generation when the token was issued (a regenerated code ends older ones) */
  | { kind: 'member'; memberId: string; bodyId: string; gen: number }
  | { kind: 'screen'; sessionId: string };

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;
export type MemberPrincipal = Extract<Principal, { kind: 'member' }>;
export type ScreenPrincipal = Extract<Principal, { kind: 'screen' }>;

/**
 * The callers a route or command names in its `roles`: the three staff roles, a member (representative),
 * a session's big screen, and `public` (anyone, with or without a token — except a big screen's token, which
 * only the routes that name `screen` take).
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
  // A big screen watches its own session and reads nothing else, public pages included: a route lets it in
  // only by naming it.
  if (p?.kind === 'screen') return roles.includes('screen') ? 'screen' : null;
  if (roles.includes('public')) return 'public';
  if (!p) return null;
  const c: Caller = p.kind === 'staff' ? p.role : p.kind;
  return roles.includes(c) ? c : null;
}
