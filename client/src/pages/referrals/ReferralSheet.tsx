// The three printed forms of a referral the bulletins name (交办单, 反馈单, 回访记录单), one A4 page each,
// rendered outside the app root so the print style can hide everything else (as the code cards do).
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import type { DeptReferral, StaffReferral } from './referralsApi';

/** The staff's referral (with the tracking code and the contact) or the department's (with neither). */
type Printable = StaffReferral | (DeptReferral & { suggestion: DeptReferral['suggestion'] & { trackingCode?: undefined; contact?: undefined; year?: undefined } });

export type SheetKind = 'assign' | 'answer' | 'visit';

function Row({ label, children, tall }: { label: string; children: React.ReactNode; tall?: boolean }) {
  return (
    <tr className={tall ? 'ref-sheet__tall' : undefined}>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}

/** One form of one referral; `preview` shows it on screen too (the e2e's and the clerk's check before printing). */
export function ReferralSheet({ referral: r, kind, bodyName, preview }: { referral: Printable; kind: SheetKind; bodyName: string; preview?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const s = r.suggestion;
  const empty = t('referrals.sheet.empty');
  const lastVisit = r.visits.at(-1);
  const sheet = (
    <div className={`ref-sheet ref-sheet--print${preview ? ' ref-sheet--preview' : ''}`} data-testid={`ref-sheet-${kind}`}>
      <div className="ref-sheet__page">
        {bodyName ? <p className="ref-sheet__body">{bodyName}</p> : null}
        <h1 className="ref-sheet__title">{t(`referrals.sheet.${kind}`)}</h1>
        <p className="ref-sheet__no">{t('referrals.sheet.no')}{t('referrals.colon')}{s.year ?? r.openedAt.slice(0, 4)}-{r.id.slice(0, 6).toUpperCase()}-{r.round}</p>
        <table className="ref-sheet__table">
          <tbody>
            <Row label={t('referrals.sheet.title')}>{s.title}</Row>
            <Row label={t('referrals.sheet.category')}>{t(`category.${s.category}`, { defaultValue: s.category })}{s.area ? ` · ${s.area}` : ''}</Row>
            {s.trackingCode ? <Row label={t('referrals.sheet.code')}>{s.trackingCode}</Row> : null}
            {kind === 'visit' && s.trackingCode ? <Row label={t('referrals.sheet.contact')}>{s.contact ?? empty}</Row> : null}
            <Row label={t('referrals.sheet.content')} tall={kind === 'assign'}>{s.description}</Row>
            <Row label={t('referrals.sheet.department')}>{r.department}</Row>
            {/* a return-call form is of the round that was called back on (the referral may be in the next one now) */}
            <Row label={t('referrals.sheet.round')}>{t('referrals.round', { round: kind === 'visit' && lastVisit ? lastVisit.round : r.round })}</Row>
            <Row label={t('referrals.sheet.opened')}>{fmt.date(r.openedAt)}</Row>
            {kind !== 'visit' || !lastVisit || lastVisit.round === r.round ? <Row label={t('referrals.sheet.due')}>{fmt.date(r.due)}</Row> : null}
            {kind !== 'assign' ? (
              <>
                <Row label={t('referrals.sheet.answerText')} tall={kind === 'answer'}>
                  {r.answers.length ? r.answers.map((a, i) => <p key={i}>{r.answers.length > 1 ? `${t('referrals.track.roundN', { round: a.round })}${t('referrals.colon')}` : ''}{a.text}</p>) : empty}
                </Row>
                <Row label={t('referrals.sheet.answeredAt')}>{r.answer ? fmt.date(r.answer.at) : empty}</Row>
              </>
            ) : null}
            {kind === 'visit' ? (
              <>
                <Row label={t('referrals.sheet.visitDate')}>{lastVisit ? fmt.date(lastVisit.date) : ''}</Row>
                <Row label={t('referrals.sheet.satisfied')}>{lastVisit ? t(lastVisit.satisfied ? 'referrals.yes' : 'referrals.no') : `□ ${t('referrals.yes')}　□ ${t('referrals.no')}`}</Row>
                <Row label={t('referrals.sheet.note')} tall>{lastVisit?.note ?? ''}</Row>
              </>
            ) : null}
          </tbody>
        </table>
        <p className="ref-sheet__sign">
          <span>{t('referrals.sheet.sign')}</span>
          <span>{kind === 'answer' ? t('referrals.sheet.seal') : ''}</span>
          <span>{t('referrals.sheet.date')}</span>
        </p>
      </div>
    </div>
  );
  return preview ? sheet : createPortal(sheet, document.body);
}
