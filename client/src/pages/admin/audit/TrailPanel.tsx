// 操作记录 · every change of the body in words, newest first, 50 a page cut by the server: when, who, what
// happened (its facts under it) and the stage as a chip. A stage select narrows it; choosing a subject in a
// sentence shows only that thing's entries. The view lives in the URL (?stage=&subject=&offset=).
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { Body } from '../../../api';
import { DataTable } from '../../../components/DataTable';
import { ErrorBox } from '../../../components/ErrorBox';
import { useFormat } from '../../../format';
import { auditStages, type AuditItem, type AuditStage } from '../../../../../shared/audit';
import { Actor, Sentence, StageChip } from '../../audit/AuditParts';
import { auditWords, stageName, stageOf } from '../../audit/auditWords';
import { PanelHead } from '../common';
import { useTrail, type TrailFilters } from './auditApi';

const PAGE = 50;
/** the ids the trail's filter accepts (server/db/ids.ts); an older row's subject may be none ("3 suggestions") */
const filterable = (id: string) => /^[0-9a-z]{1,40}$/.test(id);

export function TrailPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const stageParam = params.get('stage');
  const filters: TrailFilters = {
    stage: (auditStages as readonly string[]).includes(stageParam ?? '') ? (stageParam as AuditStage) : undefined,
    subject: params.get('subject') || undefined,
    offset: Number(params.get('offset')) || 0,
    limit: PAGE,
  };
  const trail = useTrail(token, body.id, filters);
  const set = useCallback((changes: Record<string, string | undefined>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
    if (!('offset' in changes)) next.delete('offset');
    return next;
  }, { replace: true }), [setParams]);
  const rows = trail.data?.items ?? [];
  const words = useMemo(() => new Map(rows.map((r) => [r.id, auditWords(t, fmt, r)])), [rows, t, fmt]);
  const about = filters.subject && rows[0]?.subject.id === filters.subject ? words.get(rows[0].id)?.subject : undefined;

  const columns = useMemo<ColumnDef<AuditItem, unknown>[]>(() => [
    { id: 'at', header: t('audit.col.at'), meta: { className: 'audit__when' }, cell: ({ row: { original: r } }) => <time dateTime={r.at}>{fmt.dateTime(r.at)}</time> },
    { id: 'actor', header: t('audit.col.actor'), meta: { className: 'audit__actor' }, cell: ({ row: { original: r } }) => <Actor actor={words.get(r.id)!.actor} /> },
    {
      id: 'what', header: t('audit.col.what'),
      cell: ({ row: { original: r } }) => (
        <Sentence words={words.get(r.id)!} testId="trail-sentence"
          onSubject={!filters.subject && filterable(r.subject.id) ? () => set({ subject: r.subject.id }) : undefined} />
      ),
    },
    { id: 'stage', header: t('audit.col.stage'), cell: ({ row: { original: r } }) => <StageChip stage={stageOf(r)} /> },
  ], [t, fmt, words, filters.subject, set]);

  return (
    <section className="stack" aria-labelledby="trail-heading" data-testid="trail">
      <PanelHead id="trail-heading" heading={t('audit.heading')} intro={t('audit.intro')} />
      <div className="audit__filters">
        <div className="field">
          <label className="field__label" htmlFor="trail-stage">{t('audit.filter.stage')}</label>
          <select id="trail-stage" className="input" value={filters.stage ?? ''} onChange={(e) => set({ stage: e.target.value || undefined })} data-testid="trail-stage">
            <option value="">{t('audit.filter.allStages')}</option>
            {auditStages.map((s) => <option key={s} value={s}>{stageName(t, s)}</option>)}
          </select>
        </div>
        {filters.subject ? (
          <p className="audit__only" data-testid="trail-subject">
            <span>{about ? t('audit.filter.subject', { subject: about }) : t('audit.filter.onlyThis')}</span>
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => set({ subject: undefined })} data-testid="trail-subject-clear">
              {t('audit.filter.clear')}
            </button>
          </p>
        ) : null}
      </div>
      <ErrorBox error={trail.error} />
      <DataTable caption={t('audit.heading')} columns={columns} rows={rows} total={trail.data?.total ?? 0} loading={trail.isFetching}
        page={{ offset: filters.offset, limit: PAGE }} onPage={(p) => set({ offset: p.offset ? String(p.offset) : undefined })}
        getRowId={(r) => String(r.id)} empty={t(filters.stage || filters.subject ? 'audit.emptyFiltered' : 'audit.empty')}
        testId="trail-table" rowTestId={() => 'trail-row'} rowData={(r) => ({ 'data-action': r.action, 'data-subject': r.subject.id })} />
    </section>
  );
}
