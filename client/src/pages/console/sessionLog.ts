// The console's session log as lines: each entry of GET /api/sessions/:id/audit turned into a trail entry
// (names from the roster and the session's ballots where an older row has no label), newest first, filtered by
// kind, and a run of check-ins (nothing else between them) folded into one line ("08:31–09:02 · 221 位代表签到", the
// names behind it): a morning's ~300 check-ins are one line, not thirty. Pure (tests/client).
import type { AuditEntry, RosterEntry } from '../../api';
import { auditActions, subjectKinds, type SubjectKind } from '../../../../shared/audit';
import { isRec, str } from '../audit/auditFacts';
import type { TrailActor, TrailEntry } from '../audit/auditWords';

/** What the log's ids stand for: members from the roster, ballots and the session by title. */
export interface Names {
  members: Map<string, RosterEntry>;
  ballots: Map<string, string>;
  sessionId: string;
  sessionName: string;
}

const STAFF_ROLES = new Set(['admin', 'presider', 'department']);

/** `presider:alice`, `member:<id>`, `screen:<sessionId>`, `public`, `system` (server/audit/log.ts actorName). */
export function actorOf(actor: string, actorName: string | null, names: Names): TrailActor {
  const i = actor.indexOf(':');
  const kind = i < 0 ? actor : actor.slice(0, i);
  const rest = i < 0 ? '' : actor.slice(i + 1);
  const name = str(actorName) ?? undefined;
  if (kind === 'member') return { kind: 'member', name: name ?? names.members.get(rest)?.name };
  if (kind === 'screen') return { kind: 'system', screen: true };
  if (STAFF_ROLES.has(kind)) return { kind: 'user', name: name ?? (rest || undefined), role: kind };
  return { kind: kind === 'public' ? 'public' : 'system' };
}

/** The kind of thing an older row (without `subjectKind`) was about, from its action. */
function kindOf(e: AuditEntry): SubjectKind | null {
  if (e.subjectKind) return e.subjectKind;
  const head = e.action.split('.')[0];
  if (head === 'member' || head === 'attendance') return 'member';
  if (head === 'screen') return 'session';
  return (subjectKinds as readonly string[]).includes(head) ? (head as SubjectKind) : null;
}

function labelOf(e: AuditEntry, kind: SubjectKind | null, names: Names): string | null {
  const label = str(e.subjectLabel);
  if (label) return label;
  const id = e.subject;
  if (kind === 'member') return names.members.get(id)?.name ?? null;
  if (kind === 'ballot') return names.ballots.get(id) ?? null;
  if (kind === 'session' && id === names.sessionId) return names.sessionName || null;
  return null;
}

/** `n`: the entry's place in the log (oldest 0), its id here. */
export function fromSessionEntry(e: AuditEntry, names: Names, n: number): TrailEntry {
  const kind = kindOf(e);
  const stage = e.stage ?? (Object.hasOwn(auditActions, e.action) ? auditActions[e.action as keyof typeof auditActions] : null);
  return {
    id: n, at: e.at, actor: actorOf(e.actor, e.actorName, names), stage, action: e.action,
    subject: { kind, id: e.subject, label: labelOf(e, kind, names) },
    detail: isRec(e.detail) ? e.detail : null, sessionId: names.sessionId,
  };
}

/** The ballots the log itself names (those created in the session), beside the titles the console already has. */
export function ballotNames(entries: readonly AuditEntry[], known: Record<string, string>): Map<string, string> {
  const ballots = new Map(Object.entries(known));
  for (const e of entries) {
    if ((e.action === 'ballot.created' || e.action === 'ballot.runoff_created') && e.subject && isRec(e.detail)) {
      const title = str(e.detail.title) ?? str(e.subjectLabel);
      if (title && !ballots.has(e.subject)) ballots.set(e.subject, title);
    }
  }
  return ballots;
}

export const LOG_KINDS = ['all', 'vote', 'attendance', 'other'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

/** 表决 (a ballot's steps), 出席 (check-in and attendance), 其他 (the session itself, the screen, notices …). */
export function logKindOf(action: string): Exclude<LogKind, 'all'> {
  if (action.startsWith('ballot.')) return 'vote';
  if (action === 'member.checked_in' || action === 'attendance.set') return 'attendance';
  return 'other';
}

export type LogLine =
  | { kind: 'entry'; key: string; entry: TrailEntry }
  /** `at` the newest check-in of the run, `from` the oldest */
  | { kind: 'checkIns'; key: string; at: string; from: string; entries: TrailEntry[] };

const line = (e: TrailEntry): LogLine => ({ kind: 'entry', key: `e${e.id}`, entry: e });

/**
 * Consecutive check-ins become one line (two or more, however long they took; a lone check-in stays itself).
 * The entries come in the order they are shown (newest first); each line's key is stable while the log grows.
 */
export function foldCheckIns(entries: readonly TrailEntry[]): LogLine[] {
  const out: LogLine[] = [];
  let run: TrailEntry[] = [];
  const flush = () => {
    // keyed by its first check-in, which stays while later ones join the run
    if (run.length > 1) out.push({ kind: 'checkIns', key: `c${Math.min(...run.map((e) => e.id))}`, at: run[0].at, from: run[run.length - 1].at, entries: run });
    else if (run.length === 1) out.push(line(run[0]));
    run = [];
  };
  for (const e of entries) {
    if (e.action === 'member.checked_in') {
      run.push(e);
      continue;
    }
    flush();
    out.push(line(e));
  }
  flush();
  return out;
}

/** The log as the console shows it: newest first, of one kind, check-ins folded. */
export function sessionLines(entries: readonly AuditEntry[], names: Names, kind: LogKind): LogLine[] {
  const shown = entries.map((e, n) => fromSessionEntry(e, names, n)).filter((e) => kind === 'all' || logKindOf(e.action) === kind).reverse();
  return foldCheckIns(shown);
}
