// The one box for a server error that no field shows, on every screen (tablet, public, staff). A form
// that puts a 422's issues beside its fields says which (`placed`); the box lists the others.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, errorText } from '../api';
import { fieldMessage } from '../forms/messages';

/** Error text: a screen family's own codes first (`<scope>.errors.<code>`, e.g. admin), then the shared `errors.<code>`. */
export function scopedErrorText(t: TFunction, err: unknown, scope?: string): string {
  if (scope && err instanceof ApiError) {
    const own = t(`${scope}.errors.${err.code}`, { defaultValue: '' });
    if (own) return own;
  }
  return errorText(t, err);
}

/** The server's field names a form shows beside its fields: a name covers its sub-fields (`members` covers `members.0.name`). */
export type Placed = readonly string[];
const isPlaced = (placed: Placed, field: string) => placed.some((k) => field === k || field.startsWith(`${k}.`));

interface Props {
  error: unknown;
  /** `error` unless given */
  testId?: string;
  /** the screen family whose own error texts come first (`admin`) */
  scope?: string;
  /**
   * A form's fields that show their own 422 issues. Given: the other issues are listed under the message, and a
   * 422 whose every issue is beside its field shows no box at all — unless `headline`.
   */
  placed?: Placed;
  /** say the message above the button even when every issue is beside its field (the staff office's forms) */
  headline?: boolean;
  /** a message of the screen's own instead of the error's */
  title?: string;
  /** more about this error, under the message */
  children?: ReactNode;
}

export function ErrorBox({ error, testId = 'error', scope, placed, headline = false, title, children }: Props) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const issues = error instanceof ApiError ? error.fields : [];
  const rest = placed ? issues.filter((i) => !isPlaced(placed, i.field)) : [];
  if (placed && !headline && issues.length > 0 && rest.length === 0) return null;
  const text = title ?? scopedErrorText(t, error, scope);
  return (
    <div className="alert alert--error" role="alert" data-testid={testId}>
      {headline || rest.length || children ? <p className="alert__title">{text}</p> : text}
      {rest.length ? (
        <ul className="alert__issues">
          {rest.map((i, n) => (
            <li key={n}>
              {i.field && i.field !== '(body)' ? <span className="mono">{i.field}: </span> : null}
              {fieldMessage(t, i18n.language, i.message)}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}
