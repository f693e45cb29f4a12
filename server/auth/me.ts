import { Hono } from 'hono';
import { desc, eq } from 'drizzle-orm';
import type { AppContext, AppEnv } from '../context.js';
import { requirePrincipal } from '../http/auth.js';
import { members, roster, sessions, users } from '../db/schema.js';
import type { DbOrTx } from '../db/connect.js';
import { DomainError, notFound } from '../core/errors.js';

export function meRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/me', async (c) => {
    const p = requirePrincipal(c);
    if (p.kind === 'staff') {
      const [u] = await ctx.db.select().from(users).where(eq(users.id, p.userId));
      if (!u) throw new DomainError(401, 'unauthorized', '账号不存在 / account no longer exists');
      return c.json({ kind: 'staff', user: { id: u.id, username: u.username, role: u.role, bodyId: u.bodyId, department: u.department } });
    }
    if (p.kind === 'member') {
      const [m] = await ctx.db.select().from(members).where(eq(members.id, p.memberId));
      if (!m) throw notFound('代表');
      const sessions = await sessionsOfMember(ctx.db, m.id);
      return c.json({ kind: 'member', member: { id: m.id, name: m.name, bodyId: m.bodyId, delegation: m.delegation }, sessions });
    }
    return c.json({ kind: 'screen', sessionId: p.sessionId });
  });
}

/** The sessions whose roster holds the member (the tablet's choice after sign-in). */
export async function sessionsOfMember(db: DbOrTx, memberId: string) {
  return db
    .select({ id: sessions.id, name: sessions.name, kind: sessions.kind, state: sessions.state, present: roster.present })
    .from(roster)
    .innerJoin(sessions, eq(sessions.id, roster.sessionId))
    .where(eq(roster.memberId, memberId))
    .orderBy(desc(sessions.createdAt));
}
