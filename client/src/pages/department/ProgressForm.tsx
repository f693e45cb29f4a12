// 进度报告: percent done, the plan's milestone reached (if any), what was done, the date and site photos —
// checked by the shared progressInput (the server's own), sent as POST .../progress.
import { useState, type FormEvent } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Notice } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { FieldIdPrefix, SelectField, TextAreaField, TextField, showServerFieldErrors } from '../../forms/Field';
import { PhotoPicker, type Uploaded } from '../../components/PhotoPicker';
import { progressInput } from '../../../../shared/implementation-schemas';
import { useReport } from './implementationApi';

// Photos are uploaded one by one as they are picked and kept beside the form; the form sends their ids.
const reportSchema = progressInput.omit({ photos: true });
type ReportIn = z.input<typeof reportSchema>;
type Report = z.output<typeof reportSchema>;

type ItemNow = { id: string; title: string; percent: number };

// 子项: each item of the project gets its own percent, starting from where it stands (the parent remounts
// the form when the items change, so the list is always the project's own).
export function ProgressForm({ token, projectId, milestones, today, items = [] }: { token: string; projectId: string; milestones: { title: string; due: string }[]; today: string; items?: ItemNow[] }) {
  const { t } = useTranslation();
  const report = useReport(token, projectId);
  const [photos, setPhotos] = useState<Uploaded[]>([]);
  const [saved, setSaved] = useState(false);
  // A blank percent is null, not undefined: a reset to undefined would keep what the input shows.
  const blank = (date: string, now: ItemNow[] = items): ReportIn => ({
    percent: null as unknown as number, milestone: null, note: '', date,
    ...(now.length ? { items: now.map((i) => ({ itemId: i.id, percent: i.percent })) } : {}),
  });
  const form = useForm<ReportIn, unknown, Report>({ resolver: zodResolver(reportSchema), defaultValues: blank(today) });
  // The last report's 已提交 goes the moment a new one is sent, before the schema checks it: a success
  // beside a new error read as if the new report had gone too.
  const check = form.handleSubmit((r) => {
    report.mutate({ ...r, photos: photos.map((p) => p.id) }, {
      // The date stays: the next report is often written the same day.
      onSuccess: () => { form.reset(blank(r.date, items.map((i) => ({ ...i, percent: r.items?.find((x) => x.itemId === i.id)?.percent ?? i.percent })))); setPhotos([]); setSaved(true); },
      onError: (err) => { showServerFieldErrors(err, form.setError); },
    });
  });
  const submit = (e: FormEvent<HTMLFormElement>) => { setSaved(false); return check(e); };
  return (
    <FormProvider {...form}>
      <FieldIdPrefix.Provider value="report-">
        <form className="stack card" noValidate onSubmit={submit} aria-labelledby="report-heading" data-testid="report-form">
          <h3 id="report-heading">{t('impl.report')}</h3>
          <div className="grid-2">
            <TextField name="percent" type="number" label={t('impl.percentLabel')} required min={0} max={100} step={1} inputMode="numeric" testId="report-percent" />
            <TextField name="date" type="date" label={t('impl.reportDate')} required testId="report-date" />
          </div>
          <SelectField name="milestone" label={t('impl.milestoneReached')} placeholder={t('impl.none')} testId="report-milestone"
            options={milestones.map((m) => ({ value: m.title, label: `${m.title}（${m.due}）` }))} parse={(v) => (v === '' ? null : v)} />
          {items.length ? (
            <fieldset className="stack report-items" data-testid="report-items">
              <legend>{t('items.reportHeading')}</legend>
              <div className="grid-2">
                {items.map((it, n) => (
                  <TextField key={it.id} name={`items.${n}.percent`} type="number" label={t('items.percentOf', { title: it.title })} required min={0} max={100} step={1} inputMode="numeric" testId={`report-item-${n}`} />
                ))}
              </div>
            </fieldset>
          ) : null}
          <TextAreaField name="note" label={t('impl.note')} required rows={3} maxLength={2000} testId="report-note" />
          <PhotoPicker token={token} photos={photos} onChange={setPhotos} testId="report-photo" />
          <ErrorBox error={report.error} placed={['percent', 'milestone', 'note', 'date', ...items.map((_, n) => `items.${n}.percent`)]} />
          {saved ? <Notice kind="ok" testId="report-saved">{t('impl.reportSaved')}</Notice> : null}
          <button type="submit" className="btn btn--primary" disabled={report.isPending} data-testid="report-submit">{t('impl.send')}</button>
        </form>
      </FieldIdPrefix.Provider>
    </FormProvider>
  );
}
