// On a body's public page: 代表亮身份 (every representative, by delegation, each opening their card and
// 代表码) and the liaison stations with who is on duty today and in the next two weeks (编组排班).
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/reps.css';
import { shanghaiDate } from '../../../../shared/execution';
import { useStations } from '../collection/collectionApi';
import { useRepresentatives, type DutyDay, type Representative } from './repsApi';
import { useDayLabel } from './days';

const coll = new Intl.Collator('zh-CN');

export function RepresentativesBox({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const reps = useRepresentatives(bodyId);
  const [q, setQ] = useState('');
  const groups = useMemo(() => {
    const by = new Map<string, Representative[]>();
    for (const r of reps.data ?? []) {
      if (q.trim() && !r.name.includes(q.trim())) continue;
      const k = r.delegation ?? '';
      by.set(k, [...(by.get(k) ?? []), r]);
    }
    return [...by.entries()].sort(([a], [b]) => (a ? b ? coll.compare(a, b) : -1 : 1));
  }, [reps.data, q]);
  if (!reps.data?.length) return null;
  const filtering = !!q.trim();
  return (
    <section className="stack rep-roster" aria-labelledby="rep-roster-heading" data-testid="rep-roster">
      <h2 id="rep-roster-heading">{t('reps.roster.heading')}</h2>
      <p className="muted small">{t('reps.roster.intro', { count: reps.data.length })}</p>
      <div className="field">
        <label className="field__label" htmlFor="rep-filter">{t('reps.roster.filter')}</label>
        <input id="rep-filter" className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={20} data-testid="rep-filter" />
      </div>
      {groups.length === 0 ? <p className="muted" role="status">{t('reps.roster.none', { q: q.trim() })}</p> : groups.map(([delegation, list]) => (
        <details key={delegation} className="rep-roster__group" open={filtering || groups.length === 1}>
          <summary>{delegation || t('reps.noDelegation')} <span className="muted small">{t('reps.roster.members', { count: list.length })}</span></summary>
          <ul className="rep-roster__names">
            {list.map((r) => <li key={r.id}><Link to={`/reps/${encodeURIComponent(r.id)}`} data-testid={`rep-link-${r.id}`}>{r.name}</Link></li>)}
          </ul>
        </details>
      ))}
    </section>
  );
}

/** Who is on duty on each day, names linking to their cards. */
export function DutyNames({ day }: { day: DutyDay }) {
  return (
    <>
      {day.members.map((m, i) => <span key={m.id}>{i ? '、' : ''}<Link to={`/reps/${encodeURIComponent(m.id)}`}>{m.name}</Link></span>)}
    </>
  );
}

export function StationsDuty({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const day = useDayLabel();
  const stations = useStations(bodyId);
  const today = shanghaiDate(new Date());
  if (!stations.data?.length) return null;
  return (
    <section className="stack" aria-labelledby="duty-heading" data-testid="stations-duty">
      <h2 id="duty-heading">{t('reps.stations.heading')}</h2>
      <p className="muted small">{t('reps.stations.intro')}</p>
      <ul className="duty-stations">
        {stations.data.map((s) => {
          const now = s.onDuty.find((d) => d.date === today);
          const later = s.onDuty.filter((d) => d.date > today);
          return (
            <li key={s.id} className="duty-station" data-testid={`duty-station-${s.id}`}>
              <h3>{s.name}</h3>
              {s.address ? <p className="small muted">{s.address}</p> : null}
              <p className="duty-today" data-testid="duty-today">
                {now ? <>{t('reps.stations.today')}：<DutyNames day={now} /></> : t('reps.stations.nobodyToday')}
              </p>
              {later.length ? (
                <dl className="duty-days" aria-label={t('reps.stations.upcoming')} data-testid="duty-upcoming">
                  {later.map((d) => [<dt key={`t${d.date}`}>{day(d.date)}</dt>, <dd key={`d${d.date}`}><DutyNames day={d} /></dd>])}
                </dl>
              ) : <p className="small muted">{t('reps.stations.noneUpcoming')}</p>}
              <p className="small"><Link to={`/suggest/${encodeURIComponent(bodyId)}/poster?station=${encodeURIComponent(s.id)}`}>{t('reps.stations.poster')}</Link></p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
