import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { Body } from '../../api';
import { Loading } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { useFormat } from '../../format';
import { useMembers, useRegenerateCode, type Member, type MemberWithCode } from './adminApi';
import { AddMembersForm } from './AddMembersForm';
import { CSV_TEMPLATE, ImportMembers } from './ImportMembers';
import { LocalTable } from '../../components/DataTable';
import { ConfirmDialog, ToggleButton } from './common';
import { PhoneDialog } from './notices/PhoneDialog';
import { phoneOf } from './notices/noticesApi';
import { maskPhone } from '../../../../shared/phone';

const NO_DELEGATION = '\u0000none';

/** 代表名单: list, add by form, import CSV, and a new sign-in code for a lost card. */
export function MembersPanel({ token, body, onIssued }: { token: string; body: Body; onIssued: (list: MemberWithCode[]) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data: members, error: loadError } = useMembers(token, body.id);
  const [mode, setMode] = useState<'none' | 'add' | 'import'>('none');
  const [filter, setFilter] = useState('');
  const [delegationFilter, setDelegationFilter] = useState('');
  const [regenFor, setRegenFor] = useState<Member | null>(null);
  const regen = useRegenerateCode(token);
  // 手机号 (notices): masked in the list, set or corrected in a dialog
  const [phoneFor, setPhoneFor] = useState<Member | null>(null);
  const [phoneSaved, setPhoneSaved] = useState('');

  const delegations = useMemo(() => {
    const s = new Set<string>();
    for (const m of members ?? []) if (m.delegation) s.add(m.delegation);
    return [...s].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  }, [members]);

  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (members ?? []).filter(
      (m) =>
        (!delegationFilter || (delegationFilter === NO_DELEGATION ? !m.delegation : m.delegation === delegationFilter)) &&
        (!f || m.name.toLowerCase().includes(f) || (m.delegation ?? '').toLowerCase().includes(f)),
    );
  }, [members, filter, delegationFilter]);

  const onAdded = (list: MemberWithCode[]) => {
    onIssued(list);
    setMode('none');
  };
  const regenerate = () => regenFor && regen.mutate(regenFor.id, { onSuccess: (m) => (onIssued([m]), setRegenFor(null)) });
  const committee = (members ?? []).filter((m) => m.kind === 'committee').length;
  const columns = useMemo<ColumnDef<Member, unknown>[]>(() => [
    { id: 'name', header: t('admin.members.name'), meta: { rowHeader: true, className: 'nowrap' }, cell: ({ row }) => row.original.name },
    { id: 'delegation', header: t('admin.members.delegation'), cell: ({ row }) => row.original.delegation ?? <span className="muted">{t('admin.members.noDelegation')}</span> },
    { id: 'kind', header: t('admin.members.kindLabel'), cell: ({ row }) => (row.original.kind === 'committee' ? <span className="tag tag--warn">{t('admin.members.kind.committee')}</span> : t('admin.members.kind.rep')) },
    {
      id: 'phone', header: t('noticesAdmin.phone.label'), meta: { className: 'notices__to' },
      cell: ({ row: { original: m } }) => {
        const phone = phoneOf(m);
        return (
          <span className="member-phone">
            <span className="mono" data-testid={`admin-member-phone-${m.id}`}>{phone ? maskPhone(phone) : <span className="muted">{t('noticesAdmin.phone.none')}</span>}</span>
            <button type="button" className="btn btn--ghost btn--sm" aria-label={t('noticesAdmin.phone.editFor', { name: m.name })} data-testid={`admin-member-phone-edit-${m.id}`}
              onClick={() => (setPhoneSaved(''), setPhoneFor(m))}>
              {t('noticesAdmin.phone.edit')}
            </button>
          </span>
        );
      },
    },
    {
      id: 'actions', header: () => <span className="visually-hidden">{t('admin.members.actions')}</span>, meta: { className: 'admin-actions-col' },
      cell: ({ row: { original: m } }) => (
        <button type="button" className="btn btn--ghost btn--sm" aria-label={t('admin.members.regenerateFor', { name: m.name })} data-testid={`admin-member-regen-${m.id}`}
          onClick={() => (regen.reset(), setRegenFor(m))}>
          {t('admin.members.regenerate')}
        </button>
      ),
    },
  ], [t, regen]);

  return (
    <div className="stack" data-testid="admin-members">

      <section className="stack" aria-labelledby="members-heading">
        <div className="admin-panel-head">
          <div>
            <h2 id="members-heading">{t('admin.members.heading')}</h2>
            {members ? (
              <p className="muted" data-testid="admin-member-count">
                {t('admin.members.count', { total: fmt.num(members.length), committee: fmt.num(committee), delegations: fmt.num(delegations.length) })}
              </p>
            ) : null}
          </div>
          <div className="btn-row">
            <ToggleButton open={mode === 'add'} onToggle={() => setMode(mode === 'add' ? 'none' : 'add')} controls="member-add-area" testId="admin-member-add-toggle">{t('admin.members.add')}</ToggleButton>
            <ToggleButton open={mode === 'import'} onToggle={() => setMode(mode === 'import' ? 'none' : 'import')} controls="member-add-area" testId="admin-member-import-toggle">{t('admin.members.import')}</ToggleButton>
            <a
              className="btn btn--ghost"
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${CSV_TEMPLATE}`)}`}
              download={t('admin.members.templateFile')}
              data-testid="admin-member-template"
            >
              {t('admin.members.template')}
            </a>
          </div>
        </div>

        <div id="member-add-area">
          {mode === 'add' ? (
            <AddMembersForm token={token} body={body} delegations={delegations} onAdded={onAdded} onCancel={() => setMode('none')} />
          ) : mode === 'import' ? (
            <ImportMembers token={token} body={body} onAdded={onAdded} onCancel={() => setMode('none')} />
          ) : null}
        </div>

        {loadError && !members ? <ErrorBox error={loadError} testId="admin-members-error" /> : null}
        {!members ? (
          loadError ? null : <Loading />
        ) : members.length === 0 ? (
          <p className="muted" data-testid="admin-members-empty">
            {t('admin.members.empty')}
          </p>
        ) : (
          <>
            <div className="admin-filter-bar">
              <div className="field field--inline">
                <label className="field__label" htmlFor="member-filter">{t('admin.members.filter')}</label>
                <input id="member-filter" className="input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="admin-member-filter" />
              </div>
              <div className="field field--inline">
                <label className="field__label" htmlFor="member-delegation-filter">{t('admin.members.delegation')}</label>
                <select id="member-delegation-filter" className="input" value={delegationFilter} onChange={(e) => setDelegationFilter(e.target.value)} data-testid="admin-member-delegation-filter">
                  <option value="">{t('admin.members.allDelegations')}</option>
                  {delegations.map((d) => <option key={d} value={d}>{d}</option>)}
                  {members.some((m) => !m.delegation) ? <option value={NO_DELEGATION}>{t('admin.members.noDelegation')}</option> : null}
                </select>
              </div>
              {filter.trim() || delegationFilter ? (
                <span className="muted small" role="status">
                  {t('admin.members.filtered', { shown: fmt.num(shown.length), total: fmt.num(members.length) })}
                </span>
              ) : null}
            </div>
            <div role="status">{phoneSaved ? <p className="alert alert--ok" data-testid="admin-member-phone-saved">{phoneSaved}</p> : null}</div>
            <LocalTable caption={t('admin.members.heading')} columns={columns} rows={shown} getRowId={(m) => m.id} empty={t('admin.members.empty')}
              testId="admin-member-table" rowTestId={(m) => `admin-member-row-${m.id}`} />
          </>
        )}
      </section>

      <PhoneDialog token={token} bodyId={body.id} member={phoneFor} onClose={() => setPhoneFor(null)}
        onDone={(message) => (setPhoneSaved(message), setPhoneFor(null))} />

      <ConfirmDialog
        open={regenFor !== null}
        title={t('admin.members.regenerateTitle', { name: regenFor?.name ?? '' })}
        confirmLabel={t('admin.members.regenerateConfirm')}
        busy={regen.isPending}
        onConfirm={regenerate}
        onCancel={() => (setRegenFor(null), regen.reset())}
        testId="admin-regen-dialog"
      >
        <p>
          {t('admin.members.regenerateBody', {
            name: regenFor?.name ?? '',
            delegation: regenFor?.delegation ?? t('admin.members.noDelegation'),
          })}
        </p>
        <ErrorBox error={regen.error} scope="admin" testId="admin-regen-dialog-error" />
      </ConfirmDialog>
    </div>
  );
}
