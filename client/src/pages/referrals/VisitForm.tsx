// 回访单: the staff's return call to the resident — its date, satisfied or not, what the resident said —
// checked by the shared referralVisitInput (the server's own). Not satisfied refers it again (二次交办).
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorBox } from '../../components/ErrorBox';
import { FieldIdPrefix, TextAreaField, TextField, showServerFieldErrors } from '../../forms/Field';
import { referralVisitInput } from '../../../../shared/collection-schemas';
import { shanghaiDate } from '../../../../shared/execution';
import { useVisit, type StaffReferral } from './referralsApi';

type VisitIn = z.input<typeof referralVisitInput>;
type Visit = z.output<typeof referralVisitInput>;
type After = { state: string; due: string };

export function VisitForm({ token, bodyId, referral, onDone, onCancel }: { token: string; bodyId: string; referral: StaffReferral; onDone: (after: After) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const visit = useVisit(token, bodyId);
  const form = useForm<VisitIn, unknown, Visit>({ resolver: zodResolver(referralVisitInput), defaultValues: { date: shanghaiDate(new Date()), satisfied: undefined as unknown as boolean, note: '' } });
  const satisfied = form.watch('satisfied');
  const submit = form.handleSubmit((v) => visit.mutate({ id: referral.id, ...v }, {
    onSuccess: (after) => onDone(after),
    onError: (err) => { showServerFieldErrors(err, form.setError); },
  }));
  const missing = form.formState.errors.satisfied;
  return (
    <FormProvider {...form}>
      <FieldIdPrefix.Provider value={`visit-${referral.id}-`}>
        <form className="ref-visit-form" noValidate onSubmit={submit} aria-label={t('referrals.visitHeading', { title: referral.suggestion.title })} data-testid="referral-visit-form">
          <TextField name="date" type="date" label={t('referrals.visitDate')} required testId="visit-date" />
          <fieldset aria-invalid={missing ? true : undefined}>
            <legend>{t('referrals.satisfied')}</legend>
            {([true, false] as const).map((v) => (
              <label key={String(v)} className="choice">
                <input type="radio" name={`visit-satisfied-${referral.id}`} checked={satisfied === v} onChange={() => form.setValue('satisfied', v, { shouldValidate: form.formState.isSubmitted })}
                  data-testid={`visit-satisfied-${v ? 'yes' : 'no'}`} />
                {t(v ? 'referrals.yes' : 'referrals.no')}
              </label>
            ))}
            {missing ? <p className="field__error" role="alert">{t('referrals.pickOne')}</p> : null}
          </fieldset>
          <TextAreaField name="note" label={t('referrals.visitNote')} required rows={3} maxLength={1000} testId="visit-note" />
          <ErrorBox error={visit.error} scope="referrals" placed={['date', 'satisfied', 'note']} />
          <div className="btn-row">
            <button type="submit" className="btn btn--primary" disabled={visit.isPending} data-testid="visit-submit">{t('referrals.visitSubmit')}</button>
            <button type="button" className="btn btn--ghost" onClick={onCancel}>{t('referrals.cancel')}</button>
          </div>
        </form>
      </FieldIdPrefix.Provider>
    </FormProvider>
  );
}
