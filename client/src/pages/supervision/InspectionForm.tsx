// 专项视察: a member of the project's supervision group records a visit — the date, what they found, photos.
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { inspectionInput } from '../../../../shared/implementation-schemas';
import { TextAreaField, TextField, showServerFieldErrors } from '../../forms/Field';
import { Notice } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { PhotoPicker, type Uploaded } from '../../components/PhotoPicker';
import { useRecordInspection } from './supervisionApi';

type Inspection = z.infer<typeof inspectionInput>;

export function InspectionForm({ token, projectId, today }: { token: string; projectId: string; today: string }) {
  const { t } = useTranslation();
  const record = useRecordInspection(token, projectId);
  const [photos, setPhotos] = useState<Uploaded[]>([]);
  const [saved, setSaved] = useState(false);
  const form = useForm<z.input<typeof inspectionInput>, unknown, Inspection>({ resolver: zodResolver(inspectionInput), defaultValues: { date: today, findings: '' } });
  const submit = form.handleSubmit((d) => {
    setSaved(false);
    record.mutate({ ...d, photos: photos.map((p) => p.id) }, {
      onSuccess: () => { form.reset({ date: today, findings: '' }); setPhotos([]); setSaved(true); },
      onError: (err) => { showServerFieldErrors(err, form.setError); },
    });
  });
  return (
    <FormProvider {...form}>
      <form className="stack card" noValidate onSubmit={submit} aria-labelledby="inspection-heading" data-testid="inspection-form">
        <h2 id="inspection-heading">{t('supervision.record')}</h2>
        <TextField name="date" type="date" label={t('supervision.date')} required testId="inspection-date" />
        <TextAreaField name="findings" label={t('supervision.findings')} hint={t('supervision.findingsHint')} required rows={5} maxLength={5000} testId="inspection-findings" />
        <PhotoPicker token={token} photos={photos} onChange={setPhotos} testId="inspection-photo" />
        <ErrorBox error={record.error} />
        {saved ? <Notice kind="ok" testId="inspection-saved">{t('supervision.saved')}</Notice> : null}
        <button type="submit" className="btn btn--primary btn--lg" disabled={record.isPending} data-testid="inspection-submit">{t('supervision.submit')}</button>
      </form>
    </FormProvider>
  );
}
