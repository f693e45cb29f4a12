// The pieces both trail screens show (the office's 操作记录 tab and the console's log): the sentence, its facts,
// who, the stage as a chip. Importing this file brings the trail's words into the catalogue (i18n/audit.ts).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/audit';
import '../../i18n/staff';
import '../../styles/audit.css';
import type { AuditStage } from '../../../../shared/audit';
import { stageName, type Fact, type Words } from './auditWords';

export function Facts({ facts }: { facts: Fact[] }): ReactNode {
  if (!facts.length) return null;
  return (
    <ul className="audit__facts">
      {facts.map((f, i) => (
        <li key={i}>
          {f.label ? <span className="audit__label">{f.label} </span> : null}
          <span className="audit__value">{f.value}</span>
        </li>
      ))}
    </ul>
  );
}

export function Actor({ actor }: { actor: Words['actor'] }) {
  return <span>{actor.text}{actor.sub ? <span className="audit__role">{actor.sub}</span> : null}</span>;
}

export function StageChip({ stage }: { stage: AuditStage | null }) {
  const { t } = useTranslation();
  return <span className={`tag audit__stage audit__stage--${stage ?? 'other'}`}>{stageName(t, stage)}</span>;
}

/**
 * The sentence and its facts. With `onSubject`, the subject as the sentence names it is a button that shows
 * only that subject's entries.
 */
export function Sentence({ words, onSubject, testId }: { words: Words; onSubject?: () => void; testId?: string }) {
  const { t } = useTranslation();
  const at = onSubject ? words.sentence.toLowerCase().indexOf(words.subject.toLowerCase()) : -1;
  const text = at < 0 ? <>{words.sentence}</> : (
    <>
      {words.sentence.slice(0, at)}
      <button type="button" className="linklike audit__subject-link" title={t('audit.filter.onlyThis')} onClick={onSubject} data-testid="audit-subject">
        {words.sentence.slice(at, at + words.subject.length)}
      </button>
      {words.sentence.slice(at + words.subject.length)}
    </>
  );
  return (
    <div className="audit__what">
      <span className="audit__sentence" data-testid={testId}>{text}</span>
      <Facts facts={words.facts} />
    </div>
  );
}
