import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/console.css';
import { call, setToken } from '../../api';
import { TopBar } from '../../components/TopBar';
import { useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { LabelledInput } from '../../components/LabelledInput';

/** Only same-site paths may be a `next` target. */
export function safeNext(next: string | null, fallback = '/console'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** /staff — staff sign-in, reused by /console (and later the admin screens). */
export default function StaffLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const requested = search.get('next');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useTitle(t('staff.title'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await call('POST /api/auth/login', { body: { username: username.trim(), password } });
      setToken('staff', r.token);
      // Without a page to return to, the clerk's office opens for an admin, the console for a presider.
      navigate(safeNext(requested, r.user.role === 'admin' ? '/admin' : r.user.role === 'department' ? '/dept' : '/console'), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page staff">
      <TopBar title={t('staff.title')} />
      <main className="container container--narrow" id="main">
        <form className="card stack" onSubmit={submit}>
          <h1>{t('staff.heading')}</h1>
          <LabelledInput label={t('staff.username')} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required
            data-testid="staff-username" />
          <LabelledInput label={t('staff.password')} type="password" name="password" autoComplete="current-password" value={password}
            onChange={(e) => setPassword(e.target.value)} required data-testid="staff-password" />
          <ErrorBox error={error} testId="staff-error" />
          <button type="submit" className="btn btn--primary btn--lg" disabled={busy || !username || !password} data-testid="staff-submit">
            {busy ? t('common.working') : t('staff.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
