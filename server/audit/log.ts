// Append-only record of procedural actions, written in the same transaction as the action itself.
// Casting is never written here per member, so the log cannot undo the secrecy of the box.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { auditLog } from '../db/schema.js';
import type { Principal } from '../core/principal.js';

export function actorName(p: Principal | null): string {
  if (!p) return 'system';
  if (p.kind === 'staff') return `${p.role}:${p.username || p.userId}`;
  if (p.kind === 'member') return `member:${p.memberId}`;
  return `screen:${p.sessionId}`;
}

export async function writeAudit(
  db: DbOrTx,
  entry: { sessionId?: string | null; actor: Principal | null | string; action: string; subject: string; detail?: unknown },
): Promise<void> {
  const actor = typeof entry.actor === 'string' ? entry.actor : actorName(entry.actor);
  await db.insert(auditLog).values({
    sessionId: entry.sessionId ?? null, actor, action: entry.action, subject: entry.subject, detail: entry.detail ?? null,
  });
}

export async function sessionAudit(db: DbOrTx, sessionId: string) {
  const rows = await db.select().from(auditLog).where(eq(auditLog.sessionId, sessionId)).orderBy(asc(auditLog.id));
  return rows.map((r) => ({ at: r.at, actor: r.actor, action: r.action, subject: r.subject, detail: r.detail }));
}
