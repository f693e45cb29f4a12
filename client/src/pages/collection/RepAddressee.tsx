// The suggestion form opened by a representative's 代表码 (`?rep=<memberId>`): to whom it goes, and the
// resident's 通知我 (the server needs a mobile number in the contact for it, and says so beside the field).
import { useTranslation } from 'react-i18next';
import '../../styles/reps.css';
import { useRepCard } from '../reps/repsApi';

/** The representative the form is addressed to: `data` null while there is none or it is not of this body. */
export function useRepOf(repId: string | null, bodyId: string) {
  const card = useRepCard(repId);
  const ok = card.data && card.data.bodyId === bodyId ? { id: card.data.id, name: card.data.name } : null;
  return { data: ok, asked: !!repId, invalid: !!repId && (card.isError || (!!card.data && !ok)), pending: !!repId && card.isPending };
}
export type RepOf = ReturnType<typeof useRepOf>;

export function RepAddressee({ rep }: { rep: RepOf }) {
  const { t } = useTranslation();
  if (rep.invalid) return <p className="alert alert--warn" role="status" data-testid="suggest-rep-invalid">{t('reps.suggest.unknownRep')}</p>;
  if (!rep.data) return null;
  return (
    <div className="stack">
      <p className="suggest-to" data-testid="suggest-rep">{t('reps.suggest.to', { name: rep.data.name })}</p>
      <p className="small muted">{t('reps.suggest.toHint')}</p>
    </div>
  );
}

export function NotifyField({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby="notify-hint" data-testid="suggest-notify" />
        {t('reps.suggest.notify')}
      </label>
      <p className="field__hint small muted" id="notify-hint">{t('reps.suggest.notifyHint')}</p>
    </div>
  );
}
