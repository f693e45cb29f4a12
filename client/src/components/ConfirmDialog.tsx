// Asking before an irreversible step (start/end a vote, publish, a notice, cancelling, merging …): a modal on
// the native <dialog> (showModal makes the rest of the page inert, so focus stays inside; Escape closes). The
// SAFE button (返回 by default) comes first and has the focus, so Enter or a hasty second click does nothing
// harmful; focus goes back to whatever opened the dialog when it closes. The body says in words what will
// happen, with the live figures; `children` may also hold a field (e.g. a reason) that `confirmDisabled` waits for.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../styles/dialog.css';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** what will happen, in words (with the figures); may hold a field */
  children: ReactNode;
  confirmLabel: string;
  /** the safe button's words; 返回 / Go back by default */
  cancelLabel?: string;
  /** danger (red) for steps that take something away; primary for steps forward that cannot be undone */
  tone?: 'danger' | 'primary';
  busy?: boolean;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** `<testId>`, `<testId>-confirm`, `<testId>-cancel`, `<testId>-body` */
  testId?: string;
}

export function ConfirmDialog({
  open, title, children, confirmLabel, cancelLabel, tone = 'danger', busy, confirmDisabled, onConfirm, onCancel, testId = 'confirm-dialog',
}: ConfirmDialogProps) {
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
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
      safeRef.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  // Return focus to the opener when the dialog goes (closed, or the page re-rendered without it).
  useEffect(() => {
    if (open) return;
    const back = opener.current;
    opener.current = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      data-testid={testId}
      // Escape: the browser would close the dialog on its own; the parent decides instead (it owns `open`)
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {open ? (
        <form
          method="dialog"
          className="confirm-dialog__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy && !confirmDisabled) onConfirm();
          }}
        >
          <h2 id={`${id}-title`} className="confirm-dialog__title">{title}</h2>
          <div id={`${id}-body`} className="confirm-dialog__body" data-testid={`${testId}-body`}>{children}</div>
          <div className="confirm-dialog__actions">
            <button ref={safeRef} type="button" className="btn btn--ghost btn--lg" onClick={onCancel} disabled={busy} data-testid={`${testId}-cancel`}>
              {cancelLabel ?? t('common.back')}
            </button>
            <button type="submit" className={`btn btn--lg ${tone === 'danger' ? 'btn--danger' : 'btn--primary'}`} disabled={busy || confirmDisabled}
              data-testid={`${testId}-confirm`}>
              {busy ? t('common.working') : confirmLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
