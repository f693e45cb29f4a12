import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SessionKind } from '../../../../shared/types';
import { defaultQuorum } from '../../../../shared/counting/quorum';
import type { Body, StaffSessionSummary } from '../../api';
import { ErrorBox, Loading } from '../../components/Feedback';
import { useFormat } from '../../format';
import { adminApi, fieldsOf, type FieldIssue } from './adminApi';
import { FormError, issuesFor } from './common';
import { FieldError, FormField, type ControlProps } from './FormField';

function quorumText(t: TFunction, num: number, den: number, strict: boolean) {
  return t(strict ? 'session.quorumRuleStrict' : 'session.quorumRule', { num, den });
}

/** 会议: the body's sessions (open each in the presider console) and a form to create one. */
export function SessionsPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [sessions, setSessions] = useState<StaffSessionSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [showForm, setShowForm] = useState(false);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);

  const load = useCallback(() => adminApi.sessions(token, body.id).then((s) => (setSessions(s), setError(null)), setError), [token, body.id]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="stack" data-testid="admin-sessions">
      <div className="admin-panel-head">
        <h2>{t('admin.sessions.heading')}</h2>
        <button
          type="button"
          className={showForm ? 'btn btn--primary' : 'btn btn--secondary'}
          aria-expanded={showForm}
          aria-controls="session-form-area"
          onClick={() => setShowForm((v) => !v)}
          data-testid="admin-session-create-toggle"
        >
          {t('admin.sessions.create')}
        </button>
      </div>
      <div id="session-form-area">
        {showForm ? (
          <SessionForm
            token={token}
            body={body}
            onCreated={(s) => {
              setCreated(s);
              setShowForm(false);
              void load();
            }}
            onCancel={() => setShowForm(false)}
          />
        ) : null}
      </div>
      {created ? (
        <div className="alert alert--ok" role="status" data-testid="admin-session-created">
          {t('admin.sessions.created', { name: created.name })}{' '}
          <Link to={`/console/${encodeURIComponent(created.id)}`} data-testid="admin-session-created-link">
            {t('admin.sessions.openConsole')}
          </Link>
        </div>
      ) : null}
      {error ? <ErrorBox error={error} testId="admin-sessions-error" /> : null}
      {!sessions ? (
        error ? null : <Loading />
      ) : sessions.length === 0 ? (
        <p className="muted" data-testid="admin-sessions-empty">
          {t('admin.sessions.empty')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="admin-session-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.sessions.name')}</th>
                <th scope="col">{t('admin.sessions.kind')}</th>
                <th scope="col">{t('admin.sessions.state')}</th>
                <th scope="col" className="num-col">
                  {t('session.rosterSize')}
                </th>
                <th scope="col" className="num-col">
                  {t('session.present')}
                </th>
                <th scope="col">{t('admin.sessions.createdAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.members.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id} data-testid={`admin-session-row-${s.id}`}>
                  <th scope="row">{s.name}</th>
                  <td>{t(`session.kind.${s.kind}`)}</td>
                  <td>
                    <span className={s.state === 'open' ? 'tag tag--ok' : 'tag tag--muted'}>{t(`session.state.${s.state}`, { defaultValue: s.state })}</span>
                  </td>
                  <td className="num-col">{fmt.num(s.rosterSize)}</td>
                  <td className="num-col">{fmt.num(s.present)}</td>
                  {/* may wrap: kept on one line it pushed 打开控制台 / Open console out of sight at 1024 px (English) */}
                  <td>{fmt.dateTime(s.createdAt)}</td>
                  <td className="nowrap">
                    <Link
                      className="btn btn--ghost btn--sm"
                      to={`/console/${encodeURIComponent(s.id)}`}
                      data-testid={`admin-session-console-${s.id}`}
                    >
                      {t('admin.sessions.openConsole')}
                      {/* the visible words first, then which session: an aria-label would drop the words a voice-control user says */}
                      <span className="visually-hidden"> — {s.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function SessionForm({
  token,
  body,
  onCreated,
  onCancel,
}: {
  token: string;
  body: Body;
  onCreated: (s: { id: string; name: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SessionKind>('congress');
  const [custom, setCustom] = useState(false);
  const def = defaultQuorum(kind);
  const [num, setNum] = useState(String(def.num));
  const [den, setDen] = useState(String(def.den));
  const [strict, setStrict] = useState(def.strict);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localIssues, setLocalIssues] = useState<FieldIssue[]>([]);
  const issues = [...localIssues, ...fieldsOf(error)];
  // The fraction's own complaint (e.g. more than 1) comes back on `quorum` itself.
  const quorumOwn = issues.filter((i) => i.field === 'quorum');

  const chooseKind = (k: SessionKind) => {
    setKind(k);
    const d = defaultQuorum(k);
    setNum(String(d.num));
    setDen(String(d.den));
    setStrict(d.strict);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const local: FieldIssue[] = [];
    const n = Number(num);
    const d = Number(den);
    if (custom) {
      if (!num.trim() || !Number.isInteger(n)) local.push({ field: 'quorum.num', message: t('admin.validation.integer') });
      if (!den.trim() || !Number.isInteger(d)) local.push({ field: 'quorum.den', message: t('admin.validation.integer') });
    }
    setLocalIssues(local);
    if (local.length) return;
    setBusy(true);
    try {
      const s = await adminApi.createSession(token, body.id, {
        name: name.trim(),
        kind,
        ...(custom ? { quorum: { num: n, den: d, strict } } : {}),
      });
      onCreated(s);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate data-testid="admin-session-form" aria-labelledby="session-form-heading">
      <h3 id="session-form-heading">{t('admin.sessions.formHeading', { name: body.name })}</h3>
      <div className="admin-form-grid">
        <FormField id="session-name" label={t('admin.sessions.name')} issues={issuesFor(issues, 'name')} required errorTestId="admin-session-name-error" className="admin-span-2">
          {(control) => (
            <input
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={200}
              aria-required="true"
              placeholder={t(`admin.sessions.namePlaceholder.${kind}`)}
              data-testid="admin-session-name"
              {...control}
            />
          )}
        </FormField>
        <FormField id="session-kind" label={t('admin.sessions.kind')} issues={issuesFor(issues, 'kind')} hint={t(`admin.sessions.rosterHint.${kind}`)}>
          {(control) => (
            <select
              className="input"
              value={kind}
              onChange={(e) => chooseKind(e.target.value as SessionKind)}
              data-testid="admin-session-kind"
              {...control}
            >
              <option value="congress">{t('session.kind.congress')}</option>
              <option value="committee">{t('session.kind.committee')}</option>
            </select>
          )}
        </FormField>
      </div>
      <fieldset className="fieldset stack">
        <legend>{t('session.quorum')}</legend>
        <p className="admin-quorum-default" data-testid="admin-session-quorum-default">
          {t('admin.sessions.quorumDefault', { rule: quorumText(t, def.num, def.den, def.strict) })}
          <span className="muted small admin-quorum-law">{t(`admin.sessions.quorumLaw.${kind}`)}</span>
        </p>
        <label className="check">
          <input type="checkbox" checked={custom} onChange={(e) => setCustom(e.target.checked)} aria-controls={custom ? 'session-quorum-custom' : undefined} data-testid="admin-session-quorum-custom" />
          <span>{t('admin.sessions.quorumCustom')}</span>
        </label>
        {custom ? (
          <div id="session-quorum-custom" className="stack">
            <div className="admin-quorum-row">
              <FormField id="session-quorum-strict" label={t('admin.sessions.quorumCompare')} issues={issuesFor(issues, 'quorum.strict')}>
                {(control) => (
                  <select
                    className="input"
                    value={strict ? 'strict' : 'atleast'}
                    onChange={(e) => setStrict(e.target.value === 'strict')}
                    data-testid="admin-session-quorum-strict"
                    {...control}
                  >
                    <option value="atleast">{t('admin.sessions.atLeast')}</option>
                    <option value="strict">{t('admin.sessions.moreThan')}</option>
                  </select>
                )}
              </FormField>
              <QuorumPart part="num" label={t('admin.sessions.quorumNum')} value={num} onChange={setNum} issues={issuesFor(issues, 'quorum.num')} fractionRefused={quorumOwn.length > 0} />
              <span className="admin-quorum-slash" aria-hidden="true">
                /
              </span>
              <QuorumPart part="den" label={t('admin.sessions.quorumDen')} value={den} onChange={setDen} issues={issuesFor(issues, 'quorum.den')} fractionRefused={quorumOwn.length > 0} />
            </div>
            <p className="admin-quorum-preview" role="status" data-testid="admin-session-quorum-preview">
              {Number.isInteger(Number(num)) && Number.isInteger(Number(den)) && Number(num) >= 1 && Number(num) <= Number(den)
                ? t('admin.sessions.quorumPreview', { rule: quorumText(t, Number(num), Number(den), strict) })
                : null}
            </p>
            <FieldError id="session-quorum" issues={quorumOwn} testId="admin-session-quorum-error" />
          </div>
        ) : null}
      </fieldset>
      <FormError error={error} placed={custom ? ['name', 'kind', 'quorum'] : ['name', 'kind']} testId="admin-session-error" />
      <div className="btn-row">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="admin-session-submit">
          {busy ? t('common.working') : t('admin.sessions.submit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Numerator or denominator of a custom quorum. */
function QuorumPart({
  part,
  label,
  value,
  onChange,
  issues,
  fractionRefused,
}: {
  part: 'num' | 'den';
  label: string;
  value: string;
  onChange: (value: string) => void;
  issues: FieldIssue[];
  /** the fraction as a whole was refused (e.g. more than 1): both parts are marked and point to that message */
  fractionRefused: boolean;
}) {
  const id = `session-quorum-${part}`;
  return (
    <FormField id={id} label={label} issues={issues} errorTestId={`admin-${id}-error`}>
      {(control) => (
        <input
          className="input"
          type="number"
          min={1}
          max={100}
          step={1}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid={`admin-${id}`}
          {...withFractionError(control, fractionRefused)}
        />
      )}
    </FormField>
  );
}

function withFractionError(control: ControlProps, refused: boolean): ControlProps {
  if (!refused) return control;
  return { ...control, 'aria-invalid': true, 'aria-describedby': [control['aria-describedby'], 'session-quorum-error'].filter(Boolean).join(' ') };
}
