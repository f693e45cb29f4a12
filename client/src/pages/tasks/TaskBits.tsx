// What every 督办单 screen shows the same way: its state in words (逾期 tasks say so, not only in red),
// why it was opened, its dates and the department's answer with photos.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import '../../styles/tasks.css';

interface TaskLike {
  reason: string; note?: string | null; openedAt: string; due: string; state: 'open' | 'answered' | 'closed'; escalated: boolean;
  answer: { text: string; date: string; photos: { id: string; url: string; thumbUrl: string }[] } | null; closedAt: string | null;
  closeNote?: string | null;
}

export function TaskStateTag({ task, testId }: { task: Pick<TaskLike, 'state' | 'escalated'>; testId?: string }) {
  const { t } = useTranslation();
  if (task.escalated) return <span className="tag task-state--escalated" data-testid={testId} data-state="escalated">{t('tasks.state.escalated')}</span>;
  const cls = task.state === 'open' ? 'tag--warn' : task.state === 'answered' ? 'tag--state-published' : 'tag--ok';
  return <span className={`tag ${cls}`} data-testid={testId} data-state={task.state}>{t(`tasks.state.${task.state}`)}</span>;
}

export function TaskFacts({ task, showNote = true }: { task: TaskLike; showNote?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
      <p className="small">
        {t('tasks.reasonLine', { reason: t(`tasks.reason.${task.reason}`) })} · {t('tasks.opened')} {fmt.date(task.openedAt)} · {t('tasks.due')} {fmt.date(task.due)}
        {task.closedAt ? <> · {t('tasks.closedOn')} {fmt.date(task.closedAt)}</> : null}
      </p>
      {showNote && task.note ? <p className="small">{task.note}</p> : null}
      {task.answer ? (
        <div className="stack stack--tight">
          <p className="small"><strong>{t('tasks.answerOn', { date: fmt.date(task.answer.date) })}</strong> {task.answer.text}</p>
          {task.answer.photos.length ? (
            <p className="btn-row">{task.answer.photos.map((p) => <a key={p.id} href={p.url} target="_blank" rel="noreferrer"><img src={p.thumbUrl} alt={t('tasks.answerPhoto')} width={96} height={72} /></a>)}</p>
          ) : null}
        </div>
      ) : null}
      {task.closeNote ? <p className="small" data-testid="task-close-line">{t('tasks.closeNoteLine', { note: task.closeNote })}</p> : null}
    </>
  );
}

/** A project's tasks for whoever may read them (the tablet's supervisor, a department's project view). */
export function ProjectTaskList({ tasks }: { tasks: (TaskLike & { id: string })[] }) {
  const { t } = useTranslation();
  if (!tasks.length) return <p className="muted small" data-testid="project-tasks-none">{t('tasks.none')}</p>;
  return (
    <ul className="task-list" data-testid="project-tasks">
      {tasks.map((task) => (
        <li key={task.id} className={`card stack task-card task-card--${task.escalated ? 'escalated' : task.state}`} data-testid="project-task">
          <div className="btn-row"><strong>{t('tasks.one')}</strong><TaskStateTag task={task} testId="task-state" /></div>
          <TaskFacts task={task} />
        </li>
      ))}
    </ul>
  );
}
