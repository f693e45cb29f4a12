// The year at a glance: projects by execution (each a filter of the table below), overdue reports by
// department, supervision coverage and grades by round. Plain counts and bars: no chart library here.
import { useTranslation } from 'react-i18next';
import { executions, rounds, type YearDashboard } from '../../../../../shared/implementation-dashboard';
import type { Execution } from '../../../../../shared/execution';

export function Dashboard({ d, filter, onFilter }: { d: YearDashboard; filter: Execution | null; onFilter: (e: Execution | null) => void }) {
  const { t } = useTranslation();
  return (
    <div className="impl-dashboard" data-testid="impl-dashboard">
      <section className="card stack" aria-labelledby="dash-exec">
        <h3 id="dash-exec">{t('implAdmin.byExecution', { count: d.projects })}</h3>
        <div className="impl-dashboard__counts">
          {executions.map((e) => (
            <button key={e} type="button" className={`impl-count impl-count--${e}${filter === e ? ' is-on' : ''}`} aria-pressed={filter === e}
              onClick={() => onFilter(filter === e ? null : e)} data-testid={`dash-exec-${e}`}>
              <span className="impl-count__n">{d.byExecution[e]}</span>
              <span className="impl-count__label">{t(`execution.${e}`)}</span>
            </button>
          ))}
        </div>
      </section>
      <section className="card stack" aria-labelledby="dash-overdue">
        <h3 id="dash-overdue">{t('implAdmin.overdueByDepartment')}</h3>
        {d.overdueByDepartment.length ? (
          <ul className="plain-list" data-testid="dash-overdue">
            {d.overdueByDepartment.map((o) => <li key={o.department}>{t('implAdmin.overdueLine', { department: o.department, overdue: o.overdue, projects: o.projects })}</li>)}
          </ul>
        ) : <p className="muted">{t('implAdmin.noneOverdue')}</p>}
      </section>
      <section className="card stack" aria-labelledby="dash-coverage">
        <h3 id="dash-coverage">{t('implAdmin.coverage')}</h3>
        <p data-testid="dash-coverage">{t('implAdmin.withoutGroup', { count: d.coverage.withoutGroup })}<br />{t('implAdmin.notInspected', { count: d.coverage.notInspectedThisQuarter })}</p>
      </section>
      <section className="card stack" aria-labelledby="dash-grades">
        <h3 id="dash-grades">{t('implAdmin.gradesByRound')}</h3>
        <table className="table table--compact" data-testid="dash-grades">
          <thead><tr><th scope="col">{t('implAdmin.round')}</th><th scope="col">{t('implAdmin.short.satisfied')}</th><th scope="col">{t('implAdmin.short.basic')}</th><th scope="col">{t('implAdmin.short.unsatisfied')}</th></tr></thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r}><th scope="row">{t(`implAdmin.short.round.${r}`)}</th><td>{d.gradesByRound[r].满意}</td><td>{d.gradesByRound[r].基本满意}</td><td>{d.gradesByRound[r].不满意}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
