import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, errorText } from '../../api';
import { fieldMessage } from '../../forms/messages';

/** Error text: admin-specific codes first (`admin.errors.<code>`), then the shared `errors.<code>`. */
export function adminErrorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const own = t(`admin.errors.${err.code}`, { defaultValue: '' });
    if (own) return own;
  }
  return errorText(t, err);
}

/**
 * The error box of a form: the localized error, plus every field issue the form could not place
 * next to a field (`placed` lists the keys the form shows itself).
 */
export function FormError({ error, placed, testId }: { error: unknown; placed: string[]; testId: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  const rest = fields.filter((i) => !placed.some((k) => i.field === k || i.field.startsWith(`${k}.`)));
  return (
    <div className="alert alert--error" role="alert" data-testid={testId}>
      <p className="admin-alert-title">{adminErrorText(t, error)}</p>
      {rest.length ? (
        <ul className="admin-issue-list">
          {rest.map((i, n) => (
            <li key={n}>
              {i.field && i.field !== '(body)' ? <span className="mono">{i.field}: </span> : null}
              {fieldMessage(t, i18n.language, i.message)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

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

export function currentYear(): number {
  return new Date().getFullYear();
}
