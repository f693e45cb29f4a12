// 送达会议材料: the presider sends the session's candidate material (with the 民意指数) to the members before
// the vote, after a confirming dialog; once sent the console says when, and the button is gone (sent once).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../api';
import { useFormat } from '../../format';
import { ErrorBox } from '../../components/ErrorBox';
import { ConfirmDialog } from '../admin/common';
import { useDossier, useSendDossier } from '../dossier/dossierApi';
import '../../styles/dossier.css';

export function DossierButton({ token, session }: { token: string; session: SessionDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [asking, setAsking] = useState(false);
  const dossier = useDossier(token, session.id);
  const send = useSendDossier(token, session.id);
  const sentAt = send.data?.sentAt ?? dossier.data?.sentAt ?? null;
  const count = send.data?.projects.length ?? dossier.data?.projects.length ?? 0;
  if (sentAt) return <p className="small muted" role="status" data-testid="dossier-sent">{t('dossier.sentAt', { at: fmt.dateTime(sentAt), n: fmt.num(count) })}</p>;
  if (session.state !== 'open') return null;
  return (
    <div className="stack">
      <button type="button" className="btn btn--secondary btn--sm" disabled={send.isPending} onClick={() => setAsking(true)} data-testid="dossier-send">
        {send.isPending ? t('dossier.sending') : t('dossier.send')}
      </button>
      <ConfirmDialog open={asking} title={t('dossier.confirmTitle')} confirmLabel={t('dossier.confirm')} busy={send.isPending} testId="dossier-confirm"
        onCancel={() => setAsking(false)} onConfirm={() => send.mutate(undefined, { onSettled: () => setAsking(false) })}>
        <p>{t('dossier.confirmText')}</p>
      </ConfirmDialog>
      <ErrorBox error={send.error} />
    </div>
  );
}
