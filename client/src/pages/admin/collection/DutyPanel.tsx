// 征集 · 值班排班: a week of the body's liaison stations, one row per station and one column per day, each cell
// the representatives on duty there that day, chosen from the roster. Changes stay on the screen until saved:
// each station's changed days are then sent at once (PUT /api/stations/:id/duty replaces those days).
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../../styles/reps.css';
import type { Body } from '../../../api';
import { Notice } from '../../../components/Feedback';
import { ErrorBox } from '../../../components/ErrorBox';
import { shanghaiDate } from '../../../../../shared/execution';
import { addDays, daysFrom, mondayOf } from '../../../../../shared/duty';
import { useMembers, type Member } from '../adminApi';
import { useBodyDuty, useSetDuty } from '../../reps/repsApi';
import { useDayLabel } from '../../reps/days';
import { PanelHead } from '../common';

type OnDuty = { id: string; name: string }[];
const cellKey = (stationId: string, date: string) => `${stationId}|${date}`;
/** How a member reads in the picker: the delegation tells apart two of one name. */
const labelOf = (m: Member) => (m.delegation ? `${m.name}（${m.delegation}）` : m.name);

export function DutyPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const day = useDayLabel();
  const today = shanghaiDate(new Date());
  const [monday, setMonday] = useState(() => mondayOf(today));
  const days = daysFrom(monday, 7);
  const duty = useBodyDuty(token, body.id, monday, 7);
  const members = useMembers(token, body.id);
  const setDuty = useSetDuty(token, body.id);
  const [edits, setEdits] = useState<Record<string, OnDuty>>({});
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const labels = useMemo(() => new Set((members.data ?? []).map(labelOf)), [members.data]);
  const byLabel = useMemo(() => {
    const map = new Map<string, Member>();
    for (const m of members.data ?? []) map.set(labelOf(m), m);
    // a name alone finds the member when no other has it
    const names = new Map<string, Member[]>();
    for (const m of members.data ?? []) names.set(m.name, [...(names.get(m.name) ?? []), m]);
    for (const [name, list] of names) if (list.length === 1 && !map.has(name)) map.set(name, list[0]);
    return map;
  }, [members.data]);

  const served = useMemo(() => {
    const map = new Map<string, OnDuty>();
    for (const s of duty.data?.stations ?? []) for (const d of s.days) map.set(cellKey(s.id, d.date), d.members);
    return map;
  }, [duty.data]);
  const cell = (stationId: string, date: string) => edits[cellKey(stationId, date)] ?? served.get(cellKey(stationId, date)) ?? [];
  const change = (stationId: string, date: string, next: OnDuty) => {
    setSaved(false);
    setEdits((e) => ({ ...e, [cellKey(stationId, date)]: next }));
  };
  const add = (stationId: string, date: string, input: HTMLInputElement) => {
    const key = cellKey(stationId, date);
    const text = input.value.trim();
    if (!text) return;
    const m = byLabel.get(text);
    if (!m) { setCellErrors((e) => ({ ...e, [key]: t('reps.dutyGrid.unknown', { name: text }) })); return; }
    setCellErrors(({ [key]: _, ...rest }) => rest);
    const now = cell(stationId, date);
    if (!now.some((x) => x.id === m.id)) change(stationId, date, [...now, { id: m.id, name: m.name }]);
    input.value = '';
  };
  const dirty = Object.keys(edits).length > 0;
  const save = async () => {
    const byStation = new Map<string, { date: string; memberIds: string[] }[]>();
    for (const [key, list] of Object.entries(edits)) {
      const [stationId, date] = key.split('|');
      byStation.set(stationId, [...(byStation.get(stationId) ?? []), { date, memberIds: list.map((m) => m.id) }]);
    }
    for (const [stationId, slots] of byStation) {
      await setDuty.mutateAsync({ stationId, slots });
      setEdits((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`${stationId}|`))));
    }
    setSaved(true);
  };
  const stations = duty.data?.stations ?? [];

  return (
    <section className="stack" aria-labelledby="duty-grid-heading" data-testid="duty-panel">
      <PanelHead id="duty-grid-heading" heading={t('reps.dutyGrid.heading')} intro={t('reps.dutyGrid.intro')} />
      <div className="duty-grid-nav">
        <button type="button" className="btn btn--secondary btn--sm" onClick={() => setMonday(addDays(monday, -7))} data-testid="duty-prev">{t('reps.dutyGrid.prev')}</button>
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => setMonday(mondayOf(today))} disabled={monday === mondayOf(today)}>{t('reps.dutyGrid.thisWeek')}</button>
        <button type="button" className="btn btn--secondary btn--sm" onClick={() => setMonday(addDays(monday, 7))} data-testid="duty-next">{t('reps.dutyGrid.next')}</button>
        <strong aria-live="polite" data-testid="duty-week">{t('reps.dutyGrid.week', { from: day(days[0], { long: true }), to: day(days[6], { long: true }) })}</strong>
      </div>
      <ErrorBox error={duty.error ?? members.error} />
      {duty.data && !stations.length ? <p className="muted">{t('reps.dutyGrid.noStations')}</p> : null}
      {stations.length ? (
        <div className="table-scroll">
          <table className="table duty-grid" data-testid="duty-grid">
            <caption className="visually-hidden">{t('reps.dutyGrid.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="duty-grid__station">{t('reps.dutyGrid.station')}</th>
                {days.map((d) => <th key={d} scope="col" className={d === today ? 'is-today' : undefined}>{day(d)}{d === today ? <span className="visually-hidden"> {t('reps.dutyGrid.today')}</span> : null}</th>)}
              </tr>
            </thead>
            <tbody>
              {stations.map((s) => (
                <tr key={s.id} data-testid={`duty-row-${s.id}`}>
                  <th scope="row">{s.name}</th>
                  {days.map((d) => {
                    const key = cellKey(s.id, d);
                    const onKey = (e: KeyboardEvent<HTMLInputElement>) => { if (e.key === 'Enter') { e.preventDefault(); add(s.id, d, e.currentTarget); } };
                    return (
                      <td key={d} className={d === today ? 'is-today' : undefined} data-testid={`duty-cell-${s.id}-${d}`}>
                        <div className="duty-cell">
                          <ul>
                            {cell(s.id, d).map((m) => (
                              <li key={m.id} className="duty-chip">{m.name}
                                <button type="button" aria-label={t('reps.dutyGrid.remove', { name: m.name })} onClick={() => change(s.id, d, cell(s.id, d).filter((x) => x.id !== m.id))}>×</button>
                              </li>
                            ))}
                          </ul>
                          <input className="input" list="duty-members" placeholder={t('reps.dutyGrid.placeholder')} aria-label={t('reps.dutyGrid.addLabel', { station: s.name, day: day(d) })}
                            aria-invalid={cellErrors[key] ? true : undefined} onKeyDown={onKey} onChange={(e) => { if (labels.has(e.target.value)) add(s.id, d, e.target); }} data-testid="duty-add" />
                          {cellErrors[key] ? <p className="field__error small" role="alert">{cellErrors[key]}</p> : null}
                        </div>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <datalist id="duty-members">
            {(members.data ?? []).map((m) => <option key={m.id} value={labelOf(m)} />)}
          </datalist>
        </div>
      ) : null}
      <div className="btn-row">
        <button type="button" className="btn btn--primary" onClick={() => { void save().catch(() => undefined); }} disabled={!dirty || setDuty.isPending} data-testid="duty-save">{t('reps.dutyGrid.save')}</button>
        {dirty ? <span className="tag tag--warn" data-testid="duty-unsaved">{t('reps.dutyGrid.unsaved')}</span> : null}
      </div>
      <ErrorBox error={setDuty.error} scope="admin" />
      {saved && !dirty ? <Notice kind="ok" testId="duty-saved">{t('reps.dutyGrid.saved')}</Notice> : null}
    </section>
  );
}
