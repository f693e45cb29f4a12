// The trail's vocabulary, shared by the server that writes it and the screens that show it in words.

/** API.md "The trail": the stage of the thing a change is about. */
export const auditStages = ['setup', 'collection', 'screening', 'vote', 'implementation', 'supervision', 'evaluation', 'publication', 'notification'] as const;
export type AuditStage = (typeof auditStages)[number];

/** What a change is about. */
export const subjectKinds = [
  'body', 'user', 'member', 'department', 'station', 'window', 'suggestion', 'project', 'candidate_list', 'session', 'ballot',
  'notice', 'file', 'rating', 'task', 'referral', 'outbox', 'hearing',
] as const;
export type SubjectKind = (typeof subjectKinds)[number];

/**
 * Every action the trail records, with its stage: the one list the server's commands are typed against and
 * the staff screens give words to (client i18n `audit.action.<name>`). Names of earlier releases stay: their
 * rows are still read (`members.added`, one entry for several members, before each member got its own).
 */
export const auditActions = {
  'body.created': 'setup', 'user.created': 'setup', 'member.added': 'setup', 'members.added': 'setup', 'member.code_regenerated': 'setup',
  'collection.window_created': 'collection', 'collection.station_created': 'collection', 'suggestion.received': 'collection',
  'suggestion.merged': 'collection', 'suggestion.not_adopted': 'collection', 'suggestion.referred': 'collection',
  'suggestion.adopted': 'collection', 'suggestion.released': 'collection', 'suggestion.replied': 'collection',
  'referral.opened': 'collection', 'referral.answered': 'collection', 'referral.visited': 'collection',
  'station.duty_set': 'setup', 'member.phone_set': 'setup', 'user.phone_set': 'setup',
  'project.created': 'screening', 'project.updated': 'screening', 'project.withdrawn': 'screening', 'project.assessed': 'screening',
  'project.screened': 'screening', 'candidate_list.created': 'screening', 'candidate_list.approved': 'screening',
  'session.created': 'vote', 'session.ended': 'vote', 'member.checked_in': 'vote', 'attendance.set': 'vote', 'screen.token_issued': 'vote',
  'ballot.created': 'vote', 'ballot.runoff_created': 'vote', 'ballot.opened': 'vote', 'ballot.closed': 'vote', 'ballot.published': 'vote',
  'ballot.cancelled': 'vote',
  'project.planned': 'implementation', 'project.progress': 'implementation', 'project.items_set': 'implementation', 'project.rectification': 'implementation',
  'project.carried_over': 'implementation', 'file.uploaded': 'implementation',
  'project.supervisors': 'supervision', 'project.inspected': 'supervision',
  'task.opened': 'supervision', 'task.answered': 'supervision', 'task.closed': 'supervision',
  'project.graded': 'evaluation', 'rating.received': 'evaluation', 'rating.moderated': 'evaluation',
  'satisfaction_rule.set': 'evaluation', 'project.surveyed': 'evaluation',
  'hearing.added': 'evaluation', 'hearing.updated': 'evaluation', 'hearing.removed': 'evaluation',
  'notice.published': 'publication', 'dossier.sent': 'publication',
  'notice_to_person.retried': 'notification',
  // departments as a list, returns and the reserve (储备库)
  'department.created': 'setup', 'project.returned': 'screening', 'project.reassigned': 'screening',
  'project.reserved': 'screening', 'project.unreserved': 'screening', 'suggestion.reserved': 'collection', 'suggestion.unreserved': 'collection',
} as const satisfies Record<string, AuditStage>;
export type AuditAction = keyof typeof auditActions;

export type ActorKind = 'user' | 'member' | 'public' | 'system';

/** One entry as `GET /api/bodies/:bodyId/audit` answers it. */
export interface AuditItem {
  id: number;
  at: string;
  actor: { kind: ActorKind; name?: string };
  stage: AuditStage | null;
  action: string;
  subject: { kind: SubjectKind | null; id: string; label: string | null };
  detail: Record<string, unknown> | null;
  sessionId: string | null;
}
