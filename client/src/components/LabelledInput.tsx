import type { InputHTMLAttributes, ReactNode } from 'react';

/** A labelled input outside the form library (a sign-in, a receipt code, a reason): the label wraps the control. */
export function LabelledInput({ label, className, ...input }: { label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input className={className ? `input ${className}` : 'input'} {...input} />
    </label>
  );
}
