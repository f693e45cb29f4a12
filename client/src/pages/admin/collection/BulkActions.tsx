// What staff do with the selected suggestions: merge them into one, decline or refer them with a reason,
// or adopt them into a new draft project.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Body } from '../../../api';
import { ErrorBox } from '../../../components/ErrorBox';
import { categories } from '../../../../../shared/schemas';
import { useAdopt, useDecide, useMerge, type InboxItem } from './inboxApi';
import { DepartmentCombobox } from '../../../components/DepartmentCombobox';
import { ReferTo, type ReferChoice } from '../../referrals/ReferTo';

type Mode = 'merge' | 'decide' | 'adopt' | null;
/** A suggestion's category (text on the server) as one of the list a project takes; 其他 for one it does not know. */
const categoryOf = (c: string) => categories.find((x) => x === c) ?? '其他';

export function BulkActions({ token, body, year, selected, onDone }: { token: string; body: Body; year?: number; selected: InboxItem[]; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(null);
  const strongest = [...selected].sort((a, b) => b.supporters - a.supporters)[0];
  const [into, setInto] = useState(strongest.id);
  const [reason, setReason] = useState('');
  // 交办: a department of the body and a due date (both optional: without a department, a plain referral)
  const [referTo, setReferTo] = useState<ReferChoice>({ department: '', due: '' });
  const [project, setProject] = useState({ title: strongest.title, category: categoryOf(strongest.category), department: '', description: strongest.description });
  const [missing, setMissing] = useState<readonly ('title' | 'department')[]>([]);
  const shows = (k: 'title' | 'department') => missing.includes(k) && !project[k].trim();
  const requiredProps = (k: 'title' | 'department') => ({
    'aria-required': true, 'aria-invalid': shows(k) || undefined, 'aria-describedby': shows(k) ? `adopt-${k}-error` : undefined,
  });
  const requiredMark = <span className="field__required" data-testid="required-mark">{t('form.requiredMark')}</span>;
  const fieldError = (name: 'title' | 'department') => (shows(name)
    ? <p className="field__error" id={`adopt-${name}-error`} role="alert" data-testid={`adopt-${name}-error`}>{t(`office.adopt.missing.${name}`)}</p> : null);
  const merge = useMerge(token, body.id);
  const decide = useDecide(token, body.id);
  const adopt = useAdopt(token, body.id);
  const finish = (message: string) => { setMode(null); onDone(message); };
  const ids = selected.map((s) => s.id);
  const error = merge.error ?? decide.error ?? adopt.error;

  return (
    <div className="card stack bulk" role="region" aria-label={t('inbox.bulk')} data-testid="inbox-bulk">
      <div className="btn-row">
        <strong>{t('inbox.selected', { count: selected.length })}</strong>
        {selected.length > 1 ? <button type="button" className="btn btn--secondary btn--sm" onClick={() => setMode('merge')} data-testid="bulk-merge">{t('inbox.merge')}</button> : null}
        <button type="button" className="btn btn--secondary btn--sm" onClick={() => setMode('adopt')} data-testid="bulk-adopt">{t('inbox.adopt')}</button>
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => setMode('decide')} data-testid="bulk-decide">{t('inbox.decline')}</button>
      </div>
      <ErrorBox error={error} testId="bulk-error" />
      {mode === 'merge' ? (
        <form className="inline-form inline-form--wrap" onSubmit={(e) => { e.preventDefault(); merge.mutate({ into, ids: ids.filter((i) => i !== into) }, { onSuccess: (r) => finish(t('inbox.merged', { supporters: r.supporters })) }); }}>
          <div className="field">
            <label className="field__label" htmlFor="bulk-into">{t('inbox.mergeInto')}</label>
            <select id="bulk-into" className="input" value={into} onChange={(e) => setInto(e.target.value)} data-testid="bulk-into">
              {selected.map((s) => <option key={s.id} value={s.id}>{s.title}（{s.supporters}）</option>)}
            </select>
          </div>
          <p className="small" data-testid="bulk-merge-what">{t('office.merge.bulkWhat', { keep: selected.find((s) => s.id === into)?.title ?? '', count: selected.length - 1 })}</p>
          <button type="submit" className="btn btn--primary" disabled={merge.isPending} data-testid="bulk-merge-confirm">{t('inbox.mergeConfirm')}</button>
        </form>
      ) : null}
      {mode === 'decide' ? (
        <form className="inline-form inline-form--wrap" onSubmit={(e) => e.preventDefault()}>
          <div className="field bulk__reason">
            <label className="field__label" htmlFor="bulk-reason">{t('inbox.reason')}</label>
            <input id="bulk-reason" className="input" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="bulk-reason" />
            <p className="small muted">{t('inbox.reasonPublic')}</p>
          </div>
          <ReferTo token={token} bodyId={body.id} value={referTo} onChange={setReferTo} />
          {(['not_adopted', 'referred'] as const).map((status) => (
            <button key={status} type="button" className="btn btn--secondary" disabled={!reason.trim() || decide.isPending || (status === 'not_adopted' && !!referTo.department)} data-testid={`bulk-${status}`}
              onClick={() => decide.mutate({
                ids, status, reason: reason.trim(),
                ...(status === 'referred' && referTo.department ? { department: referTo.department, ...(referTo.due ? { due: referTo.due } : {}) } : {}),
              }, { onSuccess: () => finish(t('inbox.decided', { count: ids.length })) })}>
              {t(`suggestionStatus.${status}`)}
            </button>
          ))}
        </form>
      ) : null}
      {mode === 'adopt' ? (
        <form className="stack" noValidate onSubmit={(e) => {
          e.preventDefault();
          // a blank required field is said in words beside it (and the focus goes there), not a silently dead button
          const blank = (['title', 'department'] as const).filter((k) => !project[k].trim());
          setMissing(blank);
          if (blank.length) { document.getElementById(`adopt-${blank[0]}`)?.focus(); return; }
          adopt.mutate({ year: year ?? new Date().getFullYear(), ...project, suggestionIds: ids }, { onSuccess: (p) => finish(t('inbox.adopted', { title: p.title })) });
        }}>
          <p className="small muted">{t('office.adopt.requiredNote')}</p>
          <div className="field">
            <label className="field__label" htmlFor="adopt-title">{t('inbox.projectTitle')}{requiredMark}</label>
            <input id="adopt-title" className="input" value={project.title} onChange={(e) => setProject({ ...project, title: e.target.value })} maxLength={200} data-testid="adopt-title" {...requiredProps('title')} />
            {fieldError('title')}
          </div>
          <div className="grid-2">
            <div className="field">
              <label className="field__label" htmlFor="adopt-category">{t('inbox.col.category')}{requiredMark}</label>
              <select id="adopt-category" className="input" aria-required="true" value={project.category} onChange={(e) => setProject({ ...project, category: categoryOf(e.target.value) })}>
                {categories.map((c) => <option key={c} value={c}>{t(`category.${c}`)}</option>)}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor="adopt-department">{t('inbox.department')}{requiredMark}</label>
              <DepartmentCombobox id="adopt-department" token={token} bodyId={body.id} value={project.department} onChange={(department) => setProject({ ...project, department })} testId="adopt-department"
                required invalid={shows('department')} describedBy={shows('department') ? 'adopt-department-error' : undefined} />
              {fieldError('department')}
            </div>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="adopt-description">{t('inbox.projectDescription')}</label>
            <textarea id="adopt-description" className="input" rows={3} value={project.description} onChange={(e) => setProject({ ...project, description: e.target.value })} maxLength={5000} />
          </div>
          <button type="submit" className="btn btn--primary" disabled={adopt.isPending} data-testid="adopt-confirm">{t('inbox.adoptConfirm', { count: ids.length })}</button>
        </form>
      ) : null}
    </div>
  );
}
