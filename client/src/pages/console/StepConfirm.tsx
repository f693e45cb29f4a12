// The console's questions before a ballot's irreversible steps (开始表决, 结束表决, 公布结果, 取消), each saying
// what will happen with the live figures: ending a vote says how many checked-in members have not voted yet.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LabelledInput } from '../../components/LabelledInput';

export type Step = 'open' | 'close' | 'publish' | 'cancel';

export interface StepFigures {
  title: string;
  /** ballots cast so far (live) */
  cast: number;
  /** members checked in (live) */
  present: number;
  eligible: number;
  quorumMet: boolean;
}

export function StepConfirm({ step, figures, busy, onConfirm, onClose }: {
  step: Step | null;
  figures: StepFigures;
  busy: boolean;
  /** `reason` for cancelling */
  onConfirm: (step: Step, reason?: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [reason, setReason] = useState('');
  const { title, cast, present, eligible, quorumMet } = figures;
  const n = (v: number) => fmt.num(v);
  const pending = Math.max(0, present - cast);
  const k = step ?? 'open';
  // a new question starts with an empty reason
  useEffect(() => {
    if (step === null) setReason('');
  }, [step]);

  return (
    <ConfirmDialog
      open={step !== null}
      title={t(`hall.confirm.${k}.title`, { title })}
      confirmLabel={t(`hall.confirm.${k}.confirm`)}
      tone={step === 'open' || step === 'publish' ? 'primary' : 'danger'}
      busy={busy}
      confirmDisabled={step === 'cancel' && !reason.trim()}
      onConfirm={() => step && onConfirm(step, step === 'cancel' ? reason.trim() : undefined)}
      onCancel={onClose}
      testId={`confirm-${k}`}
    >
      {step === 'open' ? (
        <>
          <p className="confirm-dialog__figure">{t('hall.confirm.open.figures', { present: n(present), eligible: n(eligible) })}</p>
          {!quorumMet ? <p className="warn-text">{t('hall.confirm.open.quorumWarn')}</p> : null}
          <p>{t('hall.confirm.open.body')}</p>
        </>
      ) : step === 'close' ? (
        <>
          <p className="confirm-dialog__figure" data-testid="confirm-close-pending" data-pending={pending}>
            {pending > 0 ? t('hall.confirm.close.pending', { count: pending, n: n(pending) }) : t('hall.confirm.close.noneLeft', { present: n(present) })}
          </p>
          <p>{t('hall.confirm.close.figures', { cast: n(cast), present: n(present), eligible: n(eligible) })}</p>
        </>
      ) : step === 'publish' ? (
        <>
          <p className="confirm-dialog__figure">{t('hall.confirm.publish.figures', { cast: n(cast) })}</p>
          <p>{t('hall.confirm.publish.body')}</p>
        </>
      ) : step === 'cancel' ? (
        <>
          <p>{t('hall.confirm.cancel.body')}</p>
          {cast > 0 ? <p className="confirm-dialog__figure">{t('hall.confirm.cancel.castBody', { count: cast, cast: n(cast) })}</p> : null}
          <LabelledInput label={t('console.cancelReason')} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500}
            data-testid="ballot-cancel-reason" />
        </>
      ) : null}
    </ConfirmDialog>
  );
}
