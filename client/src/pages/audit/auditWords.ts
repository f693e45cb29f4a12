// One entry of the trail in words: a sentence ("合并建议「A」到「B」"), its facts and who did it, in the reader's
// language, for the office's 操作记录 tab and the console's log alike. Never a dotted action key, never an id:
// a thing without a label is called by its kind, an action of a later release by its stage and subject.
// Pure: the translator is passed in (tests/client/auditWords.test.ts).
import type { TFunction } from 'i18next';
import type { Answer } from '../../api';
import type { Formatters } from '../../format';
import { auditActions, auditStages, subjectKinds, type ActorKind, type AuditAction, type AuditStage, type SubjectKind } from '../../../../shared/audit';
import { detailFacts, num, str, type Fact } from './auditFacts';

export type { Fact };

/** Who made a change: the trail's actor, with a staff member's role where the log knows it (the session log). */
export interface TrailActor {
  kind: ActorKind;
  name?: string;
  role?: string;
  /** the big screen's own token (only a session's log tells it apart) */
  screen?: boolean;
}

/**
 * An entry as both readers have it: the body's trail answers it so (GET /api/bodies/:bodyId/audit), the
 * session's log is turned into it. `id`: the trail's id, or the entry's place in the session's log.
 */
export type TrailEntry = Omit<Answer<'GET /api/bodies/:bodyId/audit'>['items'][number], 'actor' | 'detail'> & {
  actor: TrailActor;
  /** the action's facts, read field by field (the session log's rows are plain JSON too) */
  detail: Record<string, unknown> | null;
};

export interface Words {
  sentence: string;
  /** how the sentence names its subject ("项目「X」"), for a screen that links it */
  subject: string;
  facts: Fact[];
  actor: { text: string; sub?: string };
}

const isAction = (a: string): a is AuditAction => Object.hasOwn(auditActions, a);
const isKind = (k: unknown): k is SubjectKind => typeof k === 'string' && (subjectKinds as readonly string[]).includes(k);
const isStage = (s: unknown): s is AuditStage => typeof s === 'string' && (auditStages as readonly string[]).includes(s);
/** kinds whose label is said in a form of their own (a member by name, a list by its year …) */
const NAMED_FORMS = new Set<SubjectKind>(['member', 'rating', 'candidate_list', 'window']);

export function stageOf(e: Pick<TrailEntry, 'stage' | 'action'>): AuditStage | null {
  if (isStage(e.stage)) return e.stage;
  return isAction(e.action) ? auditActions[e.action] : null;
}

export const stageName = (t: TFunction, stage: AuditStage | null) => (stage ? t(`audit.stage.${stage}`) : t('audit.stageOther'));

/** The label, or the name the detail carried before entries had labels (a legacy row's title, name or year). */
function labelOf(e: TrailEntry): string | null {
  const d = e.detail ?? {};
  const year = num(d.year);
  return str(e.subject.label) ?? str(d.title) ?? str(d.name) ?? str(d.username)
    ?? (e.subject.kind === 'window' || e.subject.kind === 'candidate_list' ? (year == null ? null : String(year)) : null);
}

/** "项目「X」", "代表张三", "候选名单（2027 年度）"; without a label, the kind alone ("项目", "a project"). */
export function subjectPhrase(t: TFunction, kind: SubjectKind | null, label: string | null): string {
  const k = isKind(kind) ? kind : null;
  if (!label) return t(k ? `audit.some.${k}` : 'audit.someOther');
  return t(`audit.named.${k && NAMED_FORMS.has(k) ? k : 'default'}`, { kind: k ? t(`audit.kind.${k}`) : t('audit.someOther'), label });
}

function statusOf(d: Record<string, unknown>): 'present' | 'leave' | 'absent' | null {
  if (typeof d.present !== 'boolean') return null;
  return d.present ? 'present' : str(d.note) ? 'leave' : 'absent';
}

/** The sentence's key and values, or null when the entry lacks what its sentence needs. */
function sentenceOf(t: TFunction, e: TrailEntry, labelled: boolean): { key: string; vars: Record<string, unknown> } | null {
  if (!isAction(e.action)) return null;
  const d = e.detail ?? {};
  const many = (key: string, list: unknown) => (!labelled && Array.isArray(list) && list.length > 1 ? { key, vars: { count: list.length } } : null);
  switch (e.action) {
    case 'suggestion.merged': {
      // now: one entry per merged suggestion, `into` the target's title; before: one entry on the target, with the `sources`
      const into = str(d.into);
      if (into) return { key: 'audit.action.suggestion.merged', vars: { target: into } };
      return Array.isArray(d.sources) ? { key: 'audit.variant.mergedInto', vars: { count: d.sources.length } } : { key: 'audit.variant.merged', vars: {} };
    }
    case 'suggestion.not_adopted':
      return many('audit.variant.notAdoptedMany', d.ids) ?? { key: 'audit.action.suggestion.not_adopted', vars: {} };
    case 'suggestion.referred':
      return many('audit.variant.referredMany', d.ids) ?? { key: 'audit.action.suggestion.referred', vars: {} };
    case 'members.added':
      // an earlier release wrote one entry for the whole list, with its count
      return num(d.count) != null && !labelled ? { key: 'audit.variant.membersAdded', vars: { count: num(d.count) } } : { key: 'audit.action.members.added', vars: {} };
    case 'attendance.set': {
      const status = statusOf(d);
      return status ? { key: 'audit.variant.attendance', vars: { status: t(`audit.status.${status}`) } } : { key: 'audit.action.attendance.set', vars: {} };
    }
    default:
      return { key: `audit.action.${e.action}`, vars: {} };
  }
}

/** A sentence begins with a capital letter (English; Chinese has none to raise). */
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function actorWords(t: TFunction, a: TrailActor): Words['actor'] {
  if (a.screen) return { text: t('audit.screen') };
  const kind = t(`audit.actorKind.${a.kind === 'user' || a.kind === 'member' || a.kind === 'public' ? a.kind : 'system'}`);
  if ((a.kind === 'user' || a.kind === 'member') && a.name) return { text: a.name, sub: a.role ? t(`role.${a.role}`, { defaultValue: kind }) : kind };
  return { text: kind };
}

/**
 * The words for one entry. `ballotTitle` names a ballot by id where a detail points at one (a runoff's first
 * round): the console has its session's titles; elsewhere such a fact is left out rather than shown as an id.
 */
export function auditWords(t: TFunction, fmt: Formatters, e: TrailEntry, ballotTitle?: (id: string) => string | null): Words {
  const label = labelOf(e);
  const subject = subjectPhrase(t, e.subject.kind, label);
  const s = sentenceOf(t, e, !!label);
  const sentence = s
    ? t(s.key, { ...s.vars, subject })
    : t('audit.fallback', { stage: stageName(t, stageOf(e)), subject });
  return {
    sentence: capital(sentence),
    subject,
    facts: detailFacts(t, fmt, e.action, e.detail, ballotTitle),
    actor: actorWords(t, e.actor),
  };
}
