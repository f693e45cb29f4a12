// TEMPORARY during the move to commands: the old two-argument writeAudit, for services not yet converted.
import type { DbOrTx } from '../db/connect.js';
import type { Principal } from '../core/principal.js';
import { writeAudit } from './log.js';
import type { AuditAction, AuditStage, SubjectKind } from '../../shared/audit.js';

const stageOf = (a: string): AuditStage => a.startsWith('suggestion.') || a.startsWith('collection.') ? 'collection'
  : a.startsWith('candidate_list.') || ['project.assessed', 'project.created', 'project.screened', 'project.updated', 'project.withdrawn'].includes(a) ? 'screening'
    : ['project.planned', 'project.progress', 'project.rectification', 'project.carried_over'].includes(a) ? 'implementation'
      : ['project.inspected', 'project.supervisors'].includes(a) ? 'supervision'
        : a.startsWith('rating.') ? 'evaluation' : a.startsWith('notice.') ? 'publication'
          : ['body.created', 'user.created', 'members.added', 'member.code_regenerated'].includes(a) ? 'setup' : 'vote';
const kindOf = (a: string): SubjectKind => (a.split('.')[0] === 'members' ? 'body' : a.split('.')[0] === 'attendance' ? 'member' : a.split('.')[0] === 'screen' ? 'session' : a.split('.')[0]) as SubjectKind;

export async function legacyAudit(db: DbOrTx, e: { sessionId?: string | null; actor: Principal | null | string; action: string; subject: string; detail?: unknown }) {
  const actor = typeof e.actor === 'string' || e.actor === null ? 'system' : e.actor;
  await writeAudit(db, actor, { action: e.action as AuditAction, stage: stageOf(e.action), bodyId: null, sessionId: e.sessionId, subject: { kind: kindOf(e.action), id: e.subject }, detail: (e.detail ?? null) as Record<string, unknown> | null });
}
