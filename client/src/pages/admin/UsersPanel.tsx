import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/types';
import type { Body, StaffUser } from '../../api';
import { adminApi, fieldsOf } from './adminApi';
import { FormError, issuesFor } from './common';
import { FormField } from './FormField';

const ROLES: Role[] = ['presider', 'department', 'admin'];
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

function randomPassword(length = 12): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length]).join('');
}

/** Staff accounts of one body: presider (主持人/秘书处), department (承办单位), admin. */
export function UsersPanel({ token, body }: { token: string; body: Body }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [role, setRole] = useState<Role>('presider');
  const [department, setDepartment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<StaffUser[]>([]);
  const issues = fieldsOf(error);
  const usernameIssues = issuesFor(issues, 'username');
  const conflictIssue =
    error && (error as { code?: string }).code === 'username_taken'
      ? [{ field: 'username', message: t('admin.users.usernameTaken', { username: username.trim() }) }]
      : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const u = await adminApi.createUser(token, {
        username: username.trim(),
        password,
        role,
        bodyId: body.id,
        ...(role === 'department' ? { department: department.trim() } : {}),
      });
      setCreated((c) => [u, ...c]);
      setUsername('');
      setPassword('');
      setDepartment('');
      setShowPassword(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack" data-testid="admin-users">
      <form className="card stack" onSubmit={submit} noValidate data-testid="admin-user-form" aria-labelledby="user-form-heading">
        <h2 id="user-form-heading">{t('admin.users.heading', { name: body.name })}</h2>
        <p className="muted">{t('admin.users.intro')}</p>
        <div className="admin-form-grid admin-form-grid--2">
          <FormField id="user-role" label={t('admin.users.role')} issues={issuesFor(issues, 'role')} hint={t(`admin.users.roleHint.${role}`)}>
            {(control) => (
              <select
                className="input"
                value={role}
                onChange={(e) => setRole(e.target.value as Role)}
                data-testid="admin-user-role"
                {...control}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {role === 'department' ? (
            <FormField id="user-department" label={t('admin.users.department')} issues={issuesFor(issues, 'department')} required errorTestId="admin-user-department-error">
              {(control) => (
                <input
                  className="input"
                  value={department}
                  onChange={(e) => setDepartment(e.target.value)}
                  maxLength={100}
                  placeholder={t('admin.users.departmentPlaceholder')}
                  aria-required="true"
                  data-testid="admin-user-department"
                  {...control}
                />
              )}
            </FormField>
          ) : null}
          <FormField
            id="user-username"
            label={t('admin.users.username')}
            issues={[...usernameIssues, ...conflictIssue]}
            hint={t('admin.users.usernameHint')}
            required
            errorTestId="admin-user-username-error"
          >
            {(control) => (
              <input
                className="input"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                aria-required="true"
                data-testid="admin-user-username"
                {...control}
              />
            )}
          </FormField>
          <FormField id="user-password" label={t('admin.users.password')} issues={issuesFor(issues, 'password')} hint={t('admin.users.passwordHint')} required errorTestId="admin-user-password-error">
            {(control) => (
              <div className="admin-input-row">
                <input
                  className="input"
                  type={showPassword ? 'text' : 'password'}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  autoComplete="new-password"
                  aria-required="true"
                  data-testid="admin-user-password"
                  {...control}
                />
                <button type="button" className="btn btn--ghost btn--sm" aria-pressed={showPassword} onClick={() => setShowPassword((v) => !v)} data-testid="admin-user-password-show">
                  {showPassword ? t('admin.users.hidePassword') : t('admin.users.showPassword')}
                </button>
                <button
                  type="button"
                  className="btn btn--ghost btn--sm"
                  onClick={() => {
                    setPassword(randomPassword());
                    setShowPassword(true);
                  }}
                  data-testid="admin-user-password-generate"
                >
                  {t('admin.users.generate')}
                </button>
              </div>
            )}
          </FormField>
        </div>
        <FormError error={error} placed={['username', 'password', 'role', 'department']} testId="admin-user-error" />
        <div className="btn-row">
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="admin-user-submit">
            {busy ? t('common.working') : t('admin.users.submit')}
          </button>
        </div>
      </form>

      {created.length ? (
        <section className="card stack" aria-labelledby="users-created-heading" data-testid="admin-users-created">
          <h2 id="users-created-heading">{t('admin.users.created')}</h2>
          <p className="muted small">{t('admin.users.createdHint')}</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('admin.users.username')}</th>
                <th scope="col">{t('admin.users.role')}</th>
                <th scope="col">{t('admin.users.department')}</th>
              </tr>
            </thead>
            <tbody>
              {created.map((u) => (
                <tr key={u.id} data-testid={`admin-user-row-${u.id}`}>
                  <th scope="row" className="mono">
                    {u.username}
                  </th>
                  <td>{t(`role.${u.role}`)}</td>
                  <td>{u.department ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
