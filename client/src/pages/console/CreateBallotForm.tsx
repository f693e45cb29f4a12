// A new ballot (selection, satisfaction or motion) on the server's `ballotInput`, with what each kind needs:
// projects picked from the body's (a year at a time), the seats of a selection, the question of a motion.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ballotInput } from '../../../../shared/schemas';
import type { BallotDetail, CreateBallotInput, SessionDetail, StaffUser } from '../../api';
import { useFormat } from '../../format';
import { Loading, Notice } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { SelectField, TextAreaField, TextField, showServerFieldErrors } from '../../forms/Field';
import { fieldMessage } from '../../forms/messages';
import { useBodyProjects, useCreateBallot } from './consoleApi';
import { EMPTY_EVAL, EvaluationFields, evalInput, type EvalSpec } from './EvaluationFields';

interface Props {
  token: string;
  user: StaffUser;
  session: SessionDetail;
  onCreated: (b: BallotDetail) => void;
  onCancel: () => void;
}

/** 差额 warning threshold: candidates below this multiple of the seats get a warning (not blocked). */
const MIN_RATIO = 1.2;
type Values = z.input<ReturnType<typeof schemaFor>>;

// What each kind needs beyond the server's schema (which leaves them optional for every kind). The
// question and the seats are checked only for the kind that has them, with the server's own rules.
const schemaFor = (seatsTooMany: string) =>
  // projectIds may be empty here (an evaluation has none); the kinds that need them are checked below
  ballotInput.extend({ question: z.unknown().optional(), seats: z.unknown().optional(), projectIds: z.array(z.string()).max(200).optional() }).superRefine((v, ctx) => {
    const check = (path: 'question' | 'seats', r: { success: boolean; error?: { issues: { message: string }[] } }) =>
      r.error?.issues.forEach((i) => ctx.addIssue({ code: 'custom', message: i.message, path: [path] }));
    if (v.kind !== 'motion' && v.kind !== 'evaluation' && !v.projectIds?.length) ctx.addIssue({ code: 'custom', message: 'Required', path: ['projectIds'] });
    if (v.kind === 'motion') check('question', ballotInput.shape.question.unwrap().safeParse(v.question ?? ''));
    if (v.kind === 'selection') {
      const seats = ballotInput.shape.seats.unwrap().safeParse(v.seats);
      check('seats', seats);
      if (seats.success && seats.data > (v.projectIds?.length ?? 0)) ctx.addIssue({ code: 'custom', message: seatsTooMany, path: ['seats'] });
    }
  });
type Output = z.output<ReturnType<typeof schemaFor>>;

export function CreateBallotForm({ token, user, session, onCreated, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const schema = useMemo(() => schemaFor(t('create.seatsTooMany')), [t]);
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: { kind: 'selection', title: '', form: 'per_candidate', baseRule: 'roster', secret: true, projectIds: [], question: '' },
  });
  const [kind, picked = [], seatsValue, secret] = form.watch(['kind', 'projectIds', 'seats', 'secret']);
  const needsProjects = kind !== 'motion' && kind !== 'evaluation';
  const [evalSpec, setEvalSpec] = useState<EvalSpec>(EMPTY_EVAL);
  const [evalError, setEvalError] = useState<string | null>(null);
  const { data: projects, error: projError } = useBodyProjects(token, session.bodyId, needsProjects);
  const years = useMemo(() => [...new Set((projects ?? []).map((p) => p.year))].sort((a, b) => b - a), [projects]);
  const [chosenYear, setYear] = useState<string | null>(null);
  const year = chosenYear ?? (years.length ? String(years[0]) : '');
  const shown = useMemo(() => (projects ?? []).filter((p) => !year || String(p.year) === year), [projects, year]);
  const create = useCreateBallot(token, session.id);

  const seatsN = typeof seatsValue === 'number' ? seatsValue : NaN;
  const lowRatio = kind === 'selection' && Number.isInteger(seatsN) && seatsN > 0 && picked.length < MIN_RATIO * seatsN;
  const pick = (ids: string[]) => form.setValue('projectIds', ids, { shouldValidate: form.formState.isSubmitted });
  const toggle = (id: string) => pick(picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id]);
  const projectsError = form.formState.errors.projectIds?.message;

  const submit = form.handleSubmit((v) => {
    const input: CreateBallotInput = { kind: v.kind, title: v.title, baseRule: v.baseRule };
    if (v.kind === 'evaluation') {
      const e = evalInput(evalSpec);
      if (!e.subjects?.length) return setEvalError(t('evaluation.needSubject'));
      setEvalError(null);
      Object.assign(input, e);
    }
    if (v.kind === 'selection') Object.assign(input, { projectIds: v.projectIds, seats: v.seats as number, form: v.form });
    if (v.kind === 'satisfaction') input.projectIds = v.projectIds;
    if (v.kind === 'motion') Object.assign(input, { question: String(v.question).trim(), secret: v.secret });
    create.mutate(input, { onSuccess: onCreated, onError: (e) => void showServerFieldErrors(e, form.setError) });
  });

  return (
    <FormProvider {...form}>
      <form className="card stack create-ballot" onSubmit={submit} noValidate aria-labelledby="create-heading" data-testid="ballot-create-form">
        <h2 id="create-heading">{t('create.heading')}</h2>
        <div className="grid-2">
          <SelectField name="kind" label={t('create.kind')} testId="ballot-kind" options={(['selection', 'satisfaction', 'motion', 'evaluation'] as const).map((k) => ({ value: k, label: t(`ballotKind.${k}`) }))} />
          <SelectField name="baseRule" label={t('create.baseRule')} testId="ballot-base-rule" options={(['roster', 'present'] as const).map((r) => ({ value: r, label: t(`baseRule.${r}`) }))} />
        </div>
        <TextField name="title" label={t('create.title')} required maxLength={200} placeholder={t(`create.titlePlaceholder.${kind}`)} testId="ballot-title" />

        {kind === 'selection' ? (
          <div className="grid-2">
            <SelectField name="form" label={t('create.form')} testId="ballot-form" options={(['per_candidate', 'choose_n'] as const).map((f) => ({ value: f, label: t(`ballotForm.${f}`) }))} />
            <TextField name="seats" type="number" inputMode="numeric" min={1} max={Math.max(1, picked.length)} label={t('create.seats')} required testId="ballot-seats" />
          </div>
        ) : null}

        {kind === 'evaluation' ? (
          <EvaluationFields token={token} sessionId={session.id} bodyId={session.bodyId} isAdmin={user.role === 'admin'} spec={evalSpec} onChange={(s) => { setEvalSpec(s); setEvalError(null); }} error={evalError} />
        ) : kind === 'motion' ? (
          <>
            <TextAreaField name="question" label={t('create.question')} required rows={3} maxLength={1000} testId="ballot-question" />
            <label className="check">
              <input type="checkbox" {...form.register('secret')} data-testid="ballot-secret" />
              <span>{t('create.secret')}</span>
            </label>
            {!secret ? <p className="muted small">{t('create.namedHint')}</p> : null}
          </>
        ) : (
          <fieldset className="fieldset" aria-invalid={projectsError ? true : undefined} aria-describedby={projectsError ? 'ballot-projects-error' : undefined}>
            <legend>{t('create.projects', { n: fmt.num(picked.length) })}</legend>
            {projError ? <ErrorBox error={projError} /> : null}
            {!projects ? (
              projError ? null : <Loading />
            ) : projects.length === 0 ? (
              <p className="muted">{t('create.noProjects')}</p>
            ) : (
              <>
                <div className="btn-row">
                  <label className="field field--inline">
                    <span className="field__label">{t('create.year')}</span>
                    <select className="input input--sm" value={year} onChange={(e) => setYear(e.target.value)} data-testid="ballot-project-year">
                      <option value="">{t('create.allYears')}</option>
                      {years.map((y) => <option key={y} value={String(y)}>{y}</option>)}
                    </select>
                  </label>
                  <button type="button" className="btn btn--ghost btn--sm" onClick={() => pick([...new Set([...picked, ...shown.map((p) => p.id)])])} data-testid="ballot-projects-all">
                    {t('create.selectAll')}
                  </button>
                  <button type="button" className="btn btn--ghost btn--sm" onClick={() => pick([])} data-testid="ballot-projects-none">
                    {t('create.selectNone')}
                  </button>
                </div>
                <ul className="project-picks">
                  {shown.map((p) => (
                    <li key={p.id}>
                      <label className="check check--project">
                        <input type="checkbox" checked={picked.includes(p.id)} onChange={() => toggle(p.id)} data-testid={`ballot-project-${p.id}`} />
                        <span>
                          <span className="project-picks__title">{p.title}</span>
                          <span className="muted small">
                            {[p.department, p.investment != null ? fmt.wan(p.investment) : null, t(`projectStatus.${p.status}`, { defaultValue: p.status })].filter(Boolean).join(' · ')}
                          </span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {projectsError ? <p className="field__error" id="ballot-projects-error" role="alert">{fieldMessage(t, i18n.language, projectsError)}</p> : null}
          </fieldset>
        )}

        {lowRatio ? (
          <Notice kind="warn" testId="ratio-warning">
            {t('create.ratioWarning', { candidates: fmt.num(picked.length), seats: fmt.num(seatsN), ratio: fmt.num(MIN_RATIO) })}
          </Notice>
        ) : null}
        {kind === 'selection' && Number.isInteger(seatsN) && seatsN > picked.length && picked.length > 0 ? <Notice kind="warn">{t('create.seatsTooMany')}</Notice> : null}
        <ErrorBox error={create.error} testId="ballot-create-error" />
        <div className="btn-row">
          <button type="submit" className="btn btn--primary btn--lg" disabled={create.isPending} data-testid="ballot-create-submit">
            {create.isPending ? t('common.working') : t('create.submit')}
          </button>
          <button type="button" className="btn btn--ghost" onClick={onCancel}>{t('common.cancel')}</button>
        </div>
      </form>
    </FormProvider>
  );
}
