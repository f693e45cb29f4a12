import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '../../api';
import { useFormat } from '../../format';
import { Loading } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { consoleKeys, useInvalidateOn, useRoster, useSetAttendance } from './consoleApi';

interface Props {
  token: string;
  sessionId: string;
  livePresent: number;
  liveVersion: number;
}

type Status = 'present' | 'leave' | 'absent';
function statusOf(m: RosterEntry): Status {
  if (m.present) return 'present';
  return m.note ? 'leave' : 'absent';
}

export function RosterPanel({ token, sessionId, livePresent, liveVersion }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data: roster, error } = useRoster(token, sessionId);
  const [filter, setFilter] = useState('');
  const [leaveFor, setLeaveFor] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const attendance = useSetAttendance(token, sessionId);
  // Attendance changed on the live feed (a tablet checked in, another console): ask for the roster again.
  useInvalidateOn(consoleKeys.roster(sessionId), [livePresent, liveVersion], 400);

  const groups = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const map = new Map<string, RosterEntry[]>();
    for (const m of roster ?? []) {
      if (f && !m.name.toLowerCase().includes(f) && !(m.delegation ?? '').toLowerCase().includes(f)) continue;
      const d = m.delegation || '';
      const list = map.get(d);
      if (list) list.push(m);
      else map.set(d, [m]);
    }
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'));
  }, [roster, filter]);

  const set = (m: RosterEntry, present: boolean, n?: string) =>
    attendance.mutate({ memberId: m.memberId, present, note: n }, { onSuccess: () => setLeaveFor(null) });
  const busy = attendance.isPending ? attendance.variables?.memberId : null;

  const submitLeave = (e: FormEvent, m: RosterEntry) => {
    e.preventDefault();
    set(m, false, note.trim() || t('roster.leaveDefault'));
  };

  if (error && !roster) return <ErrorBox error={error} />;
  if (!roster) return <Loading />;

  const counts = { present: 0, leave: 0, absent: 0 };
  for (const m of roster) counts[statusOf(m)]++;
  const big = roster.length > 200;

  return (
    <section className="stack" aria-labelledby="roster-heading">
      <div className="panel-head">
        <h2 id="roster-heading">{t('roster.heading')}</h2>
        <p className="muted" data-testid="roster-counts">
          {t('roster.counts', { present: fmt.num(counts.present), leave: fmt.num(counts.leave), absent: fmt.num(counts.absent) })}
        </p>
      </div>
      <label className="field field--inline">
        <span className="field__label">{t('roster.filter')}</span>
        <input className="input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="roster-filter" />
      </label>
      <ErrorBox error={attendance.error} testId="roster-error" />
      {groups.map(([delegation, members]) => {
        const here = members.filter((m) => m.present).length;
        return (
          <details key={delegation} className="delegation" open={!big || filter.trim() !== ''}>
            <summary>
              <span className="delegation__name">{delegation || t('roster.noDelegation')}</span>
              <span className="muted">{t('roster.groupCount', { present: fmt.num(here), total: fmt.num(members.length) })}</span>
            </summary>
            <table className="table roster">
              <thead>
                <tr>
                  <th scope="col">{t('roster.name')}</th>
                  <th scope="col">{t('roster.status')}</th>
                  <th scope="col">{t('roster.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => {
                  const st = statusOf(m);
                  return (
                    <tr key={m.memberId} data-testid={`roster-row-${m.memberId}`} data-status={st}>
                      <th scope="row">
                        {m.name}
                        {m.kind === 'committee' ? <span className="tag tag--muted">{t('roster.committee')}</span> : null}
                      </th>
                      <td>
                        <span className={`tag tag--${st === 'present' ? 'ok' : st === 'leave' ? 'warn' : 'muted'}`} data-testid={`roster-status-${m.memberId}`}>
                          {t(`roster.st.${st}`)}
                        </span>
                        {st === 'leave' && m.note ? <span className="muted small"> {m.note}</span> : null}
                      </td>
                      <td>
                        {leaveFor === m.memberId ? (
                          <form className="inline-form" onSubmit={(e) => submitLeave(e, m)}>
                            <label className="visually-hidden" htmlFor={`note-${m.memberId}`}>
                              {t('roster.note')}
                            </label>
                            <input
                              id={`note-${m.memberId}`}
                              className="input input--sm"
                              value={note}
                              placeholder={t('roster.leaveDefault')}
                              onChange={(e) => setNote(e.target.value)}
                              maxLength={200}
                              autoFocus
                              data-testid={`attendance-note-${m.memberId}`}
                            />
                            <button type="submit" className="btn btn--primary btn--sm" disabled={busy === m.memberId} data-testid={`attendance-leave-save-${m.memberId}`}>
                              {t('common.save')}
                            </button>
                            <button type="button" className="btn btn--ghost btn--sm" onClick={() => setLeaveFor(null)}>
                              {t('common.cancel')}
                            </button>
                          </form>
                        ) : (
                          <div className="btn-row">
                            {st !== 'present' ? (
                              <button type="button" className="btn btn--secondary btn--sm" disabled={busy === m.memberId} onClick={() => set(m, true)} data-testid={`attendance-present-${m.memberId}`}>
                                {t('roster.markPresent')}
                              </button>
                            ) : (
                              <button type="button" className="btn btn--ghost btn--sm" disabled={busy === m.memberId} onClick={() => set(m, false)} data-testid={`attendance-absent-${m.memberId}`}>
                                {t('roster.markAbsent')}
                              </button>
                            )}
                            {st !== 'leave' ? (
                              <button
                                type="button"
                                className="btn btn--ghost btn--sm"
                                onClick={() => {
                                  setLeaveFor(m.memberId);
                                  setNote('');
                                }}
                                data-testid={`attendance-leave-${m.memberId}`}
                              >
                                {t('roster.markLeave')}
                              </button>
                            ) : (
                              <button type="button" className="btn btn--ghost btn--sm" disabled={busy === m.memberId} onClick={() => set(m, false, '')} data-testid={`attendance-absent-${m.memberId}`}>
                                {t('roster.clearLeave')}
                              </button>
                            )}
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </details>
        );
      })}
    </section>
  );
}
