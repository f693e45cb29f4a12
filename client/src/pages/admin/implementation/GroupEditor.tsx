// 代表监督小组 of one project: choose members of the body (search by name or delegation), mark the lead,
// and see how many of the year's projects each already supervises, so the load stays spread.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Feedback';
import { ErrorBox } from '../../../components/ErrorBox';
import { useBodyMembers, useSetGroup, type OverviewProject } from './overviewApi';

const SHOWN = 40;
/** Past this many projects a member is flagged as carrying too much. */
export const HEAVY_LOAD = 5;

export function GroupEditor({ token, bodyId, project, load, onDone }: { token: string; bodyId: string; project: OverviewProject; load: Map<string, number>; onDone: () => void }) {
  const { t } = useTranslation();
  // The group is of the project's own body (a township's project, seen from the county, has township members).
  const members = useBodyMembers(token, project.bodyId);
  const save = useSetGroup(token, bodyId);
  const [chosen, setChosen] = useState<string[]>(() => project.group.map((m) => m.id));
  const [lead, setLead] = useState<string | null>(() => project.group.find((m) => m.lead)?.id ?? null);
  const [q, setQ] = useState('');
  const byId = useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m])), [members.data]);
  const matches = useMemo(() => (members.data ?? []).filter((m) => !chosen.includes(m.id) && (!q.trim() || m.name.includes(q.trim()) || (m.delegation ?? '').includes(q.trim())))
    .sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0)), [members.data, chosen, q, load]);
  // The load after saving: this project counts once for everyone in the group.
  const loadOf = (id: string) => (load.get(id) ?? 0) + (project.group.some((m) => m.id === id) ? 0 : 1);
  const remove = (id: string) => { setChosen((c) => c.filter((x) => x !== id)); if (lead === id) setLead(null); };
  if (members.isPending) return <Loading />;
  return (
    <section className="card stack" aria-labelledby="group-heading" data-testid="group-editor">
      <h3 id="group-heading">{t('implAdmin.groupOf', { title: project.title })}</h3>
      {chosen.length ? (
        <ul className="group-list" aria-label={t('supervision.group')}>
          {chosen.map((id) => {
            const m = byId.get(id);
            const n = loadOf(id);
            return (
              <li key={id} className="group-list__item">
                <label className="check"><input type="radio" name="lead" checked={lead === id} onChange={() => setLead(id)} data-testid="group-lead" />{t('supervision.lead')}</label>
                <span>{m?.name ?? id}<span className="muted small"> · {m?.delegation ?? ''}</span></span>
                <span className={`tag${n > HEAVY_LOAD ? ' tag--warn' : ''}`}>{t('implAdmin.load', { count: n })}</span>
                <button type="button" className="btn btn--ghost btn--sm" onClick={() => remove(id)}>{t('supervision.removePhoto')}</button>
              </li>
            );
          })}
        </ul>
      ) : <p className="muted">{t('implAdmin.groupEmpty')}</p>}
      <div className="field">
        <label className="field__label" htmlFor="group-search">{t('implAdmin.findMember')}</label>
        <input id="group-search" className="input" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('implAdmin.findHint')} data-testid="group-search" />
      </div>
      <ul className="group-list group-list--pick" aria-label={t('implAdmin.candidates')}>
        {matches.slice(0, SHOWN).map((m) => (
          <li key={m.id} className="group-list__item">
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => { setChosen((c) => [...c, m.id]); if (!lead) setLead(m.id); }} data-testid="group-add">{t('implAdmin.add')}</button>
            <span>{m.name}<span className="muted small"> · {m.delegation ?? ''}</span></span>
            <span className={`tag${(load.get(m.id) ?? 0) >= HEAVY_LOAD ? ' tag--warn' : ''}`}>{t('implAdmin.load', { count: load.get(m.id) ?? 0 })}</span>
          </li>
        ))}
      </ul>
      {matches.length > SHOWN ? <p className="small muted">{t('implAdmin.more', { count: matches.length - SHOWN })}</p> : null}
      <ErrorBox error={save.error ?? members.error} />
      <div className="btn-row">
        <button type="button" className="btn btn--primary" disabled={!chosen.length || !lead || save.isPending} data-testid="group-save"
          onClick={() => save.mutate({ projectId: project.id, memberIds: chosen, leadMemberId: lead! }, { onSuccess: onDone })}>{t('implAdmin.saveGroup', { count: chosen.length })}</button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>{t('common.cancel')}</button>
      </div>
    </section>
  );
}
