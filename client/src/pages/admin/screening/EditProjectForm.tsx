// Editing a project before its list is approved (title, description, category, department): the same
// field family and schema as every form; the server's 409 project_locked shows as an error.
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorBox } from '../../../components/ErrorBox';
import { SelectField, TextAreaField, TextField, showServerFieldErrors } from '../../../forms/Field';
import { categories } from '../../../../../shared/schemas';
import { projectUpdateInput } from '../../../../../shared/screening-schemas';
import { useEditProject, type StaffProject } from './screeningApi';
import { DepartmentField } from '../../../components/DepartmentCombobox';

const schema = projectUpdateInput.required({ title: true, description: true, category: true, department: true }).pick({ title: true, description: true, category: true, department: true });

export function EditProjectForm({ token, bodyId, project, onDone }: { token: string; bodyId: string; project: StaffProject; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    // (a category the list no longer has is left unchosen)
    defaultValues: { title: project.title, description: project.description, category: categories.find((c) => c === project.category), department: project.department },
  });
  const edit = useEditProject(token, bodyId);
  return (
    <FormProvider {...form}>
      <form className="stack card" noValidate data-testid="project-edit-form"
        onSubmit={form.handleSubmit((v) => edit.mutate({ id: project.id, ...v }, { onSuccess: onDone, onError: (e) => { showServerFieldErrors(e, form.setError); } }))}>
        <TextField name="title" label={t('inbox.projectTitle')} required testId="project-edit-title" maxLength={200} />
        <TextAreaField name="description" label={t('inbox.projectDescription')} required rows={3} maxLength={5000} />
        <div className="grid-2">
          <SelectField name="category" label={t('inbox.col.category')} required options={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          <DepartmentField name="department" label={t('inbox.department')} required token={token} bodyId={bodyId} testId="project-edit-department" />
        </div>
        <ErrorBox error={edit.error} placed={['title', 'description', 'category', 'department']} />
        <div className="btn-row">
          <button type="submit" className="btn btn--primary" disabled={edit.isPending} data-testid="project-edit-save">{t('screening.saveProject')}</button>
          <button type="button" className="btn btn--ghost" onClick={onDone}>{t('inbox.close')}</button>
        </div>
      </form>
    </FormProvider>
  );
}
