// Choosing a project's 承办单位 from the body's list, so a typo no longer misroutes a project: an input with
// role=combobox and its listbox (WAI-ARIA combobox pattern: arrows move, Enter chooses, Escape closes). A name
// not yet listed is added only on purpose, through the last option 新增承办单位「X」.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAddDepartment, useDepartments } from '../queries/departments';
import { Frame, described, useField } from '../forms/Field';
import '../styles/departments.css';

interface ComboboxProps {
  token: string;
  bodyId: string;
  value: string;
  onChange: (name: string) => void;
  onBlur?: () => void;
  id?: string;
  testId?: string;
  invalid?: boolean;
  describedBy?: string;
  required?: boolean;
  maxLength?: number;
}

type Option = { kind: 'pick'; name: string } | { kind: 'add'; name: string };

export function DepartmentCombobox({ token, bodyId, value, onChange, onBlur, id, testId, invalid, describedBy, required, maxLength = 100 }: ComboboxProps) {
  const { t } = useTranslation();
  const own = useId();
  const inputId = id ?? `dept-${own}`;
  const listId = `${inputId}-listbox`;
  const list = useDepartments(token, bodyId);
  const add = useAddDepartment(token, bodyId);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = value.trim();
  const options = useMemo<Option[]>(() => {
    const names = (list.data ?? []).map((d) => d.name);
    const shown = names.filter((n) => !typed || n.includes(typed)).map((name): Option => ({ kind: 'pick', name }));
    return typed && !names.includes(typed) ? [...shown, { kind: 'add', name: typed }] : shown;
  }, [list.data, typed]);
  const listed = (list.data ?? []).some((d) => d.name === typed);
  const expanded = open && options.length > 0;

  const choose = (o: Option) => {
    setOpen(false);
    setActive(-1);
    if (o.kind === 'pick') onChange(o.name);
    else add.mutate(o.name, { onSuccess: (name) => onChange(name) });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length ? (i + step + options.length) % options.length : -1));
    } else if (e.key === 'Enter' && open && active >= 0 && options[active]) {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };
  const optionId = (i: number) => `${inputId}-opt-${i}`;
  const status = add.isPending ? t('depts.adding') : add.error ? t('depts.addFailed') : typed && !listed && list.data ? t('depts.notListed', { name: typed }) : '';

  return (
    <div className="dept-combo">
      <div className="dept-combo__field">
      <input id={inputId} className="input" type="text" role="combobox" autoComplete="off" maxLength={maxLength} aria-required={required || undefined}
        aria-expanded={expanded} aria-controls={listId} aria-autocomplete="list" aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid ? true : undefined} aria-describedby={[describedBy, status ? `${inputId}-status` : ''].filter(Boolean).join(' ') || undefined}
        value={value} data-testid={testId}
        onChange={(e) => { onChange(e.target.value); setOpen(true); setActive(-1); }}
        onFocus={() => setOpen(true)} onClick={() => setOpen(true)}
        onBlur={() => { setOpen(false); setActive(-1); onBlur?.(); }} onKeyDown={onKeyDown} />
      <ul id={listId} role="listbox" className="dept-combo__list" aria-label={t('depts.listLabel')} hidden={!expanded} data-testid={testId ? `${testId}-listbox` : undefined}>
        {options.map((o, i) => (
          <li key={`${o.kind}:${o.name}`} id={optionId(i)} role="option" aria-selected={i === active}
            className={`dept-combo__option${o.kind === 'add' ? ' dept-combo__option--add' : ''}${i === active ? ' is-active' : ''}`}
            // keep the focus in the input: the choice is made on click, not on the input's blur
            onMouseDown={(e) => e.preventDefault()} onClick={() => choose(o)} data-testid={o.kind === 'add' ? 'dept-option-add' : 'dept-option'}>
            {o.kind === 'add' ? t('depts.addNew', { name: o.name }) : o.name}
          </li>
        ))}
      </ul>
      </div>
      {status ? <p id={`${inputId}-status`} className="small muted dept-combo__status" role="status">{status}</p> : null}
    </div>
  );
}

/** The same combobox as a field of a react-hook-form form (label, hint, the schema's or the server's error). */
export function DepartmentField({ name, label, hint, required, testId, className, token, bodyId }: {
  name: string; label: string; hint?: string; required?: boolean; testId?: string; className?: string; token: string; bodyId: string;
}) {
  const { id, message } = useField(name);
  const { control } = useFormContext();
  const { field } = useController({ name, control });
  return (
    <Frame id={id} label={label} hint={hint} required={required} message={message} testId={testId} className={className}>
      <DepartmentCombobox id={id} token={token} bodyId={bodyId} value={(field.value as string | null | undefined) ?? ''} onChange={field.onChange} onBlur={field.onBlur}
        testId={testId} invalid={!!message} describedBy={described(id, hint, message)} required={required} />
    </Frame>
  );
}
