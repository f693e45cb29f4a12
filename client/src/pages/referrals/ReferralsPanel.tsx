// 交办 · 回访 (the staff office's tab): the body's referred suggestions by state — waiting for the department,
// answered and waiting for the return call, overdue, closed — each with its answers, the 回访 form and the
// three printable forms (交办单, 反馈单, 回访记录单).
import { flushSync } from 'react-dom';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/referrals.css';
import type { Body } from '../../api';
import { Loading, Notice } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useFormat } from '../../format';
import { PanelHead } from '../admin/common';
import { shownState, useBodyReferrals, type ReferralFilter, type StaffReferral } from './referralsApi';
import { ReferralSheet, type SheetKind } from './ReferralSheet';
import { VisitForm } from './VisitForm';

const filters: (ReferralFilter | '')[] = ['', 'open', 'overdue', 'answered', 'closed'];

export function ReferralsPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [filter, setFilter] = useState<ReferralFilter | ''>('');
  const list = useBodyReferrals(token, body.id, filter || undefined);
  const [visiting, setVisiting] = useState<string | null>(null);
  const [printing, setPrinting] = useState<{ id: string; kind: SheetKind } | null>(null);
  const [preview, setPreview] = useState<{ id: string; kind: SheetKind } | null>(null);
  // what the last return call did, put in words when shown (the language may change meanwhile)
  const [notice, setNotice] = useState<{ again: boolean; due: string; title: string } | null>(null);
  const rows = list.data?.referrals ?? [];
  const print = (id: string, kind: SheetKind) => {
    // the sheet must be in the page before the browser lays out what it prints
    flushSync(() => setPrinting({ id, kind }));
    window.print();
  };
  const printed = rows.find((r) => r.id === printing?.id);
  return (
    <section className="stack" aria-labelledby="referrals-heading" data-testid="referrals-panel">
      <PanelHead id="referrals-heading" heading={t('referrals.heading')} intro={t('referrals.intro')} />
      <div className="ref-filter" role="group" aria-label={t('referrals.filter')}>
        {filters.map((f) => (
          <button key={f || 'all'} type="button" className={f === filter ? 'btn btn--primary btn--sm' : 'btn btn--secondary btn--sm'} aria-pressed={f === filter}
            onClick={() => setFilter(f)} data-testid={`referrals-filter-${f || 'all'}`}>
            {f ? t(`referrals.state.${f}`) : t('referrals.all')}
          </button>
        ))}
      </div>
      {notice ? <Notice kind="ok" testId="referrals-notice">{notice.again ? t('referrals.visitAgain', { date: fmt.date(notice.due) }) : t('referrals.visitSaved', { title: notice.title })}</Notice> : null}
      {list.isPending ? <Loading /> : <ErrorBox error={list.error} scope="referrals" />}
      {list.data && !rows.length ? <p className="muted" data-testid="referrals-none">{t('referrals.none')}</p> : null}
      <ul className="ref-list">
        {rows.map((r) => (
          <li key={r.id} className="card ref-item" data-testid={`referral-${r.suggestion.trackingCode}`}>
            <ReferralSummary r={r} />
            <div className="btn-row">
              {r.state === 'answered' ? (
                <button type="button" className="btn btn--primary btn--sm" aria-expanded={visiting === r.id} onClick={() => setVisiting(visiting === r.id ? null : r.id)} data-testid="referral-visit-open">
                  {t('referrals.visit')}
                </button>
              ) : null}
              {(['assign', 'answer', 'visit'] as const).map((kind) => (
                <button key={kind} type="button" className="btn btn--ghost btn--sm" onClick={() => print(r.id, kind)} data-testid={`referral-print-${kind}`}
                  disabled={(kind === 'answer' && !r.answer) || (kind === 'visit' && !r.answer)}>
                  {t(`referrals.print.${kind}`)}
                </button>
              ))}
              <button type="button" className="btn btn--ghost btn--sm" aria-pressed={preview?.id === r.id}
                onClick={() => setPreview(preview?.id === r.id ? null : { id: r.id, kind: r.visits.length ? 'visit' : r.answer ? 'answer' : 'assign' })} data-testid="referral-preview">
                {t('referrals.previewSheet')}
              </button>
            </div>
            {visiting === r.id ? (
              <VisitForm token={token} bodyId={body.id} referral={r}
                onDone={(after) => { setVisiting(null); setNotice({ again: after.state === 'open', due: after.due, title: r.suggestion.title }); }}
                onCancel={() => setVisiting(null)} />
            ) : null}
            {preview?.id === r.id ? <ReferralSheet referral={r} kind={preview.kind} bodyName={body.name} preview /> : null}
          </li>
        ))}
      </ul>
      {printed && printing ? <ReferralSheet referral={printed} kind={printing.kind} bodyName={body.name} /> : null}
    </section>
  );
}

function ReferralSummary({ r }: { r: StaffReferral }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const shown = shownState(r);
  return (
    <>
      <div className="ref-item__head">
        <strong>{r.suggestion.title}</strong>
        <span className={`tag tag--ref-${shown} ref-state`} title={t(`referrals.stateHint.${shown}`)} data-testid="referral-state">{t(`referrals.state.${shown}`)}</span>
        <span className="small">{r.department} · {t('referrals.round', { round: r.round })} · {t('referrals.due', { date: fmt.date(r.due) })}</span>
      </div>
      <p className="small muted">{r.suggestion.area ? `${r.suggestion.area} · ` : ''}<span className="mono">{r.suggestion.trackingCode}</span>{r.suggestion.contact ? ` · ${t('referrals.contactIs', { contact: r.suggestion.contact })}` : ''}</p>
      {r.answer ? (
        <p className="ref-answer" data-testid="referral-answer">
          {/* in a later round the answer shown is the earlier round's: say which */}
          {r.round > 1 || r.answer.round > 1 ? <span className="small">{t('referrals.answerOfRound', { round: r.answer.round })}</span> : null}{r.answer.text}
        </p>
      ) : <p className="small muted">{t('referrals.noAnswer')}</p>}
      {r.visits.map((v, i) => (
        <p key={i} className={`small ref-visit--${v.satisfied ? 'yes' : 'no'}`}>
          {t('referrals.track.visitAt', { date: fmt.date(v.date) })} · {t(v.satisfied ? 'referrals.yes' : 'referrals.no')} · {v.note}
        </p>
      ))}
    </>
  );
}
