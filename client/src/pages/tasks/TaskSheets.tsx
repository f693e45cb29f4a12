// The printable 督办单: one A4 sheet per task (project, department, why, dates, the answer, signatures),
// hidden on screen and the only thing printed while the staff print the list (styles/tasks.css).
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import type { Task } from './tasksApi';

export function TaskSheets({ tasks, bodyName }: { tasks: Task[]; bodyName: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <div className="task-sheets" aria-hidden="true" data-testid="task-sheets">
      {tasks.map((task) => (
        <section key={task.id} className="task-sheet" data-testid="task-sheet">
          <h2>{t('tasks.sheet.title')}</h2>
          <p>{bodyName} · {t('tasks.sheet.number', { id: task.id.slice(-8).toUpperCase() })}</p>
          <table>
            <tbody>
              <tr><th>{t('tasks.project')}</th><td>{task.project.title}（{task.project.year}）</td></tr>
              <tr><th>{t('tasks.department')}</th><td>{task.project.department}</td></tr>
              <tr><th>{t('tasks.reasonLabel')}</th><td>{t(`tasks.reason.${task.reason}`)}{task.note ? `：${task.note}` : ''}</td></tr>
              <tr><th>{t('tasks.opened')}</th><td>{fmt.date(task.openedAt)}</td></tr>
              <tr><th>{t('tasks.due')}</th><td>{fmt.date(task.due)}{task.escalated ? ` · ${t('tasks.state.escalated')}` : ''}</td></tr>
              <tr><th>{t('tasks.stateLabel')}</th><td>{task.escalated ? t('tasks.state.escalated') : t(`tasks.state.${task.state}`)}</td></tr>
              <tr><th>{t('tasks.answer')}</th><td>{task.answer ? `${fmt.date(task.answer.date)}　${task.answer.text}` : '\u00a0'}</td></tr>
              <tr><th>{t('tasks.sheet.opinion')}</th><td>{task.closeNote ?? '\u00a0'}</td></tr>
            </tbody>
          </table>
          <div className="task-sheet__sign"><span>{t('tasks.sheet.signDept')}</span><span>{t('tasks.sheet.signOffice')}</span></div>
        </section>
      ))}
    </div>
  );
}

/** Prints only the sheets: the page is marked while the print dialog is open. */
export function printSheets() {
  document.body.classList.add('tasks-printing');
  const done = () => { document.body.classList.remove('tasks-printing'); window.removeEventListener('afterprint', done); };
  window.addEventListener('afterprint', done);
  window.print();
}
