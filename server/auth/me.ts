// GET /api/me (an extension of API.md).
import { desc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Principal } from '../core/principal.js';
import { route } from '../http/route.js';
import { members, roster, sessions, users } from '../db/schema.js';
import type { DbOrTx } from '../db/connect.js';
import { DomainError, notFound } from '../core/errors.js';

/** GET /api/me: who the token is (staff, a member with the sessions it may join, a big screen). */
export async function me(ctx: AppContext, p: Principal) {
  if (p.kind === 'staff') {
    const [u] = await ctx.db.select().from(users).where(eq(users.id, p.userId));
    if (!u) throw new DomainError(401, 'unauthorized', '账号不存在 / account no longer exists');
    return { kind: 'staff' as const, user: { id: u.id, username: u.username, role: u.role, bodyId: u.bodyId, department: u.department } };
  }
  if (p.kind === 'member') {
    const [m] = await ctx.db.select().from(members).where(eq(members.id, p.memberId));
    if (!m) throw notFound('代表');
    const sessions = await sessionsOfMember(ctx.db, m.id);
    return { kind: 'member' as const, member: { id: m.id, name: m.name, bodyId: m.bodyId, delegation: m.delegation }, sessions };
  }
  return { kind: 'screen' as const, sessionId: p.sessionId };
}

export const meRoutes = [
  route({
    method: 'GET', path: '/me', summary: 'Who the token is: a staff account, a member with their sessions, or a big screen', extension: true,
    roles: ['admin', 'presider', 'department', 'member', 'screen'], handler: (ctx, r) => me(ctx, r.actor),
  }),
];

/** The sessions whose roster holds the member (the tablet's choice after sign-in). */
export async function sessionsOfMember(db: DbOrTx, memberId: string) {
  return db
    .select({ id: sessions.id, name: sessions.name, kind: sessions.kind, state: sessions.state, present: roster.present })
    .from(roster)
    .innerJoin(sessions, eq(sessions.id, roster.sessionId))
    .where(eq(roster.memberId, memberId))
    .orderBy(desc(sessions.createdAt));
}
