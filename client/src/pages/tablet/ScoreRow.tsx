// A scored evaluation (无记名打分) on the tablet: per subject, a labelled number field with big − / +
// steppers, so a member can type the score or nudge it with a thumb. The draft keeps the text as typed;
// choices.ts turns it into the integer that is sent.
import { useTranslation } from 'react-i18next';
import type { BallotOption } from '../../../../shared/types';
import type { BallotDetail } from '../../api';
import { useFormat } from '../../format';
import type { Draft } from './voteStore';
import { parseScore, scaleOfBallot } from './choices';

export function ScoreRow({ option, index, ballot, draft, setScore }: {
  option: BallotOption;
  index: number;
  ballot: BallotDetail;
  draft: Draft;
  setScore: (id: string, value: string | null) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { min, max } = scaleOfBallot(ballot);
  const raw = draft[option.id] ?? '';
  const value = parseScore(ballot, raw);
  const invalid = raw.trim() !== '' && value === null;
  const inputId = `score-${index}`;
  const step = (d: number) => {
    const base = value ?? (d > 0 ? min - 1 : max + 1);
    setScore(option.id, String(Math.min(max, Math.max(min, base + d))));
  };
  return (
    <li className={`candidate score-row${value !== null ? ' candidate--scored' : ''}`} data-testid={`candidate-${option.id}`}>
      <div className="candidate__info">
        <span className="candidate__no" aria-hidden="true">{fmt.num(index + 1)}</span>
        <label className="candidate__title" htmlFor={inputId}>{option.title}</label>
      </div>
      <div className="score-input">
        <button type="button" className="btn btn--ghost score-input__step" onClick={() => step(-1)} disabled={value !== null && value <= min}
          aria-label={t('evaluation.minus', { name: option.title })} data-testid={`score-minus-${option.id}`}>−</button>
        <input id={inputId} className="input score-input__field" type="number" inputMode="numeric" min={min} max={max} step={1}
          value={raw} onChange={(e) => setScore(option.id, e.target.value === '' ? null : e.target.value)}
          aria-invalid={invalid} aria-describedby={invalid ? `${inputId}-err` : 'score-scale'} data-testid={`score-${option.id}`} />
        <button type="button" className="btn btn--ghost score-input__step" onClick={() => step(1)} disabled={value !== null && value >= max}
          aria-label={t('evaluation.plus', { name: option.title })} data-testid={`score-plus-${option.id}`}>+</button>
      </div>
      {invalid ? <p className="field-error" id={`${inputId}-err`} role="alert">{t('evaluation.outOfScale', { min: fmt.num(min), max: fmt.num(max) })}</p> : null}
    </li>
  );
}

/** The hint above a scored evaluation: the scale, and how many subjects are still without a score. */
export function ScoreHint({ ballot, draft }: { ballot: BallotDetail; draft: Draft }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { min, max } = scaleOfBallot(ballot);
  const left = ballot.options.filter((o) => parseScore(ballot, draft[o.id]) === null).length;
  return (
    <p className="ballot__hint" aria-live="polite" data-testid="ballot-hint" id="score-scale">
      {t('evaluation.scoreHint', { min: fmt.num(min), max: fmt.num(max) })}{' '}
      {left > 0 ? t('evaluation.remaining', { n: fmt.num(left) }) : t('evaluation.allScored')}
    </p>
  );
}
