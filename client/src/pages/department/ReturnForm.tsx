// 退回: a department sends back a project that is not theirs, with its reason; the staff reassign it.
import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { departmentKeys } from './departmentApi';

export function ReturnForm({ token, projectId, onDone }: { token: string; projectId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const id = useId();
  const send = useMutation({
    mutationFn: () => call('POST /api/projects/:id/return', { id: projectId }, { token, body: { reason: reason.trim() } }),
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: departmentKeys.work }); onDone(); },
  });
  if (!open) return <button type="button" className="btn btn--ghost" onClick={() => setOpen(true)} data-testid="return-open">{t('depts.return')}</button>;
  return (
    <form className="stack" onSubmit={(e) => { e.preventDefault(); send.mutate(); }} data-testid="return-form">
      <div className="field">
        <label className="field__label" htmlFor={id}>{t('depts.returnReason')}</label>
        <textarea id={id} className="input" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={`${id}-hint`} data-testid="return-reason" />
        <p className="field__hint small muted" id={`${id}-hint`}>{t('depts.returnReasonHint')}</p>
      </div>
      <ErrorBox error={send.error} />
      <div className="btn-row">
        <button type="submit" className="btn btn--primary" disabled={!reason.trim() || send.isPending} data-testid="return-confirm">{t('depts.returnConfirm')}</button>
        <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>{t('reserve.cancel')}</button>
      </div>
    </form>
  );
}
