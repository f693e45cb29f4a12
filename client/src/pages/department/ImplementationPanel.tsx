// 政府办单 for one selected project: the plan (targets, milestones, funding, completion date) and the
// progress reports with photos; the execution status as the public will see it.
import { useTranslation } from 'react-i18next';
import '../../styles/collection.css';
import { Loading } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useImplementation } from './implementationApi';
import { RectificationForm } from './RectificationForm';
import { PlanForm } from './PlanForm';
import { ProgressForm } from './ProgressForm';
import { ItemsEditor } from './ItemsEditor';
import { ItemBars, reportItemsText } from '../supervision/ItemBars';
import { shanghaiDate } from '../../../../shared/execution';

export function ImplementationPanel({ token, projectId, year }: { token: string; projectId: string; year: number }) {
  const { t } = useTranslation();
  const impl = useImplementation(token, projectId);
  if (impl.isPending) return <Loading />;
  if (!impl.data) return <ErrorBox error={impl.error} />;
  const plan = impl.data.plan;
  const today = shanghaiDate(new Date());
  // the items' ids and titles: a change remounts the item editor and the report form with the project's own list
  const itemsKey = impl.data.items.map((i) => `${i.id}:${i.title}:${i.target ?? ''}`).join('|');
  return (
    <div className="stack" data-testid="implementation-panel">
      <p><span className="tag" data-testid="impl-execution">{t(`execution.${impl.data.execution}`)}</span> {t('impl.percent', { percent: impl.data.percent })}{impl.data.overdue ? <span className="tag tag--warn"> {t('impl.overdue')}</span> : null}</p>
      <ItemBars items={impl.data.items} />
      <p><a href={`/projects/${encodeURIComponent(projectId)}/poster`} target="_blank" rel="noopener" data-testid="dept-mscode">{t('mscode.print')}</a></p>
      {impl.data.execution === 'rectifying' ? <RectificationForm token={token} projectId={projectId} today={today} /> : null}
      {impl.data.rectifications?.length ? (
        <section aria-label={t('deptImpl.rectifications')}>
          <h3>{t('deptImpl.rectifications')}</h3>
          <ol className="timeline">{impl.data.rectifications.map((r) => <li key={r.id} className="timeline__item" data-testid="rectify-item"><time dateTime={r.date}>{r.date}</time><span>{r.note}</span></li>)}</ol>
        </section>
      ) : null}
      <PlanForm token={token} projectId={projectId} year={year} plan={plan} />
      <ItemsEditor token={token} projectId={projectId} items={impl.data.items} />
      <ProgressForm key={`report-${itemsKey}`} token={token} projectId={projectId} milestones={plan?.milestones ?? []} today={today} items={impl.data.items} />
      <ol className="timeline" aria-label={t('impl.reports')}>
        {impl.data.progress.map((p) => (
          <li key={p.id} className="timeline__item" data-testid="report-item">
            <time dateTime={p.date}>{p.date}</time>
            <span>{p.percent}% {p.milestone ? `· ${p.milestone} ` : ''}· {p.note}{p.items.length ? ` · ${reportItemsText(p.items, impl.data.items)}` : ''}</span>
            {p.photos.length ? <span className="impl-photos">{p.photos.map((ph) => <img key={ph.id} src={ph.thumbUrl} alt={t('impl.photoAlt')} loading="lazy" />)}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
