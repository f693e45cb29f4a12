import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type AuditEntry, type RosterEntry } from '../../api';
import { useFormat } from '../../format';
import { ErrorBox, Loading } from '../../components/Feedback';
import { actorShown, detailFacts, isRec, str, subjectShown, type Fact, type Names } from './auditText';

interface Props {
  token: string;
  sessionId: string;
  liveVersion: number;
  sessionName: string;
  /** ballot id → title, from the session (the log itself names ballots created in it) */
  ballotTitles: Record<string, string>;
}

function Facts({ facts }: { facts: Fact[] }): ReactNode {
  if (!facts.length) return null;
  return (
    <ul className="audit__facts">
      {facts.map((f, i) => (
        <li key={i}>
          {f.label ? <span className="audit__label">{f.label}</span> : null}
          {f.label ? ' ' : null}
          <span className="audit__value">{f.value}</span>
        </li>
      ))}
    </ul>
  );
}

export function AuditPanel({ token, sessionId, liveVersion, sessionName, ballotTitles }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [roster, setRoster] = useState<RosterEntry[] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(() => {
    api.audit(token, sessionId).then((a) => (setEntries(a), setError(null)), setError);
  }, [token, sessionId]);

  useEffect(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(load, 800);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [load, liveVersion]);
  useEffect(load, [load]);

  // Names for the member ids in the log. The roster is fixed when the session is created, so once
  // is enough; without it the ids are shown as they are.
  useEffect(() => {
    let cancelled = false;
    api.roster(token, sessionId).then(
      (r) => !cancelled && setRoster(r),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [token, sessionId]);

  const names = useMemo<Names>(() => {
    const ballots = new Map(Object.entries(ballotTitles));
    for (const e of entries ?? []) {
      if ((e.action === 'ballot.created' || e.action === 'ballot.runoff_created') && e.subject && isRec(e.detail)) {
        const title = str(e.detail.title);
        if (title && !ballots.has(e.subject)) ballots.set(e.subject, title);
      }
    }
    return { members: new Map((roster ?? []).map((m) => [m.memberId, m])), ballots, sessionId, sessionName };
  }, [entries, roster, ballotTitles, sessionId, sessionName]);

  return (
    <section className="stack" aria-labelledby="audit-heading">
      <div className="panel-head">
        <h2 id="audit-heading">{t('audit.heading')}</h2>
        <button type="button" className="btn btn--ghost btn--sm" onClick={load} data-testid="audit-refresh">
          {t('common.refresh')}
        </button>
      </div>
      <ErrorBox error={error} />
      {!entries ? (
        error ? null : <Loading />
      ) : entries.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="audit-heading">
          <table className="table audit" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => {
                const actor = actorShown(t, names, e.actor);
                const subject = subjectShown(t, names, e);
                return (
                  <tr key={i} data-testid="audit-row" data-action={e.action}>
                    <td className="nowrap">{fmt.dateTime(e.at)}</td>
                    <td className="audit__actor" title={actor.hint}>
                      {actor.text}
                      {actor.sub ? <span className="audit__role">{actor.sub}</span> : null}
                    </td>
                    <td className="audit__action">{t(`audit.actions.${e.action.replace(/[.:]/g, '_')}`, { defaultValue: e.action })}</td>
                    <td className={subject.raw ? 'audit__subject mono small' : 'audit__subject'} title={subject.hint}>{subject.text}</td>
                    <td className="small audit__detail">
                      <Facts facts={detailFacts(t, fmt, names, e)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
