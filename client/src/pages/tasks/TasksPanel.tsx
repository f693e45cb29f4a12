// 督办单 for staff (the tab under 实施督办): the body's tasks, escalated first, filtered by state and by 逾期;
// closing an answered one with a note; the list printed as 督办单, one A4 sheet per task, for the 主任会议.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { Body } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { LocalTable } from '../../components/DataTable';
import { PanelHead } from '../admin/common';
import { TaskFacts, TaskStateTag } from './TaskBits';
import { TaskSheets, printSheets } from './TaskSheets';
import { OpenTaskForm } from './OpenTaskForm';
import { useBodyTasks, useCloseTask, type Task, type TaskFilter } from './tasksApi';
import '../../styles/tasks.css';

const states = ['open', 'answered', 'closed'] as const;

export function TasksPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = (states as readonly string[]).includes(params.get('state') ?? '') ? (params.get('state') as TaskFilter['state']) : undefined;
  const escalated = params.get('escalated') === 'true' ? true : undefined;
  const list = useBodyTasks(token, body.id, { state, escalated });
  const close = useCloseTask(token);
  const [closing, setClosing] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [opening, setOpening] = useState(false);
  const year = Number(params.get('year')) || new Date().getFullYear();
  const setParam = (k: string, v: string | null) => { const n = new URLSearchParams(params); if (v) n.set(k, v); else n.delete(k); setParams(n, { replace: true }); };
  const rows = list.data ?? [];
  const overdue = rows.filter((r) => r.escalated).length;

  const columns = useMemo<ColumnDef<Task, unknown>[]>(() => [
    { id: 'project', header: t('tasks.project'), cell: ({ row: { original: r } }) => (
      <span><strong>{r.project.title}</strong><br /><span className="small muted">{r.project.department} · {r.project.year}</span></span>
    ) },
    { id: 'state', header: t('tasks.stateLabel'), cell: ({ row: { original: r } }) => <TaskStateTag task={r} testId="task-state" /> },
    { id: 'facts', header: t('tasks.details'), cell: ({ row: { original: r } }) => <TaskFacts task={r} /> },
    { id: 'actions', header: '', cell: ({ row: { original: r } }) => r.state === 'answered' ? (
      closing === r.id ? (
        <form className="stack stack--tight" onSubmit={(e) => { e.preventDefault(); close.mutate({ id: r.id, note }, { onSuccess: () => { setClosing(null); setNote(''); } }); }}>
          <label className="field"><span className="field__label">{t('tasks.closeNote')}</span>
            <input className="input" value={note} onChange={(e) => setNote(e.target.value)} required maxLength={2000} data-testid="task-close-note" /></label>
          <span className="btn-row">
            <button type="submit" className="btn btn--primary btn--sm" disabled={close.isPending || !note.trim()} data-testid="task-close-submit">{t('tasks.close')}</button>
            <button type="button" className="btn btn--ghost btn--sm" onClick={() => setClosing(null)}>{t('tasks.cancel')}</button>
          </span>
        </form>
      ) : <button type="button" className="btn btn--secondary btn--sm task-close" onClick={() => { setClosing(r.id); setNote(''); }} data-testid="task-close">{t('tasks.close')}</button>
    ) : null },
  ], [t, closing, note, close]);

  return (
    <section className="stack" aria-labelledby="tasks-heading" data-testid="tasks-panel">
      <PanelHead id="tasks-heading" heading={t('tasks.heading')} intro={t('tasks.intro')} />
      <div className="task-filters no-print">
        <label className="field field--inline"><span className="field__label">{t('tasks.stateLabel')}</span>
          <select className="input" value={state ?? ''} onChange={(e) => setParam('state', e.target.value || null)} data-testid="tasks-state">
            <option value="">{t('tasks.all')}</option>
            {states.map((s) => <option key={s} value={s}>{t(`tasks.state.${s}`)}</option>)}
          </select></label>
        <label className="field field--inline"><input type="checkbox" checked={escalated === true} onChange={(e) => setParam('escalated', e.target.checked ? 'true' : null)} data-testid="tasks-escalated" /> {t('tasks.onlyEscalated')}</label>
        <button type="button" className="btn btn--ghost" aria-expanded={opening} onClick={() => setOpening((o) => !o)} data-testid="task-open-toggle">{t('tasks.openToggle')}</button>
        <button type="button" className="btn btn--secondary" onClick={printSheets} disabled={!rows.length} data-testid="tasks-print">{t('tasks.print', { count: rows.length })}</button>
      </div>
      {opening ? <OpenTaskForm token={token} bodyId={body.id} year={year} /> : null}
      {overdue ? <p className="alert alert--warn" data-testid="tasks-overdue">{t('tasks.overdueCount', { count: overdue })}</p> : null}
      <ErrorBox error={list.error ?? close.error} scope="tasks" />
      <LocalTable caption={t('tasks.caption')} columns={columns} rows={rows} limit={50} getRowId={(r) => r.id} empty={t('tasks.empty')}
        loading={list.isFetching} testId="tasks-table" rowTestId={(r) => `task-row-${r.projectId}`} />
      <TaskSheets tasks={rows} bodyName={body.name} />
    </section>
  );
}
