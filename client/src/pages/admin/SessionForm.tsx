// A new session: name, kind, and the quorum (the law's default for the kind, or a custom fraction).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { defaultQuorum } from '../../../../shared/counting/quorum';
import { quorumInput, sessionInput } from '../../../../shared/schemas';
import type { Body } from '../../api';
import { SelectField, TextField, showServerFieldErrors } from '../../forms/Field';
import { fieldMessage } from '../../forms/messages';
import { useCreateSession } from './adminApi';
import { ErrorBox } from '../../components/ErrorBox';
import { FormButtons } from './common';

export function quorumText(t: TFunction, num: number, den: number, strict: boolean) {
  return t(strict ? 'session.quorumRuleStrict' : 'session.quorumRule', { num, den });
}

// The quorum is checked only when the clerk asks for a custom one; otherwise the server applies the default.
const schema = sessionInput.pick({ name: true, kind: true }).extend({ custom: z.boolean(), quorum: z.unknown() }).superRefine((v, ctx) => {
  if (!v.custom) return;
  const q = quorumInput.safeParse(v.quorum);
  if (!q.success) for (const i of q.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: ['quorum', ...i.path] });
});
type Values = { name: string; kind: 'congress' | 'committee'; custom: boolean; quorum: { num: number; den: number; strict: boolean } };

export function SessionForm({ token, body, onCreated, onCancel }: { token: string; body: Body; onCreated: (s: { id: string; name: string }) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useForm<Values>({ resolver: zodResolver(schema) as never, defaultValues: { name: '', kind: 'congress', custom: false, quorum: defaultQuorum('congress') } });
  const [kind, custom, q] = form.watch(['kind', 'custom', 'quorum']);
  const def = defaultQuorum(kind);
  useEffect(() => form.setValue('quorum', defaultQuorum(kind)), [kind]); // eslint-disable-line react-hooks/exhaustive-deps
  const create = useCreateSession(token, body.id);
  const submit = form.handleSubmit((v) =>
    create.mutate({ name: v.name, kind: v.kind, ...(v.custom ? { quorum: v.quorum } : {}) }, { onSuccess: onCreated, onError: (e) => void showServerFieldErrors(e, form.setError) }),
  );
  // The fraction's own complaint (e.g. more than 1) comes on `quorum` itself.
  const whole = (form.formState.errors.quorum as { message?: string; root?: { message?: string } } | undefined);
  const wholeMessage = whole?.message ?? whole?.root?.message;
  const fine = Number.isInteger(q.num) && Number.isInteger(q.den) && q.num >= 1 && q.num <= q.den;
  return (
    <FormProvider {...form}>
      <form className="card stack" onSubmit={submit} noValidate data-testid="admin-session-form" aria-labelledby="session-form-heading">
        <h3 id="session-form-heading">{t('admin.sessions.formHeading', { name: body.name })}</h3>
        <div className="admin-form-grid">
          <TextField name="name" label={t('admin.sessions.name')} required maxLength={200} placeholder={t(`admin.sessions.namePlaceholder.${kind}`)} testId="admin-session-name" className="admin-span-2" />
          <SelectField name="kind" label={t('admin.sessions.kind')} hint={t(`admin.sessions.rosterHint.${kind}`)} testId="admin-session-kind"
            options={(['congress', 'committee'] as const).map((k) => ({ value: k, label: t(`session.kind.${k}`) }))} />
        </div>
        <fieldset className="fieldset stack">
          <legend>{t('session.quorum')}</legend>
          <p className="admin-quorum-default" data-testid="admin-session-quorum-default">
            {t('admin.sessions.quorumDefault', { rule: quorumText(t, def.num, def.den, def.strict) })}
            <span className="muted small admin-quorum-law">{t(`admin.sessions.quorumLaw.${kind}`)}</span>
          </p>
          <label className="check">
            <input type="checkbox" {...form.register('custom')} aria-controls={custom ? 'session-quorum-custom' : undefined} data-testid="admin-session-quorum-custom" />
            <span>{t('admin.sessions.quorumCustom')}</span>
          </label>
          {custom ? (
            <div id="session-quorum-custom" className="stack">
              <div className="admin-quorum-row">
                <SelectField name="quorum.strict" label={t('admin.sessions.quorumCompare')} testId="admin-session-quorum-strict" parse={(v) => v === 'true'}
                  options={[{ value: 'false', label: t('admin.sessions.atLeast') }, { value: 'true', label: t('admin.sessions.moreThan') }]} />
                <TextField name="quorum.num" type="number" min={1} max={100} step={1} label={t('admin.sessions.quorumNum')} required testId="admin-session-quorum-num" />
                <span className="admin-quorum-slash" aria-hidden="true">/</span>
                <TextField name="quorum.den" type="number" min={1} max={100} step={1} label={t('admin.sessions.quorumDen')} required testId="admin-session-quorum-den" />
              </div>
              <p className="admin-quorum-preview" role="status" data-testid="admin-session-quorum-preview">
                {fine ? t('admin.sessions.quorumPreview', { rule: quorumText(t, q.num, q.den, q.strict) }) : null}
              </p>
              {wholeMessage ? <p className="field__error admin-field-error" id="session-quorum-error" data-testid="admin-session-quorum-error">{fieldMessage(t, i18n.language, wholeMessage)}</p> : null}
            </div>
          ) : null}
        </fieldset>
        <ErrorBox error={create.error} scope="admin" headline placed={custom ? ['name', 'kind', 'quorum'] : ['name', 'kind']} testId="admin-session-error" />
        <FormButtons label={t('admin.sessions.submit')} busy={create.isPending} onCancel={onCancel} testId="admin-session-submit" />
      </form>
    </FormProvider>
  );
}
