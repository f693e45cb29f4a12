// The year's candidate lists: their projects, seats and 差额 warnings; a draft is approved by recording the
// chairpersons' meeting (主任会议) that approved it, which makes its projects public candidates.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Body } from '../../../api';
import { ErrorBox } from '../../../components/ErrorBox';
import { useFormat } from '../../../format';
import { useApprove, useLists, type StaffProject } from './screeningApi';

export function CandidateLists({ token, body, year, projects }: { token: string; body: Body; year: number; projects: StaffProject[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lists = useLists(token, body.id, year);
  const approve = useApprove(token, body.id);
  const [meeting, setMeeting] = useState('');
  const [date, setDate] = useState('');
  const title = new Map(projects.map((p) => [p.id, p.title]));
  if (!lists.data?.length) return null;
  return (
    <section className="stack" aria-labelledby="lists-heading">
      <h3 id="lists-heading">{t('screening.lists')}</h3>
      <ErrorBox error={lists.error ?? approve.error} />
      {lists.data.map((l) => (
        <article key={l.id} className="card stack" data-testid={`list-${l.id}`}>
          <p>
            <span className={`tag ${l.state === 'approved' ? 'tag--ok' : 'tag--muted'}`} data-testid="list-state">{t(`screening.listState.${l.state}`, { defaultValue: l.state })}</span>{' '}
            {t('screening.listLine', { count: l.projectIds.length, seats: l.seats })}
            {l.meeting ? ` · ${l.meeting}${l.approvedAt ? ` ${fmt.date(l.approvedAt)}` : ''}` : ''}
          </p>
          {l.warnings.length ? <p className="alert alert--warn small">{t('screening.ratioWarning', { needed: Math.ceil(l.seats * l.ratio) })}</p> : null}
          <ol className="small">{l.projectIds.map((id) => <li key={id}>{title.get(id) ?? id}</li>)}</ol>
          {l.state === 'draft' ? (
            <form className="inline-form inline-form--wrap" onSubmit={(e) => { e.preventDefault(); approve.mutate({ id: l.id, meeting, approvedAt: date || undefined }); }}>
              <div className="field"><label className="field__label" htmlFor={`meeting-${l.id}`}>{t('screening.meeting')}</label>
                <input id={`meeting-${l.id}`} className="input" value={meeting} onChange={(e) => setMeeting(e.target.value)} placeholder={t('screening.meetingHint')} maxLength={200} data-testid="list-meeting" /></div>
              <div className="field"><label className="field__label" htmlFor={`approved-${l.id}`}>{t('screening.approvedAt')}</label>
                <input id={`approved-${l.id}`} className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} /></div>
              <button type="submit" className="btn btn--primary" disabled={!meeting.trim() || approve.isPending} data-testid="list-approve">{t('screening.approve')}</button>
            </form>
          ) : null}
        </article>
      ))}
    </section>
  );
}
