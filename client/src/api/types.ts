// The answers of the HTTP API as the client reads them, written by hand for now (see docs/API.md).
import type {
  BallotForm,
  BallotKind,
  BallotOption,
  BallotResult,
  BallotState,
  BaseRule,
  BodyLevel,
  MemberKind,
  Quorum,
  Role,
  SessionKind,
  Tally,
} from '../../../shared/types';
import type { AuditStage } from '../../../shared/audit';

export interface StaffUser {
  id: string;
  username: string;
  role: Role;
  bodyId: string;
  department?: string | null;
}
export interface MemberInfo {
  id: string;
  name: string;
  bodyId: string;
  delegation: string | null;
}
export interface MemberSessionSummary {
  id: string;
  name: string;
  kind: SessionKind;
  state: 'open' | 'ended' | string;
  present: boolean;
}
export type Me =
  | { kind: 'staff'; user: StaffUser }
  | { kind: 'member'; member: MemberInfo; sessions: MemberSessionSummary[] };

export interface Body {
  id: string;
  name: string;
  level: BodyLevel;
  parentId: string | null;
}
export interface StaffSessionSummary {
  id: string;
  name: string;
  kind: SessionKind;
  state: string;
  rosterSize: number;
  present: number;
  createdAt: string;
}
export interface BallotSummary {
  id: string;
  kind: BallotKind;
  state: BallotState;
  title: string;
  eligible: number | null;
  cast: number;
}
export interface SessionDetail {
  id: string;
  bodyId: string;
  name: string;
  kind: SessionKind;
  state: string;
  rosterSize: number;
  present: number;
  quorum: Quorum & { met: boolean };
  version: number;
  ballots: BallotSummary[];
  me?: { memberId: string; onRoster: boolean; present: boolean };
}
export interface RosterEntry {
  memberId: string;
  name: string;
  delegation: string | null;
  kind: MemberKind;
  present: boolean;
  note: string | null;
}
/** One entry of a session's log (GET /api/sessions/:id/audit, oldest first), with the trail's words beside it. */
export interface AuditEntry {
  at: string;
  actor: string | null;
  action: string;
  subject: string | null;
  detail: unknown;
  stage?: AuditStage | null;
  subjectKind?: string | null;
  subjectLabel?: string | null;
  actorName?: string | null;
}
export interface Project {
  id: string;
  bodyId: string;
  year: number;
  title: string;
  description: string;
  category: string;
  department: string;
  investment: number | null;
  status: string;
  targets: string[] | null;
}
export interface BallotDetail {
  id: string;
  sessionId: string;
  kind: BallotKind;
  form: BallotForm | null;
  seats: number | null;
  question: string | null;
  state: BallotState;
  title: string;
  secret: boolean;
  baseRule: BaseRule;
  runoffOf: string | null;
  options: BallotOption[];
  eligible: number | null;
  cast: number;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  cancelReason: string | null;
  tally?: Tally;
  result?: BallotResult;
  voted?: boolean;
}
export interface CreateBallotInput {
  kind: BallotKind;
  title?: string;
  projectIds?: string[];
  seats?: number;
  form?: BallotForm;
  question?: string;
  secret?: boolean;
  baseRule?: BaseRule;
  runoffOf?: string;
}
export interface PublicResultSummary {
  ballotId: string;
  sessionId: string;
  sessionName: string;
  title: string;
  kind: BallotKind;
  publishedAt: string;
}
