// Reading the trail: a body's (GET /api/bodies/:bodyId/audit, newest first, by stage and subject) and a
// session's (GET /api/sessions/:id/audit, oldest first, as API.md has always answered it). Actors are named
// when read (a user's username, a member's name); a resident is `public`, never more.
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { auditLog, members, users } from '../db/schema.js';
import { iso } from '../db/time.js';
import type { ActorKind, AuditItem, AuditStage, SubjectKind } from '../../shared/audit.js';

type Row = typeof auditLog.$inferSelect & { userName: string | null; memberName: string | null };

const actorNameSql = {
  userName: sql<string | null>`(select ${users.username} from ${users} where ${users.id} = ${auditLog.actorId} and ${auditLog.actorKind} = 'user')`,
  memberName: sql<string | null>`(select ${members.name} from ${members} where ${members.id} = ${auditLog.actorId} and ${auditLog.actorKind} = 'member')`,
};

function describe(r: Row): AuditItem {
  const kind = (r.actorKind ?? 'system') as ActorKind;
  const name = kind === 'user' ? r.userName ?? r.actor.split(':').slice(1).join(':') : kind === 'member' ? r.memberName ?? undefined : undefined;
  return {
    id: r.id, at: iso(r.at), actor: name ? { kind, name } : { kind }, stage: r.stage as AuditStage | null, action: r.action,
    subject: { kind: r.subjectKind as SubjectKind | null, id: r.subject, label: r.subjectLabel }, detail: r.detail as Record<string, unknown> | null,
    sessionId: r.sessionId,
  };
}

export interface TrailQuery { stage?: AuditStage; subject?: string; offset?: number; limit?: number }

/** Every change of a body, newest first. */
export async function bodyTrail(db: DbOrTx, bodyId: string, q: TrailQuery) {
  const conds: SQL[] = [eq(auditLog.bodyId, bodyId)];
  if (q.stage) conds.push(eq(auditLog.stage, q.stage));
  if (q.subject) conds.push(eq(auditLog.subject, q.subject));
  const where = and(...conds);
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 50;
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: count() }).from(auditLog).where(where),
    db.select({ row: auditLog, ...actorNameSql }).from(auditLog).where(where).orderBy(desc(auditLog.id)).offset(offset).limit(limit),
  ]);
  return { total, offset, limit, items: rows.map(({ row, userName, memberName }) => describe({ ...row, userName, memberName })) };
}

/**
 * A session's procedural trail, oldest first: `{at, actor, action, subject, detail}` as API.md gives it,
 * with the trail's words beside them (`stage`, `subjectKind`, `subjectLabel`, `actorName`) for the console.
 */
export async function sessionTrail(db: DbOrTx, sessionId: string) {
  const rows = await db.select({ row: auditLog, ...actorNameSql }).from(auditLog).where(eq(auditLog.sessionId, sessionId)).orderBy(asc(auditLog.id));
  return rows.map(({ row: r, userName, memberName }) => {
    const d = describe({ ...r, userName, memberName });
    return {
      at: r.at, actor: r.actor, action: r.action, subject: r.subject, detail: r.detail,
      stage: d.stage, subjectKind: d.subject.kind, subjectLabel: d.subject.label, actorName: d.actor.name ?? null,
    };
  });
}
