// Append-only record of every change, written in the same transaction as the change itself (the command
// wrapper writes it: core/command.ts). Casting is never written here per member, so the log cannot undo the
// secrecy of the box; nor is a contact, a tracking code, a sign-in code or a password.
import type { DbOrTx } from '../db/connect.js';
import { auditLog } from '../db/schema.js';
import type { Principal } from '../core/principal.js';
import type { ActorKind, AuditAction, AuditStage, SubjectKind } from '../../shared/audit.js';

/** Who made a change, as the trail records it: a signed-in principal, a resident (`public`) or the server itself. */
export type AuditActor = Principal | 'public' | 'system';

export interface AuditEntry {
  action: AuditAction;
  stage: AuditStage;
  bodyId: string | null;
  subject: { kind: SubjectKind; id: string; label?: string | null };
  sessionId?: string | null;
  detail?: Record<string, unknown> | null;
}

/** The `actor` text column, as every release has written it. */
export function actorName(p: AuditActor): string {
  if (p === 'public' || p === 'system') return p;
  if (p.kind === 'staff') return `${p.role}:${p.username || p.userId}`;
  if (p.kind === 'member') return `member:${p.memberId}`;
  return `screen:${p.sessionId}`;
}

function actorKindAndId(p: AuditActor): { kind: ActorKind; id: string | null } {
  if (p === 'public' || p === 'system') return { kind: p, id: null };
  if (p.kind === 'staff') return { kind: 'user', id: p.userId };
  if (p.kind === 'member') return { kind: 'member', id: p.memberId };
  return { kind: 'system', id: null };
}

/** An audit entry as a command declares it: the action, stage and body default to the command's. */
export type AuditDraft = Omit<AuditEntry, 'action' | 'stage' | 'bodyId'> & Partial<Pick<AuditEntry, 'action' | 'stage' | 'bodyId'>>;

export async function writeAudit(db: DbOrTx, actor: AuditActor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (!list.length) return;
  const who = actorKindAndId(actor);
  const name = actorName(actor);
  for (let i = 0; i < list.length; i += 1000) {
    await db.insert(auditLog).values(list.slice(i, i + 1000).map((e) => ({
      sessionId: e.sessionId ?? null, actor: name, action: e.action, subject: e.subject.id, detail: e.detail ?? null,
      bodyId: e.bodyId, stage: e.stage, subjectKind: e.subject.kind, subjectLabel: e.subject.label ?? null, actorKind: who.kind, actorId: who.id,
    })));
  }
}
