// 加入储备库 on a not-selected or infeasible project, or a not-adopted suggestion: a note in a dialog, then
// kept; one already kept says so and can be taken out.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../../components/ErrorBox';
import { ConfirmDialog } from '../common';
import { useSetReserve } from './reserveApi';
import '../../../styles/departments.css';

export function ReserveButton({ token, bodyId, kind, id, title, reserved }: { token: string; bodyId: string; kind: 'project' | 'suggestion'; id: string; title: string; reserved: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const set = useSetReserve(token, bodyId);
  const noteId = useId();
  if (reserved) {
    return (
      <span className="btn-row">
        <span className="tag tag--reserve" data-testid="in-reserve">{t('reserve.inReserve')}</span>
        <button type="button" className="btn btn--ghost btn--sm" disabled={set.isPending} onClick={() => set.mutate({ kind, id, reserve: false })} data-testid="reserve-remove">{t('reserve.remove')}</button>
      </span>
    );
  }
  return (
    <>
      <button type="button" className="btn btn--secondary btn--sm" onClick={() => setOpen(true)} data-testid="reserve-add">{t('reserve.add')}</button>
      <ConfirmDialog open={open} title={`${t('reserve.add')}：${title}`} confirmLabel={t('reserve.confirm')} busy={set.isPending} testId={`reserve-dialog-${id}`}
        onCancel={() => setOpen(false)}
        onConfirm={() => set.mutate({ kind, id, reserve: true, note: note.trim() }, { onSuccess: () => { setOpen(false); setNote(''); } })}>
        <div className="field">
          <label className="field__label" htmlFor={noteId}>{t('reserve.note')}</label>
          <textarea id={noteId} className="input" rows={3} maxLength={500} value={note} placeholder={t('reserve.notePlaceholder')} onChange={(e) => setNote(e.target.value)} data-testid="reserve-note" />
        </div>
        <ErrorBox error={set.error} />
      </ConfirmDialog>
    </>
  );
}
