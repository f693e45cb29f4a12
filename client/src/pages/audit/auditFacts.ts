// An entry's `detail` as short facts ("实投 1,234", "投资 4,200 万元" …), per action: what each command of
// server/*/ writes there (its `audit:`), in words. Ids in a detail (a project's, a member's) are never shown:
// the subject's label already names the thing. Pure (tests/client/auditWords.test.ts).
import type { TFunction } from 'i18next';
import type { Formatters } from '../../format';
import { gradeChoice, type Grade } from '../../../../shared/execution';

export interface Fact {
  label?: string;
  value: string;
}

type Rec = Record<string, unknown>;
export const isRec = (d: unknown): d is Rec => typeof d === 'object' && d !== null && !Array.isArray(d);
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** The facts of one entry; `runoffOf` names the ballot a runoff repeats (the console knows the session's titles). */
export function detailFacts(t: TFunction, fmt: Formatters, action: string, detail: Rec | null, ballotTitle: (id: string) => string | null = () => null): Fact[] {
  const d = detail ?? {};
  const out: Fact[] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value != null && value !== '') out.push({ label: t(`audit.f.${label}`), value });
  };
  const value = (v: string) => out.push({ value: v });
  const n = (v: unknown) => (num(v) == null ? null : fmt.num(num(v)));
  const date = (v: unknown) => (str(v) ? fmt.date(str(v)) : null);
  const count = (v: unknown) => (Array.isArray(v) ? v.length : num(v));
  const items = (v: unknown) => {
    const c = count(v);
    return c == null ? null : t('audit.items', { count: c, n: fmt.num(c) });
  };
  const people = (v: unknown) => {
    const c = count(v);
    return c == null ? null : t('audit.people', { count: c, n: fmt.num(c) });
  };
  const named = (prefix: string, v: unknown) => (str(v) ? t(`${prefix}.${str(v)}`, { defaultValue: str(v) }) : null);

  switch (action) {
    case 'body.created':
      add('level', named('bodyLevel', d.level));
      break;
    case 'user.created':
      add('role', named('role', d.role));
      add('department', str(d.department));
      break;
    case 'member.added':
    case 'members.added':
      add('delegation', str(d.delegation));
      add('memberKind', named('admin.members.kind', d.kind));
      break;
    case 'collection.window_created':
      add('opens', date(d.opensAt));
      add('closes', date(d.closesAt));
      break;
    case 'collection.station_created':
      add('address', str(d.address));
      break;
    case 'suggestion.received':
      add('channel', named('suggestionChannel', d.channel));
      add('category', named('category', d.category));
      break;
    case 'suggestion.merged':
      add('supporters', n(d.supporters));
      break;
    case 'suggestion.not_adopted':
    case 'suggestion.referred':
      add('reason', str(d.reason));
      break;
    case 'project.created':
      add('year', num(d.year) == null ? null : String(d.year));
      if (count(d.suggestions)) add('suggestions', items(d.suggestions));
      break;
    case 'project.updated':
      if (Array.isArray(d.fields)) {
        const fields = d.fields.filter((f): f is string => typeof f === 'string').map((f) => t(`audit.field.${f}`, { defaultValue: '' })).filter(Boolean);
        add('fields', fields.join(t('audit.listSeparator')));
      }
      break;
    case 'project.assessed':
      if (typeof d.feasible === 'boolean') value(t(d.feasible ? 'audit.value.feasible' : 'audit.value.infeasible'));
      add('investment', num(d.investment) == null ? null : fmt.wan(num(d.investment)));
      add('completionDate', date(d.completionDate));
      break;
    case 'project.screened': {
      if (!isRec(d.exclusions)) break;
      const applies = Object.entries(d.exclusions).filter(([, v]) => v === true).map(([k]) => t(`screening.rule.${k}`, { defaultValue: '' })).filter(Boolean);
      if (applies.length) add('exclusions', applies.join(t('audit.listSeparator')));
      else value(t('audit.value.noExclusion'));
      break;
    }
    case 'candidate_list.created':
    case 'candidate_list.approved':
      add('meeting', str(d.meeting));
      add('approvedAt', date(d.approvedAt));
      add('projects', items(d.projects));
      add('seats', n(d.seats));
      break;
    case 'session.created': {
      add('kind', named('session.kind', d.kind));
      add('rosterSize', people(d.rosterSize));
      const q = isRec(d.quorum) ? d.quorum : null;
      if (q && num(q.num) != null && num(q.den) != null) add('quorum', t(q.strict ? 'session.quorumRuleStrict' : 'session.quorumRule', { num: q.num, den: q.den }));
      break;
    }
    case 'attendance.set': {
      // the sentence says the status (将代表张三标记为请假); a note only where it says more than the one the
      // console fills in by itself (请假 / On leave)
      const note = str(d.note);
      const defaults = [t('roster.leaveDefault', { lng: 'zh-CN' }), t('roster.leaveDefault', { lng: 'en' })];
      if (d.present !== true && note && !defaults.includes(note.trim())) add('note', note);
      break;
    }
    case 'ballot.created':
    case 'ballot.runoff_created': {
      const kind = str(d.kind);
      add('kind', named('ballotKind', kind));
      if (kind === 'selection') add('form', named('ballotForm', d.form));
      add('seats', n(d.seats));
      if (Array.isArray(d.options) && kind !== 'motion') add('candidates', items(d.options));
      const of = str(d.runoffOf);
      if (of) add('runoffOf', ballotTitle(of));
      break;
    }
    case 'ballot.opened':
      add('eligible', n(d.eligible));
      add('present', n(d.present));
      break;
    case 'ballot.closed':
      add('cast', n(d.cast));
      add('eligible', n(d.eligible));
      add('base', n(d.base));
      break;
    case 'ballot.cancelled':
      add('reason', str(d.reason));
      if (typeof d.wasOpen === 'boolean') value(t(`audit.cancelledWhile.${d.wasOpen ? 'open' : 'draft'}`));
      break;
    case 'project.planned':
      add('milestones', n(d.milestones));
      add('completionDate', date(d.completionDate));
      break;
    case 'project.progress':
      add('percent', num(d.percent) == null ? null : fmt.pct(num(d.percent)! / 100, 0));
      add('milestone', str(d.milestone));
      add('date', date(d.date));
      break;
    case 'project.rectification':
    case 'project.inspected':
      add('date', date(d.date));
      break;
    case 'project.carried_over':
      add('toYear', num(d.toYear) == null ? null : String(d.toYear));
      break;
    case 'file.uploaded':
      add('size', num(d.size) == null ? null : `${fmt.num(Math.round(num(d.size)! / 1024))} KB`);
      if (num(d.width) != null && num(d.height) != null) add('dimensions', `${d.width} × ${d.height}`);
      break;
    case 'project.supervisors':
      add('supervisors', people(d.members));
      break;
    case 'project.graded':
      add('grade', str(d.grade) ? t(`choice.${gradeChoice[str(d.grade) as Grade] ?? ''}`, { defaultValue: str(d.grade) }) : null);
      add('round', named('round', d.round));
      break;
    case 'rating.received':
      add('grade', named('choice', d.grade));
      if (d.comment === true) value(t('audit.value.withComment'));
      break;
    case 'rating.moderated':
      if (typeof d.visible === 'boolean') value(t(d.visible ? 'audit.value.shown' : 'audit.value.hidden'));
      break;
    case 'station.duty_set': {
      const days = Array.isArray(d.days) ? d.days.map(str).filter((x): x is string => !!x).sort() : [];
      if (days.length) add('date', days.length === 1 ? fmt.date(days[0]) : `${fmt.date(days[0])} – ${fmt.date(days[days.length - 1])} · ${items(days)}`);
      add('onDuty', people(d.members));
      break;
    }
    case 'hearing.added':
    case 'hearing.updated':
      // 听取报告: the kind and who reports (the ballot it comes before is named by id only: not shown)
      add('kind', named('hearings.kind', d.kind));
      add('reporter', str(d.reporter));
      break;
    case 'notice.published':
      add('number', str(d.number) ?? (num(d.number) == null ? null : String(d.number)));
      break;
    default:
      // an action of a later release: only what this screen has words for (numbers and years), never raw keys
      add('count', n(d.count));
      add('year', num(d.year) == null ? null : String(d.year));
  }
  return out;
}
