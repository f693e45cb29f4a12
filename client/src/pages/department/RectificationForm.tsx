// 整改报告: while a project is rated 不满意 (rectifying), its department reports what it has put right.
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { rectificationInput } from '../../../../shared/implementation-schemas';
import { TextAreaField, TextField, showServerFieldErrors } from '../../forms/Field';
import { ErrorBox } from '../../components/ErrorBox';
import { PhotoPicker, type Uploaded } from '../../components/PhotoPicker';
import { useRectify } from './implementationApi';

type Rectification = z.infer<typeof rectificationInput>;

export function RectificationForm({ token, projectId, today }: { token: string; projectId: string; today: string }) {
  const { t } = useTranslation();
  const rectify = useRectify(token, projectId);
  const [photos, setPhotos] = useState<Uploaded[]>([]);
  const form = useForm<z.input<typeof rectificationInput>, unknown, Rectification>({ resolver: zodResolver(rectificationInput), defaultValues: { date: today, note: '' } });
  const submit = form.handleSubmit((d) => rectify.mutate({ ...d, photos: photos.map((p) => p.id) }, {
    onSuccess: () => { form.reset({ date: today, note: '' }); setPhotos([]); },
    onError: (err) => { showServerFieldErrors(err, form.setError); },
  }));
  return (
    <FormProvider {...form}>
      <form className="stack card card--warn" noValidate onSubmit={submit} aria-labelledby="rectify-heading" data-testid="rectify-form">
        <h3 id="rectify-heading">{t('deptImpl.rectify')}</h3>
        <p className="small">{t('deptImpl.rectifyHint')}</p>
        <TextField name="date" type="date" label={t('impl.reportDate')} required testId="rectify-date" />
        <TextAreaField name="note" label={t('deptImpl.rectifyNote')} required rows={4} maxLength={5000} testId="rectify-note" />
        <PhotoPicker token={token} photos={photos} onChange={setPhotos} testId="rectify-photo" />
        <ErrorBox error={rectify.error} />
        <button type="submit" className="btn btn--primary" disabled={rectify.isPending} data-testid="rectify-submit">{t('deptImpl.rectifySend')}</button>
      </form>
    </FormProvider>
  );
}
