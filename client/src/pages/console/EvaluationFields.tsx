// The 评议 part of the new-ballot form: graded (满意度测评) or scored (无记名打分); the subjects are departments
// typed one a line (the presider cannot list the body's departments: that list is for the clerk) and members
// ticked from the session's roster (述职评议); a scored one has its scale and its red / black flag counts.
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';
import { departmentKeys } from '../../queries/departments';
import type { CreateBallotInput } from '../../api';
import { Loading } from '../../components/Feedback';
import { useRoster } from './consoleApi';

export interface EvalSpec {
  form: 'grade' | 'score';
  departments: string;
  memberIds: string[];
  min: string;
  max: string;
  red: string;
  black: string;
}

export const EMPTY_EVAL: EvalSpec = { form: 'score', departments: '', memberIds: [], min: '0', max: '100', red: '0', black: '0' };

/** The spec as the server's fields; departments are trimmed, blank and repeated lines dropped. */
export function evalInput(s: EvalSpec): Pick<CreateBallotInput, 'form' | 'subjects' | 'scale' | 'flags'> {
  const names = [...new Set(s.departments.split('\n').map((l) => l.trim()).filter(Boolean))];
  const subjects = [
    ...names.map((name) => ({ kind: 'department' as const, name })),
    ...s.memberIds.map((memberId) => ({ kind: 'member' as const, memberId })),
  ];
  if (s.form === 'grade') return { form: 'grade', subjects };
  const red = Number(s.red) || 0;
  const black = Number(s.black) || 0;
  return { form: 'score', subjects, scale: { min: Math.trunc(Number(s.min)), max: Math.trunc(Number(s.max)) }, ...(red || black ? { flags: { red, black } } : {}) };
}

export function EvaluationFields({ token, sessionId, bodyId, isAdmin, spec, onChange, error }: {
  token: string;
  sessionId: string;
  bodyId: string;
  /** only the clerk (admin) may list the body's departments; the presider types them */
  isAdmin: boolean;
  spec: EvalSpec;
  onChange: (s: EvalSpec) => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  const { data: roster } = useRoster(token, sessionId);
  const set = (patch: Partial<EvalSpec>) => onChange({ ...spec, ...patch });
  const depts = useQuery({
    queryKey: departmentKeys.list(bodyId), enabled: isAdmin, staleTime: 60_000,
    queryFn: () => call('GET /api/bodies/:bodyId/departments', { bodyId }, { token }),
  });
  // every listed department not yet typed, added one a line below what is there
  const fillDepartments = () => {
    const have = new Set(spec.departments.split('\n').map((l) => l.trim()).filter(Boolean));
    const more = (depts.data ?? []).map((d) => d.name).filter((n) => !have.has(n));
    set({ departments: [...have, ...more].join('\n') });
  };
  const num = (key: 'min' | 'max' | 'red' | 'black', label: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input className="input" type="number" inputMode="numeric" step={1} value={spec[key]} onChange={(e) => set({ [key]: e.target.value })} data-testid={`eval-${key}`} />
    </label>
  );
  return (
    <>
      <label className="field">
        <span className="field__label">{t('create.form')}</span>
        <select className="input" value={spec.form} onChange={(e) => set({ form: e.target.value as EvalSpec['form'] })} data-testid="eval-form">
          <option value="grade">{t('evaluation.form.grade')}</option>
          <option value="score">{t('evaluation.form.score')}</option>
        </select>
      </label>
      {spec.form === 'score' ? (
        <>
          <div className="grid-2">{num('min', t('evaluation.scaleMin'))}{num('max', t('evaluation.scaleMax'))}</div>
          <div className="grid-2">{num('red', t('evaluation.flagsRed'))}{num('black', t('evaluation.flagsBlack'))}</div>
        </>
      ) : null}
      <fieldset className="fieldset" aria-describedby={error ? 'eval-subjects-error' : undefined}>
        <legend>{t('evaluation.subjects')}</legend>
        <label className="field">
          <span className="field__label">{t('evaluation.departments')}</span>
          <textarea className="input" rows={4} value={spec.departments} onChange={(e) => set({ departments: e.target.value })} aria-describedby="eval-departments-hint" data-testid="eval-departments" />
          <span className="muted small" id="eval-departments-hint">{t('evaluation.departmentsHint')}</span>
        </label>
        {isAdmin && depts.data?.length ? (
          <button type="button" className="btn btn--ghost btn--sm" onClick={fillDepartments} data-testid="eval-departments-fill">
            {t('evaluation.pickDepartments', { n: depts.data.length })}
          </button>
        ) : null}
        <p className="field__label">{t('evaluation.members')}</p>
        {!roster ? <Loading /> : (
          <ul className="project-picks">
            {roster.map((m) => (
              <li key={m.memberId}>
                <label className="check">
                  <input type="checkbox" checked={spec.memberIds.includes(m.memberId)} data-testid={`eval-member-${m.memberId}`}
                    onChange={() => set({ memberIds: spec.memberIds.includes(m.memberId) ? spec.memberIds.filter((x) => x !== m.memberId) : [...spec.memberIds, m.memberId] })} />
                  <span>{m.name}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {error ? <p className="field__error" id="eval-subjects-error" role="alert">{error}</p> : null}
      </fieldset>
    </>
  );
}
