import { useTranslation } from 'react-i18next';

/** Under a draft or open ballot: its next step (open, close) and cancelling it, which asks for a reason first. */
export function BallotStepButtons({
  label,
  testId,
  busy,
  onStep,
  onCancel,
}: {
  label: string;
  testId: string;
  busy: boolean;
  onStep: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="btn-row">
      <button type="button" className="btn btn--primary btn--lg" disabled={busy} onClick={onStep} data-testid={testId}>
        {label}
      </button>
      <button type="button" className="btn btn--ghost" onClick={onCancel} data-testid="ballot-cancel">
        {t('console.cancelBallot')}
      </button>
    </div>
  );
}
