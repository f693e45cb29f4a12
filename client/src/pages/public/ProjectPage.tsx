// /projects/:id — one project as one story, the six steps in order: 点单 (who asked) → 定单 (the vote) →
// 派单 (department, assessment, plan) → 办单 (progress with photos) → 督单 (the group and its visits) →
// 评单 (the members' grades by round, and the public's ratings beside them, never mixed).
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/public.css';
import '../../styles/portal.css';
import { TopBar } from '../../components/TopBar';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { ApiError } from '../../api';
import { useFormat } from '../../format';
import { gradeChoice, shanghaiDate } from '../../../../shared/execution';
import { ColorTag } from '../../components/ColorTag';
import { ProjectTaskList } from '../tasks/TaskBits';
import { ExecutionTag, ProgressBar } from '../supervision/ProgressView';
import { ItemBars, latestItemGrades, reportItemsText } from '../supervision/ItemBars';
import { usePublicProject, type PublicProject } from './publicApi';
import { AskedStep, Milestones, Photos, Steps, VoteStep } from './ProjectParts';
import { RatingsPanel } from './RatingsPanel';
import { CompositePanel } from './CompositePanel';
import { timelineText } from './timelineText';

/** An unknown or not yet public project: say so, and the way back. */
function ProjectNotFound() {
  const { t } = useTranslation();
  useTitle(t('story.notFoundTitle'));
  return (
    <section className="stack" data-testid="project-not-found">
      <h1>{t('story.notFoundTitle')}</h1>
      <p>{t('story.notFoundText')}</p>
      <p><Link className="btn btn--primary" to="/" data-testid="not-found-home">{t('story.home')}</Link></p>
    </section>
  );
}

export default function ProjectPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = usePublicProject(id);
  useTitle(project.data?.title ?? t('portal.project'));
  return (
    <div className="page public">
      <TopBar home />
      <main className="container container--narrow portal-project" id="main">
        {project.isPending ? <Loading /> : project.data ? <Story p={project.data} />
          : project.error instanceof ApiError && project.error.status === 404 ? <ProjectNotFound /> : <ErrorBox error={project.error} />}
      </main>
    </div>
  );
}

function Story({ p }: { p: PublicProject }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const today = shanghaiDate(new Date());
  const selected = p.status === 'selected';
  const latestGrade = p.grades.at(-1);
  return (
    <article className="stack" data-testid="project-page">
      <nav className="backlink no-print" aria-label={t('portal.breadcrumb')}>
        <Link to={`/bodies/${encodeURIComponent(p.bodyId)}?year=${p.year}`} data-testid="project-body">{p.bodyName}</Link> › {t('portal.yearProjects', { year: p.year })}
      </nav>
      <h1 data-testid="project-title">{p.title}</h1>
      <p className="muted">{[`${p.year}`, t(`category.${p.category}`, { defaultValue: p.category }), p.department, p.investment != null ? fmt.wan(p.investment) : null].filter(Boolean).join(' · ')}</p>
      <p className="portal-status">
        <span className={`tag ${selected ? 'tag--ok' : 'tag--muted'}`} data-testid="project-status">{t(`projectStatus.${p.status}`, { defaultValue: p.status })}</span>
        {p.execution ? <ExecutionTag execution={p.execution} /> : null}
        <ColorTag color={p.color} reasons={p.redReasons} testId="project-color" />
        {p.carriedOverFrom ? <span className="tag">{t('supervision.carriedFrom', { year: p.carriedOverFrom })}</span> : null}
        {p.carriedOverTo ? <span className="tag">{t('implAdmin.carriedTo', { year: p.carriedOverTo })}</span> : null}
        {p.reservedFrom ? <span className="tag" data-testid="project-reserved-from">{t('reserve.from', { year: p.reservedFrom.year })}</span> : null}
      </p>
      {selected && p.percent != null ? <><ProgressBar percent={p.percent} /><p className="small muted">{t('impl.percent', { percent: p.percent })}</p></> : null}
      <Steps p={p} />

      <section className="portal-step" aria-labelledby="step-ask" data-testid="step-suggested">
        <h2 id="step-ask">{t('portal.step.suggested')}</h2>
        <AskedStep p={p} />
        <p className="muted">{p.description}</p>
        {/* taken from the reserve (储备库) of an earlier year: where it came from */}
        {p.reservedFrom ? (
          <p className="small" data-testid="project-reserved-text">{t('reserve.fromText', { year: p.reservedFrom.year })}{' '}
            <Link to={`/projects/${encodeURIComponent(p.reservedFrom.id)}`}>{t('reserve.fromLink', { year: p.reservedFrom.year })}</Link></p>
        ) : null}
      </section>

      <section className="portal-step" aria-labelledby="step-vote" data-testid="step-voted">
        <h2 id="step-vote">{t('portal.step.voted')}</h2>
        <VoteStep p={p} />
      </section>

      <section className="portal-step" aria-labelledby="step-assign" data-testid="step-assigned">
        <h2 id="step-assign">{t('portal.step.assigned')}</h2>
        <p>{t('portal.department', { department: p.department })}</p>
        {p.assessment ? <p className="small">{p.assessment.feasible ? t('portal.feasible') : t('portal.infeasible')}：{p.assessment.reason}</p> : null}
        {p.plan ? (
          <>
            <ul className="plain-list">{p.plan.targets.map((x) => <li key={x}>{x}</li>)}</ul>
            <Milestones plan={p.plan} reached={new Set(p.progress.map((r) => r.milestone).filter((m): m is string => !!m))} today={today} />
            <p className="small muted">{t('impl.funding')}：{p.plan.funding} · {t('dept.completionDate')}：{p.plan.completionDate}</p>
          </>
        ) : selected ? <p className="muted">{t('supervision.noPlan')}</p> : null}
      </section>

      {selected ? (
        <>
          <section className="portal-step" aria-labelledby="step-do" data-testid="step-progress">
            <h2 id="step-do">{t('portal.step.progress')}</h2>
            <ItemBars items={p.items} grades={latestItemGrades(p.grades)} />
            {p.progress.length ? (
              <ol className="timeline">
                {p.progress.map((r) => (
                  <li key={r.id} className="timeline__item" data-testid="public-report">
                    <time dateTime={r.date}>{r.date}</time>
                    <span><strong>{r.percent}%</strong>{r.milestone ? ` · ${r.milestone}` : ''} · {r.note}{r.items.length ? ` · ${reportItemsText(r.items, p.items)}` : ''}</span>
                    <Photos photos={r.photos} />
                  </li>
                ))}
              </ol>
            ) : <p className="muted">{t('supervision.noReports')}</p>}
            {p.rectifications.length ? (
              <>
                <h3>{t('supervision.rectifications')}</h3>
                <ol className="timeline">{p.rectifications.map((r) => <li key={r.id} className="timeline__item"><time dateTime={r.date}>{r.date}</time><span>{r.note}</span><Photos photos={r.photos} /></li>)}</ol>
              </>
            ) : null}
          </section>

          <section className="portal-step" aria-labelledby="step-watch" data-testid="step-inspected">
            <h2 id="step-watch">{t('portal.step.inspected')}</h2>
            {p.supervisors?.lead ? <p>{t('portal.group', { lead: p.supervisors.lead, count: p.supervisors.members.length })}</p> : <p className="muted">{t('portal.noGroup')}</p>}
            {p.inspections.length ? (
              <ol className="timeline">{p.inspections.map((i) => <li key={i.id} className="timeline__item" data-testid="public-inspection"><time dateTime={i.date}>{i.date}</time><span>{i.findings}</span><Photos photos={i.photos} /></li>)}</ol>
            ) : <p className="muted">{t('supervision.noInspections')}</p>}
            {p.tasks.length ? (
              <div className="stack" data-testid="public-tasks">
                <h3>{t('tasks.heading')}</h3>
                <ProjectTaskList tasks={p.tasks} />
              </div>
            ) : null}
          </section>

          <section className="portal-step" aria-labelledby="step-rate" data-testid="step-graded">
            <h2 id="step-rate">{t('portal.step.graded')}</h2>
            <div className="portal-ratings">
              <div className="card stack" data-testid="members-grades">
                <h3>{t('portal.membersGrades')}</h3>
                {p.grades.length ? (
                  <table className="table table--compact">
                    <thead><tr><th scope="col">{t('implAdmin.round')}</th><th scope="col">{t('portal.grade')}</th><th scope="col">{t('portal.rateCol')}</th></tr></thead>
                    <tbody>{p.grades.map((g) => (
                      <tr key={g.ballotId}><th scope="row">{t(`round.${g.round}`)}<br /><span className="small muted">{fmt.date(g.publishedAt)}</span></th>
                        <td>{t(`choice.${gradeChoice[g.grade]}`)}</td><td>{fmt.pct(g.rate)}</td></tr>
                    ))}</tbody>
                  </table>
                ) : <p className="muted">{t('portal.noGrades')}</p>}
                {latestGrade ? <p className="small muted">{t('portal.gradeNote')}</p> : null}
              </div>
              <RatingsPanel p={p} />
            </div>
            <CompositePanel p={p} />
          </section>
        </>
      ) : null}

      {p.timeline.length ? (
        <section className="portal-step" aria-labelledby="step-all">
          <h2 id="step-all">{t('portal.timeline')}</h2>
          <ol className="timeline" data-testid="project-timeline">
            {p.timeline.map((e, i) => <li key={i} className="timeline__item"><time dateTime={e.at}>{fmt.date(e.at)} · {t(`portal.stage.${e.stage}`, { defaultValue: e.stage })}</time><span>{timelineText(e, t)}</span></li>)}
          </ol>
        </section>
      ) : null}
      <p className="no-print"><button type="button" className="btn btn--secondary" onClick={() => window.print()} data-testid="project-print">{t('portal.print')}</button></p>
    </article>
  );
}
