// 实施计划: the department's plan for a selected project — targets and milestones one a line, funding and the
// completion date — checked by the shared planInput (the server's own) line by line, sent as PUT .../plan.
import { useState, type FormEvent } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { FieldIdPrefix, TextAreaField, TextField, showServerFieldErrors } from '../../forms/Field';
import { useSavePlan } from './implementationApi';
import { placePlanIssue, planFormSchema, planFormValues, type Plan, type PlanFormIn } from './planLines';

export function PlanForm({ token, projectId, year, plan }: { token: string; projectId: string; year: number; plan: Plan | null }) {
  const { t } = useTranslation();
  const savePlan = useSavePlan(token, projectId);
  const [saved, setSaved] = useState(false);
  const form = useForm<PlanFormIn, unknown, Plan>({ resolver: zodResolver(planFormSchema), defaultValues: planFormValues(plan, year) });
  // 已保存 goes the moment the next save starts, before the schema reads it (as in ProgressForm)
  const check = form.handleSubmit((p) => {
    const sent = form.getValues();
    savePlan.mutate(p, {
      // The lines as they were read (blank ones dropped, spaces trimmed): what the project now holds.
      onSuccess: () => { form.reset(planFormValues(p, year)); setSaved(true); },
      onError: (err) => { showServerFieldErrors(err, form.setError, (f) => placePlanIssue(f, sent)); },
    });
  });
  const submit = (e: FormEvent<HTMLFormElement>) => { setSaved(false); return check(e); };
  return (
    <FormProvider {...form}>
      <FieldIdPrefix.Provider value="plan-">
        <form className="stack card" noValidate onSubmit={submit} aria-labelledby="plan-heading" data-testid="plan-form">
          <h3 id="plan-heading">{t('impl.plan')}</h3>
          <TextAreaField name="targetsText" label={t('dept.targets')} hint={t('dept.targetsHint')} rows={2} testId="plan-targets" />
          <TextAreaField name="milestonesText" label={t('impl.milestones')} hint={t('impl.milestonesHint')} rows={3} placeholder="开工 2027-03-31" testId="plan-milestones" />
          <div className="grid-2">
            <TextField name="funding" label={t('impl.funding')} required maxLength={500} testId="plan-funding" />
            <TextField name="completionDate" type="date" label={t('dept.completionDate')} required testId="plan-date" />
          </div>
          <ErrorBox error={savePlan.error} placed={['targets', 'milestones', 'funding', 'completionDate']} />
          {saved ? <Notice kind="ok" testId="plan-saved">{t('impl.planSaved')}</Notice> : null}
          <button type="submit" className="btn btn--secondary" disabled={savePlan.isPending} data-testid="plan-save">{t('impl.savePlan')}</button>
        </form>
      </FieldIdPrefix.Provider>
    </FormProvider>
  );
}
