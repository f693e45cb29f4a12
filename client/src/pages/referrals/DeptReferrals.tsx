// 交办件 in the department's workspace (/dept): what the congress referred to this department, open first,
// each with its due date, earlier answers and return calls, and the answer form (反馈单). Never the contact.
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import '../../styles/referrals.css';
import { Loading, Notice } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useFormat } from '../../format';
import { shownState, useAnswer, useMyReferrals, type DeptReferral } from './referralsApi';
import { ReferralSheet, type SheetKind } from './ReferralSheet';

export function DeptReferrals({ token }: { token: string }) {
  const { t } = useTranslation();
  const list = useMyReferrals(token);
  const [saved, setSaved] = useState('');
  const [printing, setPrinting] = useState<{ id: string; kind: SheetKind } | null>(null);
  const print = (id: string, kind: SheetKind) => {
    flushSync(() => setPrinting({ id, kind }));
    window.print();
  };
  const printed = list.data?.find((r) => r.id === printing?.id);
  return (
    <section className="stack" aria-labelledby="dept-referrals-heading" data-testid="dept-referrals">
      <h2 id="dept-referrals-heading">{t('referrals.dept.heading')}</h2>
      <p className="muted">{t('referrals.dept.intro')}</p>
      {saved ? <Notice kind="ok" testId="dept-referral-saved">{t('referrals.dept.answered', { title: saved })}</Notice> : null}
      {list.isPending ? <Loading /> : <ErrorBox error={list.error} scope="referrals" />}
      {list.data?.length === 0 ? <p className="muted">{t('referrals.dept.none')}</p> : null}
      <ul className="ref-list">
        {list.data?.map((r) => <DeptReferralItem key={r.id} token={token} r={r} onPrint={(kind) => print(r.id, kind)} onSaved={() => setSaved(r.suggestion.title)} />)}
      </ul>
      {printed && printing ? <ReferralSheet referral={printed} kind={printing.kind} bodyName="" /> : null}
    </section>
  );
}

function DeptReferralItem({ token, r, onSaved, onPrint }: { token: string; r: DeptReferral; onSaved: () => void; onPrint: (kind: SheetKind) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const answer = useAnswer(token);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const shown = shownState(r);
  const formId = `ref-answer-${r.id}`;
  return (
    <li className="card ref-item" data-testid="dept-referral">
      <div className="ref-item__head">
        <strong>{r.suggestion.title}</strong>
        <span className={`tag tag--ref-${shown} ref-state`} data-testid="dept-referral-state">{t(`referrals.state.${shown}`)}</span>
        <span className="small">{t('referrals.round', { round: r.round })} · {t('referrals.due', { date: fmt.date(r.due) })}</span>
      </div>
      <p className="small muted">{t(`category.${r.suggestion.category}`, { defaultValue: r.suggestion.category })}{r.suggestion.area ? ` · ${r.suggestion.area}` : ''}</p>
      <p>{r.suggestion.description}</p>
      {r.answers.map((a, i) => <p key={i} className="ref-answer small">{t('referrals.track.roundN', { round: a.round })} · {fmt.date(a.at)}{t('referrals.colon')}{a.text}</p>)}
      {r.visits.map((v, i) => (
        <p key={i} className={`small ref-visit--${v.satisfied ? 'yes' : 'no'}`}>{t('referrals.track.visitAt', { date: fmt.date(v.date) })} · {t(v.satisfied ? 'referrals.yes' : 'referrals.no')} · {v.note}</p>
      ))}
      <div className="btn-row">
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => onPrint('assign')} data-testid="dept-referral-print-assign">{t('referrals.print.assign')}</button>
        {r.answer ? <button type="button" className="btn btn--ghost btn--sm" onClick={() => onPrint('answer')} data-testid="dept-referral-print-answer">{t('referrals.print.answer')}</button> : null}
      </div>
      {r.state !== 'closed' ? (
        open ? (
          <form id={formId} className="stack" onSubmit={(e) => {
            e.preventDefault();
            answer.mutate({ id: r.id, text: text.trim() }, { onSuccess: () => { setOpen(false); setText(''); onSaved(); } });
          }}>
            <div className="field">
              <label className="field__label" htmlFor={`${formId}-text`}>{t('referrals.dept.answerLabel')}</label>
              <textarea id={`${formId}-text`} className="input" rows={4} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} data-testid="dept-referral-text" />
            </div>
            <ErrorBox error={answer.error} scope="referrals" />
            <div className="btn-row">
              <button type="submit" className="btn btn--primary" disabled={!text.trim() || answer.isPending} data-testid="dept-referral-submit">{t('referrals.dept.answerSubmit')}</button>
              <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>{t('referrals.cancel')}</button>
            </div>
          </form>
        ) : (
          <button type="button" className="btn btn--secondary" onClick={() => setOpen(true)} data-testid="dept-referral-answer">
            {r.state === 'answered' ? t('referrals.dept.answerAgain') : t('referrals.dept.answer')}
          </button>
        )
      ) : null}
    </li>
  );
}
