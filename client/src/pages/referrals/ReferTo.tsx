// In the inbox's 转交 form: which department of the body a referral goes to (交办) and by when. The names
// come from the body's list (the staff referrals route answers them); none chosen keeps a plain referral.
import { useTranslation } from 'react-i18next';
import { useBodyReferrals } from './referralsApi';

export interface ReferChoice { department: string; due: string }

export function ReferTo({ token, bodyId, value, onChange }: { token: string; bodyId: string; value: ReferChoice; onChange: (v: ReferChoice) => void }) {
  const { t } = useTranslation();
  const list = useBodyReferrals(token, bodyId, 'open');
  const names = list.data?.departments ?? [];
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor="refer-department">{t('referrals.refer.department')}</label>
        <select id="refer-department" className="input" value={value.department} onChange={(e) => onChange({ ...value, department: e.target.value })} data-testid="refer-department">
          <option value="">{names.length ? t('referrals.refer.none') : t('referrals.refer.noDepartments')}</option>
          {names.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </div>
      {value.department ? (
        <div className="field">
          <label className="field__label" htmlFor="refer-due">{t('referrals.refer.due')}</label>
          <input id="refer-due" type="date" className="input" value={value.due} onChange={(e) => onChange({ ...value, due: e.target.value })} aria-describedby="refer-due-hint" data-testid="refer-due" />
          <p id="refer-due-hint" className="small muted">{t('referrals.refer.dueHint')}</p>
        </div>
      ) : null}
    </>
  );
}
