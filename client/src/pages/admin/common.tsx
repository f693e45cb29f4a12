import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A modal confirmation on the native <dialog>: focus is trapped, Esc cancels. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
  testId,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="admin-dialog"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {open ? (
        <div className="stack">
          <h2 id={`${testId}-title`}>{title}</h2>
          <div>{children}</div>
          <div className="btn-row admin-dialog__actions">
            <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy} data-testid={`${testId}-cancel`} autoFocus>
              {t('common.cancel')}
            </button>
            <button type="button" className="btn btn--danger" onClick={onConfirm} disabled={busy} data-testid={`${testId}-confirm`}>
              {busy ? t('common.working') : confirmLabel}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}

/** The head of an office panel: its heading (the section's label, `id`) and a line on what it is for. */
export function PanelHead({ id, heading, intro }: { id: string; heading: string; intro: string }) {
  return (
    <div className="admin-panel-head">
      <h2 id={id}>{heading}</h2>
      <p className="muted">{intro}</p>
    </div>
  );
}

/** A button that opens and closes the form area it controls (pressed look while open). */
export function ToggleButton({ open, onToggle, controls, testId, children }: { open: boolean; onToggle: () => void; controls: string; testId: string; children: ReactNode }) {
  return (
    <button type="button" className={open ? 'btn btn--primary' : 'btn btn--secondary'} aria-expanded={open} aria-controls={controls} onClick={onToggle} data-testid={testId}>
      {children}
    </button>
  );
}

/** A form's submit (showing that it works while the request runs) and, when it can be closed, cancel. */
export function FormButtons({ label, busy, disabled, onCancel, testId }: { label: string; busy: boolean; disabled?: boolean; onCancel?: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="btn-row">
      <button type="submit" className="btn btn--primary" disabled={busy || disabled} data-testid={testId}>{busy ? t('common.working') : label}</button>
      {onCancel ? <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy}>{t('common.cancel')}</button> : null}
    </div>
  );
}

export function currentYear(): number {
  return new Date().getFullYear();
}
