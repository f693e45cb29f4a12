// 我督办的项目: the projects of the member's supervision groups, what is overdue first, and one of them
// with its plan, reports and inspections and the form to record a visit. Shown inside the tablet's frame.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { shanghaiDate } from '../../../../shared/execution';
import { ExecutionTag, ProgressBar, ProgressView } from './ProgressView';
import { InspectionForm } from './InspectionForm';
import { useMyProjects, useProjectDetail } from './supervisionApi';
import { ColorTag } from '../../components/ColorTag';
import { ProjectTaskList, TaskStateTag } from '../tasks/TaskBits';
import { useBodyTasks, useProjectTasks } from '../tasks/tasksApi';
import { useFormat } from '../../format';

const rank = (p: { overdue: boolean; execution: string; color: string }) => (p.color === 'red' ? -1 : p.overdue ? 0 : p.execution === 'behind' || p.execution === 'rectifying' ? 1 : p.execution === 'done' ? 3 : 2);

export function MyProjects({ token, bodyId }: { token: string; bodyId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const mine = useMyProjects(token);
  // the 督办单 of the projects the member supervises, not yet closed (escalated first, as the server orders them)
  const tasks = useBodyTasks(token, bodyId, {});
  const pending = (tasks.data ?? []).filter((x) => x.state !== 'closed');
  if (mine.isPending) return <Loading />;
  if (!mine.data) return <ErrorBox error={mine.error} />;
  const list = [...mine.data].sort((a, b) => rank(a) - rank(b) || b.year - a.year || a.title.localeCompare(b.title));
  return (
    <section className="stack" aria-labelledby="my-projects-heading">
      <p><Link to="/tablet">← {t('supervision.backToSessions')}</Link></p>
      <h1 id="my-projects-heading">{t('supervision.myProjects')}</h1>
      {pending.length ? (
        <section className="stack" aria-labelledby="my-tasks-heading" data-testid="my-tasks">
          <h2 id="my-tasks-heading">{t('tasks.heading')}</h2>
          <ul className="session-list">
            {pending.map((x) => (
              <li key={x.id}>
                <Link className="session-list__item" to={`/tablet/projects/${encodeURIComponent(x.projectId)}`} data-testid={`my-task-${x.projectId}`}>
                  <span className="session-list__name">{x.project.title}</span>
                  <span className="session-list__meta">
                    <TaskStateTag task={x} testId="task-state" />
                    <span className="small muted">{t('tasks.reasonLine', { reason: t(`tasks.reason.${x.reason}`) })} · {t('tasks.due')} {fmt.date(x.due)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {list.length === 0 ? <p className="muted" data-testid="my-projects-none">{t('supervision.none')}</p> : (
        <ul className="session-list" data-testid="my-projects">
          {list.map((p) => (
            <li key={p.id}>
              <Link className="session-list__item supervised" to={`/tablet/projects/${encodeURIComponent(p.id)}`} data-testid={`my-project-${p.id}`}>
                <span className="session-list__name">{p.title}</span>
                <span className="session-list__meta">
                  <ColorTag color={p.color} testId="my-project-color" />
                  <ExecutionTag execution={p.execution} />
                  {p.overdue ? <span className="tag tag--warn">{t('impl.overdue')}</span> : null}
                  {p.lead ? <span className="tag">{t('supervision.lead')}</span> : null}
                  <span className="small muted session-list__text">{p.department} · {p.year}</span>
                </span>
                <ProgressBar percent={p.percent} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SupervisedProject({ token, projectId }: { token: string; projectId: string }) {
  const { t } = useTranslation();
  const detail = useProjectDetail(token, projectId);
  const tasks = useProjectTasks(token, projectId);
  const today = shanghaiDate(new Date());
  if (detail.isPending) return <Loading />;
  if (!detail.data) return <ErrorBox error={detail.error} />;
  const d = detail.data;
  return (
    <article className="stack" aria-labelledby="project-heading">
      <p><Link to="/tablet/projects" data-testid="back-to-projects">← {t('supervision.myProjects')}</Link></p>
      <h1 id="project-heading">{d.title}</h1>
      <p className="muted">{d.department} · {d.year} <ColorTag color={d.color} reasons={d.redReasons} testId="project-color" /></p>
      {tasks.data?.length ? (
        <section className="stack" aria-labelledby="project-tasks-heading">
          <h2 id="project-tasks-heading">{t('tasks.heading')}</h2>
          <ProjectTaskList tasks={tasks.data} />
        </section>
      ) : null}
      <div className="supervise-grid">
        <ProgressView detail={d} today={today} />
        {d.supervising ? <InspectionForm token={token} projectId={d.id} today={today} /> : <p className="muted">{t('supervision.notInGroup')}</p>}
      </div>
    </article>
  );
}
