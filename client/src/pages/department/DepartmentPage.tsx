// /dept — a department's (承办单位) worklist: the projects waiting for its assessment first, then the ones
// it has assessed; each opens its assessment form.
import { useState } from 'react';
import { isEditable } from '../../../../shared/projects';
import { Link, Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/admin.css';
import '../../styles/departments.css';
import { Loading, Notice, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useFormat } from '../../format';
import { useStaffUser } from '../staff/useStaffUser';
import { StaffTopBar } from '../staff/StaffTopBar';
import { useWorklist } from './departmentApi';
import { AssessmentForm } from './AssessmentForm';
import { ImplementationPanel } from './ImplementationPanel';
import { ReturnForm } from './ReturnForm';
import { DeptTasks } from '../tasks/DeptTasks';
import { DeptReferrals } from '../referrals/DeptReferrals';

export default function DepartmentPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { token, user, authLost, signOut, signInPath } = useStaffUser();
  const work = useWorklist(token ?? '');
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  useTitle(t('dept.title'));
  if (!token || authLost) return <Navigate to={signInPath} replace />;
  const waiting = work.data?.filter((w) => w.waiting).length ?? 0;
  return (
    <div className="page admin">
      <StaffTopBar title={t('dept.title')} user={user} who={user?.department} whoClass="admin__who" onSignOut={signOut} />
      <main className="container stack" id="main">
        <h1>{t('dept.heading')}</h1>
        {user && user.role !== 'department' ? <Notice kind="warn">{t('dept.notDepartment')}</Notice> : null}
        <p className="muted" data-testid="dept-waiting">{t('dept.waiting', { count: waiting })}</p>
        {saved ? <Notice kind="ok" testId="dept-saved">{saved}</Notice> : null}
        {user?.role === 'department' ? <DeptTasks token={token} /> : null}
        {work.isPending ? <Loading /> : <ErrorBox error={work.error} />}
        {work.data?.length === 0 ? <p className="muted">{t('dept.none')}</p> : null}
        <ul className="worklist">
          {work.data?.map((w) => (
            <li key={w.id} className="card stack" data-testid={`work-${w.id}`}>
              <div className="btn-row">
                <strong>{w.title}</strong>
                <span className={`tag ${w.waiting ? 'tag--warn' : w.status === 'selected' ? 'tag--ok' : 'tag--muted'}`}>{w.waiting ? t('dept.toAssess') : t(`projectStatus.${w.status}`, { defaultValue: w.status })}</span>
                <span className="small muted">{w.year} · {t(`category.${w.category}`)} · {t('dept.supporters', { count: w.supporters })}</span>
              </div>
              {w.assessment ? (
                <p className="small">{w.assessment.feasible ? t('dept.yes') : t('dept.no')} · {fmt.wan(w.assessment.investment)} · {fmt.date(w.assessment.completionDate)} · {w.assessment.reason}</p>
              ) : <p className="small muted">{w.description}</p>}
              {open === w.id ? (
                <AssessmentForm token={token} item={w} onDone={() => { setOpen(null); setSaved(t('dept.saved', { title: w.title })); }} />
              ) : w.status === 'selected' ? (
                open === `impl-${w.id}` ? <ImplementationPanel token={token} projectId={w.id} year={w.year} />
                  : <button type="button" className="btn btn--secondary" onClick={() => setOpen(`impl-${w.id}`)} data-testid="impl-open">{t('impl.open')}</button>
              ) : w.returned ? (
                <p className="small" data-testid="returned-note"><span className="tag tag--returned">{t('depts.returned')}</span> {t('depts.returnedNote', { reason: w.returned.reason })}</p>
              ) : isEditable(w.status) ? (
                <div className="btn-row">
                  <button type="button" className="btn btn--secondary" onClick={() => setOpen(w.id)} data-testid="assess-open">{w.assessment ? t('dept.edit') : t('dept.assess')}</button>
                  {/* not theirs: back to the staff with a reason (退回) */}
                  <ReturnForm token={token} projectId={w.id} onDone={() => setSaved(t('depts.returnDone'))} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {user?.role === 'department' ? <DeptReferrals token={token} /> : null}
        {user?.bodyId ? <p><Link to={`/suggest/${encodeURIComponent(user.bodyId)}`}>{t('dept.suggest')}</Link></p> : null}
      </main>
    </div>
  );
}
