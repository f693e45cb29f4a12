// The audit log in words: names for the ids it records, and each entry's `detail` as short facts.
// Pure functions of the entry, the names and a translator (tests/client/audit.test.ts).
import type { TFunction } from 'i18next';
import type { AuditEntry, RosterEntry } from '../../api';
import type { Formatters } from '../../format';

/** What the log's ids stand for: members from the roster, ballots and the session by title. */
export interface Names {
  members: Map<string, RosterEntry>;
  ballots: Map<string, string>;
  sessionId: string;
  sessionName: string;
}

export interface Shown {
  text: string;
  /** the raw id, kept as a tooltip for whoever needs to trace it */
  hint?: string;
  /** no name was found: the text is the id itself */
  raw?: boolean;
  /** a second, quieter line (a staff member's role) */
  sub?: string;
}

type Rec = Record<string, unknown>;
export const isRec = (d: unknown): d is Rec => typeof d === 'object' && d !== null && !Array.isArray(d);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

const STAFF_ROLES = new Set(['admin', 'presider', 'department']);

function memberShown(t: TFunction, names: Names, id: string): Shown {
  const m = names.members.get(id);
  if (!m) return { text: id, raw: true };
  return { text: m.name, hint: [m.delegation, t('audit.idHint', { id })].filter(Boolean).join(' · ') };
}

/** `presider:alice`, `member:<id>`, `screen:<sessionId>`, `system` (server/audit/log.ts actorName). */
export function actorShown(t: TFunction, names: Names, actor: string | null): Shown {
  if (!actor) return { text: '—' };
  if (actor === 'system') return { text: t('audit.system') };
  const i = actor.indexOf(':');
  const kind = i < 0 ? actor : actor.slice(0, i);
  const rest = i < 0 ? '' : actor.slice(i + 1);
  if (kind === 'member' && rest) return memberShown(t, names, rest);
  if (kind === 'screen') return { text: t('audit.screen') };
  if (STAFF_ROLES.has(kind) && rest) return { text: rest, sub: t(`role.${kind}`) };
  return { text: actor };
}

export function subjectShown(t: TFunction, names: Names, e: AuditEntry): Shown {
  const id = e.subject;
  if (!id) return { text: '' };
  if (e.action.startsWith('member.') || e.action.startsWith('attendance.')) return memberShown(t, names, id);
  if (e.action.startsWith('ballot.')) {
    const title = names.ballots.get(id);
    return title ? { text: title, hint: t('audit.idHint', { id }) } : { text: id, raw: true };
  }
  if (id === names.sessionId) return { text: names.sessionName || t('audit.thisSession'), hint: t('audit.idHint', { id }) };
  return { text: id, raw: true };
}

export interface Fact {
  label?: string;
  value: string;
}

/** The entry's `detail` as short facts ("实投 10", "应投 12" …), per action. */
export function detailFacts(t: TFunction, fmt: Formatters, names: Names, e: AuditEntry): Fact[] {
  const d = e.detail;
  if (d == null || d === '') return [];
  if (!isRec(d)) return [{ value: typeof d === 'string' ? d : JSON.stringify(d) }];
  const out: Fact[] = [];
  const add = (label: string, value: string | null) => {
    if (value != null && value !== '') out.push({ label: t(`audit.f.${label}`), value });
  };
  const n = (v: unknown) => {
    const x = num(v);
    return x == null ? null : fmt.num(x);
  };
  switch (e.action) {
    case 'session.created': {
      const kind = str(d.kind);
      add('kind', kind ? t(`session.kind.${kind}`, { defaultValue: kind }) : null);
      const size = num(d.rosterSize);
      add('rosterSize', size == null ? null : t('audit.people', { count: size, n: fmt.num(size) }));
      const q = isRec(d.quorum) ? d.quorum : null;
      if (q && num(q.num) != null && num(q.den) != null) {
        add('quorum', t(q.strict ? 'session.quorumRuleStrict' : 'session.quorumRule', { num: q.num, den: q.den }));
      }
      return out;
    }
    case 'attendance.set': {
      const note = str(d.note);
      const st = d.present === true ? 'present' : note ? 'leave' : 'absent';
      out.push({ value: t(`audit.attendance.${st}`) });
      // the note the console fills in by itself (请假 / On leave) says nothing more than the status
      const defaults = [t('roster.leaveDefault', { lng: 'zh-CN' }), t('roster.leaveDefault', { lng: 'en' })];
      if (st === 'leave' && note && !defaults.includes(note.trim())) add('note', note);
      return out;
    }
    case 'ballot.created':
    case 'ballot.runoff_created': {
      const kind = str(d.kind);
      add('kind', kind ? t(`ballotKind.${kind}`, { defaultValue: kind }) : null);
      const form = str(d.form);
      if (kind === 'selection' && form) add('form', t(`ballotForm.${form}`, { defaultValue: form }));
      add('seats', n(d.seats));
      if (Array.isArray(d.options) && kind !== 'motion') {
        const c = d.options.length;
        add('candidates', t('audit.items', { count: c, n: fmt.num(c) }));
      }
      const of = str(d.runoffOf);
      if (of) add('runoffOf', names.ballots.get(of) ?? of);
      return out;
    }
    case 'ballot.opened':
      add('eligible', n(d.eligible));
      add('present', n(d.present));
      return out;
    case 'ballot.closed':
      add('cast', n(d.cast));
      add('eligible', n(d.eligible));
      add('base', n(d.base));
      return out;
    case 'ballot.cancelled':
      add('reason', str(d.reason));
      if (typeof d.wasOpen === 'boolean') out.push({ value: t(`audit.cancelledWhile.${d.wasOpen ? 'open' : 'draft'}`) });
      return out;
    default:
      // an action this console does not know yet: its fields as they are
      for (const [k, v] of Object.entries(d)) {
        if (v == null || v === '') continue;
        out.push({ label: k, value: typeof v === 'string' ? v : typeof v === 'number' ? fmt.num(v) : JSON.stringify(v) });
      }
      return out;
  }
}
