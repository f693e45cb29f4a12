import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from './adminApi';
import { localizeMessage } from './common';

/** What ties a control to its label, hint and error message (screen readers announce them). */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

function controlProps(id: string, issues: FieldIssue[], hintId?: string): ControlProps {
  const describedBy = [hintId, issues.length ? `${id}-error` : null].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': issues.length ? true : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

export function FieldError({ id, issues, testId }: { id: string; issues: FieldIssue[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!issues.length) return null;
  return (
    <p className="admin-field-error" id={`${id}-error`} data-testid={testId}>
      {issues.map((i) => `${i.prefix ?? ''}${localizeMessage(t, i18n.language, i.message)}`).join('；')}
    </p>
  );
}

/**
 * A labelled form field: label, control, optional hint and the API's complaint about it.
 * `children` renders the control and must spread the `ControlProps` it is given onto it.
 */
export function FormField({
  id,
  label,
  issues = [],
  hint,
  required,
  errorTestId,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  issues?: FieldIssue[];
  hint?: ReactNode;
  required?: boolean;
  errorTestId?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={`field${issues.length ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required ? <span className="admin-required">{t('admin.common.required')}</span> : null}
      </label>
      {children(controlProps(id, issues, hint ? `${id}-hint` : undefined))}
      {hint ? (
        <span className="admin-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError id={id} issues={issues} testId={errorTestId} />
    </div>
  );
}
