// Opening a 督办单 by hand (e.g. from an inspection's findings): a selected project of the year, what to fix,
// and the due day. A project that already has one not closed is refused (task_open) and says so.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import { Notice } from '../../components/Feedback';
import { addDays } from '../../../../shared/supervision';
import { shanghaiDate } from '../../../../shared/execution';
import { useYearOverview } from '../admin/implementation/overviewApi';
import { useOpenTask } from './tasksApi';

export function OpenTaskForm({ token, bodyId, year }: { token: string; bodyId: string; year: number }) {
  const { t } = useTranslation();
  const overview = useYearOverview(token, bodyId, year);
  const open = useOpenTask(token);
  const [projectId, setProjectId] = useState('');
  const [note, setNote] = useState('');
  const [due, setDue] = useState(addDays(shanghaiDate(new Date()), 15));
  const [done, setDone] = useState('');
  const projects = (overview.data?.projects ?? []).filter((p) => p.execution !== 'done');
  return (
    <form className="card stack" data-testid="task-open-form" aria-labelledby="task-open-heading"
      onSubmit={(e) => { e.preventDefault(); setDone(''); open.mutate({ projectId, note, due }, { onSuccess: () => { setDone(projects.find((p) => p.id === projectId)?.title ?? ''); setNote(''); } }); }}>
      <h3 id="task-open-heading">{t('tasks.openHeading')}</h3>
      <div className="grid-2">
        <label className="field"><span className="field__label">{t('tasks.project')}</span>
          <select className="input" value={projectId} onChange={(e) => setProjectId(e.target.value)} required data-testid="task-open-project">
            <option value="">{t('tasks.chooseProject')}</option>
            {projects.map((p) => <option key={p.id} value={p.id}>{p.title}（{p.department}）</option>)}
          </select></label>
        <label className="field"><span className="field__label">{t('tasks.due')}</span>
          <input className="input" type="date" value={due} onChange={(e) => setDue(e.target.value)} required data-testid="task-open-due" /></label>
      </div>
      <label className="field"><span className="field__label">{t('tasks.openNote')}</span>
        <textarea className="input" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} required data-testid="task-open-note" /></label>
      <ErrorBox error={open.error} scope="tasks" />
      {done ? <Notice kind="ok" testId="task-open-saved">{t('tasks.openSaved', { title: done })}</Notice> : null}
      <button type="submit" className="btn btn--primary" disabled={open.isPending || !projectId || !note.trim()} data-testid="task-open-submit">{t('tasks.openSubmit')}</button>
    </form>
  );
}
