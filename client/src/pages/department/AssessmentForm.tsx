// The department's assessment of one project: feasible or not with the reason (published), cost, funding,
// completion date and measurable targets (one a line). Validated by the schema the server uses.
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorBox } from '../../components/ErrorBox';
import { TextAreaField, TextField, showServerFieldErrors } from '../../forms/Field';
import { fieldMessage, i18nMessage } from '../../forms/messages';
import { assessmentInput } from '../../../../shared/screening-schemas';
import { useAssess, type WorkItem } from './departmentApi';

// The form holds targets as lines of text and feasibility as a radio value; the schema's own shape is sent.
// Feasibility has no default: a department must say 可行 or 不可行 itself (a pre-selected 可行 was sent unread).
const formSchema = assessmentInput.omit({ targets: true, feasible: true }).extend({
  feasible: z.enum(['yes', 'no'], { error: () => i18nMessage('office.assess.choose') }), targetsText: z.string().max(10_000).nullish(),
});
type FormIn = z.input<typeof formSchema>;
type FormOut = z.output<typeof formSchema>;

export function AssessmentForm({ token, item, onDone }: { token: string; item: WorkItem; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const a = item.assessment;
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      feasible: a ? (a.feasible ? 'yes' : 'no') : undefined, reason: a?.reason ?? '', investment: a?.investment,
      fundingSource: a?.fundingSource ?? '', completionDate: a?.completionDate ?? `${item.year}-12-31`, targetsText: (a?.targets ?? []).join('\n'),
    },
  });
  const assess = useAssess(token);
  const feasibleError = fieldMessage(t, i18n.language, form.formState.errors.feasible?.message);
  const submit = form.handleSubmit(({ feasible, targetsText, ...rest }) => assess.mutate(
    { id: item.id, ...rest, feasible: feasible === 'yes', fundingSource: rest.fundingSource || null, targets: (targetsText ?? '').split('\n').map((s) => s.trim()).filter(Boolean) } as never,
    { onSuccess: onDone, onError: (err) => { showServerFieldErrors(err, form.setError); } },
  ));
  return (
    <FormProvider {...form}>
      <form className="stack assessment-form" noValidate onSubmit={submit} data-testid="assessment-form">
        <fieldset className={`fieldset field${feasibleError ? ' field--invalid' : ''}`} role="radiogroup" aria-required="true"
          aria-invalid={feasibleError ? true : undefined} aria-describedby={feasibleError ? 'assess-feasible-error' : undefined} data-testid="assess-feasible">
          <legend>{t('dept.feasible')}<span className="field__required">{t('form.requiredMark')}</span></legend>
          <label className="check"><input type="radio" value="yes" {...form.register('feasible')} data-testid="assess-feasible-yes" /> {t('dept.yes')}</label>
          <label className="check"><input type="radio" value="no" {...form.register('feasible')} data-testid="assess-feasible-no" /> {t('dept.no')}</label>
          {feasibleError ? <p className="field__error" id="assess-feasible-error" role="alert" data-testid="assess-feasible-error">{feasibleError}</p> : null}
        </fieldset>
        <TextAreaField name="reason" label={t('dept.reason')} hint={t('dept.reasonHint')} required testId="assess-reason" rows={3} maxLength={2000} />
        <div className="grid-2">
          <TextField name="investment" type="number" label={t('dept.investment')} required testId="assess-investment" inputMode="decimal" />
          <TextField name="completionDate" type="date" label={t('dept.completionDate')} required testId="assess-date" />
        </div>
        <TextField name="fundingSource" label={t('dept.fundingSource')} hint={t('dept.fundingHint')} testId="assess-funding" maxLength={200} />
        <TextAreaField name="targetsText" label={t('dept.targets')} hint={t('dept.targetsHint')} testId="assess-targets" rows={3} />
        <ErrorBox error={assess.error} placed={['reason', 'investment', 'completionDate', 'fundingSource']} />
        <button type="submit" className="btn btn--primary" disabled={assess.isPending} data-testid="assess-submit">{t('dept.submit')}</button>
      </form>
    </FormProvider>
  );
}
