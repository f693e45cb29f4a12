// Asking before merging suggestions: a modal on the native <dialog> (showModal makes the rest of the page
// inert; Escape closes). The SAFE button comes first and has the focus; focus goes back to the opener.
// Same props as the console's ConfirmDialog (branch hall, client/src/components/ConfirmDialog.tsx), kept
// here until the two are one: swapping the import is all it takes.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../styles/office.css';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** what will happen, in words */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: 'danger' | 'primary';
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** `<testId>`, `<testId>-confirm`, `<testId>-cancel`, `<testId>-body` */
  testId?: string;
}

export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, tone = 'danger', busy, onConfirm, onCancel, testId = 'confirm-dialog' }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const safeRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement;
      d.showModal();
      safeRef.current?.focus();
    } else if (!open && d.open) d.close();
    if (!open && opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    if (!open) opener.current = null;
  }, [open]);
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} data-testid={testId}
      onCancel={(e) => { e.preventDefault(); if (!busy) onCancel(); }}>
      {open ? (
        <form method="dialog" className="confirm-dialog__form" onSubmit={(e) => { e.preventDefault(); if (!busy) onConfirm(); }}>
          <h2 id={`${id}-title`} className="confirm-dialog__title">{title}</h2>
          <div id={`${id}-body`} className="confirm-dialog__body" data-testid={`${testId}-body`}>{children}</div>
          <div className="confirm-dialog__actions">
            <button ref={safeRef} type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy} data-testid={`${testId}-cancel`}>{cancelLabel ?? t('common.back')}</button>
            <button type="submit" className={`btn ${tone === 'danger' ? 'btn--danger' : 'btn--primary'}`} disabled={busy} data-testid={`${testId}-confirm`}>
              {busy ? t('common.working') : confirmLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
