// A new candidate project (status 草稿 until listed): the server's schema, targets one per line.
import { useTranslation } from 'react-i18next';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { categories, projectInput } from '../../../../shared/schemas';
import { ApiError, type Body, type Project } from '../../api';
import { SelectField, TextAreaField, TextField, showServerFieldErrors } from '../../forms/Field';
import { fieldMessage } from '../../forms/messages';
import { useCreateProject } from './adminApi';
import { ErrorBox } from '../../components/ErrorBox';
import { FormButtons } from './common';
import { DepartmentField } from '../../components/DepartmentCombobox';

const schema = projectInput.omit({ targets: true, suggestionIds: true }).extend({ targets: z.string().nullable().optional() });
type Values = z.input<typeof schema>;
const lines = (s: string | null | undefined) => (s ?? '').split(/\r?\n/).map((x) => x.trim()).filter(Boolean);

export function ProjectForm({ token, body, defaultYear, onCreated, onCancel }: { token: string; body: Body; defaultYear: number; onCreated: (p: Project) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { year: defaultYear, title: '', description: '', department: '', investment: null, targets: '' },
  });
  const create = useCreateProject(token, body.id);
  // A target's problem names its line: `targets.2` is the third line.
  const showErrors = (e: unknown) => {
    if (!(e instanceof ApiError)) return;
    const own = e.fields.filter((f) => /^targets\.\d+/.test(f.field));
    showServerFieldErrors(new ApiError(e.status, e.code, e.serverMessage, e.fields.filter((f) => !own.includes(f))), form.setError);
    if (own.length) {
      const text = own.map((f) => `${t('admin.projects.targetLine', { n: Number(f.field.split('.')[1]) + 1 })}${fieldMessage(t, i18n.language, f.message)}`).join('；');
      form.setError('targets', { type: 'server', message: text });
    }
  };
  const submit = form.handleSubmit(({ targets, ...v }) =>
    create.mutate({ ...v, investment: v.investment ?? undefined, targets: lines(targets) }, {
      onSuccess: (p) => {
        onCreated(p);
        form.reset({ ...form.getValues(), title: '', description: '', investment: null, targets: '' });
      },
      onError: showErrors,
    }),
  );
  return (
    <FormProvider {...form}>
      <form className="card stack" onSubmit={submit} noValidate data-testid="admin-project-form" aria-labelledby="project-form-heading">
        <h3 id="project-form-heading">{t('admin.projects.formHeading', { name: body.name })}</h3>
        <div className="admin-form-grid">
          <TextField name="year" type="number" min={2000} max={2100} label={t('admin.projects.year')} required testId="admin-project-form-year" errorTestId="admin-project-year-error" />
          <SelectField name="category" label={t('admin.projects.category')} required testId="admin-project-category" placeholder={t('admin.projects.chooseCategory')}
            options={categories.map((c) => ({ value: c, label: t(`admin.category.${c}`, { defaultValue: c }) }))} />
          <TextField name="title" label={t('admin.projects.title')} required maxLength={200} placeholder={t('admin.projects.titlePlaceholder')} testId="admin-project-title" className="admin-span-2" />
          <TextAreaField name="description" label={t('admin.projects.description')} required rows={3} maxLength={5000} testId="admin-project-description" className="admin-span-2" />
          <DepartmentField name="department" label={t('admin.projects.department')} hint={t('depts.hint')} required token={token} bodyId={body.id} testId="admin-project-department" />
          <TextField name="investment" type="number" min={0} step="any" inputMode="decimal" label={t('admin.projects.investmentLabel')} hint={t('admin.projects.investmentHint')}
            testId="admin-project-investment" after={<span className="muted nowrap" aria-hidden="true">{t('admin.projects.wan')}</span>} />
          <TextAreaField name="targets" label={t('admin.projects.targets')} hint={t('admin.projects.targetsHint')} rows={4} placeholder={t('admin.projects.targetsPlaceholder')} testId="admin-project-targets" className="admin-span-2" />
        </div>
        <ErrorBox error={create.error} scope="admin" headline placed={['year', 'title', 'description', 'category', 'department', 'investment', 'targets']} testId="admin-project-error" />
        <FormButtons label={t('admin.projects.submit')} busy={create.isPending} onCancel={onCancel} testId="admin-project-submit" />
      </form>
    </FormProvider>
  );
}
