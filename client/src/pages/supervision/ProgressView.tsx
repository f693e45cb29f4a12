// One project's implementation as a reader sees it: execution and percent, the plan with its milestones,
// the reports, the group's inspections, rectification and grades. The tablet's supervision screen, the
// satisfaction ballot's 查看进展 panel and the staff overview all show it this way.
import { useTranslation } from 'react-i18next';
import '../../styles/supervision.css';
import { useFormat } from '../../format';
import type { Photo, ProjectDetail } from './supervisionApi';
import { gradeChoice } from '../../../../shared/execution';
import { ItemBars, latestItemGrades, reportItemsText } from './ItemBars';

const Photos = ({ photos, alt }: { photos: Photo[]; alt: string }) => (photos.length ? (
  <span className="impl-photos">{photos.map((p) => <a key={p.id} href={p.url} target="_blank" rel="noreferrer"><img src={p.thumbUrl} alt={alt} loading="lazy" /></a>)}</span>
) : null);

export function ExecutionTag({ execution }: { execution: string }) {
  const { t } = useTranslation();
  const tone = execution === 'behind' || execution === 'rectifying' ? 'warn' : execution === 'done' ? 'ok' : 'muted';
  return <span className={`tag tag--${tone}`} data-testid="execution">{t(`execution.${execution}`)}</span>;
}

export function ProgressBar({ percent }: { percent: number }) {
  const { t } = useTranslation();
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('impl.percent', { percent })}>
      <span className="progress__fill" style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
    </div>
  );
}

export function ProgressView({ detail, today, latestOnly = false }: { detail: ProjectDetail; today: string; latestOnly?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const reached = new Set(detail.progress.map((r) => r.milestone).filter(Boolean));
  const reports = latestOnly ? detail.progress.slice(0, 1) : detail.progress;
  const visits = latestOnly ? detail.inspections.slice(0, 2) : detail.inspections;
  const alt = t('impl.photoAlt');
  return (
    <div className="stack progress-view" data-testid="progress-view">
      <p className="progress-view__status">
        <ExecutionTag execution={detail.execution} /> {t('impl.percent', { percent: detail.percent })}
        {detail.overdue ? <span className="tag tag--warn" data-testid="overdue"> {t('impl.overdue')}</span> : null}
        {detail.carriedOverFrom ? <span className="tag"> {t('supervision.carriedFrom', { year: detail.carriedOverFrom })}</span> : null}
      </p>
      <ProgressBar percent={detail.percent} />
      <ItemBars items={detail.items} grades={latestItemGrades(detail.grades)} />
      <section aria-label={t('impl.plan')}>
        <h3>{t('impl.plan')}</h3>
        {detail.plan ? (
          <>
            <ul className="plain-list">{detail.plan.targets.map((x) => <li key={x}>{x}</li>)}</ul>
            <ol className="milestones">
              {detail.plan.milestones.map((m) => {
                const state = reached.has(m.title) ? 'reached' : m.due < today ? 'late' : 'due';
                return <li key={m.title} className={`milestones__item milestones__item--${state}`}><time dateTime={m.due}>{m.due}</time> {m.title} · {t(`supervision.milestone.${state}`)}</li>;
              })}
            </ol>
            <p className="small muted">{t('impl.funding')}：{detail.plan.funding} · {t('dept.completionDate')}：{detail.plan.completionDate}</p>
          </>
        ) : <p className="muted">{t('supervision.noPlan')}</p>}
      </section>
      <section aria-label={t('impl.reports')}>
        <h3>{latestOnly ? t('supervision.latestReport') : t('impl.reports')}</h3>
        {reports.length ? (
          <ol className="timeline">
            {reports.map((r) => (
              <li key={r.id} className="timeline__item" data-testid="report-item">
                <time dateTime={r.date}>{r.date}</time>
                <span>{r.percent}%{r.milestone ? ` · ${r.milestone}` : ''} · {r.note}{r.items.length ? ` · ${reportItemsText(r.items, detail.items)}` : ''}</span>
                <Photos photos={r.photos} alt={alt} />
              </li>
            ))}
          </ol>
        ) : <p className="muted">{t('supervision.noReports')}</p>}
      </section>
      <section aria-label={t('supervision.inspections')}>
        <h3>{t('supervision.inspections')}</h3>
        {visits.length ? (
          <ol className="timeline">
            {visits.map((i) => (
              <li key={i.id} className="timeline__item" data-testid="inspection-item">
                <time dateTime={i.date}>{i.date}</time>
                <span>{i.findings}{i.by ? <span className="muted"> —— {i.by}</span> : null}</span>
                <Photos photos={i.photos} alt={alt} />
              </li>
            ))}
          </ol>
        ) : <p className="muted">{t('supervision.noInspections')}</p>}
      </section>
      {detail.rectifications.length ? (
        <section aria-label={t('supervision.rectifications')}>
          <h3>{t('supervision.rectifications')}</h3>
          <ol className="timeline">{detail.rectifications.map((r) => <li key={r.id} className="timeline__item"><time dateTime={r.date}>{r.date}</time><span>{r.note}</span><Photos photos={r.photos} alt={alt} /></li>)}</ol>
        </section>
      ) : null}
      {detail.grades.length ? (
        <section aria-label={t('supervision.grades')}>
          <h3>{t('supervision.grades')}</h3>
          <ul className="plain-list">{detail.grades.map((g) => <li key={g.ballotId}>{t(`round.${g.round}`)}：{t(`choice.${gradeChoice[g.grade]}`)}（{t('supervision.rate', { rate: fmt.pct(g.rate) })}）</li>)}</ul>
        </section>
      ) : null}
      {!latestOnly && detail.supervisors.length ? (
        <p className="small muted">{t('supervision.group')}：{detail.supervisors.map((s) => (s.lead ? `${s.name}（${t('supervision.lead')}）` : s.name)).join('、')}</p>
      ) : null}
    </div>
  );
}
