// 手机号: an admin sets, corrects or removes the mobile number a member's notices go to (session material,
// requests through their 代表码). The shared `phoneInput` schema checks it here and on the server: a mainland
// mobile number, 11 digits starting with 1 (spaces and dashes dropped); left blank it is removed.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { phoneInput } from '../../../../../shared/schemas';
import { maskPhone } from '../../../../../shared/phone';
import { TextField, showServerFieldErrors } from '../../../forms/Field';
import { ErrorBox } from '../../../components/ErrorBox';
import { phoneOf, useSetMemberPhone } from './noticesApi';
import '../../../styles/notices-admin.css';

type Values = z.input<typeof phoneInput>;
export interface PhoneTarget { id: string; name: string }

export function PhoneDialog({ token, bodyId, member, onDone, onClose }: {
  token: string; bodyId: string; member: (PhoneTarget & object) | null; onDone: (message: string) => void; onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const current = member ? phoneOf(member) : null;
  const form = useForm<Values, unknown, z.output<typeof phoneInput>>({ resolver: zodResolver(phoneInput), defaultValues: { phone: current } });
  const save = useSetMemberPhone(token, bodyId);
  const open = member !== null;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      form.reset({ phone: current });
      save.reset();
      if (typeof d.showModal === 'function') d.showModal(); else d.setAttribute('open', '');
      form.setFocus('phone');
    } else if (!open && d.open) d.close();
    // only on opening and closing: the form keeps what is typed meanwhile
  }, [open]);

  const put = (phone: string | null) => member && save.mutate({ memberId: member.id, phone }, {
    onSuccess: () => onDone(t(phone ? 'noticesAdmin.phone.saved' : 'noticesAdmin.phone.removed', { name: member.name })),
    onError: (e) => void showServerFieldErrors(e, form.setError),
  });
  const submit = form.handleSubmit((v) => put(v.phone));

  return (
    <dialog ref={ref} className="admin-dialog" aria-labelledby="phone-dialog-title" data-testid="phone-dialog"
      onCancel={(e) => { e.preventDefault(); if (!save.isPending) onClose(); }}>
      {member ? (
        <FormProvider {...form}>
          <form className="stack phone-dialog__form" onSubmit={submit} noValidate>
            <h2 id="phone-dialog-title">{t('noticesAdmin.phone.title', { name: member.name })}</h2>
            {current ? <p className="muted small" data-testid="phone-dialog-current">{t('noticesAdmin.phone.current', { phone: maskPhone(current) })}</p> : null}
            <TextField name="phone" type="tel" inputMode="tel" autoComplete="off" maxLength={20} label={t('noticesAdmin.phone.label')}
              hint={t('noticesAdmin.phone.hint')} testId="phone-dialog-input" />
            <ErrorBox error={save.error} scope="admin" placed={['phone']} testId="phone-dialog-error" />
            <div className="btn-row admin-dialog__actions">
              {current ? (
                <button type="button" className="btn btn--ghost" disabled={save.isPending} onClick={() => put(null)} data-testid="phone-dialog-remove">
                  {t('noticesAdmin.phone.remove')}
                </button>
              ) : null}
              <button type="button" className="btn btn--ghost" disabled={save.isPending} onClick={onClose} data-testid="phone-dialog-cancel">{t('common.cancel')}</button>
              <button type="submit" className="btn btn--primary" disabled={save.isPending} data-testid="phone-dialog-save">
                {save.isPending ? t('common.working') : t('noticesAdmin.phone.save')}
              </button>
            </div>
          </form>
        </FormProvider>
      ) : null}
    </dialog>
  );
}
