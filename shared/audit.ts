// The trail's vocabulary, shared by the server that writes it and the screens that show it in words.

/** API.md "The trail": the stage of the thing a change is about. */
export const auditStages = ['setup', 'collection', 'screening', 'vote', 'implementation', 'supervision', 'evaluation', 'publication', 'notification'] as const;
export type AuditStage = (typeof auditStages)[number];

/** What a change is about. */
export const subjectKinds = [
  'body', 'user', 'member', 'department', 'station', 'window', 'suggestion', 'project', 'candidate_list', 'session', 'ballot',
  'notice', 'file', 'rating', 'task', 'referral', 'outbox',
] as const;
export type SubjectKind = (typeof subjectKinds)[number];

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
