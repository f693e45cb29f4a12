// Members added by hand, a row each (the server's `membersInput`, a mobile number for notices optional); entirely
// blank rows are dropped first.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProvider, useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { membersInput } from '../../../../shared/schemas';
import type { Body } from '../../api';
import { SelectField, TextField, showServerFieldErrors } from '../../forms/Field';
import { useAddMembers, type MemberWithCode } from './adminApi';
import { ErrorBox } from '../../components/ErrorBox';
import { FormButtons } from './common';

type Values = z.input<typeof membersInput>;
const blank = (delegation: string | null = null) => ({ name: '', delegation, kind: 'rep' as const });

export function AddMembersForm({ token, body, delegations, onAdded, onCancel }: { token: string; body: Body; delegations: string[]; onAdded: (list: MemberWithCode[]) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useForm<Values, unknown, z.output<typeof membersInput>>({ resolver: zodResolver(membersInput), defaultValues: { members: [blank()] } });
  const rows = useFieldArray({ control: form.control, name: 'members' });
  const add = useAddMembers(token, body.id);
  useEffect(() => form.setFocus('members.0.name'), [form]);
  const values = form.watch('members');
  const filled = values.filter((r) => (r.name ?? '').trim() || (r.delegation ?? '').trim() || String(r.phone ?? '').trim());

  // Rows left entirely blank are ignored; a half-filled row goes through the schema, which names the problem.
  const submit = (e: React.FormEvent) => {
    if (filled.length && filled.length !== values.length) rows.replace(filled);
    void form.handleSubmit((v) => add.mutate(v.members, { onSuccess: (r) => onAdded(r.members), onError: (err) => void showServerFieldErrors(err, form.setError) }))(e);
  };
  const kinds = (['rep', 'committee'] as const).map((k) => ({ value: k, label: t(`admin.members.kind.${k}`) }));
  return (
    <FormProvider {...form}>
      <form className="card stack" onSubmit={submit} noValidate data-testid="admin-member-form" aria-labelledby="member-form-heading">
        <h3 id="member-form-heading">{t('admin.members.addHeading')}</h3>
        <p className="muted small">{t('admin.members.addHint')}</p>
        <datalist id="member-delegations">
          {delegations.map((d) => <option key={d} value={d} />)}
        </datalist>
        <ol className="member-rows">
          {rows.fields.map((r, i) => (
            <li key={r.id} className="member-rows__row" data-testid={`admin-member-form-row-${i}`}>
              <span className="member-rows__num" aria-hidden="true">{i + 1}</span>
              <TextField name={`members.${i}.name`} label={t('admin.members.name')} required maxLength={50} autoComplete="off" testId={`admin-member-name-${i}`} />
              <TextField name={`members.${i}.delegation`} label={t('admin.members.delegation')} maxLength={100} autoComplete="off" list="member-delegations" testId={`admin-member-delegation-${i}`} />
              <SelectField name={`members.${i}.kind`} label={t('admin.members.kindLabel')} options={kinds} testId={`admin-member-kind-${i}`} />
              <TextField name={`members.${i}.phone`} type="tel" inputMode="tel" label={t('noticesAdmin.phone.label')} maxLength={20} autoComplete="off" testId={`admin-member-phone-${i}`} />
              <button type="button" className="btn btn--ghost btn--sm member-rows__remove" onClick={() => rows.remove(i)} disabled={rows.fields.length === 1}
                aria-label={t('admin.members.removeRow', { n: i + 1 })} data-testid={`admin-member-remove-${i}`}>
                {t('admin.members.remove')}
              </button>
            </li>
          ))}
        </ol>
        <div>
          <button type="button" className="btn btn--ghost btn--sm" disabled={rows.fields.length >= 200} data-testid="admin-member-add-row"
            onClick={() => rows.append(blank(values[values.length - 1]?.delegation ?? null), { focusName: `members.${rows.fields.length}.name` })}>
            {t('admin.members.addRow')}
          </button>
        </div>
        <ErrorBox error={add.error} scope="admin" headline placed={rows.fields.map((_, i) => `members.${i}`)} testId="admin-member-error" />
        <FormButtons label={t('admin.members.submit', { count: filled.length || 1 })} busy={add.isPending} onCancel={onCancel} testId="admin-member-submit" />
      </form>
    </FormProvider>
  );
}
