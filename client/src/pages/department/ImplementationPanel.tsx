// 政府办单 for one selected project: the plan (targets, milestones, funding, completion date) and the
// progress reports with photos; the execution status as the public will see it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/collection.css';
import { ErrorBox, Loading } from '../../components/Feedback';
import { useImplementation, useReport, useSavePlan, uploadPhoto } from './implementationApi';
import { RectificationForm } from './RectificationForm';
import { shanghaiDate } from '../../../../shared/execution';

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

export function ImplementationPanel({ token, projectId, year }: { token: string; projectId: string; year: number }) {
  const { t } = useTranslation();
  const impl = useImplementation(token, projectId);
  const savePlan = useSavePlan(token, projectId);
  const report = useReport(token, projectId);
  const plan = impl.data?.plan;
  const [targets, setTargets] = useState<string | null>(null);
  const [milestones, setMilestones] = useState<string | null>(null);
  const [funding, setFunding] = useState<string | null>(null);
  const [completion, setCompletion] = useState<string | null>(null);
  const [r, setR] = useState({ percent: '', milestone: '', note: '', date: new Date().toISOString().slice(0, 10) });
  const [photos, setPhotos] = useState<{ id: string; thumbUrl: string }[]>([]);
  const [uploadError, setUploadError] = useState<unknown>(null);
  if (impl.isPending) return <Loading />;
  if (!impl.data) return <ErrorBox error={impl.error} />;
  const msText = milestones ?? (plan?.milestones ?? []).map((m) => `${m.title} ${m.due}`).join('\n');
  const submitPlan = () => savePlan.mutate({
    targets: lines(targets ?? (plan?.targets ?? []).join('\n')),
    milestones: lines(msText).map((l) => { const m = /^(.*\S)\s+(\d{4}-\d{2}-\d{2})$/.exec(l); return m ? { title: m[1], due: m[2] } : { title: l, due: '' }; }),
    funding: funding ?? plan?.funding ?? '', completionDate: completion ?? plan?.completionDate ?? `${year}-12-31`,
  });
  return (
    <div className="stack" data-testid="implementation-panel">
      <p><span className="tag" data-testid="impl-execution">{t(`execution.${impl.data.execution}`)}</span> {t('impl.percent', { percent: impl.data.percent })}{impl.data.overdue ? <span className="tag tag--warn"> {t('impl.overdue')}</span> : null}</p>
      {impl.data.execution === 'rectifying' ? <RectificationForm token={token} projectId={projectId} today={shanghaiDate(new Date())} /> : null}
      {impl.data.rectifications?.length ? (
        <section aria-label={t('deptImpl.rectifications')}>
          <h3>{t('deptImpl.rectifications')}</h3>
          <ol className="timeline">{impl.data.rectifications.map((r) => <li key={r.id} className="timeline__item" data-testid="rectify-item"><time dateTime={r.date}>{r.date}</time><span>{r.note}</span></li>)}</ol>
        </section>
      ) : null}
      <form className="stack card" onSubmit={(e) => { e.preventDefault(); submitPlan(); }}>
        <h3>{t('impl.plan')}</h3>
        <label className="field"><span className="field__label">{t('dept.targets')}</span>
          <textarea className="input" rows={2} value={targets ?? (plan?.targets ?? []).join('\n')} onChange={(e) => setTargets(e.target.value)} data-testid="plan-targets" /></label>
        <label className="field"><span className="field__label">{t('impl.milestones')}</span>
          <textarea className="input" rows={3} value={msText} onChange={(e) => setMilestones(e.target.value)} placeholder="开工 2027-03-31" data-testid="plan-milestones" />
          <span className="small muted">{t('impl.milestonesHint')}</span></label>
        <div className="grid-2">
          <label className="field"><span className="field__label">{t('impl.funding')}</span>
            <input className="input" value={funding ?? plan?.funding ?? ''} onChange={(e) => setFunding(e.target.value)} data-testid="plan-funding" /></label>
          <label className="field"><span className="field__label">{t('dept.completionDate')}</span>
            <input className="input" type="date" value={completion ?? plan?.completionDate ?? `${year}-12-31`} onChange={(e) => setCompletion(e.target.value)} data-testid="plan-date" /></label>
        </div>
        <ErrorBox error={savePlan.error} />
        <button type="submit" className="btn btn--secondary" disabled={savePlan.isPending} data-testid="plan-save">{t('impl.savePlan')}</button>
      </form>
      <form className="stack card" onSubmit={(e) => {
        e.preventDefault();
        report.mutate({ percent: Number(r.percent), milestone: r.milestone || null, note: r.note, date: r.date, photos: photos.map((p) => p.id) },
          { onSuccess: () => { setR({ ...r, percent: '', milestone: '', note: '' }); setPhotos([]); } });
      }}>
        <h3>{t('impl.report')}</h3>
        <div className="grid-2">
          <label className="field"><span className="field__label">{t('impl.percentLabel')}</span>
            <input className="input" type="number" min={0} max={100} value={r.percent} onChange={(e) => setR({ ...r, percent: e.target.value })} data-testid="report-percent" /></label>
          <label className="field"><span className="field__label">{t('impl.reportDate')}</span>
            <input className="input" type="date" value={r.date} onChange={(e) => setR({ ...r, date: e.target.value })} data-testid="report-date" /></label>
        </div>
        <label className="field"><span className="field__label">{t('impl.milestoneReached')}</span>
          <select className="input" value={r.milestone} onChange={(e) => setR({ ...r, milestone: e.target.value })} data-testid="report-milestone">
            <option value="">{t('impl.none')}</option>
            {(plan?.milestones ?? []).map((m) => <option key={m.title} value={m.title}>{m.title}（{m.due}）</option>)}
          </select></label>
        <label className="field"><span className="field__label">{t('impl.note')}</span>
          <textarea className="input" rows={3} value={r.note} onChange={(e) => setR({ ...r, note: e.target.value })} data-testid="report-note" /></label>
        <label className="field"><span className="field__label">{t('impl.photos')}</span>
          <input className="input" type="file" accept="image/jpeg,image/png,image/webp" data-testid="report-photo"
            onChange={async (e) => { const f = e.target.files?.[0]; if (!f) return; setUploadError(null); try { const p = await uploadPhoto(token, f); setPhotos((x) => [...x, p]); } catch (err) { setUploadError(err); } e.target.value = ''; }} /></label>
        <ErrorBox error={uploadError ?? report.error} />
        {photos.length ? <p className="impl-photos">{photos.map((p) => <img key={p.id} src={p.thumbUrl} alt={t('impl.photoAlt')} data-testid="report-photo-thumb" />)}</p> : null}
        <button type="submit" className="btn btn--primary" disabled={report.isPending || r.percent === '' || !r.note.trim()} data-testid="report-submit">{t('impl.send')}</button>
      </form>
      <ol className="timeline" aria-label={t('impl.reports')}>
        {impl.data.progress.map((p) => (
          <li key={p.id} className="timeline__item" data-testid="report-item">
            <time dateTime={p.date}>{p.date}</time>
            <span>{p.percent}% {p.milestone ? `· ${p.milestone} ` : ''}· {p.note}</span>
            {p.photos.length ? <span className="impl-photos">{p.photos.map((ph) => <img key={ph.id} src={ph.thumbUrl} alt={t('impl.photoAlt')} loading="lazy" />)}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
