import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Role } from '../../../../shared/types';
import { userInput } from '../../../../shared/schemas';
import { ApiError, type Body, type StaffUser } from '../../api';
import { LocalTable } from '../../components/DataTable';
import { SelectField, TextField, showServerFieldErrors } from '../../forms/Field';
import { useCreateUser } from './adminApi';
import { DepartmentField } from '../../components/DepartmentCombobox';
import { ErrorBox } from '../../components/ErrorBox';
import { FormButtons } from './common';
import { phoneOf } from './notices/noticesApi';
import { maskPhone } from '../../../../shared/phone';
const ROLES: Role[] = ['presider', 'department', 'admin'];
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

function randomPassword(length = 12): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length]).join('');
}

// The department is asked for (and checked, with the server's rule) only for a department account.
const schema = userInput.extend({ department: z.unknown().optional() }).superRefine((v, ctx) => {
  if (v.role !== 'department') return;
  const r = userInput.shape.department.unwrap().unwrap().safeParse(v.department ?? '');
  r.error?.issues.forEach((i) => ctx.addIssue({ code: 'custom', message: i.message, path: ['department'] }));
});
type UserValues = z.input<typeof schema>;

/** Staff accounts of one body: presider (主持人/秘书处), department (承办单位), admin. */
export function UsersPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const [showPassword, setShowPassword] = useState(false);
  const [created, setCreated] = useState<StaffUser[]>([]);
  const form = useForm<UserValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { role: 'presider', username: '', password: '', department: null, phone: null, bodyId: body.id },
  });
  const role = form.watch('role');
  const create = useCreateUser(token);
  const submit = form.handleSubmit((v) =>
    create.mutate(
      { ...v, department: v.role === 'department' ? String(v.department).trim() : undefined },
      {
        onSuccess: (u) => {
          setCreated((c) => [u, ...c]);
          form.reset({ role: v.role, username: '', password: '', department: null, phone: null, bodyId: body.id });
          setShowPassword(false);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'username_taken') form.setError('username', { type: 'server', message: t('admin.users.usernameTaken', { username: v.username }) });
          else showServerFieldErrors(e, form.setError);
        },
      },
    ),
  );
  const columns = useMemo<ColumnDef<StaffUser, unknown>[]>(() => [
    { id: 'username', header: t('admin.users.username'), meta: { rowHeader: true, className: 'mono' }, cell: ({ row }) => row.original.username },
    { id: 'role', header: t('admin.users.role'), cell: ({ row }) => t(`role.${row.original.role}`) },
    { id: 'department', header: t('admin.users.department'), cell: ({ row }) => row.original.department ?? '—' },
    { id: 'phone', header: t('noticesAdmin.phone.label'), cell: ({ row }) => { const p = phoneOf(row.original); return p ? <span className="mono">{maskPhone(p)}</span> : '—'; } },
  ], [t]);
  const passwordTools = (
    <>
      <button type="button" className="btn btn--ghost btn--sm" aria-pressed={showPassword} onClick={() => setShowPassword((v) => !v)} data-testid="admin-user-password-show">
        {showPassword ? t('admin.users.hidePassword') : t('admin.users.showPassword')}
      </button>
      <button type="button" className="btn btn--ghost btn--sm" onClick={() => { form.setValue('password', randomPassword()); setShowPassword(true); }} data-testid="admin-user-password-generate">
        {t('admin.users.generate')}
      </button>
    </>
  );
  return (
    <div className="stack" data-testid="admin-users">
      <FormProvider {...form}>
        <form className="card stack" onSubmit={submit} noValidate data-testid="admin-user-form" aria-labelledby="user-form-heading">
          <h2 id="user-form-heading">{t('admin.users.heading', { name: body.name })}</h2>
          <p className="muted">{t('admin.users.intro')}</p>
          <div className="admin-form-grid admin-form-grid--2">
            <SelectField name="role" label={t('admin.users.role')} hint={t(`admin.users.roleHint.${role}`)} testId="admin-user-role" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            {role === 'department' ? (
              <DepartmentField name="department" label={t('admin.users.department')} hint={t('depts.hint')} required token={token} bodyId={body.id} testId="admin-user-department" />
            ) : null}
            <TextField name="username" label={t('admin.users.username')} hint={t('admin.users.usernameHint')} required autoComplete="off" spellCheck={false} testId="admin-user-username" />
            <TextField name="password" type={showPassword ? 'text' : 'password'} label={t('admin.users.password')} hint={t('admin.users.passwordHint')} required autoComplete="new-password" testId="admin-user-password" after={passwordTools} />
            <TextField name="phone" type="tel" inputMode="tel" maxLength={20} autoComplete="off" label={t('noticesAdmin.phone.label')} hint={t('noticesAdmin.phone.userHint')} testId="admin-user-phone" />
          </div>
          <ErrorBox error={create.error} scope="admin" headline placed={['username', 'password', 'role', 'department', 'phone']} testId="admin-user-error" />
          <FormButtons label={t('admin.users.submit')} busy={create.isPending} testId="admin-user-submit" />
        </form>
      </FormProvider>
      {created.length ? (
        <section className="card stack" aria-labelledby="users-created-heading" data-testid="admin-users-created">
          <h2 id="users-created-heading">{t('admin.users.created')}</h2>
          <p className="muted small">{t('admin.users.createdHint')}</p>
          <LocalTable caption={t('admin.users.created')} columns={columns} rows={created} getRowId={(u) => u.id} empty="" rowTestId={(u) => `admin-user-row-${u.id}`} />
        </section>
      ) : null}
    </div>
  );
}
