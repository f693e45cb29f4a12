// 筛选 · the year's projects with the departments' assessments and the exclusion checklist, and the list
// builder: choose candidates and seats, see the 差额 ratio (warned below 1.2×), save, record the approval.
import { useEffect, useMemo, useState } from 'react';
import { isEditable, isReservable } from '../../../../../shared/projects';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import type { Body } from '../../../api';
import { ErrorBox } from '../../../components/ErrorBox';
import { DataTable, selectColumn } from '../../../components/DataTable';
import { useFormat } from '../../../format';
import { differentialRatio, differentialWarnings } from '../../../../../shared/screening';
import { exclusionRules } from '../../../../../shared/screening-schemas';
import { useChecklist, useCreateList, useWithdraw, useYearProjects, type StaffProject } from './screeningApi';
import { CandidateLists } from './CandidateLists';
import { EditProjectForm } from './EditProjectForm';
import { PanelHead } from '../common';
import '../../../styles/office.css';
import { ReserveButton } from '../reserve/ReserveButton';

export function ScreeningPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear() + 1;
  const projects = useYearProjects(token, body.id, year);
  const checklist = useChecklist(token, body.id);
  const createList = useCreateList(token, body.id);
  const withdraw = useWithdraw(token, body.id);
  const [selection, setSelection] = useState<RowSelectionState>({});
  // The year is chosen in the stage bar (StageTabs); a new year starts a new choice of projects.
  useEffect(() => setSelection({}), [year]);
  const [seats, setSeats] = useState(10);
  const [editing, setEditing] = useState<string | null>(null);
  const rows = (projects.data ?? []).filter((p) => p.status !== 'withdrawn');
  const chosen = rows.filter((p) => selection[p.id]);
  const total = chosen.reduce((s, p) => s + (p.assessment?.investment ?? p.investment ?? 0), 0);
  const warnings = differentialWarnings(chosen.length, seats);

  const columns = useMemo<ColumnDef<StaffProject, unknown>[]>(() => [
    // Only assessed projects go on a list; any other row says why its box is off, in words beside it (and to a
    // screen reader through aria-describedby), not just a greyed box.
    { ...selectColumn<StaffProject>(t('screening.choose')), cell: ({ row }) => {
      const p = row.original;
      const why = p.status === 'assessed' ? null : t(`office.screening.why.${p.status}`, { defaultValue: t('office.screening.why.other') });
      return (
        <span className="screening-pick">
          <input type="checkbox" aria-label={`${t('screening.choose')} ${p.title}`} checked={row.getIsSelected()} disabled={!!why} onChange={row.getToggleSelectedHandler()}
            title={why ?? undefined} aria-describedby={why ? `why-${p.id}` : undefined} data-testid="row-select" />
          {why ? <span id={`why-${p.id}`} className="small muted screening-pick__why" data-testid="row-select-why">{why}</span> : null}
        </span>
      );
    } },
    { id: 'title', header: t('screening.project'), cell: ({ row: { original: p } }) => (
      <span><strong>{p.title}</strong><br /><span className="small muted">{p.department} · {t('dept.supporters', { count: p.supporters })}</span>
        {p.reservedFrom ? <><br /><span className="tag tag--reserve small" data-testid="reserved-from">{t('reserve.from', { year: p.reservedFrom.year })}</span></> : null}
        {/* a department's return waits for the staff to reassign it (重新交办) */}
        {p.returned ? <><br /><span className="tag tag--returned" data-testid="project-returned">{t('depts.returned')}</span> <span className="small">{t('depts.returnedBy', { department: p.department, reason: p.returned.reason })}</span></> : null}
      </span>
    ) },
    { id: 'status', header: t('screening.status'), cell: ({ row: { original: p } }) => <span className="tag" data-testid="screening-status">{t(`projectStatus.${p.status}`, { defaultValue: p.status })}</span> },
    { id: 'assessment', header: t('screening.assessment'), cell: ({ row: { original: p } }) => (p.assessment
      ? <span className="small">{p.assessment.feasible ? t('dept.yes') : t('dept.no')} · <span className="nowrap">{fmt.wan(p.assessment.investment)}</span> · <span className="nowrap">{fmt.date(p.assessment.completionDate)}</span><br />{p.assessment.reason}</span>
      : <span className="small muted">{t('screening.notAssessed')}</span>) },
    { id: 'exclusions', header: t('screening.exclusions'), cell: ({ row: { original: p } }) => (
      <span className="screening-checks">
        {exclusionRules.map((r) => (
          <label key={r} className="check small">
            <input type="checkbox" checked={!!p.screening?.exclusions?.[r]} disabled={checklist.isPending}
              onChange={(e) => checklist.mutate({ id: p.id, exclusions: { ...Object.fromEntries(exclusionRules.map((k) => [k, !!p.screening?.exclusions?.[k]])), [r]: e.target.checked } })} />
            {t(`screening.rule.${r}`)}
          </label>
        ))}
      </span>
    ) },
    { id: 'actions', header: '', cell: ({ row: { original: p } }) => (isEditable(p.status)
      ? <span className="btn-row"><button type="button" className={p.returned ? 'btn btn--primary btn--sm' : 'btn btn--ghost btn--sm'} onClick={() => setEditing(p.id)} data-testid="project-edit">{p.returned ? t('depts.reassign') : t('screening.edit')}</button>
        {isReservable(p.status) ? <ReserveButton token={token} bodyId={body.id} kind="project" id={p.id} title={p.title} reserved={!!p.reserve} /> : null}<button type="button" className="btn btn--ghost btn--sm" disabled={withdraw.isPending} onClick={() => { if (window.confirm(t('screening.withdrawConfirm', { title: p.title }))) withdraw.mutate(p.id); }} data-testid="project-withdraw">{t('screening.withdraw')}</button></span>
      : isReservable(p.status) ? <ReserveButton token={token} bodyId={body.id} kind="project" id={p.id} title={p.title} reserved={!!p.reserve} /> : null) },
  ], [t, fmt, checklist, withdraw, token, body.id]);

  return (
    <section className="stack" aria-labelledby="screening-heading" data-testid="screening">
      <PanelHead id="screening-heading" heading={t('screening.heading', { year })} intro={t('screening.intro')} />
      <ErrorBox error={projects.error ?? checklist.error ?? withdraw.error} />
      <DataTable caption={t('screening.caption')} columns={columns} rows={rows} total={rows.length} page={{ offset: 0, limit: Math.max(rows.length, 1) }} onPage={() => {}}
        selection={selection} onSelection={setSelection} canSelect={(p) => p.status === 'assessed'} getRowId={(p) => p.id} empty={t('screening.empty')} loading={projects.isFetching} testId="screening-table" rowTestId={(p) => `screening-row-${p.id}`} />
      {editing && rows.some((p) => p.id === editing) ? <EditProjectForm token={token} bodyId={body.id} project={rows.find((p) => p.id === editing)!} onDone={() => setEditing(null)} /> : null}
      <div className="card stack" data-testid="list-builder">
        <h3>{t('screening.builder')}</h3>
        <div className="inline-form inline-form--wrap">
          <div className="field"><label className="field__label" htmlFor="list-seats">{t('screening.seats')}</label>
            <input id="list-seats" className="input" type="number" min={1} max={200} value={seats} onChange={(e) => setSeats(Number(e.target.value) || 1)} data-testid="list-seats" /></div>
          <p data-testid="list-summary">{t('screening.summary', { count: chosen.length, seats, ratio: differentialRatio(chosen.length, seats).toFixed(2), total: fmt.wan(total) })}</p>
        </div>
        {chosen.length && warnings.length ? <p className="alert alert--warn" role="status" data-testid="list-warning">{t('screening.ratioWarning', { needed: warnings[0].needed })}</p> : null}
        <ErrorBox error={createList.error} />
        <button type="button" className="btn btn--primary" disabled={!chosen.length || createList.isPending} data-testid="list-save"
          onClick={() => createList.mutate({ year, projectIds: chosen.map((p) => p.id), seats }, { onSuccess: () => setSelection({}) })}>{t('screening.save')}</button>
      </div>
      <CandidateLists token={token} body={body} year={year} projects={rows} />
    </section>
  );
}
