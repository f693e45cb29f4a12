// 子项: the department names the project's items (title and target), adds and removes them, and saves the
// list whole (PUT .../items, checked by the shared itemsInput); an unchanged title keeps its percent.
import { useState, type FormEvent } from 'react';
import { FormProvider, useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Notice } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { FieldIdPrefix, TextField, showServerFieldErrors } from '../../forms/Field';
import { itemsInput } from '../../../../shared/implementation-schemas';
import { useSaveItems } from './implementationApi';

export type Item = { id: string; title: string; target: string | null; percent: number };

// The form keeps a blank target as '' while typing; it is sent as no target, then checked by the server's own schema.
const formSchema = z.object({ items: z.array(z.object({ title: z.string(), target: z.string().nullable().optional() })) })
  .transform((v): z.input<typeof itemsInput> => ({ items: v.items.map((i) => ({ title: i.title, target: i.target?.trim() ? i.target : null })) }))
  .pipe(itemsInput);
type ItemsIn = z.input<typeof formSchema>;
type Items = z.output<typeof formSchema>;

const valuesOf = (items: Item[]): ItemsIn => ({ items: items.map((i) => ({ title: i.title, target: i.target ?? '' })) });

export function ItemsEditor({ token, projectId, items }: { token: string; projectId: string; items: Item[] }) {
  const { t } = useTranslation();
  const save = useSaveItems(token, projectId);
  const [saved, setSaved] = useState(false);
  const form = useForm<ItemsIn, unknown, Items>({ resolver: zodResolver(formSchema), defaultValues: valuesOf(items) });
  const rows = useFieldArray({ control: form.control, name: 'items' });
  const check = form.handleSubmit((v) => {
    save.mutate(v, {
      onSuccess: (out) => { form.reset(valuesOf((out as { items: Item[] }).items)); setSaved(true); },
      onError: (err) => { showServerFieldErrors(err, form.setError); },
    });
  });
  const submit = (e: FormEvent<HTMLFormElement>) => { setSaved(false); return check(e); };
  // a whole-list problem (two items of one name) has no field of its own
  const listError = form.formState.errors.items?.root?.message ?? form.formState.errors.items?.message;
  return (
    <FormProvider {...form}>
      <FieldIdPrefix.Provider value="items-">
        <form className="stack card" noValidate onSubmit={submit} aria-labelledby="items-heading" data-testid="items-form">
          <h3 id="items-heading">{t('items.heading')}</h3>
          <p className="muted">{t('items.hint')}</p>
          {rows.fields.length === 0 ? <p data-testid="items-none">{t('items.none')}</p> : null}
          {rows.fields.map((f, n) => (
            <fieldset key={f.id} className="grid-2 items-row" data-testid="items-row">
              <legend className="visually-hidden">{`${t('items.heading')} ${n + 1}`}</legend>
              <TextField name={`items.${n}.title`} label={`${t('items.title')} ${n + 1}`} required maxLength={100} testId={`items-title-${n}`} />
              <TextField name={`items.${n}.target`} label={`${t('items.target')} ${n + 1}`} maxLength={200} testId={`items-target-${n}`}
                after={<button type="button" className="btn btn--sm btn--secondary" onClick={() => rows.remove(n)} data-testid={`items-remove-${n}`}>{t('items.remove', { n: n + 1 })}</button>} />
            </fieldset>
          ))}
          <ErrorBox error={save.error} placed={['items']} />
          {listError ? <p className="field__error" role="alert" data-testid="items-error">{listError}</p> : null}
          {saved ? <Notice kind="ok" testId="items-saved">{t('items.saved')}</Notice> : null}
          <div className="inline-form inline-form--wrap">
            <button type="button" className="btn btn--secondary" onClick={() => rows.append({ title: '', target: '' })} data-testid="items-add">{t('items.add')}</button>
            <button type="submit" className="btn btn--primary" disabled={save.isPending} data-testid="items-save">{t('items.save')}</button>
          </div>
        </form>
      </FieldIdPrefix.Provider>
    </FormProvider>
  );
}

