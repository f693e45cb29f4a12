import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type AuditEntry } from '../../api';
import { useFormat } from '../../format';
import { ErrorBox, Loading } from '../../components/Feedback';

function detailText(d: unknown): string {
  if (d == null || d === '') return '';
  if (typeof d === 'string') return d;
  try {
    return JSON.stringify(d);
  } catch {
    return String(d);
  }
}

export function AuditPanel({ token, sessionId, liveVersion }: { token: string; sessionId: string; liveVersion: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
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
              {entries.map((e, i) => (
                <tr key={i} data-testid="audit-row" data-action={e.action}>
                  <td className="nowrap">{fmt.dateTime(e.at)}</td>
                  <td>{e.actor ?? '—'}</td>
                  <td>{t(`audit.actions.${e.action.replace(/[.:]/g, '_')}`, { defaultValue: e.action })}</td>
                  <td className="mono small">{e.subject ?? ''}</td>
                  <td className="small audit__detail">{detailText(e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
