// "满意度测评" in one step: a satisfaction ballot over the year's selected projects (mid-year, year-end), or
// over those under rectification (a rectification round), for this session.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, type BallotDetail, type SessionDetail } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { rounds, type Round } from '../../../../shared/implementation-dashboard';
import { useYearOverview } from '../admin/implementation/overviewApi';

export function SatisfactionRoundButton({ token, session, onCreated }: { token: string; session: SessionDetail; onCreated: (b: BallotDetail) => void }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [round, setRound] = useState<Round>('yearend');
  // 子项 rated one by one: projects with items are rated item by item, the others whole
  const [byItem, setByItem] = useState(false);
  const overview = useYearOverview(token, session.bodyId, year);
  const projects = (overview.data?.projects ?? []).filter((p) => (round === 'rectification' ? p.execution === 'rectifying' : true));
  const create = useMutation({
    mutationFn: () => call('POST /api/sessions/:id/ballots', { id: session.id }, {
      token, body: { kind: 'satisfaction', title: t('rounds.title', { year, round: t(`round.${round}`) }), projectIds: projects.map((p) => p.id), round, ...(byItem ? { byItem: true } : {}) },
    }),
    onSuccess: onCreated,
  });
  return (
    <div className="inline-form inline-form--wrap satisfaction-round" data-testid="satisfaction-round">
      <label className="field"><span className="field__label">{t('rounds.year')}</span>
        <input className="input" type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value) || year)} data-testid="round-year" /></label>
      <label className="field"><span className="field__label">{t('rounds.round')}</span>
        <select className="input" value={round} onChange={(e) => setRound(e.target.value as Round)} data-testid="round-kind">
          {rounds.map((r) => <option key={r} value={r}>{t(`round.${r}`)}</option>)}
        </select></label>
      <label className="check" title={t('byItem.roundHint')}>
        <input type="checkbox" checked={byItem} onChange={(e) => setByItem(e.target.checked)} data-testid="round-by-item" aria-describedby="round-by-item-hint" />
        <span>{t('byItem.roundChoice')}</span>
        <span id="round-by-item-hint" className="visually-hidden">{t('byItem.roundHint')}</span>
      </label>
      <button type="button" className="btn btn--secondary btn--sm" disabled={!projects.length || create.isPending} onClick={() => create.mutate()} data-testid="round-create">
        {t('rounds.create', { count: projects.length })}
      </button>
      <ErrorBox error={create.error ?? overview.error} />
    </div>
  );
}
