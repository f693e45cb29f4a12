import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberKind } from '../../../../shared/types';
import type { Body } from '../../api';
import { ErrorBox, Loading } from '../../components/Feedback';
import { useFormat } from '../../format';
import { adminApi, fieldsOf, type Member, type MemberWithCode } from './adminApi';
import { ConfirmDialog, FormError, adminErrorText, issuesFor, localizeMessage } from './common';
import { FormField } from './FormField';

export const CSV_TEMPLATE = 'name,delegation,kind\n张三,城关镇代表团,rep\n李四,城关镇代表团,committee\n王五,河西镇代表团,\n';

/** Excel on a Chinese Windows saves "CSV" in GB18030/GBK: accept both, send UTF-8. */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

interface Row {
  key: number;
  name: string;
  delegation: string;
  kind: MemberKind;
}

const NO_DELEGATION = '\u0000none';
let rowKey = 0;
const emptyRow = (delegation = ''): Row => ({ key: ++rowKey, name: '', delegation, kind: 'rep' });

/** 代表名单: list, add by form, import CSV, and a new sign-in code for a lost card. */
export function MembersPanel({ token, body, onIssued }: { token: string; body: Body; onIssued: (list: MemberWithCode[]) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [mode, setMode] = useState<'none' | 'add' | 'import'>('none');
  const [filter, setFilter] = useState('');
  const [delegationFilter, setDelegationFilter] = useState('');
  const [regenFor, setRegenFor] = useState<Member | null>(null);
  const [regenBusy, setRegenBusy] = useState(false);
  const [regenError, setRegenError] = useState<unknown>(null);

  // Sorted as a clerk reads a roster: by delegation, then by name, in Chinese (pinyin) order.
  const load = useCallback(
    () =>
      adminApi.members(token, body.id).then((m) => {
        const coll = new Intl.Collator('zh-CN');
        setMembers([...m].sort((a, b) => coll.compare(a.delegation ?? '\uffff', b.delegation ?? '\uffff') || coll.compare(a.name, b.name)));
        setLoadError(null);
      }, setLoadError),
    [token, body.id],
  );
  useEffect(() => {
    void load();
  }, [load]);

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

  const addIssued = onIssued;

  const onAdded = (list: MemberWithCode[]) => {
    addIssued(list);
    setMode('none');
    void load();
  };

  const regenerate = async () => {
    if (!regenFor) return;
    setRegenBusy(true);
    setRegenError(null);
    try {
      const m = await adminApi.regenerateCode(token, regenFor.id);
      addIssued([m]);
      setRegenFor(null);
    } catch (e) {
      setRegenError(e);
    } finally {
      setRegenBusy(false);
    }
  };

  const committee = (members ?? []).filter((m) => m.kind === 'committee').length;

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
            <button
              type="button"
              className={mode === 'add' ? 'btn btn--primary' : 'btn btn--secondary'}
              aria-expanded={mode === 'add'}
              aria-controls="member-add-area"
              onClick={() => setMode(mode === 'add' ? 'none' : 'add')}
              data-testid="admin-member-add-toggle"
            >
              {t('admin.members.add')}
            </button>
            <button
              type="button"
              className={mode === 'import' ? 'btn btn--primary' : 'btn btn--secondary'}
              aria-expanded={mode === 'import'}
              aria-controls="member-add-area"
              onClick={() => setMode(mode === 'import' ? 'none' : 'import')}
              data-testid="admin-member-import-toggle"
            >
              {t('admin.members.import')}
            </button>
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
              <FormField id="member-filter" label={t('admin.members.filter')} className="field--inline">
                {(control) => (
                  <input
                    className="input"
                    type="search"
                    value={filter}
                    onChange={(e) => setFilter(e.target.value)}
                    data-testid="admin-member-filter"
                    {...control}
                  />
                )}
              </FormField>
              <FormField id="member-delegation-filter" label={t('admin.members.delegation')} className="field--inline">
                {(control) => (
                  <select
                    className="input"
                    value={delegationFilter}
                    onChange={(e) => setDelegationFilter(e.target.value)}
                    data-testid="admin-member-delegation-filter"
                    {...control}
                  >
                    <option value="">{t('admin.members.allDelegations')}</option>
                    {delegations.map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                    {members.some((m) => !m.delegation) ? <option value={NO_DELEGATION}>{t('admin.members.noDelegation')}</option> : null}
                  </select>
                )}
              </FormField>
              {filter.trim() || delegationFilter ? (
                <span className="muted small" role="status">
                  {t('admin.members.filtered', { shown: fmt.num(shown.length), total: fmt.num(members.length) })}
                </span>
              ) : null}
            </div>
            <ErrorBox error={regenError && !regenFor ? regenError : null} testId="admin-regen-error" />
            <div className="table-scroll">
              <table className="table admin-members-table" data-testid="admin-member-table">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.members.name')}</th>
                    <th scope="col">{t('admin.members.delegation')}</th>
                    <th scope="col">{t('admin.members.kindLabel')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('admin.members.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((m) => (
                    <tr key={m.id} data-testid={`admin-member-row-${m.id}`}>
                      <th scope="row">{m.name}</th>
                      <td>{m.delegation ?? <span className="muted">{t('admin.members.noDelegation')}</span>}</td>
                      <td>{m.kind === 'committee' ? <span className="tag tag--warn">{t('admin.members.kind.committee')}</span> : t('admin.members.kind.rep')}</td>
                      <td className="admin-actions-col">
                        <button
                          type="button"
                          className="btn btn--ghost btn--sm"
                          onClick={() => {
                            setRegenError(null);
                            setRegenFor(m);
                          }}
                          aria-label={t('admin.members.regenerateFor', { name: m.name })}
                          data-testid={`admin-member-regen-${m.id}`}
                        >
                          {t('admin.members.regenerate')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <ConfirmDialog
        open={regenFor !== null}
        title={t('admin.members.regenerateTitle', { name: regenFor?.name ?? '' })}
        confirmLabel={t('admin.members.regenerateConfirm')}
        busy={regenBusy}
        onConfirm={() => void regenerate()}
        onCancel={() => {
          setRegenFor(null);
          setRegenError(null);
        }}
        testId="admin-regen-dialog"
      >
        <p>
          {t('admin.members.regenerateBody', {
            name: regenFor?.name ?? '',
            delegation: regenFor?.delegation ?? t('admin.members.noDelegation'),
          })}
        </p>
        {regenError ? (
          <div className="alert alert--error" role="alert" data-testid="admin-regen-dialog-error">
            {adminErrorText(t, regenError)}
          </div>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

function AddMembersForm({
  token,
  body,
  delegations,
  onAdded,
  onCancel,
}: {
  token: string;
  body: Body;
  delegations: string[];
  onAdded: (list: MemberWithCode[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => [emptyRow()]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const issues = fieldsOf(error);
  const firstInput = useRef<HTMLInputElement>(null);
  const lastAdded = useRef<number | null>(null);

  useEffect(() => {
    firstInput.current?.focus();
  }, []);
  useEffect(() => {
    if (lastAdded.current !== null) {
      document.getElementById(`member-${lastAdded.current}-name`)?.focus();
      lastAdded.current = null;
    }
  }, [rows.length]);

  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRow = () => {
    const r = emptyRow(rows[rows.length - 1]?.delegation ?? '');
    lastAdded.current = r.key;
    setRows((rs) => [...rs, r]);
  };
  const removeRow = (key: number) => setRows((rs) => (rs.length > 1 ? rs.filter((r) => r.key !== key) : rs));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Rows left entirely blank are ignored; a half-filled row goes to the server, which names the problem.
    const filled = rows.filter((r) => r.name.trim() || r.delegation.trim());
    const send = filled.length ? filled : rows.slice(0, 1);
    if (send !== rows) setRows(send.length ? send : [emptyRow()]);
    setBusy(true);
    setError(null);
    try {
      const res = await adminApi.addMembers(
        token,
        body.id,
        send.map((r) => ({ name: r.name.trim(), ...(r.delegation.trim() ? { delegation: r.delegation.trim() } : {}), kind: r.kind })),
      );
      onAdded(res.members);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const placed = ['members'];
  return (
    <form className="card stack" onSubmit={submit} noValidate data-testid="admin-member-form" aria-labelledby="member-form-heading">
      <h3 id="member-form-heading">{t('admin.members.addHeading')}</h3>
      <p className="muted small">{t('admin.members.addHint')}</p>
      <datalist id="member-delegations">
        {delegations.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <ol className="member-rows">
        {rows.map((r, i) => {
          const base = `member-${r.key}`;
          const nameIssues = issuesFor(issues, `members.${i}.name`);
          const delIssues = issuesFor(issues, `members.${i}.delegation`);
          const kindIssues = issuesFor(issues, `members.${i}.kind`);
          return (
            <li key={r.key} className="member-rows__row" data-testid={`admin-member-form-row-${i}`}>
              <span className="member-rows__num" aria-hidden="true">
                {i + 1}
              </span>
              <FormField id={`${base}-name`} label={t('admin.members.name')} issues={nameIssues} required errorTestId={`admin-member-name-${i}-error`}>
                {(control) => (
                  <input
                    ref={i === 0 ? firstInput : undefined}
                    className="input"
                    value={r.name}
                    onChange={(e) => update(r.key, { name: e.target.value })}
                    maxLength={50}
                    aria-required="true"
                    autoComplete="off"
                    data-testid={`admin-member-name-${i}`}
                    {...control}
                  />
                )}
              </FormField>
              <FormField id={`${base}-delegation`} label={t('admin.members.delegation')} issues={delIssues}>
                {(control) => (
                  <input
                    className="input"
                    value={r.delegation}
                    onChange={(e) => update(r.key, { delegation: e.target.value })}
                    list="member-delegations"
                    maxLength={100}
                    autoComplete="off"
                    data-testid={`admin-member-delegation-${i}`}
                    {...control}
                  />
                )}
              </FormField>
              <FormField id={`${base}-kind`} label={t('admin.members.kindLabel')} issues={kindIssues}>
                {(control) => (
                  <select
                    className="input"
                    value={r.kind}
                    onChange={(e) => update(r.key, { kind: e.target.value as MemberKind })}
                    data-testid={`admin-member-kind-${i}`}
                    {...control}
                  >
                    <option value="rep">{t('admin.members.kind.rep')}</option>
                    <option value="committee">{t('admin.members.kind.committee')}</option>
                  </select>
                )}
              </FormField>
              <button
                type="button"
                className="btn btn--ghost btn--sm member-rows__remove"
                onClick={() => removeRow(r.key)}
                disabled={rows.length === 1}
                aria-label={t('admin.members.removeRow', { n: i + 1 })}
                data-testid={`admin-member-remove-${i}`}
              >
                {t('admin.members.remove')}
              </button>
            </li>
          );
        })}
      </ol>
      <div>
        <button type="button" className="btn btn--ghost btn--sm" onClick={addRow} disabled={rows.length >= 200} data-testid="admin-member-add-row">
          {t('admin.members.addRow')}
        </button>
      </div>
      <FormError error={error} placed={placed.flatMap((p) => rows.map((_, i) => `${p}.${i}`))} testId="admin-member-error" />
      <div className="btn-row">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="admin-member-submit">
          {busy ? t('common.working') : t('admin.members.submit', { count: rows.filter((r) => r.name.trim() || r.delegation.trim()).length || 1 })}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ImportMembers({
  token,
  body,
  onAdded,
  onCancel,
}: {
  token: string;
  body: Body;
  onAdded: (list: MemberWithCode[]) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [readError, setReadError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const issues = fieldsOf(error);
  const rowIssues = issues.filter((i) => i.row !== undefined);
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).length;

  const onFile = async (file: File | undefined) => {
    setError(null);
    setReadError(false);
    if (!file) return;
    try {
      setText(decodeCsv(await file.arrayBuffer()));
      setFileName(file.name);
    } catch {
      setReadError(true);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await adminApi.importMembers(token, body.id, text);
      onAdded(res.members);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate data-testid="admin-import-form" aria-labelledby="import-heading">
      <h3 id="import-heading">{t('admin.members.importHeading')}</h3>
      <div className="admin-hint-box">
        <p>{t('admin.members.importHint')}</p>
        <pre className="admin-csv-sample" aria-label={t('admin.members.templateSample')}>
          {CSV_TEMPLATE}
        </pre>
        <p className="small muted">{t('admin.members.importKinds')}</p>
      </div>
      <FormField id="import-file" label={t('admin.members.importFile')}>
        {(control) => (
          <>
            <input
              className="input"
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(e) => void onFile(e.target.files?.[0])}
              data-testid="admin-import-file"
              {...control}
            />
            {readError ? (
              <p className="admin-field-error" role="alert">
                {t('admin.members.readError')}
              </p>
            ) : null}
          </>
        )}
      </FormField>
      <FormField
        id="import-text"
        label={t('admin.members.importText')}
        hint={fileName ? t('admin.members.importLoaded', { file: fileName, lines: fmt.num(Math.max(0, lines - 1)) }) : t('admin.members.importPasteHint')}
      >
        {(control) => (
          <textarea
            className="input mono admin-csv-text"
            rows={8}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFileName(null);
            }}
            spellCheck={false}
            data-testid="admin-import-text"
            {...control}
            // Row problems are listed under the form, not beside this field; still mark it invalid.
            aria-invalid={rowIssues.length ? true : undefined}
          />
        )}
      </FormField>
      {error ? (
        <div className="alert alert--error" role="alert" data-testid="admin-import-error">
          <p className="admin-alert-title">
            {rowIssues.length ? t('admin.members.importRejected', { count: rowIssues.length }) : adminErrorText(t, error)}
          </p>
          {rowIssues.length ? (
            <>
              <p className="small">{t('admin.members.nothingImported')}</p>
              <ul className="admin-issue-list" data-testid="admin-import-issues">
                {rowIssues.map((i, n) => (
                  <li key={n} data-testid={`admin-import-issue-${i.row}`}>
                    <strong>{t('admin.members.rowN', { row: i.row })}</strong>
                    {i.field && i.field !== '(row)' ? <> · {t(`admin.members.column.${i.field}`, { defaultValue: i.field })}</> : null}
                    {': '}
                    {i.field === 'kind' ? t('admin.members.kindInvalid') : localizeMessage(t, i18n.language, i.message)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <div className="btn-row">
        <button type="submit" className="btn btn--primary" disabled={busy || !text.trim()} data-testid="admin-import-submit">
          {busy ? t('common.working') : t('admin.members.importSubmit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
