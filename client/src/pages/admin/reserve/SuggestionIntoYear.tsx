// A reserved suggestion of an earlier year becomes a draft of the year being screened: its title, text and
// category, the 承办单位 chosen from the list; adopting it takes it out of the reserve.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api';
import { ErrorBox } from '../../../components/ErrorBox';
import { DepartmentCombobox } from '../../../components/DepartmentCombobox';
import { categories } from '../../../../../shared/schemas';
import type { Reserve } from './reserveApi';

type Idea = Reserve['suggestions'][number];
const categoryOf = (c: string) => categories.find((x) => x === c) ?? '其他';

export function SuggestionIntoYear({ token, bodyId, idea, year, onDone }: { token: string; bodyId: string; idea: Idea; year: number; onDone: (title: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [department, setDepartment] = useState('');
  const make = useMutation({
    mutationFn: () => call('POST /api/bodies/:bodyId/projects', { bodyId }, {
      token, body: { year, title: idea.title, description: idea.description, category: categoryOf(idea.category), department: department.trim(), suggestionIds: [idea.id] },
    }),
    onSuccess: async (p) => {
      await Promise.all(['reserve', 'projects', 'suggestions'].map((k) => qc.invalidateQueries({ queryKey: ['body', bodyId, k] })));
      onDone(p.title);
    },
  });
  if (!open) return <button type="button" className="btn btn--primary btn--sm" onClick={() => setOpen(true)} data-testid="reserve-suggestion-bring">{t('reserve.bringInto', { year })}</button>;
  const id = `reserve-dept-${idea.id}`;
  return (
    <form className="stack" onSubmit={(e) => { e.preventDefault(); make.mutate(); }} data-testid="reserve-suggestion-form">
      <div className="field">
        <label className="field__label" htmlFor={id}>{t('inbox.department')}</label>
        <DepartmentCombobox id={id} token={token} bodyId={bodyId} value={department} onChange={setDepartment} testId="reserve-suggestion-department" />
      </div>
      <ErrorBox error={make.error} />
      <div className="btn-row">
        <button type="submit" className="btn btn--primary btn--sm" disabled={!department.trim() || make.isPending} data-testid="reserve-suggestion-confirm">{t('reserve.bringInto', { year })}</button>
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => setOpen(false)}>{t('reserve.cancel')}</button>
      </div>
    </form>
  );
}
