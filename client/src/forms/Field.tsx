// One field family for every form (react-hook-form + the shared zod schemas): a label, the control, a
// hint and the message of the field's error — from the schema in the browser or from the server's 422.
import { createContext, useContext, type ReactNode } from 'react';
import { useFormContext, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldIssue } from '../api';
import { fieldMessage } from './messages';

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  testId?: string;
  /** the error message's test id; `<testId>-error` unless given */
  errorTestId?: string;
  className?: string;
  /** shown right after the control, inside the field (a unit, a button that fills it) */
  after?: ReactNode;
}

/** Prefixes the element ids of a form's fields, for two forms on one screen whose fields share names. */
export const FieldIdPrefix = createContext('');

function useField(name: string) {
  const { register, formState } = useFormContext();
  const { t, i18n } = useTranslation();
  const prefix = useContext(FieldIdPrefix);
  const error = name.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], formState.errors) as { message?: string } | undefined;
  const id = `field-${prefix}${name.replace(/\W/g, '-')}`;
  const message = error ? fieldMessage(t, i18n.language, error.message) || t('form.invalid') : '';
  return { register, id, message, t };
}

type FrameProps = { id: string; label: ReactNode; hint?: ReactNode; required?: boolean; message: string; children: ReactNode; testId?: string; errorTestId?: string; className?: string; after?: ReactNode };

function Frame({ id, label, hint, required, message, children, testId, errorTestId, className, after }: FrameProps) {
  const { t } = useTranslation();
  return (
    <div className={`field${message ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required ? <span className="field__required">{t('form.requiredMark')}</span> : null}
      </label>
      {after ? <div className="field__row">{children}{after}</div> : children}
      {hint ? <p className="field__hint small muted" id={`${id}-hint`}>{hint}</p> : null}
      {message ? <p className="field__error" id={`${id}-error`} role="alert" data-testid={errorTestId ?? (testId ? `${testId}-error` : undefined)}>{message}</p> : null}
    </div>
  );
}

const described = (id: string, hint: unknown, message: string) =>
  [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

type InputProps = { type?: string; autoComplete?: string; inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email'; placeholder?: string; maxLength?: number; min?: number; max?: number; step?: number | 'any'; list?: string; spellCheck?: boolean };

// What a text input holds, as the schema reads it. A blank number is null (`Number(null)` would be 0: react-hook-form
// passes a null default through here too), and a schema that needs the number says 必填 for it; blank text is
// '' where required (too short: 必填) and null where not.
export const asValue = (v: unknown, type: string, required?: boolean) =>
  v === '' || v === null || v === undefined ? (type === 'number' || !required ? null : '') : type === 'number' ? Number(v) : v;

export function TextField({ name, label, hint, required, testId, errorTestId, className, after, type = 'text', ...rest }: FieldProps & InputProps) {
  const { register, id, message } = useField(name);
  return (
    <Frame id={id} label={label} hint={hint} required={required} message={message} testId={testId} errorTestId={errorTestId} className={className} after={after}>
      <input id={id} className="input" type={type} data-testid={testId} aria-invalid={message ? true : undefined} aria-required={required || undefined}
        aria-describedby={described(id, hint, message)} {...rest} {...register(name, { setValueAs: (v) => asValue(v, type, required) })} />
    </Frame>
  );
}

export function TextAreaField({ name, label, hint, required, testId, errorTestId, className, rows = 4, maxLength, placeholder }: FieldProps & { rows?: number; maxLength?: number; placeholder?: string }) {
  const { register, id, message } = useField(name);
  return (
    <Frame id={id} label={label} hint={hint} required={required} message={message} testId={testId} errorTestId={errorTestId} className={className}>
      <textarea id={id} className="input" rows={rows} maxLength={maxLength} placeholder={placeholder} data-testid={testId} aria-invalid={message ? true : undefined} aria-required={required || undefined}
        aria-describedby={described(id, hint, message)} {...register(name, { setValueAs: (v) => (v === '' && !required ? null : v) })} />
    </Frame>
  );
}

export function SelectField({ name, label, hint, required, testId, errorTestId, className, options, placeholder, parse }: FieldProps & { options: { value: string; label: string }[]; placeholder?: string; parse?: (v: string) => unknown }) {
  const { register, id, message } = useField(name);
  return (
    <Frame id={id} label={label} hint={hint} required={required} message={message} testId={testId} errorTestId={errorTestId} className={className}>
      <select id={id} className="input" data-testid={testId} aria-invalid={message ? true : undefined} aria-required={required || undefined} aria-describedby={described(id, hint, message)}
        {...register(name, { setValueAs: parse ?? ((v) => (v === '' ? undefined : v)) })}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Frame>
  );
}

/** Puts a 422's `fields` on the form's fields; returns false when the error is not about fields. `place` names
 * the form's field for a server's one when the form holds the value in another shape (lines of text for an array). */
export function showServerFieldErrors<T extends FieldValues>(err: unknown, setError: UseFormSetError<T>, place: (f: FieldIssue) => FieldIssue = (f) => f): boolean {
  if (!(err instanceof ApiError) || err.status !== 422 || err.fields.length === 0) return false;
  for (const f of err.fields.map(place)) setError((f.field === '(body)' ? 'root' : f.field) as Path<T>, { type: 'server', message: f.message });
  return true;
}
