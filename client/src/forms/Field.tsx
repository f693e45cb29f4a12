// One field family for every form (react-hook-form + the shared zod schemas): a label, the control, a
// hint and the message of the field's error — from the schema in the browser or from the server's 422.
import type { ReactNode } from 'react';
import { useFormContext, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { fieldMessage } from './messages';

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  testId?: string;
}

function useField(name: string) {
  const { register, formState } = useFormContext();
  const { t, i18n } = useTranslation();
  const error = name.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], formState.errors) as { message?: string } | undefined;
  const id = `field-${name.replace(/\W/g, '-')}`;
  const message = error ? fieldMessage(t, i18n.language, error.message) || t('form.invalid') : '';
  return { register, id, message, t };
}

function Frame({ id, label, hint, required, message, children }: { id: string; label: ReactNode; hint?: ReactNode; required?: boolean; message: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`field${message ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required ? <span className="field__required">{t('form.requiredMark')}</span> : null}
      </label>
      {children}
      {hint ? <p className="field__hint small muted" id={`${id}-hint`}>{hint}</p> : null}
      {message ? <p className="field__error" id={`${id}-error`} role="alert">{message}</p> : null}
    </div>
  );
}

const described = (id: string, hint: unknown, message: string) =>
  [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField({ name, label, hint, required, testId, type = 'text', ...rest }: FieldProps & { type?: string; autoComplete?: string; inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email'; placeholder?: string; maxLength?: number }) {
  const { register, id, message } = useField(name);
  return (
    <Frame id={id} label={label} hint={hint} required={required} message={message}>
      <input id={id} className="input" type={type} data-testid={testId} aria-invalid={message ? true : undefined}
        aria-describedby={described(id, hint, message)} {...rest} {...register(name, { setValueAs: (v) => (v === '' ? (required ? '' : null) : type === 'number' ? Number(v) : v) })} />
    </Frame>
  );
}

export function TextAreaField({ name, label, hint, required, testId, rows = 4, maxLength }: FieldProps & { rows?: number; maxLength?: number }) {
  const { register, id, message } = useField(name);
  return (
    <Frame id={id} label={label} hint={hint} required={required} message={message}>
      <textarea id={id} className="input" rows={rows} maxLength={maxLength} data-testid={testId} aria-invalid={message ? true : undefined}
        aria-describedby={described(id, hint, message)} {...register(name, { setValueAs: (v) => (v === '' && !required ? null : v) })} />
    </Frame>
  );
}

export function SelectField({ name, label, hint, required, testId, options, placeholder }: FieldProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  const { register, id, message } = useField(name);
  return (
    <Frame id={id} label={label} hint={hint} required={required} message={message}>
      <select id={id} className="input" data-testid={testId} aria-invalid={message ? true : undefined} aria-describedby={described(id, hint, message)}
        {...register(name, { setValueAs: (v) => (v === '' ? undefined : v) })}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Frame>
  );
}

/** Puts a 422's `fields` on the form's fields; returns false when the error is not about fields. */
export function showServerFieldErrors<T extends FieldValues>(err: unknown, setError: UseFormSetError<T>): boolean {
  if (!(err instanceof ApiError) || err.status !== 422 || err.fields.length === 0) return false;
  for (const f of err.fields) setError((f.field === '(body)' ? 'root' : f.field) as Path<T>, { type: 'server', message: f.message });
  return true;
}
