// One public timeline entry as a sentence in the reader's language (pure, tested in tests/client/timelineText.test.ts).
// The server sends `stage` + `data` (shared/portal-timeline.ts) beside a Chinese `text`; we translate from the
// former, and show `text` only when we cannot: a stage this client does not know, or `data` missing a value the
// sentence needs (an older server). The Chinese keys are written so zh-CN reads exactly like the server's `text`.
import type { TFunction } from 'i18next';
import { gradeChoice, type Grade } from '../../../../shared/execution';
import type { PublicProject } from './publicApi';

/** One entry of a public project's timeline; a newer server may send a stage this client does not know. */
export type TimelineItem = PublicProject['timeline'][number];

const rounds = new Set(['midyear', 'yearend', 'rectification']);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown): v is string => typeof v === 'string';

/** The entry's sentence, or null when this client cannot write it (then the caller shows `text`). */
function sentence(e: TimelineItem, t: TFunction): string | null {
  const d = e.data ?? {};
  const k = (key: string, opts?: Record<string, unknown>) => t(`portal.event.${key}`, opts ?? {});
  switch (e.stage) {
    // Sentences without values: nothing can be missing.
    case 'listed': case 'rectification': case 'inspected':
      return k(e.stage);
    case 'suggested':
      // Two counts, each with its own plural in English: the supporters part is a phrase of its own.
      return num(d.suggestions) && num(d.supporters) ? k('suggested', { count: d.suggestions, supporters: k('supporters', { count: d.supporters }) }) : null;
    case 'voted':
      return num(d.yes) && typeof d.selected === 'boolean' ? k(d.selected ? 'votedIn' : 'votedOut', { count: d.yes }) : null;
    case 'assigned':
      return str(d.department) && str(d.completionDate) ? k('assigned', { department: d.department, completionDate: d.completionDate }) : null;
    case 'progress':
      // `milestone` is null when the report reached none; absent (an older shape) means we cannot tell.
      if (!num(d.percent) || !(str(d.milestone) || d.milestone === null)) return null;
      return d.milestone ? k('progressMilestone', { percent: d.percent, milestone: d.milestone }) : k('progress', { percent: d.percent });
    case 'graded': {
      const choice = str(d.grade) ? gradeChoice[d.grade as Grade] : undefined;
      return str(d.round) && rounds.has(d.round) && choice ? k('graded', { round: k(`round.${d.round}`), grade: t(`choice.${choice}`) }) : null;
    }
    case 'carried_over':
      return num(d.toYear) ? k('carriedOver', { year: d.toYear }) : null;
    default:
      return null;
  }
}

export function timelineText(e: TimelineItem, t: TFunction): string {
  return sentence(e, t) ?? e.text;
}
